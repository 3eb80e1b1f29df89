"""Where CPU-bound extraction runs: in this process, a process pool over all cores, or a Dask cluster.

`extraction_executor(settings, n_pages)` yields a `concurrent.futures.Executor` (or None for
inline), so `tasks.process.process_pages(pages, executor=...)` runs the same way everywhere:

* no `dask_address`: a local process pool (forkserver, one worker per core, started once per run);
* `dask_address` set: `DaskExtraction`, whose `map` submits chunks of pages as Prefect task runs
  through Prefect's `DaskTaskRunner` connected to that scheduler. Each chunk is one task run
  (visible in the Prefect UI, with its own state) executed on a Dask worker.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.context import TaskRunContext

from flows.config import Settings

T = TypeVar("T")
R = TypeVar("R")

MIN_PAGES_FOR_POOL = 8  # below this, starting worker processes costs more than it saves
# Modules the forkserver imports once, so each worker starts with trafilatura, lxml and the
# cleaning rules already loaded (a cold worker spends ~1 s importing them).
WORKER_PRELOAD = ["tasks.process"]


@contextmanager
def extraction_executor(settings: Settings, n_pages: int) -> Iterator[Executor | None]:
    """The executor for extracting `n_pages` pages under `settings`; None means run inline."""
    if settings.dask_address:
        with DaskExtraction.connect(settings.dask_address) as executor:
            yield executor
        return
    workers = settings.workers or os.cpu_count() or 1
    if workers <= 1 or n_pages < MIN_PAGES_FOR_POOL:
        yield None
        return
    # forkserver: workers start from a clean process, not a fork of one running Prefect's threads
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_PRELOAD)
    with ProcessPoolExecutor(max_workers=min(workers, n_pages), mp_context=context) as pool:
        yield pool


@task(name="extract-chunk", cache_policy=NO_CACHE)
def extract_chunk(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """One chunk of a DaskExtraction map, run as one Prefect task run on a Dask worker."""
    return [fn(item) for item in items]


class DaskExtraction(Executor):
    """An Executor over a Dask cluster, through Prefect's DaskTaskRunner (`map` only; `submit`
    of single calls is not offered: a task run per call is what batching avoids).

    `map` cuts its input into chunks (a Prefect task run costs milliseconds, so not one per page)
    and submits each chunk as one task run of `extract-chunk`; results come back in input order.
    `fn` and the items must be picklable (cloudpickle ships them to the workers), and the workers
    must be able to import this project and reach the Prefect API the flow uses.
    """

    def __init__(self, runner: Any, *, chunks_per_thread: int = 2) -> None:
        self._runner = runner
        self._chunks_per_thread = chunks_per_thread

    @classmethod
    @contextmanager
    def connect(cls, address: str) -> Iterator[DaskExtraction]:
        """Start a DaskTaskRunner on the scheduler at `address` (e.g. "tcp://10.0.0.5:8786")."""
        from prefect_dask import DaskTaskRunner  # imported here: only a cluster run needs dask

        with DaskTaskRunner(address=address) as runner:
            yield cls(runner)

    def _total_threads(self) -> int:
        return max(1, sum(self._runner.client.nthreads().values()))

    def map(
        self, fn: Callable[[T], R], *iterables: Iterable[T], timeout: float | None = None, chunksize: int = 1
    ) -> list[R]:  # type: ignore[override]
        """Run `fn` over the items on the cluster; `chunksize` is ignored: chunks are sized to
        give every worker thread `chunks_per_thread` task runs, which balances uneven pages."""
        if len(iterables) != 1:
            raise TypeError("DaskExtraction.map takes exactly one iterable")
        items = list(iterables[0])
        if not items:
            return []
        size = math.ceil(len(items) / (self._total_threads() * self._chunks_per_thread))
        # Submitted from inside a task (process-pages), the runner would ship that task's context,
        # parameters included (this executor, a progress callback), which cannot be pickled; the
        # chunks hang off the flow run instead.
        outer_task = TaskRunContext.__var__.set(None)
        try:
            futures = [
                self._runner.submit(extract_chunk, {"fn": fn, "items": items[start : start + size]})
                for start in range(0, len(items), size)
            ]
        finally:
            TaskRunContext.__var__.reset(outer_task)
        results: list[R] = []
        for future in futures:
            results.extend(future.result(timeout=timeout))
        return results

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """The runner is closed by `connect`; nothing is owned here."""
