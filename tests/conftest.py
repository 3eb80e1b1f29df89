"""Fixtures shared by the whole suite."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def load_script(name: str, *, module_name: str | None = None) -> ModuleType:
    """Import scripts/<name>.py as a module (the scripts are not a package)."""
    module_name = module_name or f"scripts_{name}"
    spec = importlib.util.spec_from_file_location(module_name, PROJECT_ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


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
