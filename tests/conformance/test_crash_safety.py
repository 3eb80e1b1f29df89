"""Crash safety: `swapwire run` killed with SIGKILL at several points of a run over the sample
site, then a clean rerun. The warehouse must then be consistent and equal to a clean single
run's, and no raw page stored before the kill may be lost or fetched again.

Kill points are read from the sample site's request log (DuckDB's lock keeps the warehouse
closed while the run is alive). The CLI runs with small batches (`batch_size = 8`, one
transaction each) so a kill mid-fetch leaves some committed batches behind, and talks to the
session's Prefect API instead of starting its own.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from flows.sample_site import SampleSite, serve_sample_site
from tests.conformance.feedsite import PEAK_MEMORY_LIMIT_MB, MemorySampler, query

SWAPWIRE = Path(sys.executable).with_name("swapwire")
RUN_TIMEOUT = 300.0
CONFIG = "[pipeline]\nbatch_size = 8\nworkers = 1\n"


@dataclass(frozen=True)
class KillPoint:
    name: str
    reached: Callable[[SampleSite, float, int], bool]  # (site, seconds since start, pages in a clean run)


def _pages(site: SampleSite) -> int:
    return len(site.page_requests())


KILL_POINTS = [
    KillPoint("startup (0.5 s, before any request)", lambda site, t, n: t >= 0.5),
    KillPoint("first feed request", lambda site, t, n: len(site.requests) >= 1),
    KillPoint("3 pages fetched", lambda site, t, n: _pages(site) >= 3),
    KillPoint("half the pages fetched", lambda site, t, n: _pages(site) >= n // 2),
    KillPoint(
        "all pages fetched + 0.3 s (processing)", lambda site, t, n: _pages(site) >= n and _after(site, 0.3)
    ),
    KillPoint("all pages fetched + 1.5 s (late)", lambda site, t, n: _pages(site) >= n and _after(site, 1.5)),
]
_LAST_SEEN: dict[int, tuple[int, float]] = {}


def _after(site: SampleSite, seconds: float) -> bool:
    """True `seconds` after the request log stopped growing."""
    count = len(site.requests)
    seen, since = _LAST_SEEN.get(id(site), (-1, 0.0))
    if count != seen:
        _LAST_SEEN[id(site)] = (count, time.monotonic())
        return False
    return time.monotonic() - since >= seconds


def _cli_env(config: Path) -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    # SWAPWIRE_CONFIG, not only --config: `swapwire run` drops the [pipeline] and [fetch] settings
    # of --config (test_cli_config.py), and the small batches matter here.
    return {
        **os.environ,
        "PREFECT_API_URL": str(PREFECT_API_URL.value()),
        "SWAPWIRE_CONFIG": str(config),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }


def _command(site: SampleSite, db: Path, config: Path) -> list[str]:
    host_port = site.base_url.split("://", 1)[1]
    feeds = [arg for url in site.feed_urls for arg in ("--feed", url)]
    return [
        str(SWAPWIRE),
        "run",
        "--config",
        str(config),
        *feeds,
        "--db",
        str(db),
        "--allow-host",
        host_port,
        "--json",
    ]


def _run_clean(site: SampleSite, db: Path, config: Path) -> float:
    """One `swapwire run` to the end; the peak RSS of its process tree in MB."""
    process = subprocess.Popen(
        _command(site, db, config),
        env=_cli_env(config),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    memory = MemorySampler(root=process.pid).start()
    try:
        _, stderr = process.communicate(timeout=RUN_TIMEOUT)
    finally:
        memory.stop()
    assert process.returncode == 0, stderr[-2000:]
    assert memory.peak_mb <= PEAK_MEMORY_LIMIT_MB
    return round(memory.peak_mb)


def _run_and_kill(site: SampleSite, db: Path, config: Path, point: KillPoint, n_pages: int) -> dict:
    """Start the CLI, SIGKILL its whole process group when `point` is reached; what happened."""
    site.clear_requests()
    _LAST_SEEN.pop(id(site), None)
    process = subprocess.Popen(
        _command(site, db, config),
        env=_cli_env(config),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    started = time.monotonic()
    memory = MemorySampler(root=process.pid).start()
    try:
        while process.poll() is None and not point.reached(site, time.monotonic() - started, n_pages):
            if time.monotonic() - started > RUN_TIMEOUT:
                raise AssertionError(f"kill point {point.name!r} never reached")
            time.sleep(0.005)
        finished_first = process.poll() is not None
        if not finished_first:
            os.killpg(process.pid, signal.SIGKILL)  # the CLI and any child it started (extraction workers)
    finally:
        process.wait(30)
        memory.stop()
    return {
        "cli_peak_mb": round(memory.peak_mb),
        "point": point.name,
        "killed_at_s": round(time.monotonic() - started, 2),
        "pages_requested": _pages(site),
        "finished_before_kill": finished_first,
    }


def _snapshot(db: Path) -> dict:
    """What a user compares between two warehouses: counts and the exchanges themselves."""
    return {
        "articles": query(db, "select count(*), count(distinct url) from articles")[0],
        "stories": query(db, "select count(*) from stories")[0][0],
        "raw_pages": query(db, "select count(*) from raw_pages")[0][0],
        "mentions": query(db, "select count(*) from exchange_mentions")[0][0],
        "exchanges": query(
            db,
            "select event_date, returned_to_ukraine, returned_to_russia, mediators, n_articles "
            "from exchanges order by all",
        ),
    }


def _assert_consistent(db: Path) -> None:
    checks = {
        "duplicate article urls": "select count(*) from (select url from articles group by url having count(*) > 1)",
        "raw pages never processed": "select count(*) from raw_pages anti join processed_pages using (raw_page_id)",
        "articles without their raw page": "select count(*) from articles a anti join raw_pages r using (raw_page_id)",
        "ok page fetches without a raw page": "select count(*) from page_fetches p where outcome = 'ok' "
        "and not exists (select 1 from raw_pages r where r.raw_page_id = p.raw_page_id)",
        "runs still marked running": "select count(*) from runs where status = 'running'",
        "mentions of missing articles": "select count(*) from exchange_mentions m anti join articles a using (article_id)",
    }
    problems = {name: query(db, sql)[0][0] for name, sql in checks.items()}
    assert not any(problems.values()), problems


def _path(url: str) -> str:
    split = urlsplit(url)
    return split.path + (f"?{split.query}" if split.query else "")


@pytest.fixture(scope="module")
def site_and_baseline(tmp_path_factory, figures):
    folder = tmp_path_factory.mktemp("crash")
    config = folder / "swapwire.toml"
    config.write_text(CONFIG, encoding="utf-8")
    with serve_sample_site(revision=1) as site:
        baseline_db = folder / "baseline.duckdb"
        figures["clean_cli_run_peak_mb"] = _run_clean(site, baseline_db, config)
        n_pages = _pages(site)
        yield site, config, _snapshot(baseline_db), n_pages


@pytest.mark.parametrize("point", KILL_POINTS, ids=[p.name.split(" (")[0] for p in KILL_POINTS])
def test_kill_then_rerun_equals_a_clean_run(point, site_and_baseline, tmp_path, figures):
    site, config, baseline, n_pages = site_and_baseline
    db = tmp_path / "w.duckdb"
    kill = _run_and_kill(site, db, config, point, n_pages)
    stored_before = set()
    if db.exists():
        kill["run_status_after_kill"] = query(db, "select status from runs")
        stored_before = {
            (raw_page_id, url) for raw_page_id, url in query(db, "select raw_page_id, url from raw_pages")
        }
    kill["raw_pages_committed"] = len(stored_before)

    site.clear_requests()
    _run_clean(site, db, config)
    refetched = {_path(url) for _, url in stored_before} & {r.path for r in site.page_requests()}
    kill["rerun_page_requests"] = _pages(site)
    kill["runs"] = query(db, "select status, count(*) from runs group by status order by status")
    figures.setdefault("kill_points", []).append(kill)
    assert kill["cli_peak_mb"] <= PEAK_MEMORY_LIMIT_MB

    _assert_consistent(db)
    assert stored_before <= {(r, u) for r, u in query(db, "select raw_page_id, url from raw_pages")}
    assert not refetched, f"pages stored before the kill were fetched again: {sorted(refetched)[:5]}"
    statuses = dict(kill["runs"])
    # A late kill can land after the run committed 'completed', while Prefect is still shutting down.
    completed_before = kill["finished_before_kill"] or ("completed",) in kill.get("run_status_after_kill", [])
    assert statuses.get("completed") == (2 if completed_before else 1)
    assert set(statuses) <= {"completed", "interrupted"}
    assert _snapshot(db) == baseline


def test_repeated_kills_then_rerun_equal_a_clean_run(site_and_baseline, tmp_path, figures):
    site, config, baseline, n_pages = site_and_baseline
    db = tmp_path / "w.duckdb"
    chain = [KILL_POINTS[i] for i in (1, 2, 3, 4)]
    kills = [_run_and_kill(site, db, config, point, n_pages) for point in chain]
    site.clear_requests()
    _run_clean(site, db, config)
    figures["repeated_kills"] = {
        "kills": kills,
        "runs": query(db, "select status, count(*) from runs group by all"),
    }
    _assert_consistent(db)
    assert _snapshot(db) == baseline
