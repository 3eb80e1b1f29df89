"""Value types passed between pipeline stages.

Every stage is a pure function over these types; none of them touches the network or the
database. Keeping them in one module lets each stage be developed and tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# --- fetching -----------------------------------------------------------------------------

# Outcomes a fetch can end with. Recorded verbatim in feed_fetches.outcome / page_fetches.outcome.
FETCH_OUTCOMES = (
    "ok",
    "not_modified",
    "http_error",
    "blocked",  # refused by the SSRF guard or the scheme check
    "timeout",  # total deadline exceeded
    "too_large",  # decoded body over the cap
    "bad_content_type",
    "too_many_redirects",
    "robots_disallowed",
    "network_error",
)


@dataclass(frozen=True)
class FetchRequest:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    kind: str = "page"  # "feed" or "page": chooses Accept header and allowed content types


@dataclass(frozen=True)
class FetchResult:
    url: str  # as requested
    final_url: str  # after redirects
    outcome: str  # one of FETCH_OUTCOMES
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names
    body: bytes | None = None  # decoded (no Content-Encoding), capped
    error: str | None = None  # human-readable reason when outcome != ok
    elapsed_ms: float = 0.0
    attempts: int = 1

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


# --- feeds --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedEntry:
    guid: str  # feed GUID/id, or the link when the feed has none
    url: str  # absolute http(s) link to the article
    title: str | None = None
    published_at: datetime | None = None  # UTC, naive
    updated_at: datetime | None = None  # UTC, naive


@dataclass(frozen=True)
class ParsedFeed:
    outcome: str  # "ok" or "parse_error" (or "rejected" for hostile input)
    title: str | None = None
    site_url: str | None = None
    entries: tuple[FeedEntry, ...] = ()
    error: str | None = None
    n_skipped_links: int = 0  # entries dropped for a non-http(s) or missing link


# --- extraction and cleaning -------------------------------------------------------------


@dataclass(frozen=True)
class ExtractedDocument:
    """What trafilatura (or the plain-text reader) found in one page, before our cleaning."""

    text: str  # one paragraph/line per line
    title: str | None = None
    published: date | None = None
    author: str | None = None
    sitename: str | None = None
    canonical_url: str | None = None  # rel=canonical / og:url when present
    language: str | None = None
    description: str | None = None
    comments: str | None = None  # reader comments, kept apart from the article text


@dataclass(frozen=True)
class RemovedLine:
    line_no: int  # 0-based position in the extracted text
    line: str
    rule: str


@dataclass(frozen=True)
class CleanedText:
    text: str
    removed: tuple[RemovedLine, ...] = ()
    byline: str | None = None  # moved to metadata, not lost
    dateline: str | None = None  # e.g. "KYIV, March 24": kept in text, also reported here


# --- exchanges ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExchangeMention:
    """One exchange an article reports as news, with the figures it claims."""

    event_date: date | None = None
    returned_to_ukraine: int | None = None  # includes wounded and civilians returned in it
    returned_to_russia: int | None = None
    mediators: tuple[str, ...] = ()  # ISO 3166-1 alpha-2, sorted
    civilians_to_ukraine: int | None = None
    wounded_to_ukraine: int | None = None
    civilians_to_russia: int | None = None
    total_stated: int | None = None  # a total as the text states it ("about 448")
    total_is_approximate: bool = False
    exchange_number: int | None = None  # "the 49th exchange"
    is_disputed: bool = False  # the article's own figures disagree (sides, or stated total vs sum)
    evidence: tuple[str, ...] = ()  # sentences the figures came from
    confidence: float = 0.0

    def to_json(self) -> dict:
        return {
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "returned_to_ukraine": self.returned_to_ukraine,
            "returned_to_russia": self.returned_to_russia,
            "mediators": list(self.mediators),
            "civilians_to_ukraine": self.civilians_to_ukraine,
            "wounded_to_ukraine": self.wounded_to_ukraine,
            "civilians_to_russia": self.civilians_to_russia,
            "total_stated": self.total_stated,
            "total_is_approximate": self.total_is_approximate,
            "exchange_number": self.exchange_number,
            "is_disputed": self.is_disputed,
            "evidence": list(self.evidence),
            "confidence": round(self.confidence, 3),
        }
