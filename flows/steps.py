"""Prefect tasks: thin wrappers that give each pipeline stage a name, retries and a state.

They live here, not in `tasks/`, so the pure stage modules import without Prefect (the CLI's
`extract` and the extraction worker processes stay fast). Each task handles a whole batch:
Prefect costs milliseconds per task run, so never one task per page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor

from prefect import task
from prefect.cache_policies import NO_CACHE

from tasks.feeds import parse_feed
from tasks.fetch import FetchPolicy, fetch_all
from tasks.fusion import FusedExchange, MentionRecord, fuse_mentions
from tasks.models import FetchRequest, FetchResult, ParsedFeed
from tasks.process import ProcessedPage, RawPage, process_pages

# Retries happen per request inside fetch_all (transient errors only, with backoff); a task-level
# retry would refetch the whole batch, so none here.


@task(name="fetch-feeds", cache_policy=NO_CACHE)
def fetch_feeds(requests: Sequence[FetchRequest], policy: FetchPolicy) -> list[FetchResult]:
    return fetch_all(requests, policy)


@task(name="parse-feeds", cache_policy=NO_CACHE)
def parse_feeds(results: Sequence[FetchResult]) -> list[ParsedFeed | None]:
    return [
        parse_feed(r.body, base_url=r.final_url, content_type=r.headers.get("content-type"))
        if r.ok and r.body is not None else None
        for r in results
    ]


@task(name="fetch-pages", cache_policy=NO_CACHE)
def fetch_pages(requests: Sequence[FetchRequest], policy: FetchPolicy,
                on_result: Callable[[FetchResult], None] | None = None) -> list[FetchResult]:
    return fetch_all(requests, policy, on_result=on_result)


@task(name="process-pages", cache_policy=NO_CACHE)
def process_batch(pages: Sequence[RawPage], executor: Executor | None,
                  on_done: Callable[[int], None] | None = None) -> list[ProcessedPage]:
    return process_pages(pages, executor=executor, on_done=on_done)


@task(name="fuse-exchanges", cache_policy=NO_CACHE)
def fuse(records: Sequence[MentionRecord]) -> list[FusedExchange]:
    return fuse_mentions(records)
