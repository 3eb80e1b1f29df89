"""Fetching against real misbehaving servers on 127.0.0.1 (see tests/hostile_servers.py)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest

from tasks.fetch import FetchPolicy, fetch_all, fetch_all_async
from tasks.models import FetchRequest, FetchResult
from tests.hostile_servers import ETAG, FEED_XML, HostileServer


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as running:
        yield running


@pytest.fixture
def canary() -> Iterator[HostileServer]:
    with HostileServer() as running:
        yield running
        assert running.requests == [], "the canary must never be reached"


def policy_for(server: HostileServer, **overrides: object) -> FetchPolicy:
    """A test policy: only `server` allowed, short deadlines, no waiting between retries."""
    settings: dict = {
        "allow_hosts": frozenset({server.host_port}),
        "total_timeout": 1.5,
        "connect_timeout": 1.0,
        "max_body_bytes": 1024 * 1024,
        "retries": 0,
        "retry_backoff": 0.05,
    }
    settings.update(overrides)
    return FetchPolicy(**settings)


def fetch_one(url: str, policy: FetchPolicy, **request: object) -> FetchResult:
    return fetch_all([FetchRequest(url, **request)], policy)[0]


def test_feed_is_fetched_with_lowercased_headers_and_honest_user_agent(server: HostileServer) -> None:
    result = fetch_one(server.url("/feed.xml"), policy_for(server), kind="feed")
    assert (result.outcome, result.status, result.body) == ("ok", 200, FEED_XML)
    assert result.headers["etag"] == ETAG
    assert result.headers["content-type"].startswith("application/rss+xml")
    assert "last-modified" in result.headers
    feed_request = next(r for r in server.requests if r.path == "/feed.xml")
    assert feed_request.headers["user-agent"].startswith("swapwire/")


def test_conditional_get_gives_not_modified(server: HostileServer) -> None:
    result = fetch_one(
        server.url("/feed.xml"),
        policy_for(server),
        kind="feed",
        etag=ETAG,
        last_modified="Tue, 10 Jun 2025 08:00:00 GMT",
    )
    assert (result.outcome, result.status, result.body) == ("not_modified", 304, None)
    feed_request = next(r for r in server.requests if r.path == "/feed.xml")
    assert feed_request.headers["if-none-match"] == ETAG
    assert feed_request.headers["if-modified-since"] == "Tue, 10 Jun 2025 08:00:00 GMT"


@pytest.mark.parametrize("coding", ["gzip", "deflate", "raw-deflate"])
def test_compressed_bodies_are_decoded(server: HostileServer, coding: str) -> None:
    result = fetch_one(server.url("/compressed", coding=coding), policy_for(server), kind="feed")
    assert (result.outcome, result.body) == ("ok", FEED_XML)


def test_drip_is_cut_by_the_total_deadline(server: HostileServer) -> None:
    started = time.monotonic()
    result = fetch_one(server.url("/drip", interval="0.2"), policy_for(server, total_timeout=1.0))
    assert result.outcome == "timeout"
    assert "total deadline" in (result.error or "")
    assert time.monotonic() - started < 2.5


def test_gzip_bomb_is_capped_after_decoding(server: HostileServer) -> None:
    started = time.monotonic()
    result = fetch_one(server.url("/gzip-bomb"), policy_for(server))
    assert result.outcome == "too_large"
    assert result.body is None
    assert time.monotonic() - started < 3


def test_endless_body_is_capped(server: HostileServer) -> None:
    result = fetch_one(server.url("/endless"), policy_for(server))
    assert result.outcome == "too_large"


def test_redirect_loop_stops_at_the_limit(server: HostileServer) -> None:
    result = fetch_one(server.url("/loop"), policy_for(server, max_redirects=3))
    assert result.outcome == "too_many_redirects"
    assert server.paths().count("/loop") == 4  # the request and three redirects followed


def test_503_is_retried_then_succeeds(server: HostileServer) -> None:
    result = fetch_one(server.url("/flaky", key="a", fails="2"), policy_for(server, retries=2), kind="feed")
    assert (result.outcome, result.attempts, result.body) == ("ok", 3, FEED_XML)


def test_503_gives_http_error_when_retries_run_out(server: HostileServer) -> None:
    result = fetch_one(server.url("/flaky", key="b", fails="5"), policy_for(server, retries=1), kind="feed")
    assert (result.outcome, result.status, result.attempts) == ("http_error", 503, 2)


def test_404_is_not_retried(server: HostileServer) -> None:
    result = fetch_one(server.url("/missing"), policy_for(server, retries=3))
    assert (result.outcome, result.status, result.attempts) == ("http_error", 404, 1)
    assert server.paths().count("/missing") == 1


def test_wrong_content_type_is_refused(server: HostileServer) -> None:
    result = fetch_one(server.url("/image"), policy_for(server))
    assert result.outcome == "bad_content_type"
    assert "image/png" in (result.error or "")


def test_content_types_depend_on_the_kind_of_request(server: HostileServer) -> None:
    assert fetch_one(server.url("/image"), policy_for(server), kind="feed").outcome == "bad_content_type"
    assert fetch_one(server.url("/feed.xml"), policy_for(server), kind="page").outcome == "bad_content_type"


@pytest.mark.parametrize(
    "host",
    [
        "0x7f.1",
        "2130706433",
        "017700000001",
        "127.1",
        "[::ffff:127.0.0.1]",
        "localhost",
        "127.0.0.1",
        "[::1]",
        "0.0.0.0",
    ],
)
def test_ssrf_forms_are_blocked_and_the_canary_sees_nothing(host: str, canary: HostileServer) -> None:
    result = fetch_one(f"http://{host}:{canary.port}/secret", FetchPolicy(retries=0))
    assert result.outcome == "blocked"
    assert "refused to connect" in (result.error or "")


def test_https_connections_go_through_the_same_guard(canary: HostileServer) -> None:
    result = fetch_one(f"https://2130706433:{canary.port}/", FetchPolicy(retries=0))
    assert result.outcome == "blocked"


def test_cloud_metadata_address_is_blocked() -> None:
    result = fetch_one("http://169.254.169.254/latest/meta-data/", FetchPolicy(retries=0))
    assert result.outcome == "blocked"
    assert "link-local" in (result.error or "")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)", "not a url", ""]
)
def test_only_http_and_https_are_fetched(url: str) -> None:
    result = fetch_one(url, FetchPolicy(retries=0))
    assert result.outcome == "blocked"
    assert result.error


def test_redirect_to_loopback_is_blocked_on_the_hop(server: HostileServer, canary: HostileServer) -> None:
    for status in ("301", "302", "307", "308"):
        result = fetch_one(
            server.url("/redirect", to=canary.url("/secret"), status=status), policy_for(server)
        )
        assert result.outcome == "blocked"
        assert result.final_url == canary.url("/secret")
    result = fetch_one(server.url("/redirect", to=f"http://2130706433:{canary.port}/"), policy_for(server))
    assert result.outcome == "blocked"


def test_redirect_to_another_scheme_is_blocked(server: HostileServer) -> None:
    result = fetch_one(server.url("/redirect", to="file:///etc/passwd"), policy_for(server))
    assert result.outcome == "blocked"


def test_allow_hosts_lifts_the_guard_for_exactly_that_host_and_port(
    server: HostileServer, canary: HostileServer
) -> None:
    policy = policy_for(server)
    assert fetch_one(server.url("/page.html"), policy).outcome == "ok"
    assert fetch_one(f"http://localhost:{server.port}/page.html", policy).outcome == "blocked"
    assert fetch_one(canary.url("/"), policy).outcome == "blocked"


def test_allow_private_networks_lifts_the_guard(server: HostileServer) -> None:
    policy = FetchPolicy(allow_private_networks=True, retries=0)
    assert fetch_one(f"http://0x7f.1:{server.port}/page.html", policy).outcome == "ok"
    followed = fetch_one(server.url("/redirect", to=server.url("/page.html")), policy)
    assert (followed.outcome, followed.final_url) == ("ok", server.url("/page.html"))


def test_per_host_concurrency_is_respected() -> None:
    with HostileServer() as slow:
        requests = [FetchRequest(slow.url("/slow", delay="0.2", n=str(i))) for i in range(6)]
        results = fetch_all(requests, policy_for(slow, per_host_concurrency=2))
    assert [r.outcome for r in results] == ["ok"] * 6
    assert slow.max_in_flight == 2


def test_per_host_delay_spaces_requests(server: HostileServer) -> None:
    requests = [FetchRequest(server.url("/page.html", n=str(i))) for i in range(3)]
    fetch_all(requests, policy_for(server, per_host_delay=0.3, respect_robots=False))
    starts = sorted(r.at for r in server.requests)
    assert starts[-1] - starts[0] >= 0.45  # two gaps of 0.3 s, with slack for a loaded machine


def test_robots_disallow_is_obeyed_and_fetched_once() -> None:
    robots = "User-agent: *\nDisallow: /private\n\nUser-agent: swapwire\nDisallow: /page.html\n"
    with HostileServer(robots=robots) as polite:
        requests = [
            FetchRequest(polite.url("/page.html")),
            FetchRequest(polite.url("/feed.xml"), kind="feed"),
            FetchRequest(polite.url("/private/x")),
        ]
        results = fetch_all(requests, policy_for(polite))
        assert [r.outcome for r in results] == ["robots_disallowed", "ok", "http_error"]  # /private/x: a 404
        # our own group (swapwire) replaces "*", so /private may be fetched by us
        assert polite.paths().count("/robots.txt") == 1
        assert "/page.html" not in polite.paths()
        ignored = fetch_all(requests[:1], policy_for(polite, respect_robots=False))
        assert ignored[0].outcome == "ok"


def test_robots_crawl_delay_spaces_requests() -> None:
    with HostileServer(robots="User-agent: *\nCrawl-delay: 1\n") as polite:
        fetch_all([FetchRequest(polite.url("/page.html", n=str(i))) for i in range(2)], policy_for(polite))
        starts = [r.at for r in polite.requests if r.path.startswith("/page.html")]
    assert starts[1] - starts[0] >= 0.8  # Crawl-delay: 1, with slack for a loaded machine


def test_results_keep_request_order_and_report_each(server: HostileServer) -> None:
    seen: list[str] = []
    urls = [server.url("/missing"), server.url("/page.html"), "ftp://x/", server.url("/image")]
    results = fetch_all(
        [FetchRequest(u) for u in urls], policy_for(server), on_result=lambda r: seen.append(r.url)
    )
    assert [r.url for r in results] == urls
    assert sorted(seen) == sorted(urls)


def test_fetch_all_works_inside_a_running_event_loop(server: HostileServer) -> None:
    async def caller() -> list[FetchResult]:
        return fetch_all([FetchRequest(server.url("/page.html"))], policy_for(server))

    assert asyncio.run(caller())[0].outcome == "ok"
    assert asyncio.run(fetch_all_async([FetchRequest(server.url("/page.html"))], policy_for(server)))[0].ok


def test_unreachable_port_is_a_network_error() -> None:
    with HostileServer() as closed:
        port = closed.port
    result = fetch_one(
        f"http://127.0.0.1:{port}/", FetchPolicy(allow_private_networks=True, retries=1, retry_backoff=0.01)
    )
    assert (result.outcome, result.attempts) == ("network_error", 2)


@pytest.mark.parametrize(
    "settings",
    [
        {"total_timeout": 0},
        {"per_host_concurrency": 0},
        {"retries": -1},
        {"allow_hosts": frozenset({"127.0.0.1"})},
    ],
)
def test_nonsensical_policies_are_refused(settings: dict) -> None:
    with pytest.raises(ValueError):
        FetchPolicy(**settings)
