"""Where CPU-bound extraction runs: in this process, a process pool over all cores, or a cluster."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

from flows.config import Settings


@contextmanager
def extraction_executor(settings: Settings, n_pages: int) -> Iterator[Executor | None]:
    """A process pool over all cores for extraction; none (inline) for tiny batches."""
    workers = settings.workers or os.cpu_count() or 1
    if workers <= 1 or n_pages < 8:
        yield None
        return
    # forkserver: workers start from a clean process, not a fork of one running Prefect's threads
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tasks.process"])
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield pool
