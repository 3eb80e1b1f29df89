"""Every query in docs/cookbook.md runs on a populated warehouse, with plain DuckDB (no project code
reads it), and the ones with a known answer give it; the Parquet export answers the same questions.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.conftest import PROJECT_ROOT
from tests.warehouse.test_views import SAMPLE_TOTAL_TO_RUSSIA, SAMPLE_TOTAL_TO_UKRAINE, build_sample_warehouse
from warehouse.export import export_parquet

COOKBOOK = PROJECT_ROOT / "docs" / "cookbook.md"


def cookbook_questions() -> dict[int, tuple[str, str]]:
    """{question number: (question, sql)} for each `### N. question` heading and its ```sql block."""
    questions = {}
    sections = re.split(r"(?m)^### (\d+)\. (.+)$", COOKBOOK.read_text(encoding="utf-8"))
    for number, question, body in zip(sections[1::3], sections[2::3], sections[3::3], strict=True):
        blocks = re.findall(r"```sql\n(.*?)```", body, re.DOTALL)
        assert len(blocks) == 1, f"question {number} must have exactly one sql block"
        questions[int(number)] = (question.strip(), blocks[0].strip())
    return questions


QUESTIONS = cookbook_questions()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    return build_sample_warehouse(tmp_path_factory.mktemp("cookbook") / "sample.duckdb")


@pytest.fixture(scope="module")
def answers(sample_db) -> dict[int, list[tuple]]:
    """Each question's rows, from a plain read-only DuckDB connection (as any client would open it)."""
    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        return {number: con.execute(sql).fetchall() for number, (_, sql) in QUESTIONS.items()}
    finally:
        con.close()


def test_the_cookbook_answers_at_least_twelve_numbered_questions():
    assert len(QUESTIONS) >= 12
    assert sorted(QUESTIONS) == list(range(1, len(QUESTIONS) + 1))
    assert all(question.endswith("?") or question.endswith(".") for question, _ in QUESTIONS.values())


@pytest.mark.parametrize("number", sorted(QUESTIONS), ids=[f"q{n}" for n in sorted(QUESTIONS)])
def test_every_cookbook_query_runs_and_returns_rows(answers, number):
    assert answers[number], f"question {number} ({QUESTIONS[number][0]}) returned no rows on the sample"


def test_cookbook_answers_match_the_sample_warehouse(answers):
    assert [row[0] for row in answers[1]] == [date(2026, 2, 5), date(2025, 3, 19), date(2024, 1, 3)]
    assert answers[2][-1] == (None, 8, SAMPLE_TOTAL_TO_UKRAINE, SAMPLE_TOTAL_TO_RUSSIA)
    assert answers[2][0] == (2022, 3, 388, 221)
    assert answers[3] == [(date(2023, 5, 25), 5, 610, 284)]
    assert answers[4] == [(date(2025, 3, 19),)]
    assert answers[5][0][:4] == (date(2024, 1, 3), 230, 248, 478)
    assert answers[6][0] == (date(2022, 9, 21), 215, 56, 159)
    assert [row[0] for row in answers[7]] == [date(2022, 3, 24), date(2025, 3, 19), date(2026, 2, 5)]
    assert answers[8][0] == (date(2024, 1, 3), date(2025, 3, 19), 441)
    assert answers[9][0][:5] == ("AE", "United Arab Emirates", 4, 700, 646)
    assert sorted((row[3], row[4], row[5]) for row in answers[11]) == [
        ("evil.example", 225, 248),
        ("holos.example", 215, 55),
    ]
    assert len(answers[12]) == 3 and {row[0] for row in answers[12]} == {
        "meridian.example",
        "clarion.example",
        "evil.example",
    }
    assert [row[0] for row in answers[13]] == [date(2026, 2, 5), date(2023, 5, 25), date(2023, 2, 4)]
    assert answers[14][0][1:3] == (2, 2)
    assert answers[15] == [("meridian.example", 2, 2, 1)]
    assert [row[0] for row in answers[16]] == [
        "https://broken.example/rss",
        "https://clarion.example/feed",
        "https://vestnik.example/rss",
    ]
    assert answers[18][0][:3] == ("advertisement", 2, 2)


def test_the_parquet_export_answers_the_same_questions_without_the_warehouse(sample_db, tmp_path):
    paths = export_parquet(sample_db, tmp_path / "parquet")
    names = {path.stem for path in paths}
    assert {
        "exchanges",
        "articles",
        "feeds",
        "v_exchange_timeline",
        "v_disputed_figures",
        "v_feed_health",
    } <= names
    assert all(path.stat().st_size > 0 for path in paths)
    con = duckdb.connect()  # in memory: nothing but the Parquet files
    for path in paths:
        con.execute(f"create view {path.stem} as select * from read_parquet('{path}')")
    assert con.execute(QUESTIONS[2][1]).fetchall()[-1] == (
        None,
        8,
        SAMPLE_TOTAL_TO_UKRAINE,
        SAMPLE_TOTAL_TO_RUSSIA,
    )
    mediators = con.execute("select mediators from exchanges where event_date = date '2026-02-05'").fetchall()
    assert mediators == [(["AE", "US"],)]
    assert export_parquet(sample_db, tmp_path / "parquet") == paths  # rerun replaces the files


def test_swapwire_sql_runs_a_cookbook_query(sample_db):
    # one CLI call only (each starts a Python with the CLI's imports); the listing of views with
    # their grain is covered through warehouse.catalog in test_views
    result = subprocess.run(
        [sys.executable, "-m", "flows.cli", "sql", QUESTIONS[4][1], "--db", str(sample_db)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT_ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"passed_on.*2025-03-19", result.stdout, re.DOTALL)
