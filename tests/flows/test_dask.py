"""Extraction on a Dask cluster through Prefect's DaskTaskRunner gives the in-process results.

A real `distributed.LocalCluster` (two worker processes) and the temporary Prefect API of the
test harness; about 15-25 s, most of it starting the cluster. Marked `integration`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from flows.config import Settings
from flows.executors import DaskExtraction, extraction_executor
from tasks.process import RawPage, process_pages

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]

SAMPLE_SITE = Path(__file__).resolve().parents[2] / "sample_site"


def sample_pages(limit: int = 8) -> list[RawPage]:
    paths = sorted(SAMPLE_SITE.rglob("*.html"))[:limit]
    return [
        RawPage(
            raw_page_id=f"page-{number}",
            url=f"https://{path.relative_to(SAMPLE_SITE).as_posix()}",
            canonical_url=f"https://{path.relative_to(SAMPLE_SITE).as_posix()}",
            body=path.read_bytes(),
            fetched_at=datetime(2026, 3, 1, 12, 0),
            content_type="text/html",
        )
        for number, path in enumerate(paths)
    ]


def test_extraction_on_a_local_dask_cluster_equals_in_process(prefect_harness, tmp_path):
    distributed = pytest.importorskip("distributed")
    from prefect import get_client
    from prefect.client.schemas.filters import TaskRunFilter, TaskRunFilterName

    pages = sample_pages()
    expected = process_pages(pages)
    assert any(p.mentions for p in expected), "the sample pages should include exchange reports"

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        settings = Settings(db_path=tmp_path / "unused.duckdb", dask_address=cluster.scheduler_address)
        with extraction_executor(settings, len(pages)) as executor:
            assert isinstance(executor, DaskExtraction)
            on_cluster = process_pages(pages, executor=executor)
        assert on_cluster == expected

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(
            task_run_filter=TaskRunFilter(name=TaskRunFilterName(like_="extract-chunk"))
        )
    assert runs and all(run.state.is_completed() for run in runs)
    # two workers, two chunks each: the pages were spread, not sent as one lump
    assert len(runs) >= 2
