"""From stored page bytes to an analysed article: extract, clean, date, find exchanges.

`process_page` is pure and picklable, so a batch can run in a process pool (both cores) or on a
Dask cluster; it never raises for a bad page: the failure is recorded in the result.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

from tasks.clean import clean_text
from tasks.dedup import TextIdentity, article_id_for, canonicalize_url, text_identity
from tasks.exchanges import detect_published, extract_exchanges
from tasks.extract import decode_html, extract_document, read_text_document
from tasks.models import CleanedText, ExchangeMention, ExtractedDocument, RemovedLine


@dataclass(frozen=True)
class RawPage:
    """A stored page as processing needs it (bytes already fetched; no network here)."""

    raw_page_id: str
    url: str  # final URL after redirects
    canonical_url: str  # canonical form of the feed link
    body: bytes
    fetched_at: datetime
    content_type: str | None = None
    entry_title: str | None = None
    entry_published_at: datetime | None = None
    feed_id: str | None = None

    @classmethod
    def from_row(cls, row: dict) -> RawPage:
        return cls(
            raw_page_id=row["raw_page_id"],
            url=row["final_url"],
            canonical_url=row["canonical_url"],
            body=zlib.decompress(row["body_zlib"]),
            fetched_at=row["fetched_at"],
            content_type=row["content_type"],
            entry_title=row["entry_title"],
            entry_published_at=row["entry_published_at"],
            feed_id=row["feed_id"],
        )


@dataclass(frozen=True)
class Analysis:
    """Cleaned text, publication date and exchange mentions of one document."""

    document: ExtractedDocument
    cleaned: CleanedText
    title: str | None
    published: date | None
    mentions: tuple[ExchangeMention, ...]
    comments: str | None = None  # reader comments, cleaned of comment-form prompts; never in `cleaned`


@dataclass(frozen=True)
class ProcessedPage:
    raw_page_id: str
    article_id: str
    canonical_url: str
    url_variants: tuple[str, ...]
    fetched_at: datetime
    status: str  # ok | no_text | extract_error
    title: str | None = None
    published_at: datetime | None = None
    text: str = ""
    removed: tuple[RemovedLine, ...] = ()
    mentions: tuple[ExchangeMention, ...] = ()
    fingerprint: str | None = None
    language: str | None = None
    author: str | None = None
    byline: str | None = None
    dateline: str | None = None
    comments: str | None = None  # reader comments, not part of `text`
    source_host: str | None = None
    feed_id: str | None = None
    error: str | None = None
    extra: dict = field(default_factory=dict)
    # computed here, in the worker, so the single warehouse writer only compares (tasks.dedup)
    identity: TextIdentity | None = field(default=None, compare=False, repr=False)


def analyse_document(doc: ExtractedDocument, *, fallback_title: str | None = None,
                     published: date | None = None, fallback_published: date | None = None) -> Analysis:
    """Clean, date and read exchanges from an extracted document.

    `published` overrides everything (the user said so); otherwise the page's own metadata, then
    a date the text states, then `fallback_published` (the feed's date, or the fetch date).
    """
    title = doc.title or fallback_title
    cleaned = clean_text(doc.text, title=title, language=doc.language)
    when = published or doc.published or detect_published(cleaned.text) or fallback_published
    mentions = tuple(extract_exchanges(cleaned.text, published=when, title=title))
    # The same rules take "Leave a comment" and log-in prompts out of the comments; what is left is
    # what readers wrote (often nothing).
    comments = clean_text(doc.comments, language=doc.language).text if doc.comments else ""
    return Analysis(document=doc, cleaned=cleaned, title=title, published=when, mentions=mentions,
                    comments=comments or None)


_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


def _looks_like_html(body: bytes, content_type: str | None) -> bool:
    if content_type and "html" in content_type.lower():
        return True
    if content_type and content_type.lower().startswith("text/plain"):
        return False
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<meta", b"<div", b"<article"))


def read_document(body: bytes, *, url: str | None, content_type: str | None = None) -> ExtractedDocument:
    """HTML through trafilatura, anything else as plain text; the HTTP charset is honoured."""
    match = _CHARSET.search(content_type or "")
    text = decode_html(body, declared_charset=match.group(1) if match else None)
    if _looks_like_html(body, content_type):
        return extract_document(text, url=url)
    return read_text_document(text)


def process_page(page: RawPage) -> ProcessedPage:
    """Analyse one stored page. Never raises: failures come back with status extract_error."""
    feed_canonical = page.canonical_url
    fallback_id = article_id_for(feed_canonical)
    try:
        doc = read_document(page.body, url=page.url, content_type=page.content_type)
        canonical = canonicalize_url(feed_canonical, canonical_hint=doc.canonical_url)
        entry_day = page.entry_published_at.date() if page.entry_published_at else None
        analysis = analyse_document(doc, fallback_title=page.entry_title,
                                    fallback_published=entry_day or page.fetched_at.date())
    except Exception as error:  # a hostile or broken page must not stop the batch
        return ProcessedPage(
            raw_page_id=page.raw_page_id, article_id=fallback_id, canonical_url=feed_canonical,
            url_variants=(feed_canonical,), fetched_at=page.fetched_at, status="extract_error",
            title=page.entry_title, published_at=page.entry_published_at,
            source_host=urlsplit(feed_canonical).hostname, feed_id=page.feed_id,
            error=f"{type(error).__name__}: {error}"[:500],
        )
    text = analysis.cleaned.text
    identity = text_identity(text) if text.strip() else None
    published_at = datetime.combine(analysis.published, datetime.min.time()) if analysis.published else None
    if page.entry_published_at and analysis.published == page.entry_published_at.date():
        published_at = page.entry_published_at  # keep the feed's time of day when it agrees
    variants = tuple(dict.fromkeys(u for u in (canonical, feed_canonical, page.url) if u))
    return ProcessedPage(
        raw_page_id=page.raw_page_id,
        article_id=article_id_for(canonical),
        canonical_url=canonical,
        url_variants=variants,
        fetched_at=page.fetched_at,
        status="ok" if text.strip() else "no_text",
        title=analysis.title,
        published_at=published_at,
        text=text,
        removed=analysis.cleaned.removed,
        mentions=analysis.mentions,
        fingerprint=identity.fingerprint if identity else None,
        language=analysis.document.language,
        author=analysis.document.author,
        byline=analysis.cleaned.byline,
        dateline=analysis.cleaned.dateline,
        comments=analysis.comments,
        source_host=urlsplit(canonical).hostname,
        feed_id=page.feed_id,
        identity=identity,
    )


def process_pages(pages: Sequence[RawPage], *, executor: Executor | None = None,
                  on_done: Callable[[int], None] | None = None) -> list[ProcessedPage]:
    """Process a batch, in `executor` (a process pool) when given; results in input order."""
    if executor is None:
        results = []
        for page in pages:
            results.append(process_page(page))
            if on_done:
                on_done(1)
        return results
    results = list(executor.map(process_page, pages, chunksize=max(1, len(pages) // 16)))
    if on_done:
        on_done(len(results))
    return results
