"""Hostile servers through the real flow, as feeds and as article pages linked from a good feed:
each failure is recorded with its outcome, the rest of the run goes on, nothing is lost."""

from __future__ import annotations

import time

import pytest

from tests.conformance.feedsite import (
    CorpusFile,
    FeedSite,
    feed_outcomes,
    hostile_server_process,
    page_outcomes,
    query,
    run_flow,
)
from tests.hostile_servers import FEED_XML

DEADLINE = 2.0  # total_timeout per request for these runs
# hostile path -> outcome expected of the first run (a page or a feed alike)
HOSTILE = {
    "/drip?interval=1": "timeout",
    "/gzip-bomb": "too_large",
    "/endless": "too_large",
    "/loop": "too_many_redirects",
    "/missing": "http_error",
    "/image": "bad_content_type",
}
ARTICLE_HTML = b"""<!doctype html><html><head><title>Harbour reopens after repairs</title></head><body>
<article><h1>Harbour reopens after repairs</h1>
<p>The town harbour reopened on Monday after eight months of repairs to its northern wall.</p>
<p>Fishing crews said the new wall already made mooring easier in the autumn swell, and the council
expects the ferry timetable to return to its summer frequency next month.</p>
<p>Engineers will inspect the southern breakwater in the spring before deciding on further works.</p>
</article></body></html>"""


def _rss(links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Item {n}</title><link>{link.replace('&', '&amp;')}</link><guid>item-{n}</guid>"
        f"<pubDate>Mon, 03 Nov 2025 08:00:00 GMT</pubDate></item>"
        for n, link in enumerate(links)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Hostile links</title>'
        f"<link>http://127.0.0.1/</link>{items}</channel></rss>"
    ).encode()


def _hostile_url(host_port: str, path_and_query: str) -> str:
    return f"http://{host_port}{path_and_query}"


@pytest.fixture
def servers():
    with hostile_server_process() as hostile:
        article = CorpusFile(
            "/good-article.html", None, ARTICLE_HTML, (("Content-Type", "text/html; charset=utf-8"),)
        )
        flaky_page = CorpusFile(
            "/flaky-article.html",
            None,
            ARTICLE_HTML.replace(b"Monday", b"Tuesday"),
            (("Content-Type", "text/html; charset=utf-8"),),
            fail_first=1,
        )
        page_links = [_hostile_url(hostile, path) for path in HOSTILE]
        good_feed = CorpusFile("/good.xml", None, FEED_XML, (("Content-Type", "application/rss+xml"),))
        with FeedSite([article, flaky_page, good_feed]) as site:
            links = [*page_links, site.url(flaky_page), site.url(article)]
            links_feed = CorpusFile(
                "/links.xml", None, _rss(links), (("Content-Type", "application/rss+xml"),)
            )
            site.put(links_feed)
            yield (
                hostile,
                site,
                {
                    "article": site.url(article),
                    "flaky_page": site.url(flaky_page),
                    "links_feed": site.url(links_feed),
                    "good_feed": site.url(good_feed),
                    "pages": dict(zip(page_links, HOSTILE.values(), strict=True)),
                },
            )


def test_hostile_feeds_and_pages_are_recorded_and_the_run_goes_on(servers, tmp_path, figures, memory):
    hostile, site, urls = servers
    hostile_feeds = {_hostile_url(hostile, path): outcome for path, outcome in HOSTILE.items()}
    flaky_feed = _hostile_url(hostile, "/flaky?key=feed")
    feeds = [*hostile_feeds, flaky_feed, urls["good_feed"], urls["links_feed"]]
    db = tmp_path / "w.duckdb"
    allow = [hostile, site.host_port]

    with memory.window() as mem:
        started = time.monotonic()
        first = run_flow(feeds, db, allow, total_timeout=DEADLINE)
        first_seconds = time.monotonic() - started
        second = run_flow(feeds, db, allow, total_timeout=DEADLINE)
    assert first.status == second.status == "completed"
    first_feeds, second_feeds = feed_outcomes(db, first.run_id), feed_outcomes(db, second.run_id)
    pages = page_outcomes(db)
    figures["hostile_servers"] = {
        "first_run_seconds": round(first_seconds, 1),
        "extra_mb": round(mem["extra_mb"]),
        "feeds_run1": {u.split("/", 3)[3]: o for u, o in first_feeds.items()},
        "feeds_run2_flaky": second_feeds[flaky_feed],
        "pages": {u.split("/", 3)[3]: o for u, o in pages.items()},
    }

    for url, outcome in hostile_feeds.items():
        assert first_feeds[url] == outcome, url
    assert first_feeds[flaky_feed] == "http_error" and second_feeds[flaky_feed] == "ok"  # 503, then 200
    assert first_feeds[urls["good_feed"]] == first_feeds[urls["links_feed"]] == "ok"
    for url, outcome in urls["pages"].items():
        assert pages[url][0] == outcome, (url, pages[url])
    assert pages[urls["flaky_page"]] == ["http_error", "ok"]
    assert pages[urls["article"]] == ["ok"]  # fetched once, kept: not refetched by the second run
    stored = {url for (url,) in query(db, "select url from raw_pages")}
    assert {urls["article"], urls["flaky_page"]} <= stored
    articles = {url for (url,) in query(db, "select url from articles where status = 'ok'")}
    assert {urls["article"], urls["flaky_page"]} <= articles
    assert first_seconds < 30  # each hostile request ended at its deadline or cap
