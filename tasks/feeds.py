"""Feed parsing (RSS, Atom, JSON Feed) with feedparser, bounded against hostile documents.

feedparser 6.0.14 has no limits of its own (pitfalls.md), so `parse_feed` wraps it in layers:

1. Cheap checks in this process: a size cap (`MAX_FEED_BYTES`), and a pre-filter that REJECTS
   a document whose DOCTYPE declares entities (`<!ENTITY`), the vehicle of billion-laughs,
   quadratic-blowup and external-entity attacks. Rejecting (rather than stripping) keeps the
   record honest: the feed_fetches row says "rejected" and why. The one exception is a
   declaration whose value is a single character reference (`<!ENTITY nbsp "&#160;">`), which
   old feeds use and which cannot amplify. A DOCTYPE without entities (RSS 0.91's external DTD)
   is fine: feedparser never fetches external DTDs.
2. Text of author-like elements is cut to `MAX_PERSON_CHARS` before parsing, because
   feedparser's e-mail regex is quadratic in it.
3. feedparser then runs in a long-lived worker process with an address-space limit
   (`max_memory_mb`) and a per-feed deadline (`timeout_s`); a feed that exceeds either gets the
   worker killed and restarted and comes back "rejected". This guards against hazards nobody has
   measured yet; the worker costs about a millisecond per feed (one process, reused), not a
   process per feed. Where no child process can be started it parses in-process, relying on
   layers 1 and 2.

Entries keep only absolute http(s) links (resolved against the feed's URL; `javascript:`,
`file:`, `data:` and link-less entries are counted in `n_skipped_links`), a GUID (the entry id,
else the link; repeated GUIDs keep their first entry) and dates as naive UTC datetimes.
"""

from __future__ import annotations

import atexit
import codecs
import json
import logging
import multiprocessing.connection
import os
import re
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from tasks.models import FeedEntry, ParsedFeed

__all__ = ["MAX_FEED_BYTES", "MAX_PERSON_CHARS", "parse_feed"]

MAX_FEED_BYTES = 5 * 1024 * 1024  # real feeds are well under 1 MB; the cap bounds parse time and memory
MAX_PERSON_CHARS = 512  # author/e-mail text beyond this is cut (quadratic e-mail regex)
MAX_TITLE_CHARS = 1_000
MAX_GUID_CHARS = 2_048
MAX_URL_CHARS = 4_096
WORKER_START_TIMEOUT = 60.0  # importing feedparser on a loaded machine; not charged to any feed
WORKER_RETRY_SECONDS = 60.0

_log = logging.getLogger(__name__)

_FIRST_ELEMENT = re.compile(r"<\w", re.ASCII)  # where feedparser ends a document's head
_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
_ENTITY_DECLARATION = re.compile(r"<!ENTITY\b([^>]*)>?", re.IGNORECASE)
_HARMLESS_ENTITY = re.compile(r"""\s+\w+\s+(?:"&#x?[0-9a-fA-F]{1,8};"|'&#x?[0-9a-fA-F]{1,8};')\s*""")
_LONG_PERSON_TEXT = re.compile(
    rb"(<(?:[\w.-]+:)?(?:author|creator|contributor|managingEditor|webMaster|publisher|owner|name|email)\b"
    rb"[^>]{0,400}>\s*(?:<!\[CDATA\[)?)([^<\]]{%d,})" % (MAX_PERSON_CHARS + 1),
    re.IGNORECASE,
)
_ALLOWED_SCHEMES = ("http", "https")


def parse_feed(
    body: bytes,
    *,
    base_url: str,
    timeout_s: float = 10.0,
    max_memory_mb: int = 256,
    content_type: str | None = None,
) -> ParsedFeed:
    """Parse a fetched feed. Never raises for hostile or broken input; takes bytes, never a str
    (feedparser treats a str as a path or URL and would read it).

    `base_url` (the feed's final URL) resolves relative links; `content_type` (the HTTP header,
    optional) supplies a charset the document does not declare.
    """
    if not isinstance(body, bytes | bytearray | memoryview):
        raise TypeError(f"parse_feed takes the feed's bytes, not {type(body).__name__}")
    body = bytes(body)
    if not body.strip():
        return ParsedFeed(outcome="parse_error", error="empty document")
    if len(body) > MAX_FEED_BYTES:
        return ParsedFeed(
            outcome="rejected", error=f"feed is {len(body)} bytes, over the {MAX_FEED_BYTES}-byte cap"
        )
    reason = entity_declaration_problem(body)
    if reason:
        return ParsedFeed(outcome="rejected", error=reason)
    return _WORKERS.parse(cap_person_fields(body), base_url, content_type, timeout_s, max_memory_mb)


def entity_declaration_problem(body: bytes) -> str | None:
    """Why the document's entity declarations are refused, or None when it declares none that matter.

    Looks where parsers take declarations from: the head before the first element (feedparser's
    loose parser) and the whole DOCTYPE with its internal subset (expat).
    """
    text = _text_for_scanning(body)
    first_element = _FIRST_ELEMENT.search(text)
    head_end = first_element.start() if first_element else len(text)
    doctype = _DOCTYPE.search(text, 0, head_end)
    region_end = max(head_end, _doctype_end(text, doctype.start())) if doctype else head_end
    for declaration in _ENTITY_DECLARATION.finditer(text, 0, region_end):
        if not _HARMLESS_ENTITY.fullmatch(declaration.group(1)):
            shown = declaration.group(0)[:80].replace("\n", " ")
            return (
                f"the document declares XML entities ({shown!r}...); refused as a possible "
                "entity-expansion or external-entity attack"
            )
    return None


def _text_for_scanning(body: bytes) -> str:
    """The document as text: UTF-32/16 by BOM or NUL pattern, EBCDIC by its '<?xm', else Latin-1 (byte for byte)."""
    head = body[:4]
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding = "utf-32"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif head == b"<\0\0\0":
        encoding = "utf-32-le"
    elif head == b"\0\0\0<":
        encoding = "utf-32-be"
    elif head[:2] == b"<\0":
        encoding = "utf-16-le"
    elif head[:2] == b"\0<":
        encoding = "utf-16-be"
    elif head == b"\x4c\x6f\xa7\x94":
        encoding = "cp037"
    else:
        encoding = "latin-1"
    return body.decode(encoding, errors="replace")


def _doctype_end(text: str, start: int) -> int:
    """Index after the `>` closing the DOCTYPE at `start` (quotes, the [subset] and comments skipped)."""
    depth, quote, i = 0, "", start + 2
    while i < len(text):
        char = text[i]
        if quote:
            if char == quote:
                quote = ""
        elif text.startswith("<!--", i):
            close = text.find("-->", i + 4)
            i = len(text) if close < 0 else close + 3
            continue
        elif char in "\"'":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char == ">" and depth == 0:
            return i + 1
        i += 1
    return len(text)


def cap_person_fields(body: bytes) -> bytes:
    """Cut the text of author-like elements to MAX_PERSON_CHARS bytes (at a UTF-8 character boundary)."""

    def cut(match: re.Match[bytes]) -> bytes:
        text = match.group(2)
        end = MAX_PERSON_CHARS
        while end > 0 and 0x80 <= text[end] < 0xC0:  # don't split a UTF-8 sequence
            end -= 1
        return match.group(1) + text[:end]

    return _LONG_PERSON_TEXT.sub(cut, body)


# --- parsing (runs in the worker process) -------------------------------------------------


def _parse_unbounded(body: bytes, base_url: str, content_type: str | None) -> ParsedFeed:
    """feedparser (or our JSON Feed reader) over already-filtered bytes, as our types. No limits here."""
    if body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _parse_json_feed(body, base_url)
    parsed = feedparser.parse(
        body,
        response_headers={"content-location": base_url, "content-type": _xml_content_type(content_type)},
        resolve_relative_uris=False,  # we resolve links ourselves; content HTML is not used from feeds
        sanitize_html=False,
    )
    feed = parsed.get("feed", {})
    raw_entries = [
        (
            entry.get("id"),
            entry.get("link"),
            entry.get("title"),
            _utc(entry.get("published_parsed") or entry.get("created_parsed")),
            _utc(entry.get("updated_parsed")),
        )
        for entry in parsed.get("entries", [])
    ]
    bozo = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not raw_entries and (bozo is not None or not parsed.get("version")):
        reason = f"{type(bozo).__name__}: {bozo}" if bozo is not None else "not an RSS, Atom or JSON feed"
        return ParsedFeed(outcome="parse_error", error=_clip(reason, 500))
    return _parsed_feed(feed.get("title"), feed.get("link"), raw_entries, base_url)


def _parse_json_feed(body: bytes, base_url: str) -> ParsedFeed:
    """A JSON Feed (jsonfeed.org, version 1 and 1.1), which feedparser 6.0 does not read."""
    try:
        document = json.loads(body.decode("utf-8-sig"))
    except (ValueError, RecursionError) as error:
        return ParsedFeed(outcome="parse_error", error=_clip(f"invalid JSON: {error}", 500))
    if not isinstance(document, dict) or "jsonfeed.org" not in str(document.get("version", "")):
        return ParsedFeed(outcome="parse_error", error="JSON, but not a JSON Feed (no jsonfeed.org version)")
    items = document.get("items")
    raw_entries = [
        (
            item.get("id"),
            item.get("url") or item.get("external_url"),
            item.get("title"),
            _iso_utc(item.get("date_published")),
            _iso_utc(item.get("date_modified")),
        )
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, dict)
    ]
    return _parsed_feed(document.get("title"), document.get("home_page_url"), raw_entries, base_url)


RawEntry = tuple[Any, Any, Any, datetime | None, datetime | None]  # id, link, title, published, updated


def _parsed_feed(title: Any, site_link: Any, raw_entries: list[RawEntry], base_url: str) -> ParsedFeed:
    """Keep entries with an absolute http(s) link (count the others), one per GUID."""
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    skipped = 0
    for entry_id, link, entry_title, published_at, updated_at in raw_entries:
        url = _http_url(link, base_url)
        if url is None:
            skipped += 1
            continue
        guid = _clip(str(entry_id or "").strip(), MAX_GUID_CHARS) or url
        if guid in seen:
            continue
        seen.add(guid)
        entries.append(
            FeedEntry(
                guid=guid,
                url=url,
                title=_text(entry_title, MAX_TITLE_CHARS),
                published_at=published_at,
                updated_at=updated_at,
            )
        )
    return ParsedFeed(
        outcome="ok",
        title=_text(title, MAX_TITLE_CHARS),
        site_url=_http_url(site_link, base_url),
        entries=tuple(entries),
        n_skipped_links=skipped,
    )


def _xml_content_type(content_type: str | None) -> str:
    """What feedparser is told: always an XML type (so it sniffs the XML declaration and never
    guesses Latin-1), with the HTTP charset when the server sent one."""
    charset = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return f"application/xml; charset={charset.group(1)}" if charset else "application/xml"


def _http_url(link: Any, base_url: str) -> str | None:
    """The absolute http(s) form of a feed link, or None for other schemes and junk."""
    if not isinstance(link, str) or not link.strip() or len(link) > MAX_URL_CHARS:
        return None
    try:
        url = urljoin(base_url, link.strip())
        split = urlsplit(url)
    except ValueError:
        return None
    if split.scheme.lower() not in _ALLOWED_SCHEMES or not split.hostname:
        return None
    return url


def _utc(parsed_time: Any) -> datetime | None:
    """feedparser's struct_time (already UTC) as a naive datetime; None when absent or impossible."""
    if not parsed_time:
        return None
    try:
        return datetime(*parsed_time[:6])
    except (TypeError, ValueError):
        return None


def _iso_utc(value: Any) -> datetime | None:
    """An RFC 3339 timestamp as a naive UTC datetime; None when absent or unreadable."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _text(value: Any, limit: int) -> str | None:
    return _clip(value.strip(), limit) or None if isinstance(value, str) else None


def _clip(text: str, limit: int) -> str:
    return text[:limit]


# --- the bounded worker -------------------------------------------------------------------


def serve_worker() -> None:
    """Entry point of the worker process: requests on stdin, replies on stdout, pickled.

    Started with subprocess rather than multiprocessing: spawn/forkserver re-import the caller's
    __main__ (breaking unguarded scripts) and fork would copy a threaded parent's locks.
    """
    import resource

    max_memory_mb = int(sys.argv[1])
    requests = multiprocessing.connection.Connection(os.dup(0), writable=False)
    replies = multiprocessing.connection.Connection(os.dup(1), readable=False)
    os.dup2(2, 1)  # a stray print must not corrupt the reply channel
    limit = max_memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    replies.send("ready")  # imports done: from now on the parent's clock measures parsing only
    while True:
        try:
            body, base_url, content_type = requests.recv()
        except (EOFError, OSError):
            return
        try:
            result: ParsedFeed | str = _parse_unbounded(body, base_url, content_type)
        except MemoryError:
            replies.send(f"parsing needed more than {max_memory_mb} MB")
            return  # the heap may be in a bad state: the parent starts a fresh worker
        except Exception as error:  # a feedparser bug on odd input costs one feed, not the worker
            result = ParsedFeed(outcome="parse_error", error=f"{type(error).__name__}: {error}"[:500])
        replies.send(result)


class _Worker:
    def __init__(self, max_memory_mb: int) -> None:
        self.max_memory_mb = max_memory_mb
        project_root = str(Path(__file__).resolve().parents[1])
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [project_root, os.environ.get("PYTHONPATH")])),
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from tasks.feeds import serve_worker; serve_worker()",
                str(max_memory_mb),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.requests = multiprocessing.connection.Connection(
            os.dup(self.process.stdin.fileno()), readable=False
        )
        self.replies = multiprocessing.connection.Connection(
            os.dup(self.process.stdout.fileno()), writable=False
        )
        self.process.stdin.close()
        self.process.stdout.close()
        if not self.replies.poll(WORKER_START_TIMEOUT) or self.replies.recv() != "ready":
            self.stop()
            raise OSError(f"the feed parser process did not start within {WORKER_START_TIMEOUT:g} s")

    def parse(
        self, body: bytes, base_url: str, content_type: str | None, timeout_s: float
    ) -> ParsedFeed | str:
        """The parsed feed, or a string saying why the worker had to give up (it is then stopped)."""
        started = time.monotonic()
        try:
            self.requests.send((body, base_url, content_type))
            if not self.replies.poll(timeout_s):
                self.stop()
                return f"parsing took longer than {timeout_s:g} s"
            return self.replies.recv()
        except (EOFError, OSError):
            self.stop()
            elapsed = time.monotonic() - started
            return f"the parser process died after {elapsed:.1f} s (over {self.max_memory_mb} MB?)"

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.requests.close()
        self.replies.close()


class _WorkerPool:
    """One reusable worker per process; calls from several threads take turns."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._worker: _Worker | None = None
        self._no_worker_until = 0.0  # after a failed start, parse in-process for a while

    def parse(
        self, body: bytes, base_url: str, content_type: str | None, timeout_s: float, max_memory_mb: int
    ) -> ParsedFeed:
        with self._lock:
            worker = self._ready_worker(max_memory_mb)
            if worker is None:
                return _parse_in_process(body, base_url, content_type)
            result = worker.parse(body, base_url, content_type, timeout_s)
            if isinstance(result, ParsedFeed):
                return result
            worker.stop()
            self._worker = None
            return ParsedFeed(outcome="rejected", error=f"{result}; refused")

    def close(self) -> None:
        with self._lock:
            if self._worker is not None:
                self._worker.stop()
                self._worker = None

    def _ready_worker(self, max_memory_mb: int) -> _Worker | None:
        if time.monotonic() < self._no_worker_until:
            return None
        if self._worker is not None and (
            self._worker.max_memory_mb != max_memory_mb or not self._worker.alive()
        ):
            self._worker.stop()
            self._worker = None
        if self._worker is None:
            try:
                self._worker = _Worker(max_memory_mb)
            except OSError as error:  # no process could start: layers 1 and 2 still apply
                _log.warning(
                    "feed parser worker unavailable, parsing in-process for %g s: %s",
                    WORKER_RETRY_SECONDS,
                    error,
                )
                self._no_worker_until = time.monotonic() + WORKER_RETRY_SECONDS
                return None
        return self._worker


def _parse_in_process(body: bytes, base_url: str, content_type: str | None) -> ParsedFeed:
    try:
        return _parse_unbounded(body, base_url, content_type)
    except Exception as error:
        return ParsedFeed(outcome="parse_error", error=f"{type(error).__name__}: {error}"[:500])


_WORKERS = _WorkerPool()
atexit.register(_WORKERS.close)
