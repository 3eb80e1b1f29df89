"""Serve the bundled sample news site (`sample_site/`) on loopback for the demo and the tests.

The site is a folder of static feeds and pages with a `{{BASE}}` placeholder for the absolute
origin, replaced when served. Revision 2 of the site overlays the files under
`sample_site/_revision2/` (same relative paths) on the base files, so a test can switch a story
"updated in place" without restarting the server.

Only the standard library is imported here: the CLI and the tests load this module without
paying for Prefect.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

SAMPLE_SITE_DIR = Path(__file__).resolve().parents[1] / "sample_site"
EXPECTED_RESULTS_PATH = SAMPLE_SITE_DIR / "expected.json"
BASE_PLACEHOLDER = b"{{BASE}}"

# Feeds of the site, relative to its origin, in the order the demo configures them.
FEED_PATHS: tuple[str, ...] = (
    "/meridian/rss.xml",
    "/meridian/europe/rss.xml",
    "/clarion/atom.xml",
    "/courier/rss.xml",
    "/policydesk/atom.xml",
    "/holos/rss.xml",
    "/vestnik/atom.xml",
)

REVISIONS = (1, 2)
_REVISION_DIRS = {1: None, 2: SAMPLE_SITE_DIR / "_revision2"}
# Fixed times so that Last-Modified is reproducible; files changed in revision 2 are newer.
_LAST_MODIFIED = {
    1: datetime(2026, 2, 6, 12, 0, tzinfo=UTC),
    2: datetime(2026, 2, 6, 16, 30, tzinfo=UTC),
}
_CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str  # as requested, including the query string
    status: int

    @property
    def is_feed_or_robots(self) -> bool:
        bare_path = urlsplit(self.path).path
        return bare_path in FEED_PATHS or bare_path == "/robots.txt"


def sample_feed_urls(base_url: str) -> list[str]:
    """Absolute URLs of every feed of the sample site served at `base_url`."""
    return [base_url.rstrip("/") + path for path in FEED_PATHS]


def _feed_content_type(body: bytes) -> str:
    head = body[:600]
    if b"<feed" in head:
        return "application/atom+xml; charset=utf-8"
    return "application/rss+xml; charset=utf-8"


class SampleSite:
    """A running sample site: its address, its revision, and the requests it has answered."""

    def __init__(self, server: ThreadingHTTPServer, revision: int) -> None:
        host, port = server.server_address[:2]
        self.base_url = f"http://{host}:{port}"
        self.feed_urls = sample_feed_urls(self.base_url)
        self._server = server
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._revision = 1
        self.set_revision(revision)

    @property
    def revision(self) -> int:
        return self._revision

    def set_revision(self, revision: int) -> None:
        if revision not in REVISIONS:
            raise ValueError(f"revision must be one of {REVISIONS}, not {revision!r}")
        with self._lock:
            self._revision = revision

    @property
    def requests(self) -> list[RecordedRequest]:
        """A snapshot of every request answered so far, in order."""
        with self._lock:
            return list(self._requests)

    def page_requests(self) -> list[RecordedRequest]:
        """Requests for anything but the feeds and robots.txt (i.e. article pages)."""
        return [r for r in self.requests if not r.is_feed_or_robots]

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def resolve(self, url_path: str) -> tuple[bytes, str, datetime] | None:
        """Body, Content-Type and Last-Modified for a request path, or None when there is none.

        Query strings and fragments (tracking parameters) are ignored for the lookup.
        """
        path = unquote(urlsplit(url_path).path)
        relative = path.lstrip("/")
        # Folders starting with "_" (revision overlays, the generator) and expected.json are
        # the site's source, not part of it.
        if not relative or any(part.startswith("_") for part in relative.split("/")):
            return None
        if relative == "expected.json":
            return None
        revision = self._revision
        overlay = _REVISION_DIRS[revision]
        candidates = [(overlay, revision)] if overlay else []
        candidates.append((SAMPLE_SITE_DIR, 1))
        for root, served_revision in candidates:
            file = (root / relative).resolve()
            if not file.is_relative_to(root.resolve()) or not file.is_file():
                continue
            body = file.read_bytes().replace(BASE_PLACEHOLDER, self.base_url.encode())
            suffix = file.suffix.lower()
            content_type = _feed_content_type(body) if suffix == ".xml" else _CONTENT_TYPES.get(suffix)
            if content_type is None:
                return None
            return body, content_type, _LAST_MODIFIED[served_revision]
        return None


def _make_handler(site: SampleSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "SampleNewsSite/1.0"
        protocol_version = "HTTP/1.1"
        # Headers and body go out in separate writes; with Nagle on, keep-alive clients wait
        # ~40 ms per response for a delayed ACK.
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            self._respond(send_body=True)

        def do_HEAD(self) -> None:
            self._respond(send_body=False)

        def _respond(self, *, send_body: bool) -> None:
            found = site.resolve(self.path)
            if found is None:
                self._send(HTTPStatus.NOT_FOUND, b"not found\n", {"Content-Type": "text/plain"}, send_body)
                return
            body, content_type, last_modified = found
            etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
            headers = {
                "Content-Type": content_type,
                "ETag": etag,
                "Last-Modified": format_datetime(last_modified, usegmt=True),
                "Cache-Control": "max-age=60",
            }
            if self._not_modified(etag, last_modified):
                self._send(HTTPStatus.NOT_MODIFIED, b"", headers, send_body=False)
                return
            self._send(HTTPStatus.OK, body, headers, send_body)

        def _not_modified(self, etag: str, last_modified: datetime) -> bool:
            # RFC 9110: If-None-Match wins over If-Modified-Since when both are present.
            if_none_match = self.headers.get("If-None-Match")
            if if_none_match is not None:
                tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
                return etag in tags or "*" in tags
            if_modified_since = self.headers.get("If-Modified-Since")
            if if_modified_since:
                try:
                    since = parsedate_to_datetime(if_modified_since)
                except (TypeError, ValueError):
                    return False
                if since.tzinfo is None:
                    since = since.replace(tzinfo=UTC)
                return last_modified <= since
            return False

        def _send(self, status: HTTPStatus, body: bytes, headers: dict[str, str], send_body: bool) -> None:
            # Recorded before answering, so a client that has its response always finds it listed.
            site._record(RecordedRequest(self.command, self.path, int(status)))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != HTTPStatus.NOT_MODIFIED:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body and status != HTTPStatus.NOT_MODIFIED:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Silent: the demo's output is the pipeline summary, not an access log."""

    return Handler


@contextmanager
def serve_sample_site(*, revision: int = 1, host: str = "127.0.0.1", port: int = 0) -> Iterator[SampleSite]:
    """Serve the sample site in a background thread for the duration of the `with` block.

    `port=0` picks a free port; read the address from `SampleSite.base_url`.
    """
    server = ThreadingHTTPServer((host, port), BaseHTTPRequestHandler)
    server.daemon_threads = True
    site = SampleSite(server, revision)
    server.RequestHandlerClass = _make_handler(site)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="sample-site", daemon=True
    )
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
