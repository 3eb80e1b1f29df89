"""Feed parsing with the real feedparser, including hostile documents."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest

from tasks.feeds import MAX_FEED_BYTES, MAX_PERSON_CHARS, parse_feed

BASE = "https://news.example.org/feeds/main.xml"

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Example Wire</title><link>https://news.example.org/</link>
<item><title>Prisoner exchange completed</title><link>https://news.example.org/2025/06/10/swap.html</link>
<guid isPermaLink="false">wire-1001</guid><pubDate>Tue, 10 Jun 2025 08:30:00 +0300</pubDate></item>
<item><title>Relative link</title><link>/2025/06/11/second.html</link><guid isPermaLink="false">wire-1002</guid></item>
<item><title>No guid</title><link>https://news.example.org/2025/06/12/third.html</link></item>
<item><title>Same guid again</title><link>https://news.example.org/other.html</link><guid isPermaLink="false">wire-1001</guid></item>
</channel></rss>
"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Wire</title><link rel="alternate" href="https://atom.example.net/"/>
<id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id><updated>2025-06-10T09:00:00Z</updated>
<entry><title>Returned home</title><link rel="alternate" href="articles/42"/>
<id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
<published>2025-06-10T10:15:00+02:00</published><updated>2025-06-11T00:00:00Z</updated></entry>
</feed>
"""


def rss_with_items(items: str) -> bytes:
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()
    )


def test_rss_entries_with_guids_resolved_links_and_utc_dates() -> None:
    feed = parse_feed(RSS, base_url=BASE)
    assert (feed.outcome, feed.title, feed.site_url) == ("ok", "Example Wire", "https://news.example.org/")
    by_title = {entry.title: entry for entry in feed.entries}
    first = by_title["Prisoner exchange completed"]
    assert first.guid == "wire-1001"
    assert first.published_at == datetime(2025, 6, 10, 5, 30)  # +0300 to naive UTC
    assert by_title["Relative link"].url == "https://news.example.org/2025/06/11/second.html"
    assert by_title["No guid"].guid == "https://news.example.org/2025/06/12/third.html"
    assert "Same guid again" not in by_title  # one entry per GUID
    assert feed.n_skipped_links == 0


def test_atom_entry_with_relative_link_and_dates() -> None:
    feed = parse_feed(ATOM, base_url="https://atom.example.net/feed.atom")
    assert (feed.outcome, feed.title, feed.site_url) == ("ok", "Atom Wire", "https://atom.example.net/")
    (entry,) = feed.entries
    assert entry.url == "https://atom.example.net/articles/42"
    assert entry.guid == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"
    assert entry.published_at == datetime(2025, 6, 10, 8, 15)
    assert entry.updated_at == datetime(2025, 6, 11, 0, 0)


def test_json_feed() -> None:
    body = (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Wire",'
        b' "home_page_url": "https://json.example.com/", "items": ['
        b'{"id": "j1", "url": "/posts/1", "title": "One", "date_published": "2025-06-10T08:30:00+03:00"},'
        b'{"id": "j2", "url": "javascript:alert(1)", "title": "Bad"}]}'
    )
    feed = parse_feed(body, base_url="https://json.example.com/feed.json")
    assert (feed.outcome, feed.title, feed.n_skipped_links) == ("ok", "JSON Wire", 1)
    (entry,) = feed.entries
    assert (entry.guid, entry.url, entry.published_at) == (
        "j1",
        "https://json.example.com/posts/1",
        datetime(2025, 6, 10, 5, 30),
    )


def test_non_http_links_are_dropped_and_counted() -> None:
    items = "".join(
        f"<item><title>{n}</title><link>{link}</link></item>"
        for n, link in enumerate(
            [
                "javascript:alert(document.cookie)",
                "file:///etc/passwd",
                "data:text/html,<b>x</b>".replace("<", "&lt;"),
                "ftp://x.org/a",
                "",
                "https://ok.example.org/a",
            ]
        )
    )
    feed = parse_feed(rss_with_items(items), base_url=BASE)
    assert feed.outcome == "ok"
    assert [entry.url for entry in feed.entries] == ["https://ok.example.org/a"]
    assert feed.n_skipped_links == 5


def test_malformed_feed_with_entries_is_ok() -> None:
    broken = rss_with_items(
        "<item><title>Caf&eacute; &nbsp; news</title><link>https://a.example/1</link></item>"
    )
    feed = parse_feed(broken[: -len("</channel></rss>")], base_url=BASE)  # undefined entities, no end tags
    assert feed.outcome == "ok"
    assert [entry.url for entry in feed.entries] == ["https://a.example/1"]


@pytest.mark.parametrize(
    "body", [b"<html><body>not a feed", b"<rss><channel><title>unclosed", b"\x00\xff garbage", b"{}"]
)
def test_no_entries_from_a_broken_document_is_a_parse_error(body: bytes) -> None:
    feed = parse_feed(body, base_url=BASE)
    assert feed.outcome == "parse_error"
    assert feed.error


def test_empty_and_oversized_documents() -> None:
    assert parse_feed(b"  \n", base_url=BASE).outcome == "parse_error"
    huge = parse_feed(b"<rss>" + b" " * MAX_FEED_BYTES, base_url=BASE)
    assert huge.outcome == "rejected"
    assert "cap" in (huge.error or "")


def test_a_str_is_refused_because_feedparser_would_open_it_as_a_path() -> None:
    with pytest.raises(TypeError):
        parse_feed("/etc/passwd", base_url=BASE)  # type: ignore[arg-type]


def billion_laughs(levels: int = 10) -> bytes:
    declarations = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, levels)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(declarations) + "\n]>\n"
        f'<rss version="2.0"><channel><title>&lol{levels - 1};</title></channel></rss>'
    ).encode()


def quadratic_blowup(value_chars: int = 50_000, references: int = 50_000) -> bytes:
    return (
        f'<!DOCTYPE rss [<!ENTITY a "{"B" * value_chars}">]>\n'
        f'<rss version="2.0"><channel><title>{"&a;" * references}</title></channel></rss>'
    ).encode()


@pytest.mark.parametrize(
    "body",
    [
        billion_laughs(),
        quadratic_blowup(),
        billion_laughs().decode().encode("utf-16"),  # the same bomb in UTF-16 with a BOM
        b"<!-- first a comment -->\n" + quadratic_blowup(),
        b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "x.dtd" [<!ENTITY % p SYSTEM "http://169.254.169.254/"> %p;]><rss/>',
        b'<!DOCTYPE rss [<!ENTITY ext SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&ext;</title></channel></rss>',
    ],
)
def test_entity_declarations_are_rejected_fast(body: bytes) -> None:
    started = time.monotonic()
    feed = parse_feed(body, base_url=BASE)
    assert feed.outcome == "rejected"
    assert "entities" in (feed.error or "")
    assert time.monotonic() - started < 0.5


def test_defusedxml_attack_files_are_rejected(corpora: Path) -> None:
    folder = corpora / "defusedxml" / "xmltestdata"
    for name in (
        "xmlbomb.xml",
        "xmlbomb2.xml",
        "quadratic.xml",
        "cyclic.xml",
        "external.xml",
        "external_file.xml",
    ):
        started = time.monotonic()
        feed = parse_feed((folder / name).read_bytes(), base_url=BASE)
        assert feed.outcome == "rejected", name
        assert time.monotonic() - started < 2, name


def test_worker_bounds_an_entity_bomb_even_without_the_pre_filter(corpora: Path) -> None:
    """Defence in depth: the worker's memory limit stops what the pre-filter would have caught."""
    from tasks.feeds import _WORKERS

    bomb = (corpora / "defusedxml" / "xmltestdata" / "quadratic.xml").read_bytes()
    started = time.monotonic()
    feed = _WORKERS.parse(bomb, BASE, None, 10.0, 256)
    assert feed.outcome == "rejected"
    assert time.monotonic() - started < 5


def test_harmless_declarations_and_external_dtds_still_parse() -> None:
    char_reference = (
        b'<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]><rss version="2.0"><channel><title>A&nbsp;B</title>'
        b"<item><link>https://a.example/1</link></item></channel></rss>"
    )
    netscape = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>N</title>'
        b"<item><title>i</title><link>https://a.example/2</link></item></channel></rss>"
    )
    assert parse_feed(char_reference, base_url=BASE).title == "A\xa0B"
    assert [e.url for e in parse_feed(netscape, base_url=BASE).entries] == ["https://a.example/2"]


def test_long_author_is_cut_and_parses_fast() -> None:
    author = "x" * 60_000 + "@example.org"
    body = rss_with_items(
        f"<item><title>t</title><link>https://a.example/1</link><author>{author}</author>"
        f"<dc:creator xmlns:dc='http://purl.org/dc/elements/1.1/'>{author}</dc:creator></item>"
    )
    parse_feed(RSS, base_url=BASE)  # the worker is up, so only the parse is timed
    started = time.monotonic()
    feed = parse_feed(body, base_url=BASE)
    assert feed.outcome == "ok" and len(feed.entries) == 1
    assert time.monotonic() - started < 1.0
    assert MAX_PERSON_CHARS < 2_000


def test_http_charset_is_used_when_the_document_declares_none() -> None:
    body = "<rss version='2.0'><channel><title>Обмін полоненими</title></channel></rss>".encode(
        "windows-1251"
    )
    feed = parse_feed(body, base_url=BASE, content_type="text/xml; charset=windows-1251")
    assert feed.title == "Обмін полоненими"


def test_slow_parse_is_stopped_by_the_deadline_and_the_worker_recovers() -> None:
    items = "".join(f"<item><title>Item {n}</title><link>/a/{n}</link></item>" for n in range(6000))
    feed = parse_feed(rss_with_items(items), base_url=BASE, timeout_s=0.2)
    assert feed.outcome == "rejected"
    assert "longer than 0.2 s" in (feed.error or "")
    assert parse_feed(RSS, base_url=BASE).outcome == "ok"


def test_memory_limit_rejects_instead_of_exhausting_the_machine() -> None:
    long_text = "word " * 800_000  # 4 MB in one element: feedparser copies it several times
    body = rss_with_items(
        f"<item><link>https://a.example/1</link><description>{long_text}</description></item>"
    )
    feed = parse_feed(body, base_url=BASE, max_memory_mb=40)
    assert feed.outcome == "rejected"
    assert "40 MB" in (feed.error or "")
    assert parse_feed(body, base_url=BASE).outcome == "ok"  # the default limit fits it


def test_feedparser_illformed_corpus_never_crashes(corpora: Path) -> None:
    files = sorted((corpora / "feedparser" / "tests" / "illformed").glob("*.xml"))
    assert files
    for path in files:
        feed = parse_feed(path.read_bytes(), base_url="http://127.0.0.1/" + path.name)
        assert feed.outcome in ("ok", "parse_error", "rejected"), path.name
        assert feed.outcome == "ok" or feed.error, path.name
