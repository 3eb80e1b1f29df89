"""Idempotent loads of each pipeline stage's output into the warehouse.

Every function takes an open connection; batches are deduplicated before writing (DuckDB's
ON CONFLICT keeps only the first of two equal keys in one statement), and each batch commits in
one transaction so a killed run leaves whole batches only.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from tasks.dedup import StoryInput
from tasks.fusion import FusedExchange, MentionRecord
from tasks.models import ExchangeMention, FeedEntry, FetchResult, ParsedFeed
from tasks.process import ProcessedPage, RawPage
from warehouse.db import insert_rows, sql, transaction
from warehouse.story_index import assign_stories


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def stable_id(*parts: object, length: int = 16) -> str:
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def feed_id_for(url: str) -> str:
    return stable_id("feed", url)


def _rows(con: duckdb.DuckDBPyConnection, query: str, params: object = None) -> list[dict]:
    cursor = con.execute(query, params) if params is not None else con.execute(query)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _execute_with_batch(con: duckdb.DuckDBPyConnection, rows: Sequence[dict], statement: str,
                        schema: pa.Schema | None = None) -> None:
    """Execute a write `statement` with `rows` registered as `_swapwire_batch`."""
    con.register("_swapwire_batch", pa.Table.from_pylist(list(rows), schema=schema))
    try:
        con.execute(statement)
    finally:
        con.unregister("_swapwire_batch")


def _with_batch(con: duckdb.DuckDBPyConnection, rows: Sequence[dict], query: str,
                schema: pa.Schema | None = None, params: object = None) -> list[dict]:
    """Run `query` with `rows` registered as `_swapwire_batch`."""
    con.register("_swapwire_batch", pa.Table.from_pylist(list(rows), schema=schema))
    try:
        return _rows(con, query, params)
    finally:
        con.unregister("_swapwire_batch")


# --- runs -----------------------------------------------------------------------------------


def start_run(con: duckdb.DuckDBPyConnection, *, run_id: str, trigger: str, flow_run_id: str | None) -> None:
    # The caller holds the run lock, so a run still marked running was killed: say so.
    con.execute("update runs set status = 'interrupted', error = 'the process ended before the run finished' "
                "where status = 'running'")
    con.execute(
        "insert into runs (run_id, started_at, trigger, status, flow_run_id) values (?, ?, ?, 'running', ?)",
        [run_id, utcnow(), trigger, flow_run_id],
    )


def finish_run(con: duckdb.DuckDBPyConnection, *, run_id: str, status: str, counts: dict[str, int],
               summary: dict, error: str | None = None) -> None:
    columns = [c for c in counts if c.startswith("n_")]
    assignments = ", ".join(f"{c} = ?" for c in columns)
    con.execute(
        f"update runs set finished_at = ?, status = ?, error = ?, summary = ?{', ' if columns else ''}{assignments}"
        " where run_id = ?",
        [utcnow(), status, error, json.dumps(summary, default=str), *[counts[c] for c in columns], run_id],
    )


# --- feeds ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedState:
    feed_id: str
    url: str
    etag: str | None
    last_modified: str | None
    consecutive_failures: int
    next_fetch_after: datetime | None


def sync_feeds(con: duckdb.DuckDBPyConnection, feeds: Sequence[tuple[str, str | None]]) -> list[FeedState]:
    """Register (url, name) feeds and return their fetch state, in the given order."""
    unique = {url: name for url, name in feeds}
    rows = [{"feed_id": feed_id_for(url), "url": url, "name": name} for url, name in unique.items()]
    if rows:
        with transaction(con):
            _execute_with_batch(con, rows, sql("feeds_upsert"))
    states = {r["feed_id"]: r for r in _rows(con, sql("feeds_state"), {"feed_ids": [r["feed_id"] for r in rows]})}
    return [FeedState(**states[r["feed_id"]]) for r in rows]


def record_feed_fetch(
    con: duckdb.DuckDBPyConnection, *, run_id: str, feed: FeedState, result: FetchResult,
    parsed: ParsedFeed | None, entries: Sequence[FeedEntry], canonical_urls: Sequence[str],
    backoff_after: int = 3,
) -> int:
    """Record one feed fetch and its entries in one transaction; return the number of new entries."""
    fetched_at = utcnow()
    outcome = result.outcome
    error = result.error
    if result.ok and parsed is not None and parsed.outcome != "ok":
        outcome, error = parsed.outcome, parsed.error
    ok = outcome in ("ok", "not_modified")
    with transaction(con):
        n_new = 0
        if entries:
            batch = [
                {"feed_id": feed.feed_id, "guid": e.guid, "url": e.url, "canonical_url": c, "title": e.title,
                 "published_at": e.published_at, "updated_at": e.updated_at, "seen_at": fetched_at,
                 "run_id": run_id}
                for e, c in zip(entries, canonical_urls, strict=True)
            ]
            batch = list({(r["feed_id"], r["guid"]): r for r in batch}.values())
            known = _with_batch(con, batch, sql("entries_known"))
            n_new = len(batch) - len(known)
            _execute_with_batch(con, batch, sql("entries_upsert"), schema=ENTRY_SCHEMA)
        con.execute(
            "insert into feed_fetches values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [stable_id(run_id, feed.feed_id, fetched_at), feed.feed_id, run_id, fetched_at, outcome,
             result.status, error, len(entries) if parsed else None, n_new if parsed else None, result.elapsed_ms],
        )
        con.execute(
            sql("feed_after_fetch"),
            {"feed_id": feed.feed_id, "ok": ok, "fetched_at": fetched_at,
             "etag": result.headers.get("etag") if result.ok else None,
             "last_modified": result.headers.get("last-modified") if result.ok else None,
             "title": parsed.title if parsed else None, "site_url": parsed.site_url if parsed else None,
             "backoff_after": backoff_after},
        )
    return n_new


def known_entry_dates(con: duckdb.DuckDBPyConnection, feed_id: str,
                      guids: Iterable[str]) -> dict[str, tuple[datetime | None, datetime | None]]:
    """(updated_at, published_at) stored for entries of a feed, to detect updates in place."""
    batch = [{"feed_id": feed_id, "guid": g} for g in dict.fromkeys(guids)]
    if not batch:
        return {}
    return {r["guid"]: (r["updated_at"], r["published_at"]) for r in _with_batch(con, batch, sql("entries_known"))}


# --- pages ----------------------------------------------------------------------------------

# Outcomes after which fetching the same URL again cannot help.
PERMANENT_PAGE_OUTCOMES = frozenset({"blocked", "robots_disallowed", "bad_content_type", "too_large"})
PERMANENT_HTTP_STATUSES = frozenset({400, 401, 403, 404, 405, 410, 451})


@dataclass(frozen=True)
class PageStatus:
    canonical_url: str
    last_ok_at: datetime | None
    n_failures: int
    last_outcome: str | None
    last_status: int | None
    has_article: bool

    @property
    def held(self) -> bool:
        return self.last_ok_at is not None or self.has_article

    def gave_up(self, max_attempts: int) -> bool:
        if self.n_failures >= max_attempts:
            return True
        if self.last_outcome in PERMANENT_PAGE_OUTCOMES:
            return True
        return self.last_outcome == "http_error" and self.last_status in PERMANENT_HTTP_STATUSES


def unfetched_entries(con: duckdb.DuckDBPyConnection,
                      feed_ids: Sequence[str]) -> list[tuple[str, FeedEntry, str]]:
    """(feed_id, entry, canonical_url) of stored entries of these feeds whose page is not held yet."""
    if not feed_ids:
        return []
    rows = _rows(con, sql("entries_unfetched"), {"feed_ids": list(feed_ids)})
    return [(r["feed_id"], FeedEntry(guid=r["guid"], url=r["url"], title=r["title"],
                                     published_at=r["published_at"], updated_at=r["updated_at"]),
             r["canonical_url"]) for r in rows]


def page_statuses(con: duckdb.DuckDBPyConnection, canonical_urls: Iterable[str]) -> dict[str, PageStatus]:
    batch = [{"canonical_url": u} for u in dict.fromkeys(canonical_urls)]
    if not batch:
        return {}
    return {r["canonical_url"]: PageStatus(**r) for r in _with_batch(con, batch, sql("pages_status"))}


@dataclass(frozen=True)
class PageToFetch:
    url: str
    canonical_url: str
    feed_id: str | None
    entry_title: str | None
    entry_published_at: datetime | None
    is_update: bool = False


def store_fetched_pages(con: duckdb.DuckDBPyConnection, *, run_id: str,
                        pages: Sequence[PageToFetch], results: Sequence[FetchResult]) -> list[RawPage]:
    """Keep every fetched body (compressed) and one status row per attempt, in one transaction;
    return the pages stored, bodies included, ready for processing."""
    now = utcnow()
    raw_rows: dict[str, dict] = {}
    stored: dict[str, RawPage] = {}
    fetch_rows = []
    for page, result in zip(pages, results, strict=True):
        raw_page_id = None
        if result.ok and result.body is not None:
            body_sha = hashlib.sha256(result.body).hexdigest()
            raw_page_id = stable_id(page.canonical_url, body_sha, length=24)
            content_type = result.headers.get("content-type")
            raw_rows[raw_page_id] = {
                "raw_page_id": raw_page_id, "url": page.url, "final_url": result.final_url,
                "canonical_url": page.canonical_url, "feed_id": page.feed_id,
                "entry_published_at": page.entry_published_at, "entry_title": page.entry_title,
                "fetched_at": now, "run_id": run_id, "http_status": result.status,
                "content_type": content_type,
                "headers": json.dumps(result.headers), "body_sha256": body_sha,
                # level 3: 1.5 ms a page against 3.4 ms at level 6, for 11% more bytes
                "body_size": len(result.body), "body_zlib": zlib.compress(result.body, 3),
            }
            stored[raw_page_id] = RawPage(
                raw_page_id=raw_page_id, url=result.final_url or page.url, canonical_url=page.canonical_url,
                body=result.body, fetched_at=now, content_type=content_type, entry_title=page.entry_title,
                entry_published_at=page.entry_published_at, feed_id=page.feed_id,
            )
        fetch_rows.append({
            "url": page.url, "canonical_url": page.canonical_url, "run_id": run_id, "fetched_at": now,
            "outcome": result.outcome, "http_status": result.status, "error": result.error,
            "raw_page_id": raw_page_id, "elapsed_ms": result.elapsed_ms,
        })
    # a body stored before is not processed again here (a leftover of a killed run is picked up
    # by the pending pass)
    known = {r["raw_page_id"] for r in _with_batch(con, [{"raw_page_id": i} for i in raw_rows],
                                                   sql("raw_pages_known"))} if raw_rows else set()
    with transaction(con):
        insert_rows(con, "raw_pages", list(raw_rows.values()), schema=RAW_PAGE_SCHEMA,
                    on_conflict="on conflict do nothing")
        insert_rows(con, "page_fetches", fetch_rows, schema=PAGE_FETCH_SCHEMA)
    return [page for raw_page_id, page in stored.items() if raw_page_id not in known]


ENTRY_SCHEMA = pa.schema([
    ("feed_id", pa.string()), ("guid", pa.string()), ("url", pa.string()), ("canonical_url", pa.string()),
    ("title", pa.string()), ("published_at", pa.timestamp("us")), ("updated_at", pa.timestamp("us")),
    ("seen_at", pa.timestamp("us")), ("run_id", pa.string()),
])
RAW_PAGE_SCHEMA = pa.schema([
    ("raw_page_id", pa.string()), ("url", pa.string()), ("final_url", pa.string()),
    ("canonical_url", pa.string()), ("feed_id", pa.string()), ("entry_published_at", pa.timestamp("us")),
    ("entry_title", pa.string()), ("fetched_at", pa.timestamp("us")), ("run_id", pa.string()),
    ("http_status", pa.int32()), ("content_type", pa.string()), ("headers", pa.string()),
    ("body_sha256", pa.string()), ("body_size", pa.int64()), ("body_zlib", pa.binary()),
])
PAGE_FETCH_SCHEMA = pa.schema([
    ("url", pa.string()), ("canonical_url", pa.string()), ("run_id", pa.string()),
    ("fetched_at", pa.timestamp("us")), ("outcome", pa.string()), ("http_status", pa.int32()),
    ("error", pa.string()), ("raw_page_id", pa.string()), ("elapsed_ms", pa.float64()),
])


def pending_raw_pages(con: duckdb.DuckDBPyConnection, *, limit: int) -> list[RawPage]:
    """Stored pages not yet processed: this run's, or those a killed run left behind."""
    return [RawPage.from_row(r) for r in _rows(con, sql("raw_pages_pending"), {"limit": limit})]


def count_pending_raw_pages(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(
        "select count(*) from raw_pages r anti join processed_pages p using (raw_page_id)"
    ).fetchall()[0][0]  # fetchall: a half-read result blocks the connection's next register()


# --- articles, stories, mentions --------------------------------------------------------------


@dataclass(frozen=True)
class LoadCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0


MENTION_SCHEMA = pa.schema([
    ("mention_id", pa.string()), ("article_id", pa.string()), ("mention_no", pa.int32()),
    ("exchange_id", pa.string()), ("event_date", pa.date32()), ("returned_to_ukraine", pa.int32()),
    ("returned_to_russia", pa.int32()), ("mediators", pa.list_(pa.string())),
    ("civilians_to_ukraine", pa.int32()), ("wounded_to_ukraine", pa.int32()),
    ("civilians_to_russia", pa.int32()), ("total_stated", pa.int32()), ("total_is_approximate", pa.bool_()),
    ("exchange_number", pa.int32()), ("is_disputed", pa.bool_()), ("evidence", pa.list_(pa.string())),
    ("confidence", pa.float64()),
])


def mention_row(article_id: str, number: int, m: ExchangeMention) -> dict:
    return {
        "mention_id": stable_id(article_id, number), "article_id": article_id, "mention_no": number,
        "exchange_id": None, "event_date": m.event_date, "returned_to_ukraine": m.returned_to_ukraine,
        "returned_to_russia": m.returned_to_russia, "mediators": list(m.mediators),
        "civilians_to_ukraine": m.civilians_to_ukraine, "wounded_to_ukraine": m.wounded_to_ukraine,
        "civilians_to_russia": m.civilians_to_russia, "total_stated": m.total_stated,
        "total_is_approximate": m.total_is_approximate, "exchange_number": m.exchange_number,
        "is_disputed": m.is_disputed, "evidence": list(m.evidence), "confidence": m.confidence,
    }


def load_processed(con: duckdb.DuckDBPyConnection, processed: Sequence[ProcessedPage]) -> LoadCounts:
    """Write a processed batch (articles, versions, removed lines, stories, mentions) in one transaction.

    Pages of one article are applied in fetch order; a page whose text equals the current version's
    is recorded as processed without creating a new version.
    """
    if not processed:
        return LoadCounts()
    ordered = sorted(processed, key=lambda p: (p.fetched_at, p.raw_page_id))
    ids = [{"article_id": a} for a in dict.fromkeys(p.article_id for p in ordered)]
    current = {r["article_id"]: r for r in _with_batch(con, ids, sql("articles_current"))}
    now = utcnow()
    latest: dict[str, ProcessedPage] = {}
    versions, markers, urls = [], [], {}
    counts = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}
    for page in ordered:
        for url in page.url_variants:
            urls[url] = {"url": url, "article_id": page.article_id}
        state = current.get(page.article_id)
        if state is not None and (page.status == "extract_error" or state["text_fingerprint"] == page.fingerprint):
            # same text as the version we hold (or a failed page): processed, but no new version
            outcome = "extract_error" if page.status == "extract_error" else "unchanged"
            counts["failed" if outcome == "extract_error" else "unchanged"] += 1
            markers.append(_marker(page, outcome, now))
            continue
        version = 1 if state is None else state["version"] + 1
        outcome = "extract_error" if page.status == "extract_error" else ("new" if state is None else "updated")
        counts["failed" if outcome == "extract_error" else outcome] += 1
        current[page.article_id] = {"article_id": page.article_id, "version": version,
                                    "raw_page_id": page.raw_page_id, "text_fingerprint": page.fingerprint,
                                    "first_seen_at": state["first_seen_at"] if state else now,
                                    "story_id": state["story_id"] if state else None}
        versions.append({"article_id": page.article_id, "version": version, "raw_page_id": page.raw_page_id,
                         "fetched_at": page.fetched_at, "title": page.title, "text_fingerprint": page.fingerprint})
        markers.append(_marker(page, outcome, now))
        latest[page.article_id] = page

    with transaction(con):
        insert_rows(con, "processed_pages", markers, on_conflict="on conflict do nothing")
        insert_rows(con, "article_versions", versions, schema=VERSION_SCHEMA)
        insert_rows(con, "article_urls", list(urls.values()), on_conflict="on conflict do nothing")
        changed = list(latest.values())
        if changed:
            changed_ids = [{"article_id": p.article_id} for p in changed]
            for table in ("articles", "article_comments", "removed_lines", "exchange_mentions"):
                _execute_with_batch(
                    con, changed_ids,
                    f"delete from {table} where article_id in (select article_id from _swapwire_batch)",
                )
            with_text = [p for p in changed if p.status == "ok"]
            stories = assign_stories(con, [StoryInput(article_id=p.article_id, text=p.text,
                                                      published_at=p.published_at) for p in with_text],
                                     identities=[p.identity for p in with_text]
                                     if all(p.identity is not None for p in with_text) else None)
            insert_rows(con, "articles", [
                {"article_id": p.article_id, "url": p.canonical_url, "title": p.title,
                 "published_at": p.published_at, "text": p.text, "story_id": stories.get(p.article_id),
                 "source_host": p.source_host, "feed_id": p.feed_id, "language": p.language,
                 "author": p.author, "byline": p.byline, "dateline": p.dateline,
                 "raw_page_id": p.raw_page_id, "version": current[p.article_id]["version"],
                 "text_fingerprint": p.fingerprint, "n_removed_lines": len(p.removed), "status": p.status,
                 "error": p.error, "first_seen_at": current[p.article_id]["first_seen_at"], "updated_at": now}
                for p in changed
            ], schema=ARTICLE_SCHEMA)
            insert_rows(con, "article_comments", [
                {"article_id": p.article_id, "comments": p.comments} for p in changed if p.comments
            ])
            insert_rows(con, "removed_lines", [
                {"article_id": p.article_id, "line_no": r.line_no, "line": r.line, "rule": r.rule}
                for p in changed for r in p.removed
            ])
            insert_rows(con, "exchange_mentions", [
                mention_row(p.article_id, n, m) for p in changed for n, m in enumerate(p.mentions, start=1)
            ], schema=MENTION_SCHEMA)
    return LoadCounts(**counts)


def _marker(page: ProcessedPage, outcome: str, now: datetime) -> dict:
    return {"raw_page_id": page.raw_page_id, "article_id": page.article_id, "outcome": outcome,
            "processed_at": now}


VERSION_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("version", pa.int32()), ("raw_page_id", pa.string()),
    ("fetched_at", pa.timestamp("us")), ("title", pa.string()), ("text_fingerprint", pa.string()),
])
ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("url", pa.string()), ("title", pa.string()),
    ("published_at", pa.timestamp("us")), ("text", pa.string()), ("story_id", pa.string()),
    ("source_host", pa.string()), ("feed_id", pa.string()), ("language", pa.string()),
    ("author", pa.string()), ("byline", pa.string()), ("dateline", pa.string()),
    ("raw_page_id", pa.string()), ("version", pa.int32()), ("text_fingerprint", pa.string()),
    ("n_removed_lines", pa.int32()), ("status", pa.string()), ("error", pa.string()),
    ("first_seen_at", pa.timestamp("us")), ("updated_at", pa.timestamp("us")),
])


def refresh_stories(con: duckdb.DuckDBPyConnection) -> None:
    with transaction(con):
        con.execute(sql("stories_refresh"))


# --- exchanges ------------------------------------------------------------------------------


def mention_records(con: duckdb.DuckDBPyConnection) -> list[MentionRecord]:
    records = []
    for r in _rows(con, sql("mentions_for_fusion")):
        mention = ExchangeMention(
            event_date=r["event_date"], returned_to_ukraine=r["returned_to_ukraine"],
            returned_to_russia=r["returned_to_russia"], mediators=tuple(r["mediators"] or ()),
            civilians_to_ukraine=r["civilians_to_ukraine"], wounded_to_ukraine=r["wounded_to_ukraine"],
            civilians_to_russia=r["civilians_to_russia"], total_stated=r["total_stated"],
            total_is_approximate=bool(r["total_is_approximate"]), exchange_number=r["exchange_number"],
            is_disputed=bool(r["is_disputed"]), evidence=tuple(r["evidence"] or ()),
            confidence=r["confidence"] or 0.0,
        )
        records.append(MentionRecord(mention_id=r["mention_id"], article_id=r["article_id"],
                                     published_at=r["published_on"], mention=mention))
    return records


EXCHANGE_COLUMNS = (
    "exchange_id", "event_date", "returned_to_ukraine", "returned_to_russia", "returned_to_ukraine_min",
    "returned_to_ukraine_max", "returned_to_russia_min", "returned_to_russia_max", "mediators",
    "civilians_to_ukraine", "wounded_to_ukraine", "civilians_to_russia", "total_stated", "exchange_number",
    "is_disputed", "dispute_note", "n_articles", "n_mentions", "confidence",
)
EXCHANGE_SCHEMA = pa.schema([
    ("exchange_id", pa.string()), ("event_date", pa.date32()), ("returned_to_ukraine", pa.int32()),
    ("returned_to_russia", pa.int32()), ("returned_to_ukraine_min", pa.int32()),
    ("returned_to_ukraine_max", pa.int32()), ("returned_to_russia_min", pa.int32()),
    ("returned_to_russia_max", pa.int32()), ("mediators", pa.list_(pa.string())),
    ("civilians_to_ukraine", pa.int32()), ("wounded_to_ukraine", pa.int32()),
    ("civilians_to_russia", pa.int32()), ("total_stated", pa.int32()), ("exchange_number", pa.int32()),
    ("is_disputed", pa.bool_()), ("dispute_note", pa.string()), ("n_articles", pa.int32()),
    ("n_mentions", pa.int32()), ("confidence", pa.float64()),
])


def replace_exchanges(con: duckdb.DuckDBPyConnection, fused: Sequence[FusedExchange]) -> tuple[int, int]:
    """Replace the event layer with a fresh fusion of all mentions; return (n_exchanges, n_new)."""
    before = {r[0] for r in con.execute("select exchange_id from exchanges").fetchall()}
    rows = []
    links = []
    for event in fused:
        row = {c: getattr(event, c) for c in EXCHANGE_COLUMNS}
        row["mediators"] = list(event.mediators)
        rows.append(row)
        links.extend({"mention_id": m, "exchange_id": event.exchange_id} for m in event.mention_ids)
    with transaction(con):
        con.execute("delete from exchanges")
        insert_rows(con, "exchanges", rows, schema=EXCHANGE_SCHEMA)
        con.execute("update exchange_mentions set exchange_id = null")
        if links:
            _with_batch(con, links, "update exchange_mentions m set exchange_id = b.exchange_id "
                                    "from _swapwire_batch b where m.mention_id = b.mention_id")
        con.execute(
            "update exchanges x set first_reported_at = f.first_at from ("
            " select m.exchange_id, min(coalesce(a.published_at, a.first_seen_at)) as first_at"
            " from exchange_mentions m join articles a using (article_id)"
            " where m.exchange_id is not null group by m.exchange_id) f"
            " where x.exchange_id = f.exchange_id"
        )
    return len(rows), len({r["exchange_id"] for r in rows} - before)


def reset_derived(con: duckdb.DuckDBPyConnection) -> None:
    """Drop everything derived from raw pages (reprocess rebuilds it). Raw layer untouched."""
    from warehouse.story_index import remove_articles

    with transaction(con):
        ids = [r[0] for r in con.execute("select article_id from articles").fetchall()]
        remove_articles(con, ids)
        for table in ("exchanges", "exchange_mentions", "removed_lines", "stories", "articles", "article_comments",
                      "article_versions", "article_urls", "processed_pages"):
            con.execute(f"delete from {table}")
