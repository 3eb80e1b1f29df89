"""Test-only helpers for the conformance suite: serve corpus files on loopback, read the warehouse,
measure memory.

Corpus files are read from `../shared/corpora` at test time and served from memory; nothing is
copied into the repository.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import duckdb

# Outcomes the warehouse may record for a feed fetch (contracts.md plus the fetcher's and parser's own).
FEED_OUTCOMES = frozenset(
    {
        "ok",
        "not_modified",
        "http_error",
        "parse_error",
        "blocked",
        "timeout",
        "too_large",
        "rejected",
        "network_error",
        "bad_content_type",
        "too_many_redirects",
        "robots_disallowed",
        "backed_off",
    }
)
PAGE_OUTCOMES = FEED_OUTCOMES - {"backed_off", "parse_error", "rejected"}

_HEADER_LINE = re.compile(rb"^\s*Header:\s*([A-Za-z0-9-]+)\s*:\s*(.*?)\s*$", re.MULTILINE)
_DEFAULT_TYPES = {".json": "application/json", ".html": "text/html", ".opml": "text/xml"}


@dataclass(frozen=True)
class CorpusFile:
    """One corpus file as served: its URL path, its bytes and the HTTP headers it asks for."""

    path: str  # URL path, e.g. "/feedparser/wellformed/rss/item_title.xml"
    source: Path | None  # None for documents the suite generates
    body: bytes
    headers: tuple[tuple[str, str], ...]
    fail_first: int = 0  # answer 503 to this many requests before serving the file ("503 then 200")


def declared_headers(body: bytes) -> list[tuple[str, str]]:
    """The `Header: Name: value` lines of a feedparser test file's header comment (in its first 2 KB)."""
    head = body[:2048]
    end = head.find(b"-->")
    if end < 0:
        return []
    headers = []
    for match in _HEADER_LINE.finditer(head[:end]):
        name, value = match.group(1).decode("ascii"), match.group(2).decode("latin-1")
        if value:  # "Header: Last-Modified:" with no value: nothing to send
            headers.append((name, value))
    return headers


def corpus_files(
    root: Path, prefix: str, *, suffixes: Iterable[str] = (".xml", ".json", ".html", ".opml")
) -> list[CorpusFile]:
    """Every file under `root` with one of `suffixes`, served under `/prefix/<relative path>`."""
    suffixes = tuple(suffixes)
    files = []
    for source in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in suffixes):
        body = source.read_bytes()
        headers = declared_headers(body)
        if not any(name.lower() == "content-type" for name, _ in headers):
            headers.insert(0, ("Content-Type", _DEFAULT_TYPES.get(source.suffix.lower(), "application/xml")))
        path = "/" + prefix + "/" + quote(source.relative_to(root).as_posix())
        files.append(CorpusFile(path, source, body, tuple(headers)))
    return files


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128
    files: dict[str, CorpusFile]
    hits: Counter[str]
    lock: threading.Lock


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        with self.server.lock:
            self.server.hits[path] += 1
            hits = self.server.hits[path]
        file = self.server.files.get(path)
        try:
            if file is None or hits <= file.fail_first:
                status, text = (404, b"not found") if file is None else (503, b"try again later")
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(text)))
                self.end_headers()
                self.wfile.write(text)
                return
            self.send_response(200)
            for name, value in file.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(file.body)))
            self.end_headers()
            self.wfile.write(file.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class FeedSite:
    """Serves corpus files on 127.0.0.1 (a free port) with the headers each file declares."""

    def __init__(self, files: Iterable[CorpusFile]) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.files = {unquote(f.path): f for f in files}
        self._server.hits = Counter()
        self._server.lock = threading.Lock()
        host, port = self._server.server_address[:2]
        self.host_port = f"{host}:{port}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def url(self, file: CorpusFile) -> str:
        return f"http://{self.host_port}{file.path}"

    def put(self, file: CorpusFile) -> None:
        """Serve `file` from now on (a feed may need the site's address in its links first)."""
        with self._server.lock:
            self._server.files[unquote(file.path)] = file

    def hits(self, path: str) -> int:
        with self._server.lock:
            return self._server.hits[unquote(path)]

    def __enter__(self) -> FeedSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def hostile_server_process() -> Iterator[str]:
    """A `tests.hostile_servers.HostileServer` in a process of its own; yields its "127.0.0.1:PORT".

    In a thread of the test process, its busy routes (the endless body, the gzip bomb) compete
    for the GIL with the fetcher's event loop and can push unrelated requests past their deadline.
    """
    code = (
        "import sys, time\nfrom tests.hostile_servers import HostileServer\n"
        "server = HostileServer().start()\nprint(server.host_port, flush=True)\n"
        "sys.stdin.read()\n"
    )
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.kill()
        process.wait(10)


# --- running the real flow ------------------------------------------------------------------


def fast_failing(settings, *, total_timeout: float = 3.0, batch_size: int | None = None):
    """Settings whose page fetches to unreachable hosts end at once: no retries, a short deadline,
    no robots.txt round trip (corpus links point at hosts that do not resolve offline)."""
    fetch = replace(
        settings.fetch,
        retries=0,
        total_timeout=total_timeout,
        connect_timeout=min(2.0, total_timeout),
        respect_robots=False,
        per_host_concurrency=4,
        total_concurrency=32,
    )
    changes = {"fetch": fetch, "workers": 1}
    if batch_size is not None:
        changes["batch_size"] = batch_size
    return replace(settings, **changes)


def run_flow(feed_urls: list[str], db: Path, allow_hosts: list[str], **fetch_changes):
    """One real ingest run (`flows.ingest.run_pipeline`) over `feed_urls` into `db`."""
    from flows.config import load_settings
    from flows.ingest import run_pipeline

    settings = fast_failing(load_settings(feed_urls=feed_urls, db_path=db, allow_hosts=allow_hosts))
    if fetch_changes:
        settings = replace(settings, fetch=replace(settings.fetch, **fetch_changes))
    return run_pipeline(settings, trigger="manual")


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def feed_outcomes(db: Path, run_id: str) -> dict[str, str]:
    """feed url -> outcome of its fetch in `run_id` (asserting one row per feed)."""
    rows = query(
        db,
        "select f.url, ff.outcome from feed_fetches ff join feeds f using (feed_id) where ff.run_id = ?",
        [run_id],
    )
    urls = [url for url, _ in rows]
    duplicates = [url for url, n in Counter(urls).items() if n > 1]
    assert not duplicates, f"more than one feed_fetches row in run {run_id} for {duplicates[:5]}"
    return dict(rows)


def page_outcomes(db: Path, *, key: str = "url") -> dict[str, list[str]]:
    """page url (or `key="canonical_url"`) -> outcomes of every attempt, in fetch order."""
    assert key in ("url", "canonical_url")
    outcomes: dict[str, list[str]] = {}
    for url, outcome in query(db, f"select {key}, outcome from page_fetches order by fetched_at"):
        outcomes.setdefault(url, []).append(outcome)
    return outcomes


# --- memory ---------------------------------------------------------------------------------

PEAK_MEMORY_LIMIT_MB = 512  # issue 7: peak RSS of a pipeline (its process tree) during the conformance run


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as children:
            return [int(p) for p in children.read().split()]
    except OSError:
        return []


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _is_prefect_server(pid: int) -> bool:
    """The Prefect API the test harness (or a CLI run) starts: infrastructure, not the pipeline."""
    command = _cmdline(pid)
    return "uvicorn" in command or "prefect.server" in command or "prefect server" in command


def _is_cli_run(pid: int) -> bool:
    """A `swapwire run` subprocess: a pipeline of its own, measured by its own sampler."""
    return "swapwire run" in _cmdline(pid)


def _age_seconds(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            started_ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as uptime:
            return float(uptime.read().split()[0]) - started_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _is_unexeced_fork(pid: int, root: int) -> bool:
    """A child between fork and exec still shows (and shares) its parent's pages: counting it
    would double the parent for a moment. Real worker forks live longer than this."""
    return _cmdline(pid) == _cmdline(root) and _age_seconds(pid) < 0.5


def tree_rss_mb(root: int | None = None) -> float:
    """Resident memory of a process and all its descendants, in MB; below the root, the Prefect
    API and `swapwire run` subprocesses are left out (infrastructure, or measured on their own)."""
    root = root or os.getpid()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        if pid != root and (_is_prefect_server(pid) or _is_cli_run(pid) or _is_unexeced_fork(pid, root)):
            continue
        total += _rss_kb(pid)
        stack.extend(_children(pid))
    return total / 1024


class MemorySampler:
    """Samples `tree_rss_mb` every `interval` s in a thread and keeps the peak (and a resettable peak)."""

    def __init__(self, interval: float = 0.02, root: int | None = None) -> None:
        self.interval = interval
        self.root = root or os.getpid()
        self.peak_mb = 0.0
        self.window_peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-sampler", daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = tree_rss_mb(self.root)
            self.peak_mb = max(self.peak_mb, rss)
            self.window_peak_mb = max(self.window_peak_mb, rss)
            time.sleep(self.interval)

    @contextmanager
    def window(self) -> Iterator[dict[str, float]]:
        """Peak and baseline over a block: `{"baseline_mb", "peak_mb", "extra_mb"}` filled on exit."""
        figures = {"baseline_mb": tree_rss_mb(self.root)}
        self.window_peak_mb = figures["baseline_mb"]
        yield figures
        time.sleep(self.interval * 2)
        figures["peak_mb"] = max(self.window_peak_mb, tree_rss_mb(self.root))
        figures["extra_mb"] = figures["peak_mb"] - figures["baseline_mb"]

    def start(self) -> MemorySampler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(1)
