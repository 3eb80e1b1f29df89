"""The HTML report and its Markdown summary: figures match the warehouse, hostile text stays text,
and the file renders in headless Chromium with its charts drawn and no console errors.

Set SWAPWIRE_REPORT_SCREENSHOT=PATH to also save a screenshot of the rendered sample report
(docs/report.png is made that way).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.warehouse.test_views import (
    HOSTILE_FEED_NAME,
    HOSTILE_TITLE,
    SAMPLE_TOTAL_TO_RUSSIA,
    SAMPLE_TOTAL_TO_UKRAINE,
    build_sample_warehouse,
)
from warehouse.db import connect
from warehouse.report import load_report_data, render_report_html, report_markdown, write_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    return build_sample_warehouse(tmp_path_factory.mktemp("report") / "sample.duckdb")


@pytest.fixture(scope="module")
def report_html(sample_db, tmp_path_factory) -> Path:
    return write_report(sample_db, tmp_path_factory.mktemp("out") / "nested" / "report.html")


def test_report_is_self_contained_with_no_network_and_no_script(report_html):
    page = report_html.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert "default-src 'none'" in page  # a CSP that forbids scripts and every fetch
    assert "<script" not in page.lower()
    assert not re.search(
        r"""(src|href)=["']?(https?:)?//(?!(meridian|holos|clarion|broken|vestnik)\.example)""", page
    )
    assert "<link" not in page and "@import" not in page


def test_charts_carry_the_warehouse_figures(report_html):
    page = report_html.read_text(encoding="utf-8")
    timeline = page[page.index('<svg class="chart timeline"') :]
    timeline = timeline[: timeline.index("</svg>")]
    assert len(re.findall(r'class="bar bar-ukraine"', timeline)) == 8  # one per dated exchange
    assert len(re.findall(r'class="bar bar-russia"', timeline)) == 7  # 2023-05-25 has no Russian figure
    assert 'data-date="2024-01-03" data-value="230"' in timeline
    assert 'data-date="2024-01-03" data-value="248"' in timeline
    assert timeline.count('class="disputed-mark"') == 2
    assert f'class="end-label end-ukraine" data-value="{SAMPLE_TOTAL_TO_UKRAINE}"' in page
    assert f'class="end-label end-russia" data-value="{SAMPLE_TOTAL_TO_RUSSIA}"' in page
    assert 'data-mediator="AE" data-value="700"' in page and 'data-mediator="AE" data-value="646"' in page
    assert "4 exchanges · 1,346 people" in page


def test_tables_link_exchanges_to_sources_and_show_each_sources_claim(report_html):
    page = report_html.read_text(encoding="utf-8")
    recent = page[page.index('id="recent"') : page.index('id="disputed"')]
    assert recent.index("2026-02-05") < recent.index("2022-03-24")  # newest first
    assert 'href="https://meridian.example/world/2024/01/03/largest.html"' in recent
    assert 'href="https://clarion.example/news/largest.html"' in recent
    disputed = page[page.index('id="disputed"') : page.index('id="feeds"')]
    assert '<td class="num differs">225</td>' in disputed and '<td class="num differs">55</td>' in disputed
    assert "one source gives 225 returned to Ukraine" in disputed
    feeds = page[page.index('id="feeds"') :]
    assert "never succeeded" in feeds and "failing" in feeds and "never fetched" in feeds
    assert "33%" in feeds  # the failing feed: 1 of its last 3 fetches succeeded
    assert "Generated " in page and "sample.duckdb" in page


def test_hostile_text_from_the_web_is_escaped_and_javascript_links_are_dropped(report_html):
    page = report_html.read_text(encoding="utf-8")
    assert HOSTILE_TITLE not in page and HOSTILE_FEED_NAME not in page
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>not a feed</b>" not in page and "&lt;b&gt;not a feed&lt;/b&gt;" in page
    assert "javascript:" not in page


def test_an_empty_warehouse_gives_a_report_that_says_so(tmp_path):
    db = tmp_path / "empty.duckdb"
    connect(db).close()
    page = write_report(db, tmp_path / "report.html").read_text(encoding="utf-8")
    assert "No dated exchanges yet." in page and "No feeds configured." in page
    assert "no exchanges yet" in page and "<svg" not in page
    assert "# swapwire" in report_markdown(db)


def test_report_rendering_is_pure_given_the_data(sample_db):
    con = connect(sample_db, read_only=True)
    try:
        data = load_report_data(con)
    finally:
        con.close()
    when = datetime(2026, 2, 6, 7, 0, tzinfo=UTC)
    first = render_report_html(data, db_path="w.duckdb", generated_at=when)
    assert first == render_report_html(data, db_path="w.duckdb", generated_at=when)
    assert "Generated 2026-02-06 07:00:00 UTC" in first


def test_markdown_summary_has_the_key_tables_and_no_raw_html(sample_db):
    summary = report_markdown(sample_db)
    assert f"**{SAMPLE_TOTAL_TO_UKRAINE:,}** people returned to Ukraine" in summary
    assert "| 2024-01-03 | 230 | 248 | AE | 3 | yes |" in summary
    assert "| United Arab Emirates | 4 | 700 | 646 |" in summary
    assert "| 2024-01-03 | evil.example | 225 | 248 | 230 / 248 |" in summary
    assert "&lt;b&gt;not a feed&lt;/b&gt;" in summary and "<b>" not in summary


# --- headless Chromium ---------------------------------------------------------------------------


class DevTools:
    """A minimal Chrome DevTools Protocol client over one page session (websockets, sync)."""

    def __init__(self, websocket_url: str) -> None:
        from websockets.sync.client import connect as ws_connect

        self._ws = ws_connect(websocket_url, max_size=64 * 1024 * 1024, open_timeout=10)
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

    def call(
        self, method: str, *, session: bool = False, timeout: float = 20, **params: Any
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        self._ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = json.loads(self._ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, event: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while not any(e["method"] == event for e in self.events):
            self.events.append(json.loads(self._ws.recv(timeout=max(0.1, deadline - time.monotonic()))))

    def page(self, method: str, **params: Any) -> dict[str, Any]:
        return self.call(method, session=True, **params)

    def close(self) -> None:
        self._ws.close()


def console_errors(events: list[dict[str, Any]]) -> list[str]:
    """Uncaught exceptions, console.error calls and browser log errors (CSP violations among them)."""
    errors = []
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(
                " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            )
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            errors.append(params["entry"].get("text", ""))
    return errors


@contextmanager
def headless_chromium(tmp_path: Path) -> Iterator[DevTools]:
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium not installed (Debian: apt-get install -y chromium); the render test needs it")
    profile = tmp_path / "chromium-profile"
    log_path = tmp_path / "chromium.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                f"--user-data-dir={profile}",
                "--window-size=1200,900",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    devtools = None
    try:
        # chromium writes its chosen port and browser path to DevToolsActivePort once it listens
        active_port = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not active_port.exists() or len(active_port.read_text().splitlines()) < 2:
            assert process.poll() is None, f"chromium exited: {log_path.read_text()[-2000:]}"
            assert time.monotonic() < deadline, "chromium did not open its DevTools port in 30 s"
            time.sleep(0.05)
        port, browser_path = active_port.read_text().splitlines()[:2]
        websocket_url = f"ws://127.0.0.1:{port}{browser_path}"
        devtools = DevTools(websocket_url)
        for domain in ("Runtime", "Log", "Page"):
            devtools.page(f"{domain}.enable")
        yield devtools
    finally:
        if devtools is not None:
            devtools.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def render(devtools: DevTools, path: Path) -> None:
    devtools.events.clear()
    devtools.page("Page.navigate", url=path.resolve().as_uri())
    devtools.wait_for("Page.loadEventFired")


# What the browser laid out: the number of drawn bars and lines, and their size on screen.
MEASURE_CHARTS = """JSON.stringify({
  charts: document.querySelectorAll('svg.chart').length,
  bars: [...document.querySelectorAll('svg.chart rect.bar')].filter(r => r.getBBox().height > 0).length,
  lines: [...document.querySelectorAll('svg.chart path.line')].map(p => Math.round(p.getTotalLength())),
  chartWidths: [...document.querySelectorAll('svg.chart')].map(s => Math.round(s.getBoundingClientRect().width)),
  tables: document.querySelectorAll('table').length,
  links: [...document.querySelectorAll('a[href]')].map(a => a.protocol),
  scripts: document.scripts.length,
})"""


def test_report_renders_in_headless_chromium_with_charts_and_no_console_errors(report_html, tmp_path):
    with headless_chromium(tmp_path) as devtools:
        # the harness must see an error when there is one, or "no errors" would prove nothing: markup
        # injected into the report (had escaping failed) is blocked by its CSP, and that is logged
        page = report_html.read_text(encoding="utf-8")
        injected = tmp_path / "injected.html"
        injected.write_text(
            page.replace("</main>", "<img src=x onerror=alert(1)><script>alert(2)</script></main>")
        )
        render(devtools, injected)
        time.sleep(0.2)
        devtools.page("Runtime.evaluate", expression="1")
        assert any("Content Security Policy" in error for error in console_errors(devtools.events))

        render(devtools, report_html)
        measured = json.loads(devtools.page("Runtime.evaluate", expression=MEASURE_CHARTS)["result"]["value"])
        time.sleep(0.2)
        devtools.page("Runtime.evaluate", expression="1")  # drain events logged after load
        assert console_errors(devtools.events) == []
        assert measured["charts"] == 3
        assert measured["bars"] == 8 + 7 + 2 * 5  # timeline bars + mediator segments
        assert len(measured["lines"]) == 2 and min(measured["lines"]) > 100
        assert min(measured["chartWidths"]) > 500
        assert measured["tables"] == 3 and measured["scripts"] == 0
        assert set(measured["links"]) == {"https:"}

        screenshot_to = os.environ.get("SWAPWIRE_REPORT_SCREENSHOT")
        if screenshot_to:
            import base64

            height = devtools.page("Runtime.evaluate", expression="document.documentElement.scrollHeight")
            devtools.page(
                "Emulation.setDeviceMetricsOverride",
                width=1200,
                height=int(height["result"]["value"]),
                deviceScaleFactor=1,
                mobile=False,
            )
            shot = devtools.page("Page.captureScreenshot", format="png", captureBeyondViewport=True)
            Path(screenshot_to).write_bytes(base64.b64decode(shot["data"]))


def test_sources_sharing_a_host_are_told_apart_by_their_first_path_segment():
    from warehouse.report import _source_labels

    claims = [
        {"source_host": "127.0.0.1", "article_url": "http://127.0.0.1:8765/holos/news/a.html"},
        {"source_host": "127.0.0.1", "article_url": "http://127.0.0.1:8765/meridian/world/b.html"},
        {"source_host": "clarion.example", "article_url": "https://clarion.example/news/c.html"},
    ]
    assert _source_labels(claims) == ["127.0.0.1/holos", "127.0.0.1/meridian", "clarion.example"]
