"""Fixtures for flow tests: a real (temporary) Prefect API and the bundled sample site."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

SAMPLE_SITE = Path(__file__).resolve().parents[2] / "sample_site"


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def expected_site() -> dict:
    return json.loads((SAMPLE_SITE / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def sample_site():
    from flows.sample_site import serve_sample_site

    with serve_sample_site(revision=1) as site:
        yield site


def host_port(site) -> str:
    return site.base_url.split("://", 1)[1].rstrip("/")
