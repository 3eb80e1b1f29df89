"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The third-party material beside the project (`../shared`), or SWAPWIRE_SHARED."""
    return Path(os.environ.get("SWAPWIRE_SHARED", PROJECT_ROOT.parent / "shared")).resolve()


def corpora_dir() -> Path:
    return Path(os.environ.get("SWAPWIRE_CORPORA", shared_dir() / "corpora")).resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not (path / "eval").is_dir():
        pytest.skip(f"../shared not found at {path} (set SWAPWIRE_SHARED to run this test)")
    return path


@pytest.fixture(scope="session")
def corpora() -> Path:
    path = corpora_dir()
    if not path.is_dir():
        pytest.skip(f"third-party corpora not found at {path} (set SWAPWIRE_CORPORA to run this test)")
    return path
