"""Backfill feed lists: OPML parsing refuses entities and DTDs, and keeps only http(s) feeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.backfill import MAX_OPML_BYTES, UnsafeOpmlError, backfill_feed_urls, parse_opml_feeds
from flows.config import ConfigError

OPML = b"""<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head><title>Newsroom subscriptions</title></head>
  <body>
    <outline text="Wires">
      <outline type="rss" text="Wire one" xmlUrl="https://wire.example/rss.xml"/>
      <outline text="Regional">
        <outline type="atom" text="Regional desk" xmlUrl="http://regional.example/atom.xml"/>
      </outline>
    </outline>
    <outline type="rss" text="Same wire again" xmlUrl="https://wire.example/rss.xml"/>
    <outline type="link" text="A web page, not a feed" url="https://page.example/"/>
    <outline type="rss" text="Script" xmlUrl="javascript:alert(1)"/>
    <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
  </body>
</opml>"""


def test_opml_feeds_are_read_at_any_depth_in_order_without_duplicates() -> None:
    assert parse_opml_feeds(OPML) == ["https://wire.example/rss.xml", "http://regional.example/atom.xml"]


def test_opml_with_an_internal_entity_is_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">]><opml><body>&a;</body></opml>'
    with pytest.raises(UnsafeOpmlError):
        parse_opml_feeds(bomb)


@pytest.mark.parametrize(
    "name",
    [
        "xmlbomb.xml",
        "xmlbomb2.xml",
        "quadratic.xml",
        "cyclic.xml",
        "external.xml",
        "external_file.xml",
        "dtd.xml",
    ],
)
def test_defusedxml_attack_files_are_refused(corpora: Path, name: str) -> None:
    path = corpora / "defusedxml" / "xmltestdata" / name
    if not path.exists():
        pytest.skip(f"{path} not in the corpora")
    with pytest.raises(UnsafeOpmlError):
        parse_opml_feeds(path.read_bytes())


def test_malformed_and_oversized_opml_raise_config_errors() -> None:
    with pytest.raises(ConfigError, match="not well-formed"):
        parse_opml_feeds(b"<opml><body><outline xmlUrl='https://a.example/'></body>")
    with pytest.raises(ConfigError, match="larger than"):
        parse_opml_feeds(b" " * (MAX_OPML_BYTES + 1))


def test_backfill_merges_given_urls_with_the_opml_file(tmp_path: Path) -> None:
    opml = tmp_path / "subscriptions.opml"
    opml.write_bytes(OPML)
    urls = backfill_feed_urls(["https://given.example/feed", "https://wire.example/rss.xml"], str(opml))
    assert urls == [
        "https://given.example/feed",
        "https://wire.example/rss.xml",
        "http://regional.example/atom.xml",
    ]


def test_backfill_without_any_feed_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="needs feed_urls"):
        backfill_feed_urls(None, None)
    with pytest.raises(ConfigError, match="not found"):
        backfill_feed_urls(None, str(tmp_path / "missing.opml"))
