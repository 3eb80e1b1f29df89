"""The bundled sample news site: served over real HTTP on loopback, consistent with expected.json."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest
import trafilatura

from flows.sample_site import (
    EXPECTED_RESULTS_PATH,
    FEED_PATHS,
    SAMPLE_SITE_DIR,
    SampleSite,
    sample_feed_urls,
    serve_sample_site,
)


@pytest.fixture(scope="module")
def site() -> Iterator[SampleSite]:
    with serve_sample_site() as running:
        yield running


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(EXPECTED_RESULTS_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5) as http:
        yield http


def _all_expected_article_paths(expected: dict) -> set[str]:
    reporting = {path for exchange in expected["exchanges"] for path in exchange["articles"]}
    return reporting | set(expected["negatives"])


def _site_file(path: str):
    return SAMPLE_SITE_DIR / urlsplit(path).path.lstrip("/")


def test_feed_urls_are_absolute_and_on_the_served_origin(site: SampleSite) -> None:
    assert site.base_url.startswith("http://127.0.0.1:")
    assert site.feed_urls == sample_feed_urls(site.base_url)
    assert [urlsplit(url).path for url in site.feed_urls] == list(FEED_PATHS)


def test_every_feed_parses_and_every_entry_link_resolves_to_a_page(
    site: SampleSite, client: httpx.Client
) -> None:
    formats = set()
    for feed_url in site.feed_urls:
        response = client.get(feed_url)
        assert response.status_code == 200
        content_type = response.headers["content-type"]
        assert content_type.split(";")[0] in {"application/rss+xml", "application/atom+xml"}
        parsed = feedparser.parse(response.content)  # bytes: a str would be taken for a path or URL
        assert not parsed.bozo, (feed_url, parsed.get("bozo_exception"))
        formats.add(parsed.version[:3])
        assert parsed.entries, feed_url
        for entry in parsed.entries:
            assert entry.link.startswith(site.base_url), entry.link
            page = client.get(entry.link)
            assert page.status_code == 200, entry.link
            assert page.headers["content-type"] == "text/html; charset=utf-8"
            assert "{{BASE}}" not in page.text
    assert formats == {"rss", "ato"}  # both RSS 2.0 and Atom are represented


def test_tracking_parameters_and_fragments_are_ignored_for_lookup(
    site: SampleSite, client: httpx.Client
) -> None:
    path = "/meridian/world/europe/2024/01/03/ukraine-russia-biggest-prisoner-swap-uae.html"
    plain = client.get(site.base_url + path)
    tracked = client.get(site.base_url + path + "?utm_source=rss&utm_medium=feed")
    assert plain.status_code == tracked.status_code == 200
    assert plain.content == tracked.content
    assert any(r.path.endswith("?utm_source=rss&utm_medium=feed") for r in site.requests)


def test_amp_page_points_to_its_canonical_url(site: SampleSite, client: httpx.Client, expected: dict) -> None:
    amp = expected["feed_link_variants"]["amp"]
    page = client.get(site.base_url + amp["feed_link"])
    assert page.status_code == 200
    assert f'<link rel="canonical" href="{site.base_url}{amp["canonical"]}">' in page.text
    assert client.get(site.base_url + amp["canonical"]).status_code == 200


def test_conditional_get_answers_304(site: SampleSite, client: httpx.Client) -> None:
    url = site.feed_urls[0]
    first = client.get(url)
    by_etag = client.get(url, headers={"If-None-Match": first.headers["etag"]})
    by_date = client.get(url, headers={"If-Modified-Since": first.headers["last-modified"]})
    stale_etag = client.get(url, headers={"If-None-Match": '"something-else"'})
    assert (by_etag.status_code, by_date.status_code, stale_etag.status_code) == (304, 304, 200)
    assert by_etag.content == b""


def test_robots_unknown_paths_and_site_sources(site: SampleSite, client: httpx.Client) -> None:
    robots = client.get(site.base_url + "/robots.txt")
    assert robots.status_code == 200 and "Allow: /" in robots.text
    for path in (
        "/nope.html",
        "/expected.json",
        "/_generator/build.py",
        "/_revision2/clarion/atom.xml",
        "/README.md",
        "/../pyproject.toml",
    ):
        assert client.get(site.base_url + path).status_code == 404, path


def test_requests_are_recorded_and_pages_told_apart_from_feeds(client: httpx.Client) -> None:
    with serve_sample_site() as fresh:
        client.get(fresh.feed_urls[0])
        client.get(fresh.base_url + "/robots.txt")
        client.get(fresh.base_url + "/holos/news/2024/01/03/naibilshyi-obmin-230.html?utm_source=x")
        client.head(fresh.base_url + "/missing.html")
        assert [(r.method, r.path, r.status) for r in fresh.requests] == [
            ("GET", "/meridian/rss.xml", 200),
            ("GET", "/robots.txt", 200),
            ("GET", "/holos/news/2024/01/03/naibilshyi-obmin-230.html?utm_source=x", 200),
            ("HEAD", "/missing.html", 404),
        ]
        assert [r.path for r in fresh.page_requests()] == [
            "/holos/news/2024/01/03/naibilshyi-obmin-230.html?utm_source=x",
            "/missing.html",
        ]


def test_revision_switch_updates_the_story_in_place(client: httpx.Client, expected: dict) -> None:
    updated = expected["updated_article"]
    with serve_sample_site(revision=1) as site:
        page_url, feed_url = site.base_url + updated["path"], site.base_url + updated["feed"]
        page_1, feed_1 = client.get(page_url), client.get(feed_url)
        assert "Moscow has not commented" in page_1.text and "160" not in page_1.text
        site.set_revision(2)
        page_2 = client.get(page_url)
        feed_2 = client.get(feed_url)
        assert page_2.status_code == 200 and "160 people in all" in page_2.text and "Updated" in page_2.text
        assert page_2.headers["etag"] != page_1.headers["etag"]
        # The old validators no longer match: a conditional client sees the new version.
        assert client.get(page_url, headers={"If-None-Match": page_1.headers["etag"]}).status_code == 200
        assert (
            client.get(page_url, headers={"If-Modified-Since": page_1.headers["last-modified"]}).status_code
            == 200
        )
        entries_1 = {e.id: e for e in feedparser.parse(feed_1.content).entries}
        entries_2 = {e.id: e for e in feedparser.parse(feed_2.content).entries}
        changed = [key for key in entries_1 if entries_1[key].updated != entries_2[key].updated]
        assert len(changed) == 1 and urlsplit(entries_2[changed[0]].link).path == updated["path"]
        # Pages not in revision 2 are the same in both revisions.
        other = site.base_url + expected["negatives"][0]
        assert (
            client.get(other, headers={"If-None-Match": client.get(other).headers["etag"]}).status_code == 304
        )
    with pytest.raises(ValueError):
        site.set_revision(3)


def test_expected_results_match_the_files(expected: dict) -> None:
    reporting = [path for exchange in expected["exchanges"] for path in exchange["articles"]]
    negatives = expected["negatives"]
    all_paths = _all_expected_article_paths(expected)
    assert len(reporting) == len(set(reporting)), "an article reports one exchange as news"
    assert not set(reporting) & set(negatives)
    assert len(all_paths) == expected["articles"] >= 44
    assert expected["feeds"] == len(FEED_PATHS) >= 5
    assert len(negatives) >= 12
    for path in all_paths:
        assert _site_file(path).is_file(), path
    for exchange in expected["exchanges"]:
        assert exchange["n_articles"] == len(exchange["articles"])
        assert exchange["mediators"] == sorted(exchange["mediators"])
    for group in expected["syndicated"]:
        assert set(group) <= set(reporting)
    assert expected["stories"] == expected["articles"] - sum(
        len(group) - 1 for group in expected["syndicated"]
    )
    assert expected["updated_article"]["path"] in reporting
    assert (SAMPLE_SITE_DIR / "_revision2" / expected["updated_article"]["path"].lstrip("/")).is_file()


def test_every_listed_article_is_in_some_feed_exactly_once_by_canonical_path(
    site: SampleSite, client: httpx.Client, expected: dict
) -> None:
    amp = expected["feed_link_variants"]["amp"]
    linked: set[str] = set()
    for feed_url in site.feed_urls:
        for entry in feedparser.parse(client.get(feed_url).content).entries:
            path = urlsplit(entry.link).path
            linked.add(amp["canonical"] if path == amp["feed_link"] else path)
    assert linked == _all_expected_article_paths(expected)


def _load_site_content():
    """The generator's article data (sample_site/_generator/articles.py), loaded by path."""
    spec = importlib.util.spec_from_file_location(
        "sample_site_articles", SAMPLE_SITE_DIR / "_generator" / "articles.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


def test_trafilatura_finds_every_story_body_and_keeps_some_noise_for_the_cleaner() -> None:
    content = _load_site_content()
    surviving_noise: set[str] = set()
    markers = (
        "Advertisement",
        "Реклама",
        "Read also:",
        "Читайте також:",
        "Читайте также:",
        "(Photo :",
        "Share this @",
    )
    for article in content.ARTICLES:
        html = (
            _site_file(article.path).read_text(encoding="utf-8").replace("{{BASE}}", "http://127.0.0.1:8000")
        )
        text = trafilatura.extract(html, url="http://127.0.0.1:8000" + article.path, deduplicate=False) or ""
        assert article.paras[0] in text and article.paras[-1] in text, article.path
        surviving_noise.update(marker for marker in markers if marker in text)
    # The site exists to exercise our cleaning stage: these lines get past trafilatura.
    assert surviving_noise == set(markers)
