"""Throughput benchmark (issue 8): the real CLI against a loopback copy of the aeb corpus.

Builds a site from `$SWAPWIRE_CORPORA/aeb` (default `<project>/../shared/corpora/aeb`, 181 real
news pages): each page is copied until there are `--pages` pages, every copy under its own URL and
with one sentence of its own added (so no two texts are equal), listed in RSS feeds of about 200
items. A threaded stdlib server serves it from memory on 127.0.0.1 (ETag/304 for feeds).

Measured in one run:
- cold ingest: `swapwire run --feed ... --db <tmp> --allow-host 127.0.0.1:PORT --json` in a
  subprocess (Prefect start-up included): wall time, pages/s, peak memory of the process tree;
- the same pages through a bare single-process `trafilatura.extract` loop, and the ratio;
- a warm rerun with nothing new: wall time, time inside the pipeline, page requests served.

    .venv/bin/python scripts/bench_ingest.py              # ~5,000 pages
    .venv/bin/python scripts/bench_ingest.py --quick      # ~400 pages, a smoke run
    .venv/bin/python scripts/bench_ingest.py --json --check

`--check` exits 1 when a target of issue 8 is missed (ratio <= 0.65, peak <= 1 GB, warm rerun
<= 3 s past start-up with 0 page requests).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SWAPWIRE = PROJECT_ROOT / ".venv" / "bin" / "swapwire"
ITEMS_PER_FEED = 200
TARGET_RATIO = 0.65
TARGET_PEAK_MB = 1024
TARGET_WARM_SECONDS = 3.0

_PARAGRAPH_END = re.compile(rb"</p\s*>", re.IGNORECASE)
# Each copy must be its own article: without this, the pages' canonical links would fold all
# copies of one page into a single article id.
_CANONICAL_REL = re.compile(rb"""(rel\s*=\s*["']?)canonical""", re.IGNORECASE)
_OG_URL = re.compile(rb"""(["'])og:url\1""", re.IGNORECASE)


def corpus_dir() -> Path:
    root = os.environ.get("SWAPWIRE_CORPORA")
    return (Path(root) if root else PROJECT_ROOT.parent / "shared" / "corpora") / "aeb"


@dataclass(frozen=True)
class Resource:
    body: bytes
    content_type: str
    etag: str
    last_modified: str


@dataclass
class BenchSite:
    """Everything the server serves, by path; `page_paths` in feed order."""

    resources: dict[str, Resource]
    page_paths: list[str]
    feed_paths: list[str]


def _marked_copy(html: bytes, sentence: str) -> bytes:
    """The page with `sentence` as a paragraph after its middle paragraph (inside the article body
    on most pages: trafilatura kept it on 145 of the 181), canonical links neutralised."""
    ends = [m.end() for m in _PARAGRAPH_END.finditer(html)]
    at = ends[len(ends) // 2] if ends else max(html.lower().rfind(b"</body>"), 0)
    paragraph = f"<p>{escape(sentence)}</p>".encode()
    html = html[:at] + paragraph + html[at:]
    html = _CANONICAL_REL.sub(rb"\1bench-original", html)
    return _OG_URL.sub(rb"\1og:bench-original-url\1", html)


def _resource(body: bytes, content_type: str, modified: datetime) -> Resource:
    etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
    return Resource(body, content_type, etag, format_datetime(modified, usegmt=True))


def build_site(
    n_pages: int, corpus: Path, base_url: str, *, items_per_feed: int = ITEMS_PER_FEED
) -> BenchSite:
    """Copies of the corpus pages with one sentence of their own, and RSS feeds listing them."""
    sources = sorted(corpus.glob("html/*.html.gz"))
    if not sources:
        raise SystemExit(f"bench: no pages under {corpus}/html (set SWAPWIRE_CORPORA)")
    originals = [gzip.decompress(path.read_bytes()) for path in sources]
    modified = datetime(2026, 1, 1, tzinfo=UTC)
    resources: dict[str, Resource] = {}
    items: list[tuple[str, str, datetime]] = []
    for number in range(n_pages):
        copy, source = divmod(number, len(originals))
        path = f"/news/{copy:03d}/{sources[source].name.split('.')[0][:16]}.html"
        sentence = (
            f"Archive note {number}: this is copy {copy} of story {source}, kept by the "
            f"swapwire benchmark under reference {hashlib.sha1(path.encode()).hexdigest()[:10]}."
        )
        resources[path] = _resource(
            _marked_copy(originals[source], sentence), "text/html; charset=utf-8", modified
        )
        items.append((path, f"Story {source}, copy {copy}", modified - timedelta(minutes=number)))
    feed_paths = []
    for start in range(0, len(items), items_per_feed):
        feed_path = f"/feeds/{start // items_per_feed:03d}.xml"
        entries = "".join(
            f"<item><title>{escape(title)}</title><link>{base_url}{path}</link>"
            f'<guid isPermaLink="true">{base_url}{path}</guid>'
            f"<pubDate>{format_datetime(published, usegmt=True)}</pubDate></item>"
            for path, title, published in items[start : start + items_per_feed]
        )
        rss = (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Bench feed {feed_path}</title><link>{base_url}/</link>"
            f"<description>swapwire benchmark</description>{entries}</channel></rss>"
        )
        resources[feed_path] = _resource(rss.encode(), "application/rss+xml; charset=utf-8", modified)
        feed_paths.append(feed_path)
    resources["/robots.txt"] = _resource(b"User-agent: *\nAllow: /\n", "text/plain", modified)
    return BenchSite(resources, [path for path, _, _ in items], feed_paths)


@dataclass
class RequestCounts:
    pages: int = 0
    feeds: int = 0
    feeds_not_modified: int = 0
    other: int = 0


class BenchServer:
    """A threaded HTTP/1.1 server over `site.resources`, counting what it serves."""

    def __init__(self, site: BenchSite | None = None) -> None:
        self.site = site
        self.counts = RequestCounts()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="bench-server", daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset_counts(self) -> None:
        with self._lock:
            self.counts = RequestCounts()

    def _count(self, kind: str) -> None:
        with self._lock:
            setattr(self.counts, kind, getattr(self.counts, kind) + 1)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        bench = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as a real site

            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                path = self.path.split("?", 1)[0]
                resource = bench.site.resources.get(path) if bench.site else None
                is_feed = path.startswith("/feeds/")
                bench._count("feeds" if is_feed else "pages" if path.startswith("/news/") else "other")
                if resource is None:
                    self._reply(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
                    return
                if self.headers.get("If-None-Match") == resource.etag:
                    bench._count("feeds_not_modified" if is_feed else "other")
                    self._reply(HTTPStatus.NOT_MODIFIED, b"", None, resource)
                    return
                self._reply(HTTPStatus.OK, resource.body, resource.content_type, resource)

            def _reply(
                self,
                status: HTTPStatus,
                body: bytes,
                content_type: str | None,
                resource: Resource | None = None,
            ) -> None:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                if resource is not None:
                    self.send_header("ETag", resource.etag)
                    self.send_header("Last-Modified", resource.last_modified)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass  # 5,000 access lines would drown the table

        return Handler

    def __enter__(self) -> BenchServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class TreeMemorySampler:
    """Peak memory of a process and all its descendants, sampled from /proc.

    RSS counts shared pages once per process (an upper bound for a process pool); PSS splits
    them among the sharers (what the tree really costs). Both peaks are kept.

    Sampled twice a second: reading smaps_rollup costs ~11 ms of kernel time for a 600 MB process
    and holds that process's memory map lock, so sampling every 50 ms took about a third of a
    core from the run being measured. The pipeline's memory moves over seconds (batches), not
    milliseconds.
    """

    def __init__(self, root_pid: int, interval: float = 0.5) -> None:
        self.root_pid = root_pid
        self.interval = interval
        self.peak_rss_kb = 0
        self.peak_pss_kb = 0
        self.peak_processes = 0
        self._peak_pss_kb: dict[int, int] = {}  # pid -> peak PSS
        self._cpu_seconds: dict[int, float] = {}  # pid -> CPU seconds last seen
        self._commands: dict[int, str] = {}  # pid -> command line (kept: an exited child loses it)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-sampler", daemon=True)

    def __enter__(self) -> TreeMemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _by_process(self, values: dict[int, float]) -> dict[str, float]:
        return {f"{pid} {self._commands.get(pid, '?')}": value for pid, value in values.items()}

    @property
    def peak_pss_kb_by_process(self) -> dict[str, float]:
        """"pid command" -> peak PSS in kB."""
        return self._by_process(self._peak_pss_kb)

    @property
    def cpu_seconds_by_process(self) -> dict[str, float]:
        """"pid command" -> CPU seconds (user + system) last seen."""
        return self._by_process(self._cpu_seconds)

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = _descendants(self.root_pid)
            rss = pss = 0
            for pid in pids:
                usage = _rollup_kb(pid)
                rss += usage.get("Rss", 0)
                pss += usage.get("Pss", 0)
                if not self._commands.get(pid):
                    self._commands[pid] = _command(pid)
                self._peak_pss_kb[pid] = max(self._peak_pss_kb.get(pid, 0), usage.get("Pss", 0))
                cpu = _cpu_seconds(pid)
                if cpu is not None:
                    self._cpu_seconds[pid] = max(cpu, self._cpu_seconds.get(pid, 0.0))
            self.peak_rss_kb = max(self.peak_rss_kb, rss)
            self.peak_pss_kb = max(self.peak_pss_kb, pss)
            self.peak_processes = max(self.peak_processes, len(pids))
            self._stop.wait(self.interval)


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (sampled: a process's last half second may be missed)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def _command(pid: int) -> str:
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    return " ".join(a.decode(errors="replace") for a in argv[:8])[:200]


def _rollup_kb(pid: int) -> dict[str, int]:
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return {}
    usage = {}
    for line in lines[1:]:
        name, _, rest = line.partition(":")
        parts = rest.split()
        if parts and parts[0].isdigit():
            usage[name] = int(parts[0])
    return usage


@dataclass
class CliRun:
    wall_seconds: float
    pipeline_seconds: float | None  # the run's own `seconds` (start-up of Prefect excluded)
    peak_rss_mb: float
    peak_pss_mb: float
    peak_processes: int
    peak_pss_mb_by_process: dict[str, float]
    cpu_seconds_by_process: dict[str, float]
    exit_code: int
    counts: dict = field(default_factory=dict)
    totals: dict = field(default_factory=dict)
    stderr_tail: str = ""


def run_cli(args: list[str], env: dict[str, str]) -> CliRun:
    started = time.perf_counter()
    process = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=PROJECT_ROOT
    )
    with TreeMemorySampler(process.pid) as sampler:
        stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    summary = {}
    if stdout.strip():
        try:
            summary = json.loads(stdout.decode().strip().splitlines()[-1])
        except json.JSONDecodeError:
            summary = {}
    return CliRun(
        wall_seconds=round(wall, 2),
        pipeline_seconds=summary.get("seconds"),
        peak_rss_mb=round(sampler.peak_rss_kb / 1024, 1),
        peak_pss_mb=round(sampler.peak_pss_kb / 1024, 1),
        peak_processes=sampler.peak_processes,
        peak_pss_mb_by_process={
            name: round(kb / 1024, 1) for name, kb in sampler.peak_pss_kb_by_process.items()
        },
        cpu_seconds_by_process={
            name: round(seconds, 1) for name, seconds in sampler.cpu_seconds_by_process.items()
        },
        exit_code=process.returncode,
        counts=summary.get("counts", {}),
        totals=summary.get("totals", {}),
        stderr_tail=stderr.decode(errors="replace")[-2000:] if process.returncode else "",
    )


def bare_trafilatura_seconds(bodies: list[bytes]) -> float:
    """The floor: one process, `trafilatura.extract` with its defaults, page after page."""
    import trafilatura

    started = time.perf_counter()
    for body in bodies:
        trafilatura.extract(body)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000, help="pages on the site (default 5000)")
    parser.add_argument("--quick", action="store_true", help="a smoke run over 400 pages")
    parser.add_argument("--items-per-feed", type=int, default=ITEMS_PER_FEED)
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target of issue 8 is missed")
    parser.add_argument("--skip-bare", action="store_true", help="skip the bare trafilatura loop")
    parser.add_argument("--keep", action="store_true", help="keep the warehouse file and print its path")
    parser.add_argument("--profile", metavar="FILE", help="run the cold ingest under cProfile, stats to FILE")
    args = parser.parse_args(argv)
    n_pages = 400 if args.quick else args.pages

    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
    workdir = Path(tempfile.mkdtemp(prefix="swapwire-bench-"))
    db = workdir / "bench.duckdb"
    with BenchServer() as server:
        built = time.perf_counter()
        server.site = build_site(n_pages, corpus_dir(), server.base_url, items_per_feed=args.items_per_feed)
        build_seconds = time.perf_counter() - built
        command = [
            str(SWAPWIRE),
            "run",
            "--db",
            str(db),
            "--allow-host",
            f"127.0.0.1:{server.port}",
            "--json",
        ]
        for path in server.site.feed_paths:
            command += ["--feed", server.base_url + path]

        profiled = [sys.executable, "-m", "cProfile", "-o", args.profile] if args.profile else []
        server_cpu = time.process_time()
        cold = run_cli(profiled + command, env)
        server_cpu = time.process_time() - server_cpu
        cold_requests = asdict(server.counts)
        server.reset_counts()
        warm = run_cli(command, env)
        warm_requests = asdict(server.counts)
        bodies = [server.site.resources[path].body for path in server.site.page_paths]

    bare = None if args.skip_bare else bare_trafilatura_seconds(bodies)
    total_mb = sum(len(b) for b in bodies) / 1e6
    result = {
        "pages": n_pages,
        "feeds": len(server.site.feed_paths),
        "site_mb": round(total_mb, 1),
        "site_build_seconds": round(build_seconds, 2),
        "cpu_count": os.cpu_count(),
        "cold": {
            **asdict(cold),
            "pages_per_second": round(n_pages / cold.wall_seconds, 1),
            "requests": cold_requests,
            "bench_server_cpu_seconds": round(server_cpu, 1),
        },
        "warm": {**asdict(warm), "requests": warm_requests},
        "bare_trafilatura_seconds": round(bare, 2) if bare is not None else None,
        "bare_pages_per_second": round(n_pages / bare, 1) if bare else None,
        "ratio_cold_to_bare": round(cold.wall_seconds / bare, 3) if bare else None,
    }
    warm_past_startup = warm.pipeline_seconds if warm.pipeline_seconds is not None else warm.wall_seconds
    result["targets"] = {
        "ratio_ok": bare is not None and cold.wall_seconds <= TARGET_RATIO * bare,
        "peak_memory_ok": cold.peak_pss_mb <= TARGET_PEAK_MB,
        "warm_ok": warm_past_startup <= TARGET_WARM_SECONDS and warm_requests["pages"] == 0,
        "runs_ok": cold.exit_code == 0 and warm.exit_code == 0,
    }
    if args.keep:
        result["db"] = str(db)
    else:
        for path in workdir.iterdir():
            path.unlink()
        workdir.rmdir()

    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print_table(result)
    for run in (cold, warm):
        if run.exit_code:
            print(f"swapwire run exited {run.exit_code}:\n{run.stderr_tail}", file=sys.stderr)
    return 1 if args.check and not all(result["targets"].values()) else 0


def _cpu_by_role(by_process: dict[str, float]) -> str:
    """CPU seconds summed by kind of process: the CLI, Prefect's server, extraction workers."""
    roles: dict[str, float] = {}
    for name, seconds in by_process.items():
        command = name.split(" ", 1)[1]
        role = ("prefect server" if "prefect" in command and "server" in command
                else "worker" if "multiprocessing" in command or "spawn" in command or "forkserver" in command
                else "cli" if "swapwire" in command or "cProfile" in command else command[-30:])
        roles[role] = roles.get(role, 0.0) + seconds
    return ", ".join(f"{role} {seconds:.0f}" for role, seconds in sorted(roles.items()))


def _print_table(r: dict) -> None:
    cold, warm = r["cold"], r["warm"]
    mark = {True: "ok", False: "MISSED"}
    t = r["targets"]
    rows = [
        ("pages / feeds / MB", f"{r['pages']} / {r['feeds']} / {r['site_mb']}", ""),
        ("cold ingest wall (s)", f"{cold['wall_seconds']}", f"pipeline {cold['pipeline_seconds']} s"),
        (
            "cold pages/s",
            f"{cold['pages_per_second']}",
            f"{cold['counts'].get('n_articles_new', '?')} articles new",
        ),
        (
            "bare trafilatura loop (s)",
            f"{r['bare_trafilatura_seconds']}",
            f"{r['bare_pages_per_second']} pages/s",
        ),
        (
            "ratio cold / bare",
            f"{r['ratio_cold_to_bare']}",
            f"target <= {TARGET_RATIO}: {mark[t['ratio_ok']]}",
        ),
        (
            "peak memory PSS / RSS (MB)",
            f"{cold['peak_pss_mb']} / {cold['peak_rss_mb']}",
            f"target <= {TARGET_PEAK_MB}: {mark[t['peak_memory_ok']]}",
        ),
        (
            "cold CPU (s)",
            f"{sum(cold['cpu_seconds_by_process'].values()):.0f}",
            f"by process: {_cpu_by_role(cold['cpu_seconds_by_process'])}; "
            f"bench process (site server, sampler) {cold['bench_server_cpu_seconds']}",
        ),
        ("warm rerun wall (s)", f"{warm['wall_seconds']}", f"pipeline {warm['pipeline_seconds']} s"),
        (
            "warm page requests",
            f"{warm['requests']['pages']}",
            f"feeds 304: {warm['requests']['feeds_not_modified']}/{warm['requests']['feeds']}; "
            f"target <= {TARGET_WARM_SECONDS} s, 0 pages: {mark[t['warm_ok']]}",
        ),
    ]
    width = max(len(name) for name, _, _ in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>14}  {note}")


if __name__ == "__main__":
    sys.exit(main())
