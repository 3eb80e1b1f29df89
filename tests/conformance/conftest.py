"""Fixtures of the conformance suite (`make conformance`): a Prefect API, a memory sampler, figures.
Not part of `make test`: the suite is collected only when its directory (or a file in it) is named.

The suite runs the real ingest flow against third-party corpora and hostile loopback servers.
Each test adds its measured figures to `figures`; they are printed at the end of the session
(and written to `SWAPWIRE_CONFORMANCE_FIGURES` as JSON when that variable is set).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conformance.feedsite import PEAK_MEMORY_LIMIT_MB, MemorySampler

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

_FIGURES: dict[str, object] = {}
_SAMPLER = MemorySampler()


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Collect this suite only when asked for by path (`make conformance`): it takes minutes,
    so a plain `pytest` (`make test`) leaves it out."""
    here = Path(__file__).resolve().parent
    for arg in config.invocation_params.args:
        if arg.startswith("-"):
            continue
        requested = (config.invocation_params.dir / arg.split("::", 1)[0]).resolve()
        if requested == here or here in requested.parents:
            return None
    return True if collection_path.parent == here and collection_path.name.startswith("test_") else None


@pytest.fixture(scope="session", autouse=True)
def prefect_api():
    """One temporary Prefect API for the session (the flow's tasks report to it)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="session")
def memory() -> MemorySampler:
    """Samples the RSS of this process and its children (the Prefect API excluded) all session."""
    if not _SAMPLER._thread.is_alive():
        _SAMPLER.start()
    return _SAMPLER


@pytest.fixture(autouse=True)
def peak_memory_stays_bounded(memory):
    yield
    _FIGURES["peak_memory_mb"] = round(memory.peak_mb, 1)
    assert memory.peak_mb <= PEAK_MEMORY_LIMIT_MB, f"peak RSS {memory.peak_mb:.0f} MB"


@pytest.fixture(scope="session")
def figures() -> dict[str, object]:
    return _FIGURES


def pytest_terminal_summary(terminalreporter) -> None:
    if not _FIGURES:
        return
    terminalreporter.section("conformance figures")
    for name, value in _FIGURES.items():
        terminalreporter.write_line(f"{name}: {json.dumps(value, default=str)}")
    target = os.environ.get("SWAPWIRE_CONFORMANCE_FIGURES")
    if target:
        with open(target, "w", encoding="utf-8") as out:
            json.dump(_FIGURES, out, indent=2, default=str)
