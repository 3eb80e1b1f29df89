"""XML attack files (defusedxml's test data, plus bigger variants generated here) served as feeds
through the real flow: each is refused within 2 s and 256 MB, the run completes and says why."""

from __future__ import annotations

import time

import pytest

from tests.conformance.feedsite import CorpusFile, FeedSite, corpus_files, feed_outcomes, query, run_flow
from tests.hostile_servers import FEED_XML

ATTACKS = ("cyclic.xml", "external.xml", "external_file.xml", "quadratic.xml", "xmlbomb.xml", "xmlbomb2.xml")
HARMLESS = ("dtd.xml", "dtd_element.xml", "simple.xml", "simple-ns.xml")  # not feeds, but not attacks either
MAX_SECONDS = 2.0
MAX_EXTRA_MB = 256


def _generated_attacks() -> list[CorpusFile]:
    """Our own variants: a 160 KB quadratic blow-up (41 s and 5.7 GB in bare feedparser,
    pitfalls.md), a billion-laughs inside a real RSS document, and a declaration hidden after a
    comment and whitespace."""
    quadratic = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "'
        + b"B" * 80_000
        + b'">]><rss version="2.0"><channel><title>q</title><item><title>'
        + b"&a;" * 26_000
        + b"</title></item></channel></rss>"
    )
    laughs = [b'<!ENTITY l0 "lol">'] + [
        b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10)
    ]
    billion = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n'
        + b"\n".join(laughs)
        + b"\n]>\n"
        + FEED_XML.split(b"?>", 1)[1].replace(b"First item", b"&l9;")
    )
    hidden = (
        b'<!-- a harmless comment -->\n\n   <!DOCTYPE rss [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>'
        + FEED_XML.split(b"?>", 1)[1].replace(b"First item", b"&x;")
    )
    headers = (("Content-Type", "application/rss+xml"),)
    return [
        CorpusFile(f"/generated/{name}", None, body, headers)
        for name, body in (
            ("quadratic-160k.xml", quadratic),
            ("billion-laughs-rss.xml", billion),
            ("hidden-external-entity.xml", hidden),
        )
    ]


@pytest.fixture(scope="module")
def attack_files(corpora) -> dict[str, CorpusFile]:
    files = {f.source.name: f for f in corpus_files(corpora / "defusedxml" / "xmltestdata", "defusedxml")}
    assert set(ATTACKS) | set(HARMLESS) <= set(files)
    files.update({f.path.rsplit("/", 1)[1]: f for f in _generated_attacks()})
    return files


@pytest.fixture(scope="module")
def baseline_seconds(tmp_path_factory) -> float:
    """Duration of a run over one small valid feed: the flow's own overhead, not charged to a file."""
    valid = CorpusFile("/valid.xml", None, FEED_XML, (("Content-Type", "application/rss+xml"),))
    with FeedSite([valid]) as site:
        db = tmp_path_factory.mktemp("baseline") / "w.duckdb"
        run_flow([site.url(valid)], db, [site.host_port])  # warm-up: parser worker, imports
        started = time.monotonic()
        run_flow([site.url(valid)], db, [site.host_port])
        return time.monotonic() - started


def test_attack_files_are_rejected_fast_and_small(attack_files, baseline_seconds, tmp_path, memory, figures):
    attacks = [name for name in attack_files if name not in HARMLESS]
    report = {}
    with FeedSite(attack_files.values()) as site:
        for name in attacks:
            url = site.url(attack_files[name])
            db = tmp_path / f"{name}.duckdb"
            with memory.window() as mem:
                started = time.monotonic()
                summary = run_flow([url], db, [site.host_port])
                seconds = time.monotonic() - started
            outcome = feed_outcomes(db, summary.run_id)[url]
            error = query(db, "select error from feed_fetches")[0][0]
            report[name] = {
                "outcome": outcome,
                "seconds_over_baseline": round(seconds - baseline_seconds, 2),
                "extra_mb": round(mem["extra_mb"]),
                "error": (error or "")[:80],
            }
            assert summary.status == "completed", summary.error
    figures["xml_attacks"] = {"baseline_run_seconds": round(baseline_seconds, 2), **report}
    for name, row in report.items():
        assert row["outcome"] in ("rejected", "parse_error"), (name, row)
        assert row["seconds_over_baseline"] <= MAX_SECONDS, (name, row)
        assert row["extra_mb"] <= MAX_EXTRA_MB, (name, row)
    assert query(tmp_path / "external.xml.duckdb", "select count(*) from page_fetches") == [(0,)]


def test_harmless_xml_that_is_no_feed_is_recorded_and_the_run_goes_on(attack_files, tmp_path, figures):
    files = [attack_files[name] for name in HARMLESS]
    valid = CorpusFile("/valid.xml", None, FEED_XML, (("Content-Type", "application/rss+xml"),))
    with FeedSite([*files, valid]) as site:
        urls = [site.url(f) for f in [*files, valid]]
        summary = run_flow(urls, tmp_path / "w.duckdb", [site.host_port])
    outcomes = feed_outcomes(tmp_path / "w.duckdb", summary.run_id)
    figures["xml_not_feeds"] = {url.rsplit("/", 1)[1]: outcome for url, outcome in outcomes.items()}
    assert summary.status == "completed"
    assert outcomes[site.url(valid)] == "ok"
    assert {outcomes[site.url(f)] for f in files} <= {"parse_error", "ok", "rejected"}
