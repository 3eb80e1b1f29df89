"""SSRF through the real flow: the feed's own host:port is allowed (`allow_hosts`), a canary on
another loopback port is not. Item links and feed URLs name the canary in every spelling of
127.0.0.1, through redirects, and the cloud metadata address: the canary must see no request and
every such fetch must be recorded as blocked."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest

from tasks.dedup import canonicalize_url
from tests.conformance.feedsite import feed_outcomes, page_outcomes, run_flow
from tests.hostile_servers import HostileServer


def _spellings(port: int) -> dict[str, str]:
    """Every way we know to write 127.0.0.1:port (and a few neighbours) in a URL."""
    return {
        "dotted": f"http://127.0.0.1:{port}/a",
        "decimal": f"http://2130706433:{port}/a",
        "octal": f"http://017700000001:{port}/a",
        "octal-dotted": f"http://0177.0.0.1:{port}/a",
        "hex": f"http://0x7f000001:{port}/a",
        "hex-short": f"http://0x7f.1:{port}/a",
        "short": f"http://127.1:{port}/a",
        "ipv4-mapped": f"http://[::ffff:127.0.0.1]:{port}/a",
        "ipv4-mapped-hex": f"http://[::ffff:7f00:1]:{port}/a",
        "localhost": f"http://localhost:{port}/a",
        "localhost-dot": f"http://localhost.:{port}/a",
        "trailing-dot": f"http://127.0.0.1.:{port}/a",
        "zero": f"http://0:{port}/a",
        "unspecified": f"http://0.0.0.0:{port}/a",
        "ipv6-loopback": f"http://[::1]:{port}/a",
        "userinfo": f"http://allowed.example@127.0.0.1:{port}/a",
    }


def _rss(links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Item {n}</title><link>{link.replace('&', '&amp;')}</link><guid>g{n}</guid></item>"
        for n, link in enumerate(links)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()
    )


@pytest.fixture
def feed_and_canary():
    with HostileServer() as feed_server, HostileServer() as canary:
        yield feed_server, canary


def test_no_link_reaches_the_canary_and_every_one_is_blocked(feed_and_canary, tmp_path, figures):
    feed_server, canary = feed_and_canary
    links = _spellings(canary.port)
    links["metadata"] = "http://169.254.169.254/latest/meta-data/"
    links["metadata-decimal"] = "http://2852039166/latest/meta-data/"
    links["redirect"] = feed_server.url("/redirect", to=canary.url("/a"))
    links["redirect-decimal"] = feed_server.url("/redirect", to=f"http://2130706433:{canary.port}/a")
    links["redirect-metadata"] = feed_server.url("/redirect", to="http://169.254.169.254/latest/meta-data/")
    # the allowed port under another spelling is not the allowed host:port either
    links["allowed-port-decimal"] = f"http://2130706433:{feed_server.port}/page.html"
    feed_server.files["/ssrf.xml"] = (_rss(list(links.values())), "application/rss+xml")
    db = tmp_path / "w.duckdb"

    summary = run_flow([feed_server.url("/ssrf.xml")], db, [feed_server.host_port], total_timeout=3.0)

    # links that canonicalise alike ("localhost.", userinfo) are fetched once, under the first spelling
    pages = page_outcomes(db, key="canonical_url")
    outcome_of = {name: (pages.get(canonicalize_url(url)) or ["(no row)"])[-1] for name, url in links.items()}
    figures["ssrf_pages"] = outcome_of
    assert summary.status == "completed"
    assert canary.requests == []
    assert all(outcome == "blocked" for outcome in outcome_of.values()), outcome_of
    feed_paths = [p for p in feed_server.paths() if not p.startswith("/robots.txt")]
    assert feed_paths == ["/ssrf.xml", *(p for p in feed_paths[1:] if p.startswith("/redirect"))]


def test_feed_urls_naming_the_canary_are_blocked(feed_and_canary, tmp_path, figures):
    feed_server, canary = feed_and_canary
    feeds = {name: url.replace("/a", "/feed.xml") for name, url in _spellings(canary.port).items()}
    feeds["metadata"] = "http://169.254.169.254/latest/meta-data/feed.xml"
    feeds["redirect"] = feed_server.url("/redirect", to=canary.url("/feed.xml"))
    feeds["redirect-mapped"] = feed_server.url(
        "/redirect", to=f"http://[::ffff:127.0.0.1]:{canary.port}/feed.xml"
    )
    good = feed_server.url("/feed.xml")
    db = tmp_path / "w.duckdb"

    summary = run_flow([*feeds.values(), good], db, [feed_server.host_port], total_timeout=3.0)

    recorded = feed_outcomes(db, summary.run_id)
    outcome_of = {name: recorded.get(url, "(no row)") for name, url in feeds.items()}
    figures["ssrf_feeds"] = outcome_of
    assert summary.status == "completed"
    assert canary.requests == []
    assert recorded[good] == "ok"
    expected = {name: "blocked" if _resolves(url) else "network_error" for name, url in feeds.items()}
    assert outcome_of == expected


def _resolves(url: str) -> bool:
    """Whether this machine's resolver gives the URL's host an address at all ("localhost." and
    "127.0.0.1." do not resolve everywhere: then nothing is connected to and the fetch fails as a
    network error before the guard has an address to refuse)."""
    split = urlsplit(url)
    try:
        return bool(socket.getaddrinfo(split.hostname, split.port or 80, type=socket.SOCK_STREAM))
    except (socket.gaierror, UnicodeError):
        return False
