"""The extraction executor: inline for tiny batches, a process pool otherwise, same results."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

from flows.config import Settings
from flows.executors import MIN_PAGES_FOR_POOL, extraction_executor
from tasks.process import process_pages
from tests.flows.test_dask import sample_pages


def test_tiny_batches_run_inline(tmp_path):
    settings = Settings(db_path=tmp_path / "w.duckdb")
    with extraction_executor(settings, MIN_PAGES_FOR_POOL - 1) as executor:
        assert executor is None


def test_one_worker_runs_inline(tmp_path):
    settings = Settings(db_path=tmp_path / "w.duckdb", workers=1)
    with extraction_executor(settings, 1000) as executor:
        assert executor is None


def test_pool_results_equal_inline_results_in_input_order(tmp_path):
    pages = sample_pages(limit=12)
    expected = process_pages(pages)
    settings = Settings(db_path=tmp_path / "w.duckdb", workers=2)
    with extraction_executor(settings, len(pages)) as executor:
        assert isinstance(executor, ProcessPoolExecutor)
        done: list[int] = []
        in_pool = process_pages(pages, executor=executor, on_done=done.append)
    assert in_pool == expected
    assert sum(done) == len(pages)
    assert [p.raw_page_id for p in in_pool] == [p.raw_page_id for p in pages]


def test_pool_never_starts_more_workers_than_pages(tmp_path):
    settings = Settings(db_path=tmp_path / "w.duckdb", workers=64)
    with extraction_executor(settings, MIN_PAGES_FOR_POOL) as executor:
        assert executor._max_workers == MIN_PAGES_FOR_POOL
