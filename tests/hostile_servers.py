"""Loopback HTTP servers that misbehave on purpose, for fetch tests and the conformance suite.

`HostileServer` serves one behaviour per path (see `_Handler.routes`) on 127.0.0.1 in a
background thread and records every request it gets; a canary is simply a `HostileServer` that
a test expects to see no request at all. Usage::

    with HostileServer() as server, HostileServer() as canary:
        url = server.url("/redirect", to=canary.url("/"))
        ...
        assert canary.requests == []

Paths (query parameters in brackets):
    /feed.xml, /page.html     a small valid RSS feed / HTML page (with ETag and Last-Modified;
                              answers 304 to a matching If-None-Match)
    /drip [interval]          200 text/html with a large Content-Length, then 1 byte per interval s
    /gzip-bomb                Content-Encoding: gzip, about 1 MB on the wire, over 1 GB decoded,
                              compressed while it is sent
    /compressed [coding]      the feed with Content-Encoding gzip, deflate (zlib) or raw-deflate
                              (a raw deflate stream labelled "deflate", as some servers send)
    /endless                  200 text/html without a length, 64 KB chunks until the client leaves
    /loop                     302 to itself, forever
    /redirect [to, status]    a redirect (302 by default) to `to`
    /flaky [key, fails]       503 for the first `fails` (1) requests with this key, then the feed
    /missing                  404
    /image                    a PNG (image/png)
    /slow [delay]             the page after `delay` (0.3) seconds; in-flight requests are counted
    /robots.txt               the `robots` text given to the constructor, else 404
    paths in `files`          the bytes given to the constructor, with their content type
    anything else             404
"""

from __future__ import annotations

import threading
import time
import zlib
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

FEED_XML = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback test feed</title><link>http://127.0.0.1/</link>
<item><title>First item</title><link>/articles/1.html</link><guid>item-1</guid>
<pubDate>Tue, 10 Jun 2025 08:30:00 +0300</pubDate></item>
</channel></rss>
"""
PAGE_HTML = b"<!doctype html><html><head><title>Test page</title></head><body><p>Hello.</p></body></html>"
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
ETAG = '"v1"'
LAST_MODIFIED = "Tue, 10 Jun 2025 08:00:00 GMT"
BOMB_DECODED_BYTES = 1024 * 1024 * 1024 + 1


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str  # with the query string
    headers: dict[str, str]  # lower-cased names
    at: float  # time.monotonic() when it arrived


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: HostileServer


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"  # close-delimited bodies: the drip and the endless body need no length

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        owner = self.server.owner
        owner._record(self)
        split = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(split.query).items()}
        route = getattr(self, "route_" + split.path.strip("/").replace("-", "_").replace(".", "_"), None)
        try:
            if split.path in owner.files:
                body, content_type = owner.files[split.path]
                self._send(200, body, content_type)
            elif route is None:
                self._send(404, b"not found", "text/plain")
            else:
                route(query)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should with most of these routes

    def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _conditional(self, body: bytes, content_type: str) -> None:
        if self.headers.get("If-None-Match") == ETAG:
            self.send_response(304)
            self.send_header("ETag", ETAG)
            self.end_headers()
            return
        self._send(200, body, content_type, ETag=ETAG, Last_Modified=LAST_MODIFIED)

    def route_feed_xml(self, query: dict[str, str]) -> None:
        self._conditional(FEED_XML, "application/rss+xml; charset=utf-8")

    def route_page_html(self, query: dict[str, str]) -> None:
        self._conditional(PAGE_HTML, "text/html; charset=utf-8")

    def route_robots_txt(self, query: dict[str, str]) -> None:
        robots = self.server.owner.robots
        if robots is None:
            self._send(404, b"no robots here", "text/plain")
        else:
            self._send(200, robots.encode(), "text/plain")

    def route_drip(self, query: dict[str, str]) -> None:
        interval = float(query.get("interval", "1"))
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        for _ in range(100000):
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(interval)

    def route_gzip_bomb(self, query: dict[str, str]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
        zeros = bytes(1024 * 1024)
        for _ in range(BOMB_DECODED_BYTES // len(zeros)):
            self.wfile.write(compressor.compress(zeros))  # about 1 KB per MB of zeros
        self.wfile.write(compressor.compress(b"\0" * (BOMB_DECODED_BYTES % len(zeros))) + compressor.flush())

    def route_compressed(self, query: dict[str, str]) -> None:
        coding = query.get("coding", "gzip")
        wbits = {"gzip": 31, "deflate": 15, "raw-deflate": -15}[coding]
        compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
        body = compressor.compress(FEED_XML) + compressor.flush()
        label = "gzip" if coding == "gzip" else "deflate"
        self._send(200, body, "application/rss+xml", Content_Encoding=label)

    def route_endless(self, query: dict[str, str]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>more</p>" * 6000
        while True:
            self.wfile.write(chunk)

    def route_loop(self, query: dict[str, str]) -> None:
        self._send(302, b"", "text/plain", Location="/loop")

    def route_redirect(self, query: dict[str, str]) -> None:
        self._send(int(query.get("status", "302")), b"", "text/plain", Location=query["to"])

    def route_flaky(self, query: dict[str, str]) -> None:
        owner = self.server.owner
        with owner._lock:
            owner.flaky_hits[query.get("key", "")] += 1
            hits = owner.flaky_hits[query.get("key", "")]
        if hits <= int(query.get("fails", "1")):
            self._send(503, b"try again later", "text/plain")
        else:
            self._send(200, FEED_XML, "application/rss+xml")

    def route_missing(self, query: dict[str, str]) -> None:
        self._send(404, b"gone", "text/plain")

    def route_image(self, query: dict[str, str]) -> None:
        self._send(200, PNG_1PX, "image/png")

    def route_slow(self, query: dict[str, str]) -> None:
        owner = self.server.owner
        with owner._lock:
            owner._in_flight += 1
            owner.max_in_flight = max(owner.max_in_flight, owner._in_flight)
        try:
            time.sleep(float(query.get("delay", "0.3")))
            self._send(200, PAGE_HTML, "text/html")
        finally:
            with owner._lock:
                owner._in_flight -= 1


class HostileServer:
    """A misbehaving HTTP server on 127.0.0.1 (a free port), run in a daemon thread."""

    def __init__(
        self, *, robots: str | None = None, files: dict[str, tuple[bytes, str]] | None = None
    ) -> None:
        self.robots = robots
        self.files = dict(files or {})  # path -> (body, content type), e.g. corpus feeds to serve
        self.requests: list[RecordedRequest] = []
        self.flaky_hits: Counter[str] = Counter()
        self.max_in_flight = 0
        self._in_flight = 0
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self.host, self.port = self._server.server_address[:2]
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name=f"hostile-{self.port}", daemon=True
        )

    @property
    def host_port(self) -> str:
        """ "127.0.0.1:PORT", the form FetchPolicy.allow_hosts takes."""
        return f"{self.host}:{self.port}"

    def url(self, path: str = "/", **query: str) -> str:
        return f"http://{self.host_port}{path}" + (f"?{urlencode(query)}" if query else "")

    def paths(self) -> list[str]:
        """Paths requested so far, robots.txt included."""
        with self._lock:
            return [request.path for request in self.requests]

    def _record(self, handler: BaseHTTPRequestHandler) -> None:
        request = RecordedRequest(
            handler.command,
            handler.path,
            {k.lower(): v for k, v in handler.headers.items()},
            time.monotonic(),
        )
        with self._lock:
            self.requests.append(request)

    def start(self) -> HostileServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
