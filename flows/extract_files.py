"""`swapwire extract`: files in, one JSON record per file out (no network, no database)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from tasks.process import analyse_document, read_document

MAX_FILE_BYTES = 20 * 1024 * 1024


def _files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def extract_record(path: Path, *, url: str | None = None, published: date | None = None) -> dict:
    """The contract's JSON record for one HTML or plain-text file."""
    body = path.read_bytes()[:MAX_FILE_BYTES]
    content_type = "text/html" if path.suffix.lower() in (".html", ".htm", ".xhtml") else None
    if path.suffix.lower() == ".txt":
        content_type = "text/plain"
    doc = read_document(body, url=url, content_type=content_type)
    analysis = analyse_document(doc, published=published)
    return {
        "source": str(path),
        "url": url or doc.canonical_url,
        "title": analysis.title,
        "published": analysis.published.isoformat() if analysis.published else None,
        "text": analysis.cleaned.text,
        "removed": [{"line": r.line, "rule": r.rule} for r in analysis.cleaned.removed],
        "byline": analysis.cleaned.byline,
        "author": doc.author,  # the page's author metadata: where a byline outside the body ends up
        "dateline": analysis.cleaned.dateline,
        "comments": analysis.comments,
        "exchanges": [m.to_json() for m in analysis.mentions],
    }


def extract_paths(paths: list[Path], *, url: str | None = None, published: date | None = None) -> Iterator[dict]:
    for path in _files(paths):
        try:
            yield extract_record(path, url=url, published=published)
        except (OSError, UnicodeError, ValueError) as error:
            yield {"source": str(path), "error": f"{type(error).__name__}: {error}"}
