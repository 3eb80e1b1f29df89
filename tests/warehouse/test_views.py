"""The analysis views (`warehouse/views/*.sql`): grain, figures and robustness on a small warehouse.

`build_sample_warehouse` is shared with the cookbook and report tests: a fresh warehouse filled with
plain SQL, whose figures are real exchanges (dates and counts from the evaluation reference) and
whose article titles are our own sentences, plus a few hostile strings as the web would send them.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from warehouse.catalog import describe_objects
from warehouse.db import VIEWS_DIR, connect, create_views

HOSTILE_TITLE = '<script>alert("xss")</script> Swap & "quotes"'
HOSTILE_FEED_NAME = "<img src=x onerror=alert(1)>"

# Totals the sample holds, worked out by hand from the rows below.
SAMPLE_TOTAL_TO_UKRAINE = 1194
SAMPLE_TOTAL_TO_RUSSIA = 867

SAMPLE_WAREHOUSE_SQL = f"""
insert into runs (run_id, started_at, finished_at, trigger, status) values
    ('r1', '2026-02-01 06:00:00', '2026-02-01 06:01:10', 'schedule', 'completed'),
    ('r2', '2026-02-05 06:00:00', '2026-02-05 06:00:50', 'schedule', 'completed'),
    ('r3', '2026-02-06 06:00:00', '2026-02-06 06:00:40', 'manual', 'completed');

insert into feeds (feed_id, url, name, added_at, consecutive_failures) values
    ('f1', 'https://meridian.example/world/rss.xml', 'Meridian world', '2026-01-01', 0),
    ('f2', 'https://holos.example/atom.xml', 'Holos', '2026-01-01', 0),
    ('f3', 'https://clarion.example/feed', 'Clarion', '2026-01-01', 2),
    ('f4', 'https://vestnik.example/rss', 'Vestnik', '2026-02-06', 0),
    ('f5', 'https://broken.example/rss', '{HOSTILE_FEED_NAME}', '2026-01-01', 3);

insert into feed_fetches (fetch_id, feed_id, run_id, fetched_at, outcome, http_status, error,
                          n_entries, n_new_entries, elapsed_ms) values
    ('x01', 'f1', 'r1', '2026-02-01 06:00:05', 'ok', 200, null, 20, 20, 120),
    ('x02', 'f1', 'r2', '2026-02-05 06:00:05', 'ok', 200, null, 22, 2, 110),
    ('x03', 'f1', 'r3', '2026-02-06 06:00:05', 'ok', 200, null, 24, 2, 100),
    ('x04', 'f2', 'r1', '2026-02-01 06:00:06', 'ok', 200, null, 10, 10, 80),
    ('x05', 'f2', 'r2', '2026-02-05 06:00:06', 'not_modified', 304, null, null, null, 30),
    ('x06', 'f2', 'r3', '2026-02-06 06:00:06', 'not_modified', 304, null, null, null, 30),
    ('x07', 'f3', 'r1', '2026-02-01 06:00:07', 'ok', 200, null, 8, 8, 90),
    ('x08', 'f3', 'r2', '2026-02-05 06:00:07', 'http_error', 503, 'HTTP 503', null, null, 40),
    ('x09', 'f3', 'r3', '2026-02-06 06:00:07', 'http_error', 500, 'HTTP 500', null, null, 40),
    ('x10', 'f5', 'r2', '2026-02-05 06:00:08', 'timeout', null, 'no answer in 20 s', null, null, 20000),
    ('x11', 'f5', 'r3', '2026-02-06 06:00:08', 'parse_error', 200, '<b>not a feed</b>', null, null, 50);

insert into articles (article_id, url, title, published_at, text, story_id, source_host, feed_id,
                      raw_page_id, version, status, first_seen_at, updated_at) values
    ('a01', 'https://holos.example/news/2022/03/24/first-swap.html', 'First swap of the war brings 29 home',
        '2022-03-24 18:00:00', 'text', 's01', 'holos.example', 'f2', 'p01', 1, 'ok', '2026-02-01', '2026-02-01'),
    ('a02', 'https://meridian.example/world/2022/03/24/first-swap.html', 'Kyiv and Moscow swap prisoners',
        '2022-03-24 20:00:00', 'text', 's02', 'meridian.example', 'f1', 'p02', 1, 'ok', '2026-02-01', '2026-02-01'),
    ('a03', 'https://meridian.example/world/2022/06/29/azovstal.html', 'Azovstal defenders freed in 144-for-144 swap',
        '2022-06-29 12:00:00', 'text', 's03', 'meridian.example', 'f1', 'p03', 1, 'ok', '2026-02-01', '2026-02-01'),
    ('a04', 'https://clarion.example/news/azovstal.html', 'Azovstal defenders freed in 144-for-144 swap',
        '2022-06-29 13:00:00', 'text', 's03', 'clarion.example', 'f3', 'p04', 1, 'ok', '2026-02-01', '2026-02-01'),
    ('a05', 'https://meridian.example/world/2022/09/21/medvedchuk.html', 'Swap brokered by Turkey and Saudi Arabia',
        '2022-09-21 22:00:00', 'text', 's04', 'meridian.example', 'f1', 'p05', 1, 'ok', '2026-02-01', '2026-02-01'),
    ('a06', 'https://holos.example/news/2022/09/22/215.html', 'Two hundred and fifteen defenders freed',
        '2022-09-22 08:00:00', 'text', 's05', 'holos.example', 'f2', 'p06', 1, 'ok', '2026-02-01', '2026-02-01'),
    ('a07', 'https://meridian.example/world/2023/02/04/uae.html', 'Emirates mediate a new exchange',
        '2023-02-04 15:00:00', 'text', 's06', 'meridian.example', 'f1', 'p07', 1, 'ok', '2026-02-01', '2026-02-01'),
    ('a08', 'https://holos.example/news/2023/05/25/106.html', 'One hundred and six come home',
        '2023-05-25 10:00:00', 'text', 's07', 'holos.example', 'f2', 'p08', 1, 'ok', '2026-02-01', '2026-02-01'),
    ('a09', 'https://meridian.example/world/2024/01/03/largest.html', 'Largest exchange so far',
        '2024-01-03 14:00:00', 'text', 's08', 'meridian.example', 'f1', 'p09', 1, 'ok', '2026-02-01', '2026-02-01'),
    ('a10', 'https://clarion.example/news/largest.html', 'Hundreds return in the largest swap',
        '2024-01-03 16:00:00', 'text', 's09', 'clarion.example', 'f3', 'p10', 1, 'ok', '2026-02-01', '2026-02-01'),
    ('a11', 'javascript:alert(1)', '{HOSTILE_TITLE.replace("'", "''")}',
        '2024-01-04 09:00:00', 'text', 's10', 'evil.example', null, 'p11', 1, 'ok', '2026-02-01', '2026-02-01'),
    ('a12', 'https://meridian.example/world/2025/03/19/wounded.html', 'Wounded soldiers among those freed',
        '2025-03-19 19:00:00', 'text', 's11', 'meridian.example', 'f1', 'p12', 1, 'ok', '2026-02-05', '2026-02-05'),
    ('a13', 'https://holos.example/news/2025/03/19/197.html', 'One hundred and ninety-seven return',
        '2025-03-19 21:00:00', 'text', 's12', 'holos.example', 'f2', 'p13', 1, 'ok', '2026-02-05', '2026-02-05'),
    ('a14', 'https://meridian.example/world/2026/02/05/us-uae.html', 'US and Emirates broker a swap',
        '2026-02-05 17:00:00', 'text', 's13', 'meridian.example', 'f1', 'p14', 1, 'ok', '2026-02-06', '2026-02-06'),
    ('a15', 'https://meridian.example/sport/2026/02/05/derby.html', 'Derby ends level',
        '2026-02-05 21:00:00', 'text', 's14', 'meridian.example', 'f1', 'p15', 1, 'ok', '2026-02-06', '2026-02-06');

insert into stories (story_id, n_articles, title, first_article_id, first_published_at, last_published_at, n_outlets)
select story_id, count(*), min(title), min(article_id), min(published_at), max(published_at), count(distinct source_host)
from articles group by story_id;

insert into exchanges (exchange_id, event_date, returned_to_ukraine, returned_to_russia,
                       returned_to_ukraine_min, returned_to_ukraine_max, returned_to_russia_min, returned_to_russia_max,
                       mediators, civilians_to_ukraine, wounded_to_ukraine, civilians_to_russia, total_stated,
                       exchange_number, is_disputed, dispute_note, n_articles, n_mentions, confidence,
                       first_reported_at) values
    ('e2022-03-24', '2022-03-24', 29, 21, 29, 29, 21, 21, [], 19, null, 11, null,
        1, false, null, 2, 2, 0.9, '2022-03-24 18:00:00'),
    ('e2022-06-29', '2022-06-29', 144, 144, 144, 144, 144, 144, [], null, null, null, 288,
        null, false, null, 2, 2, 0.95, '2022-06-29 12:00:00'),
    ('e2022-09-21', '2022-09-21', 215, 56, 215, 215, 55, 56, ['TR', 'SA'], null, null, null, null,
        null, true, 'sources give 55 or 56 returned to Russia', 2, 2, 0.8, '2022-09-21 22:00:00'),
    ('e2023-02-04', '2023-02-04', 116, 63, 116, 116, 63, 63, ['AE'], null, null, null, null,
        null, false, null, 1, 1, 0.9, '2023-02-04 15:00:00'),
    ('e2023-05-25', '2023-05-25', 106, null, 106, 106, null, null, [], null, null, null, null,
        null, false, null, 1, 1, 0.7, '2023-05-25 10:00:00'),
    ('e2024-01-03', '2024-01-03', 230, 248, 225, 230, 248, 248, ['AE'], null, null, null, 478,
        49, true, 'one source gives 225 returned to Ukraine', 3, 3, 0.85, '2024-01-03 14:00:00'),
    ('e2025-03-19', '2025-03-19', 197, 175, 197, 197, 175, 175, ['AE'], null, 22, null, null,
        null, false, null, 2, 2, 0.9, '2025-03-19 19:00:00'),
    ('e2026-02-05', '2026-02-05', 157, 160, 157, 157, 160, 160, ['AE', 'US'], 7, null, 3, null,
        null, false, null, 1, 1, 0.9, '2026-02-05 17:00:00');

insert into exchange_mentions (mention_id, article_id, mention_no, exchange_id, event_date,
                               returned_to_ukraine, returned_to_russia, mediators, total_stated, is_disputed,
                               evidence, confidence) values
    ('m01', 'a01', 1, 'e2022-03-24', '2022-03-24', 29, 21, [], null, false, ['Twenty-nine came home.'], 0.9),
    ('m02', 'a02', 1, 'e2022-03-24', '2022-03-24', 29, 21, [], null, false, ['The sides swapped prisoners.'], 0.9),
    ('m03', 'a03', 1, 'e2022-06-29', '2022-06-29', 144, 144, [], 288, false, ['144 for 144.'], 0.95),
    ('m04', 'a04', 1, 'e2022-06-29', '2022-06-29', 144, 144, [], null, false, ['144 returned.'], 0.95),
    ('m05', 'a05', 1, 'e2022-09-21', '2022-09-21', 215, 56, ['TR', 'SA'], null, false, ['215 for 56.'], 0.8),
    ('m06', 'a06', 1, 'e2022-09-21', '2022-09-21', 215, 55, ['TR'], null, false, ['215 for 55.'], 0.8),
    ('m07', 'a07', 1, 'e2023-02-04', '2023-02-04', 116, 63, ['AE'], null, false, ['116 and 63.'], 0.9),
    ('m08', 'a08', 1, 'e2023-05-25', '2023-05-25', 106, null, [], null, false, ['106 returned.'], 0.7),
    ('m09', 'a09', 1, 'e2024-01-03', '2024-01-03', 230, 248, ['AE'], 478, false, ['230 and 248.'], 0.9),
    ('m10', 'a10', 1, 'e2024-01-03', '2024-01-03', 230, 248, ['AE'], null, false, ['230 came home.'], 0.9),
    ('m11', 'a11', 1, 'e2024-01-03', '2024-01-03', 225, 248, ['AE'], null, false, ['<b>225</b> came home.'], 0.6),
    ('m12', 'a12', 1, 'e2025-03-19', '2025-03-19', 197, 175, ['AE'], null, false, ['175 plus 22 wounded.'], 0.9),
    ('m13', 'a13', 1, 'e2025-03-19', '2025-03-19', 197, 175, ['AE'], null, false, ['197 returned.'], 0.9),
    ('m14', 'a14', 1, 'e2026-02-05', '2026-02-05', 157, 160, ['AE', 'US'], null, false, ['157 for 157.'], 0.9);

insert into removed_lines (article_id, line_no, line, rule) values
    ('a01', 1, 'Advertisement', 'advertisement'),
    ('a02', 4, 'Advertisement · Scroll to continue', 'advertisement'),
    ('a03', 9, 'Read more', 'read_more_link');
"""


def build_sample_warehouse(path: Path) -> Path:
    """A fresh warehouse at `path` (migrations and views applied) holding the sample rows."""
    con = connect(path)
    try:
        con.execute(SAMPLE_WAREHOUSE_SQL)
    finally:
        con.close()
    return path


@pytest.fixture
def sample_con(tmp_path) -> duckdb.DuckDBPyConnection:
    db = build_sample_warehouse(tmp_path / "sample.duckdb")
    con = connect(db, read_only=True)
    yield con
    con.close()


def _rows(con: duckdb.DuckDBPyConnection, query: str) -> list[dict]:
    relation = con.sql(query)
    return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]


VIEW_FILES = sorted(VIEWS_DIR.glob("*.sql"))


@pytest.mark.parametrize("path", VIEW_FILES, ids=[p.stem for p in VIEW_FILES])
def test_each_view_file_states_its_grain_then_creates_one_view_named_like_the_file(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert re.match(r"-- one row per \S", lines[0]), "the first line must state the grain"
    assert lines[1] == f"create or replace view {path.stem} as"
    assert path.read_text(encoding="utf-8").count("create or replace view") == 1


def test_every_view_is_listed_with_its_grain_by_the_catalog(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    listed = {name: description for name, kind, description in describe_objects(con) if kind == "view"}
    assert set(listed) == {p.stem for p in VIEW_FILES}
    assert all(description.startswith("one row per") for description in listed.values())


def test_views_are_recreated_idempotently_and_answer_on_an_empty_warehouse(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    create_views(con)
    create_views(con)
    for path in VIEW_FILES:
        assert con.execute(f"select count(*) from {path.stem}").fetchone()[0] == 0


def test_exchange_timeline_has_one_row_per_exchange_with_its_figures(sample_con):
    rows = _rows(sample_con, "select * from v_exchange_timeline order by event_date")
    assert [r["exchange_id"] for r in rows] == [
        r[0] for r in sample_con.execute("select exchange_id from exchanges order by event_date").fetchall()
    ]
    largest = next(r for r in rows if r["event_date"].isoformat() == "2024-01-03")
    assert (largest["returned_to_ukraine"], largest["returned_to_russia"], largest["returned_total"]) == (
        230,
        248,
        478,
    )
    assert largest["is_disputed"] and largest["n_articles"] == 3 and largest["event_year"] == 2024
    two_mediators = next(r for r in rows if r["event_date"].isoformat() == "2026-02-05")
    assert two_mediators["mediators_label"] == "AE US" and two_mediators["n_mediators"] == 2
    undisclosed = next(r for r in rows if r["event_date"].isoformat() == "2023-05-25")
    assert undisclosed["returned_to_russia"] is None and undisclosed["returned_total"] == 106


def test_cumulative_returns_run_to_the_overall_totals_in_date_order(sample_con):
    rows = _rows(sample_con, "select * from v_cumulative_returns order by event_date")
    assert len(rows) == 8
    assert rows[0]["cumulative_to_ukraine"] == 29 and rows[0]["cumulative_to_russia"] == 21
    assert rows[-1]["cumulative_to_ukraine"] == SAMPLE_TOTAL_TO_UKRAINE
    assert rows[-1]["cumulative_to_russia"] == SAMPLE_TOTAL_TO_RUSSIA
    assert rows[-1]["cumulative_exchanges"] == 8
    undisclosed = next(r for r in rows if r["event_date"].isoformat() == "2023-05-25")
    assert undisclosed["returned_to_russia"] == 0 and undisclosed["n_exchanges_without_russia_figure"] == 1
    to_ukraine = [r["cumulative_to_ukraine"] for r in rows]
    assert to_ukraine == sorted(to_ukraine)


def test_cumulative_returns_sum_exchanges_that_share_a_day(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    con.execute("""
        insert into exchanges (exchange_id, event_date, returned_to_ukraine, returned_to_russia, is_disputed,
                               n_articles, n_mentions)
        values ('a', '2025-05-23', 390, 390, false, 1, 1), ('b', '2025-05-23', 10, 10, false, 1, 1),
               ('c', '2025-05-24', 307, 307, false, 1, 1), ('undated', null, 5, 5, false, 1, 1)
    """)
    rows = con.execute(
        "select event_date::varchar, n_exchanges, returned_to_ukraine, cumulative_to_ukraine "
        "from v_cumulative_returns order by event_date"
    ).fetchall()
    assert rows == [("2025-05-23", 2, 400, 400), ("2025-05-24", 1, 307, 707)]


def test_mediator_totals_count_an_exchange_for_each_of_its_mediators(sample_con):
    rows = {r["mediator_code"]: r for r in _rows(sample_con, "select * from v_mediator_totals")}
    assert set(rows) == {"AE", "US", "TR", "SA", None}
    assert (
        rows["AE"]["n_exchanges"],
        rows["AE"]["returned_to_ukraine"],
        rows["AE"]["returned_to_russia"],
    ) == (4, 700, 646)
    assert rows["AE"]["mediator_name"] == "United Arab Emirates"
    assert rows["US"]["n_exchanges"] == 1 and rows["TR"]["returned_to_russia"] == 56
    assert rows[None]["mediator_name"] == "none reported" and rows[None]["n_exchanges"] == 3
    assert rows["AE"]["first_exchange_on"].isoformat() == "2023-02-04"


def test_disputed_figures_list_each_sources_claim_for_disputed_exchanges_only(sample_con):
    rows = _rows(sample_con, "select * from v_disputed_figures order by exchange_id, mention_id")
    assert {r["exchange_id"] for r in rows} == {"e2022-09-21", "e2024-01-03"}
    assert len(rows) == 5
    dissent = next(r for r in rows if r["mention_id"] == "m11")
    assert dissent["claimed_to_ukraine"] == 225 and dissent["returned_to_ukraine"] == 230
    assert dissent["is_ukraine_figure_different"] and not dissent["is_russia_figure_different"]
    assert dissent["source_host"] == "evil.example" and dissent["article_title"] == HOSTILE_TITLE
    fifty_five = next(r for r in rows if r["mention_id"] == "m06")
    assert fifty_five["claimed_to_russia"] == 55 and fifty_five["article_url"].startswith(
        "https://holos.example/"
    )


def test_exchange_sources_trace_every_fused_exchange_to_its_articles(sample_con):
    counts = dict(
        sample_con.execute(
            "select exchange_id, count(distinct article_id) from v_exchange_sources group by 1"
        ).fetchall()
    )
    fused = dict(sample_con.execute("select exchange_id, n_articles from exchanges").fetchall())
    assert counts == fused


def test_stories_per_day_counts_articles_stories_and_exchange_reports_per_outlet(sample_con):
    rows = {
        (r["published_on"].isoformat(), r["source_host"]): r
        for r in _rows(sample_con, "select * from v_stories_per_day")
    }
    derby_day = rows[("2026-02-05", "meridian.example")]
    assert (derby_day["n_articles"], derby_day["n_stories"], derby_day["n_exchange_articles"]) == (2, 2, 1)
    assert rows[("2022-06-29", "clarion.example")]["n_exchange_articles"] == 1
    total = sample_con.execute("select sum(n_articles) from v_stories_per_day").fetchone()[0]
    assert total == 15


def test_feed_health_reports_last_success_failures_and_ok_rate(sample_con):
    rows = {r["feed_id"]: r for r in _rows(sample_con, "select * from v_feed_health")}
    assert len(rows) == 5
    assert rows["f1"]["health"] == "ok" and rows["f1"]["ok_rate_7d"] == 1.0
    assert rows["f1"]["avg_items_per_run"] == 22.0
    assert rows["f2"]["last_outcome"] == "not_modified" and rows["f2"]["is_healthy"]
    failing = rows["f3"]
    assert failing["health"] == "failing" and failing["consecutive_failures"] == 2
    assert failing["last_outcome"] == "http_error" and failing["last_http_status"] == 500
    assert failing["last_success_at"].isoformat(sep=" ") == "2026-02-01 06:00:07"
    assert abs(failing["ok_rate_7d"] - 1 / 3) < 1e-9
    assert rows["f4"]["health"] == "never fetched" and rows["f4"]["n_fetches"] == 0
    assert rows["f5"]["health"] == "never succeeded" and rows["f5"]["consecutive_failures"] == 2
    assert rows["f5"]["last_error"] == "<b>not a feed</b>"


def test_a_source_that_gives_no_figure_does_not_count_as_disagreeing(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    con.execute("""
        insert into exchanges (exchange_id, event_date, returned_to_ukraine, returned_to_russia, is_disputed,
                               n_articles, n_mentions)
        values ('e', '2024-01-03', 230, 248, true, 3, 3);
        insert into exchange_mentions (mention_id, article_id, mention_no, exchange_id, returned_to_ukraine,
                                       returned_to_russia)
        values ('silent', 'a1', 1, 'e', 230, null), ('other', 'a2', 1, 'e', 225, 248), ('same', 'a3', 1, 'e', 230, 248)
    """)
    rows = con.execute(
        "select mention_id, is_ukraine_figure_different, is_russia_figure_different "
        "from v_disputed_figures order by mention_id"
    ).fetchall()
    assert rows == [("other", True, False), ("same", False, False), ("silent", False, False)]


# (view, the columns that identify one row): the grain each view's first line states
VIEW_GRAINS = {
    "v_exchange_timeline": "exchange_id",
    "v_cumulative_returns": "event_date",
    "v_mediator_totals": "mediator_code",
    "v_exchange_sources": "mention_id",
    "v_disputed_figures": "mention_id",
    "v_stories_per_day": "published_on, source_host",
    "v_feed_health": "feed_id",
}


def test_view_grains_and_totals_hold_on_a_generated_warehouse(tmp_path):
    import importlib.util

    from tests.conftest import PROJECT_ROOT

    spec = importlib.util.spec_from_file_location(
        "synthetic", PROJECT_ROOT / "scripts" / "make_synthetic_warehouse.py"
    )
    synthetic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synthetic)
    db = tmp_path / "generated.duckdb"
    synthetic.build(db, n_articles=5000, n_exchanges=200, n_feeds=12, n_runs=40, n_outlets=7)
    con = connect(db, read_only=True)
    assert set(VIEW_GRAINS) == {p.stem for p in VIEW_FILES}
    for view, key in VIEW_GRAINS.items():
        n_rows, n_keys = con.execute(
            f"select (select count(*) from {view}), (select count(*) from (select distinct {key} from {view}))"
        ).fetchall()[0]
        assert n_rows > 0 and n_rows == n_keys, view
    totals = con.execute(
        "select sum(returned_to_ukraine), sum(returned_to_russia) from exchanges"
    ).fetchall()[0]
    last = con.execute(
        "select cumulative_to_ukraine, cumulative_to_russia from v_cumulative_returns order by event_date desc limit 1"
    ).fetchall()[0]
    assert last == totals
    assert con.execute("select sum(n_articles) from v_stories_per_day").fetchall()[0][0] == 5000
    assert con.execute("select count(*) from v_feed_health").fetchall()[0][0] == 12
    n_disputed_mentions = con.execute(
        "select count(*) from exchange_mentions join exchanges using (exchange_id) where exchanges.is_disputed"
    ).fetchall()[0][0]
    assert con.execute("select count(*) from v_disputed_figures").fetchall()[0][0] == n_disputed_mentions
