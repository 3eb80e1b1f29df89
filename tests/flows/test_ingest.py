"""The whole ingest flow under a real Prefect API, over the sample site served on 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlsplit

import duckdb
import pytest

from flows.ingest import ingest_flow, reprocess_flow
from tests.flows.conftest import host_port

pytestmark = pytest.mark.usefixtures("prefect_harness")

COUNTED_TABLES = ("feeds", "feed_entries", "raw_pages", "articles", "article_versions", "stories",
                  "exchange_mentions", "exchanges", "removed_lines")


def _ingest(site, db, **extra) -> dict:
    return ingest_flow(feed_urls=site.feed_urls, db_path=str(db), allow_hosts=[host_port(site)], **extra)


def _counts(db) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in COUNTED_TABLES}


def _path(url: str) -> str:
    return urlsplit(url).path


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """One ingest of revision 1, shared by the read-only assertions below."""
    from flows.sample_site import serve_sample_site

    db = tmp_path_factory.mktemp("ingest") / "w.duckdb"
    with serve_sample_site(revision=1) as site:
        summary = _ingest(site, db)
    return db, summary


def test_run_completes_and_records_itself(ingested, expected_site):
    db, summary = ingested
    assert summary["status"] == "completed"
    assert summary["counts"]["n_feeds_ok"] == expected_site["feeds"]
    assert summary["counts"]["n_feeds_failed"] == 0
    with duckdb.connect(str(db), read_only=True) as con:
        runs = con.execute("select status, trigger, finished_at is not null from runs").fetchall()
        outcomes = con.execute("select distinct outcome from feed_fetches").fetchall()
    assert runs == [("completed", "manual", True)]
    assert outcomes == [("ok",)]


def test_warehouse_matches_expected_counts(ingested, expected_site):
    db, _ = ingested
    counts = _counts(db)
    assert counts["feeds"] == expected_site["feeds"]
    assert counts["articles"] == expected_site["articles"]
    assert counts["stories"] == expected_site["stories"]


def test_one_exchange_row_per_real_exchange_with_the_right_figures(ingested, expected_site):
    db, _ = ingested
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select event_date::varchar, returned_to_ukraine, returned_to_russia, list_sort(mediators), "
            "wounded_to_ukraine, civilians_to_ukraine, is_disputed, n_articles, exchange_id from exchanges "
            "order by event_date"
        ).fetchall()
        sources = con.execute(
            "select m.exchange_id, list(distinct a.url) from exchange_mentions m join articles a using (article_id) "
            "group by 1"
        ).fetchall()
    got = {r[0]: r for r in rows}
    sources_by_exchange = {x: {_path(u) for u in urls} for x, urls in sources}
    expected = expected_site["exchanges"]
    assert sorted(got) == sorted(e["event_date"] for e in expected)
    for exchange in expected:
        row = got[exchange["event_date"]]
        assert row[1:4] == (exchange["returned_to_ukraine"], exchange["returned_to_russia"],
                            sorted(exchange["mediators"])), exchange["event_date"]
        if exchange.get("wounded_to_ukraine") is not None:
            assert row[4] == exchange["wounded_to_ukraine"], exchange["event_date"]
        if exchange.get("civilians_to_ukraine") is not None:
            assert row[5] == exchange["civilians_to_ukraine"], exchange["event_date"]
        assert row[6] == exchange["is_disputed"], exchange["event_date"]
        assert row[7] == exchange["n_articles"], exchange["event_date"]
        assert sources_by_exchange[row[8]] == {_path(p) for p in exchange["articles"]}, exchange["event_date"]


def test_negatives_report_no_exchange(ingested, expected_site):
    db, _ = ingested
    with duckdb.connect(str(db), read_only=True) as con:
        with_mentions = {_path(r[0]) for r in con.execute(
            "select distinct a.url from exchange_mentions m join articles a using (article_id)").fetchall()}
    assert not with_mentions & set(expected_site["negatives"])


def test_syndicated_copies_share_one_story(ingested, expected_site):
    db, _ = ingested
    with duckdb.connect(str(db), read_only=True) as con:
        story_by_path = {_path(u): s for u, s in con.execute("select url, story_id from articles").fetchall()}
    for group in expected_site["syndicated"]:
        assert len({story_by_path[_path(p)] for p in group}) == 1, group


def test_noise_lines_are_removed_and_recorded(ingested):
    db, _ = ingested
    with duckdb.connect(str(db), read_only=True) as con:
        leaked = con.execute(
            "select count(*) from articles where text ilike '%Scroll to continue%' or text ilike '%Read also:%'"
        ).fetchone()[0]
        rules = {r[0] for r in con.execute("select distinct rule from removed_lines").fetchall()}
    assert leaked == 0
    assert len(rules) >= 4


def test_reader_comments_are_kept_apart_from_the_text(ingested):
    db, _ = ingested
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select a.url, a.text, c.comments from article_comments c join articles a using (article_id)"
        ).fetchall()
        figures = con.execute(
            "select m.returned_to_ukraine from exchange_mentions m join articles a using (article_id) "
            "where a.url like '%turkish-saudi-swap%'"
        ).fetchall()
    # only the blog post with readers' comments: comment-form prompts elsewhere are not comments
    assert [_path(url) for url, _, _ in rows] == [
        "/policydesk/analysis/2022-09-23-turkish-saudi-swap-wartime-diplomacy.html"
    ]
    _, text, comments = rows[0]
    assert comments.splitlines() == [
        "I heard from a friend in Chernihiv that 300 of ours came back in that swap, not 215.",
        "Thank you for this analysis, very clear as always.",
    ]
    assert "300 of ours" not in text
    assert figures == [(215,)]  # the reader's 300 is no claim of a source


def test_rerun_adds_nothing_and_requests_no_article_page(tmp_path):
    from flows.sample_site import serve_sample_site

    db = tmp_path / "w.duckdb"
    with serve_sample_site(revision=1) as site:
        _ingest(site, db)
        before = _counts(db)
        site.clear_requests()
        second = _ingest(site, db)
        assert site.page_requests() == []
    assert second["status"] == "completed"
    assert _counts(db) == before
    assert second["counts"]["n_articles_new"] == 0


def test_update_in_place_becomes_a_new_version_not_a_duplicate(tmp_path, expected_site):
    from flows.sample_site import serve_sample_site

    db = tmp_path / "w.duckdb"
    updated_path = expected_site["updated_article"]["path"]
    with serve_sample_site(revision=1) as site:
        _ingest(site, db)
        exchanges_before = _exchanges(db)
        site.set_revision(2)
        site.clear_requests()
        summary = _ingest(site, db)
        fetched = [_path(r.path) for r in site.page_requests()]
    assert fetched == [updated_path]
    assert summary["counts"]["n_articles_updated"] == 1
    with duckdb.connect(str(db), read_only=True) as con:
        versions = con.execute(
            "select a.version, count(v.version) from articles a join article_versions v using (article_id) "
            "where a.url like ? group by a.version", [f"%{updated_path}"]).fetchall()
        n_articles = con.execute("select count(*) from articles").fetchone()[0]
    assert versions == [(2, 2)]
    assert n_articles == expected_site["articles"]
    assert _exchanges(db) == exchanges_before


def test_reprocess_rebuilds_the_same_warehouse_without_fetching(tmp_path):
    from flows.sample_site import serve_sample_site

    db = tmp_path / "w.duckdb"
    with serve_sample_site(revision=1) as site:
        _ingest(site, db)
        before = _counts(db), _exchanges(db)
        site.clear_requests()
        result = reprocess_flow(db_path=str(db))
        assert site.requests == []
    assert result["status"] == "completed"
    assert (_counts(db), _exchanges(db)) == before


def test_a_bad_feed_is_recorded_and_the_run_goes_on(tmp_path, sample_site):
    db = tmp_path / "w.duckdb"
    missing = sample_site.base_url.rstrip("/") + "/no-such-feed.xml"
    summary = ingest_flow(feed_urls=[missing, *sample_site.feed_urls], db_path=str(db),
                          allow_hosts=[host_port(sample_site)])
    assert summary["status"] == "completed"
    with duckdb.connect(str(db), read_only=True) as con:
        outcome = con.execute("select f.outcome, f.http_status from feed_fetches f join feeds using (feed_id) "
                              "where feeds.url = ?", [missing]).fetchone()
        n_articles = con.execute("select count(*) from articles").fetchone()[0]
    assert outcome == ("http_error", 404)
    assert n_articles > 0


def test_loopback_is_refused_without_permission(tmp_path, sample_site):
    db = tmp_path / "w.duckdb"
    summary = ingest_flow(feed_urls=sample_site.feed_urls[:1], db_path=str(db))
    assert summary["status"] == "completed"
    assert [f["outcome"] for f in summary["feeds"]] == ["blocked"]
    assert sample_site.requests == []


def _exchanges(db) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select * exclude (first_reported_at) from exchanges order by exchange_id").fetchall()


def test_pipeline_called_as_a_plain_function_outside_a_flow(tmp_path, expected_site):
    """Scripts and tests call `run_pipeline` directly: with no flow (so no task runner to submit
    extraction to), fetching and extraction must still overlap and load everything."""
    from flows.config import load_settings
    from flows.ingest import run_pipeline
    from flows.sample_site import serve_sample_site

    db = tmp_path / "plain.duckdb"
    with serve_sample_site(revision=1) as site:
        settings = load_settings(feed_urls=site.feed_urls, db_path=db, allow_hosts=[host_port(site)])
        summary = run_pipeline(settings, trigger="manual")
    assert summary.status == "completed"
    assert summary.counts["n_articles_new"] == expected_site["articles"]
    counts = _counts(db)
    assert counts["articles"] == expected_site["articles"]
    assert counts["exchanges"] == len(expected_site["exchanges"])
