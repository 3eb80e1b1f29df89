"""The ingest flow: feeds -> new pages -> raw layer -> articles, stories, mentions -> exchanges.

The flow only orchestrates: each stage is a pure function in `tasks/` (wrapped as a Prefect task
in `flows.steps`), and every write goes through `warehouse.load`. Raw pages are committed as soon
as they are fetched and processed afterwards, so a run killed at any point loses nothing: the next
run processes whatever raw pages were left unprocessed.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.artifacts import create_link_artifact, create_markdown_artifact
from prefect.context import FlowRunContext, get_run_context
from prefect.states import Completed, State
from prefect.utilities.annotations import quote

from flows import steps
from flows.config import Settings, load_settings
from flows.executors import extraction_executor
from flows.progress import Progress
from tasks.dedup import canonicalize_url
from tasks.models import FeedEntry, FetchRequest, FetchResult
from warehouse import load
from warehouse.db import connect, run_lock
from warehouse.report import report_markdown, write_report


@dataclass
class FeedReport:
    url: str
    outcome: str
    n_entries: int = 0
    n_new_entries: int = 0
    error: str | None = None


@dataclass
class RunSummary:
    run_id: str
    trigger: str
    db_path: str
    status: str = "running"
    started_at: str = ""
    finished_at: str = ""
    seconds: float = 0.0
    feeds: list[FeedReport] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    page_failures: list[dict] = field(default_factory=list)
    exchanges: list[dict] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    error: str | None = None

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> RunSummary:
        return cls(**{**data, "feeds": [FeedReport(**f) for f in data.get("feeds", [])]})


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _waiting(progress: Progress):
    """Say once that the run waits for another one, so a waiting run does not look idle."""

    def on_wait(holder: str) -> None:
        message = f"waiting for the run lock held by {holder} (another run on this warehouse)"
        progress.stage(message)
        with contextlib.suppress(Exception):  # not inside a flow run: the progress line is enough
            get_run_logger().warning(message)

    return on_wait


def _flow_run_id() -> str | None:
    try:
        return str(get_run_context().flow_run.id)
    except Exception:  # called outside a flow run (tests of the plain function)
        return None


def run_pipeline(settings: Settings, *, trigger: str, progress: Progress | None = None) -> RunSummary:
    """One ingest run over `settings.feeds` into `settings.db_path`."""
    progress = progress or Progress.silent()
    started = time.monotonic()
    run_id = datetime.utcnow().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    summary = RunSummary(run_id=run_id, trigger=trigger, db_path=str(settings.db_path),
                         started_at=datetime.utcnow().isoformat(timespec="seconds"))
    counts = {"n_feeds": len(settings.feeds), "n_feeds_ok": 0, "n_feeds_failed": 0, "n_entries_new": 0,
              "n_pages_requested": 0, "n_articles_new": 0, "n_articles_updated": 0,
              "n_articles_skipped": 0, "n_pages_failed": 0, "n_exchanges_new": 0}
    with run_lock(settings.db_path, wait_seconds=settings.lock_wait_seconds, on_wait=_waiting(progress)):
        con = connect(settings.db_path, memory_limit=settings.duckdb_memory_limit)
        try:
            load.start_run(con, run_id=run_id, trigger=trigger, flow_run_id=_flow_run_id())
            try:
                to_fetch = _ingest_feeds(con, settings, run_id, summary, counts, progress)
                _fetch_and_process(con, settings, run_id, to_fetch, summary, counts, progress)
                _fuse(con, counts, progress)
            except Exception as error:
                summary.status, summary.error = "failed", f"{type(error).__name__}: {error}"
                load.finish_run(con, run_id=run_id, status="failed", counts=counts,
                                summary=summary.to_json(), error=summary.error)
                raise
            summary.status = "completed"
            summary.counts = counts
            summary.exchanges = _exchange_rows(con)
            summary.totals = _totals(con)
            summary.seconds = round(time.monotonic() - started, 2)
            summary.finished_at = datetime.utcnow().isoformat(timespec="seconds")
            load.finish_run(con, run_id=run_id, status="completed", counts=counts, summary=summary.to_json())
        finally:
            con.close()
    return summary


def _ingest_feeds(con, settings: Settings, run_id: str, summary: RunSummary, counts: dict,
                  progress: Progress) -> list[load.PageToFetch]:
    states = load.sync_feeds(con, [(f.url, f.name) for f in settings.feeds])
    now = load.utcnow()
    due = [s for s in states if s.next_fetch_after is None or s.next_fetch_after <= now]
    for state in states:
        if state not in due:
            con.execute(
                "insert into feed_fetches (fetch_id, feed_id, run_id, fetched_at, outcome, error) values (?, ?, ?, ?, 'backed_off', ?)",
                [load.stable_id(run_id, state.feed_id), state.feed_id, run_id, now,
                 f"{state.consecutive_failures} consecutive failures; next attempt after {state.next_fetch_after}"],
            )
            summary.feeds.append(FeedReport(state.url, "backed_off", error="backing off after repeated failures"))
            counts["n_feeds_failed"] += 1
    progress.stage(f"fetching {len(due)} feed(s)")
    requests = [FetchRequest(url=s.url, etag=s.etag, last_modified=s.last_modified, kind="feed") for s in due]
    results = steps.fetch_feeds(quote(requests), settings.fetch)
    parsed = steps.parse_feeds(quote(results))

    wanted: dict[str, load.PageToFetch] = {}
    candidates: list[tuple[FeedEntry, str, bool, str]] = []
    for state, result, feed in zip(due, results, parsed, strict=True):
        entries = list(feed.entries) if feed else []
        canonical = [canonicalize_url(e.url) for e in entries]
        known = load.known_entry_dates(con, state.feed_id, (e.guid for e in entries))
        n_new = load.record_feed_fetch(con, run_id=run_id, feed=state, result=result, parsed=feed,
                                       entries=entries, canonical_urls=canonical,
                                       backoff_after=settings.feed_backoff_after)
        outcome = feed.outcome if (result.ok and feed is not None) else result.outcome
        ok = outcome in ("ok", "not_modified")
        counts["n_feeds_ok" if ok else "n_feeds_failed"] += 1
        counts["n_entries_new"] += n_new
        error = (feed.error if feed is not None and not ok else None) or (result.error if not result.ok else None)
        summary.feeds.append(FeedReport(state.url, outcome, len(entries), n_new, error))
        for entry, url in zip(entries, canonical, strict=True):
            stored = known.get(entry.guid)
            is_update = bool(stored and entry.updated_at and stored[0] and entry.updated_at > stored[0])
            candidates.append((entry, url, is_update, state.feed_id))

    # Entries an earlier run recorded but whose page it never stored (killed mid-run, or the page
    # failed): the feed may answer 304 now and list nothing, so they come from the warehouse.
    listed = {url for _, url, _, _ in candidates}
    for feed_id, entry, url in load.unfetched_entries(con, [s.feed_id for s in due]):
        if url not in listed:
            listed.add(url)
            candidates.append((entry, url, False, feed_id))

    statuses = load.page_statuses(con, (url for _, url, _, _ in candidates))
    for entry, url, is_update, feed_id in candidates:
        status = statuses.get(url)
        if url in wanted:
            continue
        if status is not None and status.held and not is_update:
            counts["n_articles_skipped"] += 1
            continue
        if status is not None and not status.held and status.gave_up(settings.max_page_attempts):
            counts["n_articles_skipped"] += 1
            continue
        wanted[url] = load.PageToFetch(url=entry.url, canonical_url=url, feed_id=feed_id,
                                       entry_title=entry.title,
                                       entry_published_at=entry.published_at or entry.updated_at,
                                       is_update=is_update)
    return list(wanted.values())


# Batches handed to the extraction pool and not loaded yet while the next one is fetched: one
# keeps every worker busy (fetching and storing a batch takes less time than extracting it),
# and each more holds another batch of page bodies in memory.
MAX_BATCHES_IN_FLIGHT = 1


def _fetch_and_process(con, settings: Settings, run_id: str, pages: list[load.PageToFetch],
                       summary: RunSummary, counts: dict, progress: Progress) -> None:
    """Fetch new pages batch by batch and extract them while the next batch is fetched.

    Each batch is committed to the raw layer as soon as it is fetched and then handed to the
    extraction pool (a `process-pages` task run in a thread, so the flow goes on fetching); its
    articles are loaded when it finishes, one transaction per batch. Pages a killed run stored but
    never processed are done afterwards, from the warehouse.
    """
    counts["n_pages_requested"] = len(pages)
    leftovers = load.count_pending_raw_pages(con)
    if not pages and not leftovers:
        return
    fetch_bar = progress.bar("fetching and extracting pages", len(pages)) if pages else None
    # Inside a flow the batch is a task run on the flow's task runner; called as a plain function
    # (tests, scripts) there is no task runner, so a thread of our own does the same.
    in_flow = FlowRunContext.get() is not None
    with extraction_executor(settings, len(pages) + leftovers) as executor, \
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="process-pages") as local:

        def submit(stored: list):
            if in_flow:
                return steps.process_batch.submit(quote(stored), executor)
            return local.submit(steps.process_batch, quote(stored), executor)

        in_flight: deque = deque()
        for batch in _chunks(pages, settings.batch_size):
            requests = [FetchRequest(url=p.url, kind="page") for p in batch]
            results: list[FetchResult] = steps.fetch_pages(quote(requests), settings.fetch,
                                                           on_result=lambda _r: fetch_bar.advance(1))
            stored = load.store_fetched_pages(con, run_id=run_id, pages=batch, results=results)
            for page, result in zip(batch, results, strict=True):
                if not result.ok:
                    counts["n_pages_failed"] += 1
                    summary.page_failures.append({"url": page.url, "outcome": result.outcome,
                                                  "status": result.status, "error": result.error})
            del results
            if stored:
                in_flight.append(submit(stored))
            while len(in_flight) > MAX_BATCHES_IN_FLIGHT:
                _load_batch(con, in_flight.popleft().result(), counts)
        while in_flight:
            _load_batch(con, in_flight.popleft().result(), counts)
        if fetch_bar:
            fetch_bar.done()
        _process_pending(con, settings, counts, progress, executor, load.count_pending_raw_pages(con))


def _load_batch(con, processed: list, counts: dict) -> None:
    result = load.load_processed(con, processed)
    counts["n_articles_new"] += result.new
    counts["n_articles_updated"] += result.updated
    counts["n_pages_failed"] += result.failed


def _process_pending(con, settings: Settings, counts: dict, progress: Progress, executor,
                     pending: int) -> None:
    """Process raw pages stored but not processed yet (a killed run's, or all of them on reprocess)."""
    if not pending:
        return
    bar = progress.bar("extracting stored pages", pending)
    while batch := load.pending_raw_pages(con, limit=settings.batch_size):
        _load_batch(con, steps.process_batch(quote(batch), executor, on_done=bar.advance), counts)
    bar.done()


def _fuse(con, counts: dict, progress: Progress) -> None:
    progress.stage("deduplicating stories and fusing exchanges")
    load.refresh_stories(con)
    fused = steps.fuse(quote(load.mention_records(con)))
    _, n_new = load.replace_exchanges(con, fused)
    counts["n_exchanges_new"] = n_new


def _exchange_rows(con) -> list[dict]:
    cursor = con.execute(
        "select exchange_id, event_date::varchar as event_date, returned_to_ukraine, returned_to_russia, "
        "mediators, is_disputed, n_articles from exchanges order by event_date, exchange_id"
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _totals(con) -> dict[str, int]:
    return {
        table: con.execute(f"select count(*) from {table}").fetchall()[0][0]
        for table in ("feeds", "articles", "stories", "exchange_mentions", "exchanges", "raw_pages")
    }


def summary_markdown(summary: RunSummary) -> str:
    c = summary.counts
    lines = [
        f"# swapwire run {summary.run_id} ({summary.trigger}): {summary.status}",
        "",
        f"Feeds ok {c.get('n_feeds_ok', 0)}, failed {c.get('n_feeds_failed', 0)}; "
        f"articles new {c.get('n_articles_new', 0)}, updated {c.get('n_articles_updated', 0)}, "
        f"skipped {c.get('n_articles_skipped', 0)}, failed pages {c.get('n_pages_failed', 0)}; "
        f"new exchanges {c.get('n_exchanges_new', 0)}; {summary.seconds} s.",
        "",
        "| feed | outcome | entries | new | error |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {f.url} | {f.outcome} | {f.n_entries} | {f.n_new_entries} | {f.error or ''} |"
              for f in summary.feeds]
    lines += ["", "| exchange | date | to Ukraine | to Russia | mediators | disputed | articles |",
              "|---|---|---|---|---|---|---|"]
    lines += [f"| {x['exchange_id']} | {x['event_date']} | {x['returned_to_ukraine']} | {x['returned_to_russia']} "
              f"| {' '.join(x['mediators'] or [])} | {'yes' if x['is_disputed'] else ''} | {x['n_articles']} |"
              for x in summary.exchanges]
    return "\n".join(lines)


def publish_summary(summary: RunSummary) -> None:
    """Leave the summary where a person looks: the run's artifacts and log; failures in the log.

    Scheduled runs also refresh the HTML report beside the warehouse and link it.
    """
    logger = get_run_logger()
    create_markdown_artifact(key="ingest-summary", markdown=summary_markdown(summary),
                             description=f"swapwire run {summary.run_id}")
    db_path = Path(summary.db_path)
    try:
        create_markdown_artifact(key="exchanges-report", markdown=report_markdown(db_path),
                                 description="exchanges in the warehouse after this run")
        if summary.trigger == "schedule":
            html = write_report(db_path, db_path.parent / "reports" / "swapwire-report.html")
            create_link_artifact(key="exchanges-report-html", link=html.resolve().as_uri(),
                                 link_text="swapwire report (HTML)")
    except Exception as error:  # the run's data is committed; a report problem must not fail it
        logger.warning("could not build the report: %s", error)
    failed = [f for f in summary.feeds if f.outcome not in ("ok", "not_modified")]
    for feed in failed:
        logger.warning("feed %s: %s (%s)", feed.url, feed.outcome, feed.error)
    logger.info("run %s: %s", summary.run_id, summary.counts)


def final_state(summary: RunSummary) -> State:
    """Completed, with failing feeds in the state's message so the UI shows them, not only a log."""
    failed = [f for f in summary.feeds if f.outcome not in ("ok", "not_modified")]
    c = summary.counts
    message = (f"{c.get('n_articles_new', 0)} new articles, {c.get('n_exchanges_new', 0)} new exchanges"
               + (f"; {len(failed)}/{len(summary.feeds)} feeds failed: "
                  + ", ".join(f"{f.url} ({f.outcome})" for f in failed[:5]) if failed else ""))
    return Completed(message=message, data=summary.to_json())


# A hung run must not hold the one-writer slot forever (queued scheduled runs would pile up).
RUN_TIMEOUT_SECONDS = 3 * 3600


@flow(name="ingest", log_prints=False, timeout_seconds=RUN_TIMEOUT_SECONDS)
def ingest_flow(
    config_path: str | None = None,
    feed_urls: list[str] | None = None,
    db_path: str | None = None,
    allow_private_networks: bool = False,
    allow_hosts: list[str] | None = None,
    trigger: str = "manual",
    lock_wait_seconds: float | None = None,
) -> dict:
    """Fetch the configured feeds and load new articles and exchanges into the warehouse."""
    settings = load_settings(config_path=config_path, feed_urls=feed_urls, db_path=db_path,
                             allow_private_networks=allow_private_networks, allow_hosts=allow_hosts,
                             lock_wait_seconds=lock_wait_seconds)
    summary = run_pipeline(settings, trigger=trigger, progress=Progress.current())
    publish_summary(summary)
    return final_state(summary)


def reprocess_pipeline(settings: Settings, *, progress: Progress | None = None) -> RunSummary:
    """Rebuild articles, stories, mentions and exchanges from stored raw pages; no fetching."""
    progress = progress or Progress.silent()
    started = time.monotonic()
    run_id = "reprocess-" + datetime.utcnow().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    summary = RunSummary(run_id=run_id, trigger="reprocess", db_path=str(settings.db_path),
                         started_at=datetime.utcnow().isoformat(timespec="seconds"))
    counts = {"n_articles_new": 0, "n_articles_updated": 0, "n_pages_failed": 0, "n_exchanges_new": 0}
    with run_lock(settings.db_path, wait_seconds=settings.lock_wait_seconds, on_wait=_waiting(progress)):
        con = connect(settings.db_path, memory_limit=settings.duckdb_memory_limit)
        try:
            load.start_run(con, run_id=run_id, trigger="reprocess", flow_run_id=_flow_run_id())
            load.reset_derived(con)
            with extraction_executor(settings, load.count_pending_raw_pages(con)) as executor:
                _process_pending(con, settings, counts, progress, executor, load.count_pending_raw_pages(con))
            _fuse(con, counts, progress)
            summary.status = "completed"
            summary.counts = counts
            summary.exchanges = _exchange_rows(con)
            summary.totals = _totals(con)
            summary.seconds = round(time.monotonic() - started, 2)
            load.finish_run(con, run_id=run_id, status="completed", counts=counts, summary=summary.to_json())
        finally:
            con.close()
    return summary


@flow(name="reprocess", log_prints=False, timeout_seconds=RUN_TIMEOUT_SECONDS)
def reprocess_flow(db_path: str | None = None, lock_wait_seconds: float | None = None) -> dict:
    """Re-derive everything from the raw pages already stored (after rules improve)."""
    settings = load_settings(db_path=db_path, lock_wait_seconds=lock_wait_seconds)
    summary = reprocess_pipeline(settings, progress=Progress.current())
    publish_summary(summary)
    return final_state(summary)
