"""Turn one fetched page (HTML bytes) or a plain-text file into an ExtractedDocument.

Pure functions: no network, no configuration, no database. Main text and most metadata come
from trafilatura 2.3.1 used as a library; decoding, the input cap, the canonical URL and the
language are handled here because trafilatura's own handling does not fit a pipeline:

* ``deduplicate`` is never enabled: trafilatura's dedup cache is process-wide, so a page's
  output would depend on what the worker extracted before it.
* Time is bounded by bounding the input, because trafilatura's EXTRACTION_TIMEOUT only
  applies to its CLI (a 20 MB page took 19 s in the library). Raw pages are cut at
  MAX_RAW_BYTES; scripts (except JSON-LD metadata), styles and HTML comments are dropped in one
  linear pass; the remaining markup is cut at MAX_HTML_BYTES characters, and further until the
  tree has at most MAX_HTML_ELEMENTS elements. Extraction time grows with the number of elements
  (about 0.3 ms each, metadata and date search included), so the worst case is a few seconds,
  while real pages take 10-400 ms (scripts are most of a modern page: the largest aeb page
  shrinks from 1.5 MB to 0.2 MB of markup). A caller needing a hard wall-clock limit runs
  extraction in a worker process and kills it.
"""

from __future__ import annotations

import codecs
import contextlib
import itertools
import re
import unicodedata
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
)
from trafilatura.settings import MANUALLY_CLEANED, Document
from trafilatura.utils import load_html

from tasks.clean import is_noise_line
from tasks.models import ExtractedDocument

MAX_RAW_BYTES = 8_000_000
"""Raw pages are truncated to this many bytes before decoding."""

MAX_HTML_BYTES = 1_000_000
"""Markup (after scripts and styles are dropped) is truncated to this many characters before
parsing; lxml copes with a cut document. Real articles are far below it."""

MAX_HTML_ELEMENTS = 12_000
"""Trees larger than this are cut (markup truncated in proportion and parsed again): trafilatura
costs about 0.3 ms per element, and the largest of 287 real pages measured had 4,600."""

MAX_TEXT_CHARS = 1_000_000
"""Plain-text inputs are truncated to this many characters."""

# Settings chosen by measurement (scripts/eval_cleaning.py, aeb + trafilatura evaldata, with our
# cleaning after them): reader comments are not article text (+0.003 precision, recall equal), so
# they are extracted (which also takes them out of the tree the body comes from) and kept apart;
# favor_precision cost 0.008 recall on aeb; favor_recall lowered precision; without tables recall
# fell by 0.006. deduplicate stays off (process-wide cache). `fast` skips the readability/justext
# comparison, a third of trafilatura's time; it changed 5 of 181 aeb pages, so a page whose fast
# text is short (where the fallbacks are what rescue a page) is extracted again without it.
TRAFILATURA_OPTIONS: dict[str, object] = {
    "include_comments": True,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "favor_precision": False,
    "favor_recall": False,
    "deduplicate": False,
}
# trafilatura's MANUALLY_CLEANED tags, without those it treats specially before deleting them
# (form: a form wrapping the whole article is kept; math: formulas are salvaged; figure: one
# holding a table becomes a div), without head (title and metadata are read first) and without
# aside, where some sites put the whole article (trafilatura's fallback extractors find it there).
_DELETED_BY_TRAFILATURA = tuple(
    tag for tag in MANUALLY_CLEANED if tag not in ("form", "math", "figure", "head", "aside")
)
FAST_TEXT_MIN_CHARS = 1_500
"""A fast extraction shorter than this is redone with trafilatura's fallback extractors."""
FAST_TEXT_MAX_SHORT_LINES = 0.5
"""... and so is one where more than this share of lines have under 6 words (a menu, not prose)."""


def _doubtful_fast_text(text: str) -> bool:
    """Where the fast path tends to fail: too little text, or a navigation list instead of prose."""
    if len(text) < FAST_TEXT_MIN_CHARS:
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    short = sum(1 for line in lines if len(line.split()) < 6)
    return short > FAST_TEXT_MAX_SHORT_LINES * len(lines)

# Executable and styling blocks carry no article text; JSON-LD scripts carry metadata (dates).
_BLOCK_OPENING = re.compile(r"<(script|style)\b([^<>]{0,2000})>|<!--", re.IGNORECASE)
_BLOCK_CLOSING = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
    "comment": re.compile(r"-->"),
}
_SNIFF_BYTES = 16_384  # some pages declare their charset after the first 1024 bytes
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Browsers (WHATWG Encoding) treat these labels as windows-1252, and so do we.
_WINDOWS_1252_ALIASES = {"iso8859-1", "latin-1", "ascii", "iso8859-15"}


def decode_html(data: bytes, *, declared_charset: str | None = None) -> str:
    """Decode page bytes: BOM; else UTF-8 when the bytes are valid UTF-8 (legacy text almost never
    is, while pages declaring a legacy charset over UTF-8 bytes are common); else the charset the
    HTTP header or the page declares; else a statistical guess among the legacy encodings of our
    languages (charset_normalizer). Never raises; undecodable bytes become U+FFFD."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    candidates = ["utf-8", _codec_name(declared_charset), _codec_name(_sniff_charset(data))]
    for encoding in dict.fromkeys(c for c in candidates if c):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    guess = _guess_charset(data)
    return data.decode(guess or candidates[1] or candidates[2] or "utf-8", errors="replace")


def extract_document(html: bytes | str, *, url: str | None = None) -> ExtractedDocument:
    """Extract the main text and metadata of one HTML page. `url` is where the page was fetched
    from (used to resolve a relative canonical link and by trafilatura's URL heuristics)."""
    html = decode_html(html[:MAX_RAW_BYTES]) if isinstance(html, bytes) else html[:MAX_RAW_BYTES]
    html = _drop_non_content(html)[:MAX_HTML_BYTES]
    tree = _parse_within_element_cap(html)
    if tree is None:
        return ExtractedDocument(text="")

    canonical_url = _canonical_url(tree, url)
    language = _declared_language(tree)
    meta = page_metadata(tree, url)
    title = _clean(meta.title) or _clean(tree.findtext(".//title"))
    # What trafilatura would delete anyway goes first, in one pass of lxml's C code: its own
    # pruning walks the whole tree with XPath several times, in Python. (bare_extraction works on
    # a copy of the tree it is given.)
    etree.strip_elements(tree, *_DELETED_BY_TRAFILATURA, with_tail=False)
    document = trafilatura.bare_extraction(tree, url=url, fast=True, **TRAFILATURA_OPTIONS)
    if document is None or _doubtful_fast_text(document.text or ""):
        document = trafilatura.bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS) or document
    if document is None:
        return ExtractedDocument(text="", title=title, canonical_url=canonical_url, language=language)
    return ExtractedDocument(
        text=_normalise_text(document.text or ""),
        title=title,
        published=_parse_date(meta.date),
        author=_clean(meta.author),
        sitename=_clean(meta.sitename),
        canonical_url=canonical_url,
        language=language or _clean(meta.language),
        description=_clean(meta.description),
        comments=_normalise_text(document.comments or "") or None,
    )


def page_metadata(tree: HtmlElement, url: str | None) -> Document:
    """Title, author, date, site name, language and description of a page: the steps of
    trafilatura's `extract_metadata` that we read, in its order. Categories, tags, the licence and
    htmldate's extensive search (dates in running text) are left out: they cost ~8 ms a page,
    more than a third of the extraction, and a date in the text is found after cleaning anyway
    (`tasks.dates.detect_published`)."""
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:  # a single word is a handle, not a byline
        metadata.author = None
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader fails on malformed blocks
        metadata = extract_meta_json(tree, metadata)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author:
        metadata.author = extract_author(tree)
    metadata.date = find_date(tree, url=metadata.url or url, original_date=True, extensive_search=False)
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
    metadata.clean_and_trim()
    return metadata


_HEADLINE_MAX_WORDS = 25
_LIST_MARKERS = "•·-–—*>»›|▪◦●"
_DATE_PREFIX = re.compile(
    r"^\s*(?:date|published|дата|опубліковано|опубликовано)\s*:?\s*(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE
)


def read_text_document(text: str) -> ExtractedDocument:
    """Wrap a plain-text article (no trafilatura). The text is kept whole; the title is the first
    line that looks like a headline once leading noise (breadcrumbs, share prompts) is skipped;
    a leading "date YYYY-MM-DD" marker, as some scrapers write, becomes `published`."""
    text = _normalise_text(text[:MAX_TEXT_CHARS])
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title = None
    for line in lines[:6]:
        if is_noise_line(line) or line[0] in _LIST_MARKERS:  # breadcrumbs, menu items
            continue
        if _looks_like_headline(line):
            title = line
        break
    published = None
    if lines and (match := _DATE_PREFIX.match(lines[0])):
        published = _parse_date(match.group(1))
    return ExtractedDocument(text=text, title=title, published=published)


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= _HEADLINE_MAX_WORDS
        and len(line) <= 200
        and not line.endswith((".", ";", ",", ":"))
        and line[0] not in _LIST_MARKERS
    )


def _drop_non_content(html: str) -> str:
    """Remove scripts (JSON-LD excepted), styles and comments in one forward pass (linear time:
    a regex with a lazy `.*?` goes quadratic on many unclosed tags). An unclosed block runs to the
    end of the page, as in a browser."""
    parts = []
    position = 0
    while match := _BLOCK_OPENING.search(html, position):
        kind = (match.group(1) or "comment").lower()
        keep = kind == "script" and "ld+json" in (match.group(2) or "").lower()
        closing = _BLOCK_CLOSING[kind].search(html, match.end())
        end = closing.end() if closing else len(html)
        parts.append(html[position : end if keep else match.start()])
        position = end
    parts.append(html[position:])
    return "".join(parts)


def _sniff_charset(data: bytes) -> str | None:
    head = data[:_SNIFF_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    if name in _WINDOWS_1252_ALIASES:
        return "cp1252"
    # A page can only declare UTF-16 meaningfully with a BOM (handled earlier); browsers use UTF-8.
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"
    return name


# Undeclared legacy pages in our languages (English, Ukrainian, Russian, German): restricting the
# guess to these keeps short samples from being read as Big5 or Central European code pages.
_GUESS_ENCODINGS = ["cp1252", "cp1251", "koi8_r", "koi8_u", "mac_cyrillic", "iso8859_5"]


def _guess_charset(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=_GUESS_ENCODINGS).best()
    return best.encoding if best else None


def _parse_within_element_cap(html: str) -> HtmlElement | None:
    """Parse, and if the tree has more than MAX_HTML_ELEMENTS elements, keep only the share of
    the markup that should fit (the article is usually near the top) and parse again."""
    for _ in range(3):
        tree = load_html(html) if html.strip() else None
        if tree is None:
            return None
        count = sum(1 for _ in itertools.islice(tree.iter(), MAX_HTML_ELEMENTS * 4))
        if count <= MAX_HTML_ELEMENTS:
            return tree
        html = html[: int(len(html) * 0.9 * MAX_HTML_ELEMENTS / count)]
    return None


def _canonical_url(tree: HtmlElement, page_url: str | None) -> str | None:
    try:
        base = page_url if page_url and urlsplit(page_url).scheme else ""
    except ValueError:
        base = ""
    for href in (
        *tree.xpath('//link[contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href'),
        *tree.xpath('//meta[@property="og:url" or @name="og:url"]/@content'),
    ):
        href = str(href).strip()
        if not href or len(href) > _MAX_URL_CHARS:
            continue
        try:
            absolute = urljoin(base, href)
            parts = urlsplit(absolute)
        except ValueError:  # e.g. "http://[::1": a broken link must not sink the page
            continue
        if parts.scheme in ("http", "https") and parts.netloc:
            return absolute
    return None


_MAX_URL_CHARS = 2048
_LANGUAGE_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")


def _declared_language(tree: HtmlElement) -> str | None:
    """ISO 639 code from <html lang>, Content-Language or og:locale (e.g. "uk" from "uk-UA")."""
    for value in (
        *tree.xpath("/html/@lang"),
        *tree.xpath(
            '//meta[translate(@http-equiv, "CONTENTLAGU", "contentlagu")="content-language"]/@content'
        ),
        *tree.xpath('//meta[@property="og:locale"]/@content'),
    ):
        match = _LANGUAGE_TAG.match(str(value).strip())
        if match:
            return match.group(1).lower()
    return None


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date()
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def _normalise_text(text: str) -> str:
    """One paragraph per line, NFC (as trafilatura's own text output): unify newlines and spaces,
    strip each line, drop blank lines."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
