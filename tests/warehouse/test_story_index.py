"""The persisted story index against a real DuckDB file (texts below are written for these tests)."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from tasks.dedup import BANDS, StoryInput, text_identity
from warehouse.story_index import assign_stories, remove_articles

MIGRATION = Path(__file__).resolve().parents[2] / "warehouse" / "migrations" / "002_story_index.sql"

HARBOUR_STORY = (
    "The harbour authority in the northern port reopened its main channel on Tuesday after three "
    "days of dredging that had kept grain ships waiting offshore. Officials said the channel now "
    "reaches a depth of fourteen metres along its whole length, enough for the largest bulk carriers "
    "that call at the terminal. A queue of eleven vessels began moving towards the berths before noon, "
    "and the first of them was expected to finish loading by Thursday evening. Dock workers, who had "
    "been sent home while the dredgers worked, returned for double shifts. The terminal operator "
    "estimated that the delay had cost exporters several million in demurrage fees and warned that "
    "silt would return within a year unless the river banks upstream were reinforced. Environmental "
    "groups asked the authority to publish the results of water tests taken during the work, saying "
    "that fish stocks near the mouth of the river had already suffered from last year's spill. The "
    "authority promised to release the data next month and to consult local fishing cooperatives "
    "before the next round of dredging begins."
)

LIBRARY_STORY = (
    "The city library will stay open until midnight during the examination season, the council "
    "decided on Monday, after students complained that reading rooms filled up by nine in the "
    "morning. The extra hours will be paid for from a fund that was set aside for repairs to the roof, "
    "which engineers now say can wait another winter. Librarians will work in rotating teams, and two "
    "security guards will be hired for the late shifts. The council also agreed to trial a booking "
    "system for group study rooms, which are often taken by the same people for whole days. Students "
    "welcomed the decision but asked for the heating to stay on at night as well, noting that the "
    "building grows cold after the evening staff leave. A spokesperson said the heating schedule "
    "would be reviewed before the first exams begin in three weeks."
)

EXCHANGE_TEMPLATE = (
    "On {day}, Ukraine and Russia carried out another exchange of prisoners of war, the coordination "
    "headquarters said. {ua} Ukrainian defenders came home, among them {wounded} seriously wounded "
    "soldiers and {civilians} civilians who had been held since the first months of the invasion. "
    "In return, {ru} Russian servicemen were handed over. The exchange was mediated by {mediator}, "
    "which thanked both sides for their constructive approach. Those released will undergo medical "
    "checks and rehabilitation before they meet their families. Officials said work on the next "
    "exchange had already begun and asked relatives to keep reporting missing persons."
)


def _exchange_report(day: str, ua: int, ru: int, wounded: int, civilians: int, mediator: str) -> str:
    return EXCHANGE_TEMPLATE.format(
        day=day, ua=ua, ru=ru, wounded=wounded, civilians=civilians, mediator=mediator
    )


def _syndicated(text: str) -> str:
    """A copy as another outlet runs it: its own boilerplate, one sentence dropped, a word edited."""
    sentences = text.split(". ")
    del sentences[3]
    body = ". ".join(sentences).replace("Officials said", "Officials stated")
    return f"Share this article\n{body}\nRead more: latest regional news"


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    con.execute(MIGRATION.read_text(encoding="utf-8"))
    return con


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "stories.duckdb"


def _item(article_id: str, text: str, day: int = 1) -> StoryInput:
    return StoryInput(article_id=article_id, text=text, published_at=datetime(2024, 6, day, 12))


def test_near_duplicate_is_found_across_batches_and_connections(db_path: Path) -> None:
    con = _connect(db_path)
    first = assign_stories(con, [_item("a-original", HARBOUR_STORY), _item("b-library", LIBRARY_STORY)])
    con.close()

    con = _connect(db_path)
    second = assign_stories(con, [_item("c-copy", _syndicated(HARBOUR_STORY), day=2)])
    assert first == {"a-original": "a-original", "b-library": "b-library"}
    assert second == {"c-copy": "a-original"}


def test_exact_copy_with_other_quotes_and_spacing_joins_the_story(db_path: Path) -> None:
    con = _connect(db_path)
    assign_stories(con, [_item("a", HARBOUR_STORY)])
    restyled = HARBOUR_STORY.replace("year's", "year\u2019s").replace(". ", ".\n\n  ")
    assert assign_stories(con, [_item("b", restyled, day=2)]) == {"b": "a"}


def test_template_reports_of_different_exchanges_stay_apart(db_path: Path) -> None:
    con = _connect(db_path)
    may = _exchange_report("Friday, 31 May", 75, 75, 12, 4, "the United Arab Emirates")
    june = _exchange_report("Tuesday, 25 June", 90, 90, 9, 2, "the United Arab Emirates")
    assigned = assign_stories(con, [_item("may", may), _item("june", june, day=25)])
    assert assigned["may"] != assigned["june"]
    assert assign_stories(con, [_item("may-copy", _syndicated(may), day=26)]) == {"may-copy": "may"}


def test_copies_in_one_batch_match_each_other(db_path: Path) -> None:
    con = _connect(db_path)
    assigned = assign_stories(
        con,
        [_item("copy", _syndicated(LIBRARY_STORY), day=3), _item("first", LIBRARY_STORY, day=1)],
    )
    assert assigned == {"copy": "first", "first": "first"}


def test_update_at_the_same_url_replaces_its_index_rows(db_path: Path) -> None:
    con = _connect(db_path)
    assign_stories(con, [_item("a", HARBOUR_STORY), _item("b", _syndicated(HARBOUR_STORY), day=2)])
    # the founder's page now carries a different text: it leaves the story, its copy keeps the id
    updated = assign_stories(con, [_item("a", LIBRARY_STORY, day=3)])
    rows = con.execute(
        "select count(*), count(distinct doc_key) from story_signatures where article_id = 'a'"
    ).fetchall()[0]
    n_bands = con.execute(
        "select count(*) from story_bands where doc_key = (select doc_key from story_signatures where article_id = 'a')"
    ).fetchall()[0][0]
    assert rows == (1, 1) and n_bands == BANDS
    assert updated["a"] != "a"
    assert assign_stories(con, [_item("c", HARBOUR_STORY, day=4)]) == {"c": "a"}
    # an unchanged re-index keeps the story and the row counts
    assert assign_stories(con, [_item("c", HARBOUR_STORY, day=4)]) == {"c": "a"}
    assert con.execute("select count(*) from story_signatures").fetchall()[0][0] == 3


def test_remove_articles_drops_their_rows(db_path: Path) -> None:
    con = _connect(db_path)
    assign_stories(con, [_item("a", HARBOUR_STORY), _item("b", LIBRARY_STORY)])
    remove_articles(con, ["a"])
    assert con.execute("select list(article_id) from story_signatures").fetchall()[0][0] == ["b"]
    assert con.execute("select count(*) from story_bands").fetchall()[0][0] == BANDS
    assert assign_stories(con, [_item("c", HARBOUR_STORY, day=2)]) == {"c": "c"}


def test_stories_do_not_depend_on_batch_order_or_size(tmp_path: Path) -> None:
    may = _exchange_report("Friday, 31 May", 75, 75, 12, 4, "the United Arab Emirates")
    june = _exchange_report("Tuesday, 25 June", 90, 90, 9, 2, "the United Arab Emirates")
    items = [
        _item("h1", HARBOUR_STORY, 1),
        _item("h2", _syndicated(HARBOUR_STORY), 2),
        _item("h3", HARBOUR_STORY.upper(), 3),
        _item("l1", LIBRARY_STORY, 1),
        _item("l2", _syndicated(LIBRARY_STORY), 4),
        _item("m1", may, 5),
        _item("m2", _syndicated(may), 6),
        _item("j1", june, 7),
        _item("empty", "-- * --", 8),
    ]

    def partition(assigned: dict[str, str]) -> set[frozenset[str]]:
        groups: dict[str, set[str]] = {}
        for article_id, story_id in assigned.items():
            groups.setdefault(story_id, set()).add(article_id)
        return {frozenset(group) for group in groups.values()}

    one_batch = assign_stories(_connect(tmp_path / "one.duckdb"), items)
    expected = {
        frozenset({"h1", "h2", "h3"}),
        frozenset({"l1", "l2"}),
        frozenset({"m1", "m2"}),
        frozenset({"j1"}),
        frozenset({"empty"}),
    }
    assert partition(one_batch) == expected
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert assign_stories(_connect(tmp_path / f"shuffled{seed}.duckdb"), shuffled) == one_batch
        con = _connect(tmp_path / f"batches{seed}.duckdb")
        assigned: dict[str, str] = {}
        for start in range(0, len(shuffled), 2):
            assigned |= assign_stories(con, shuffled[start : start + 2])
        assert partition(assigned) == expected


def test_precomputed_identities_give_the_same_stories(tmp_path: Path) -> None:
    items = [_item("a", HARBOUR_STORY), _item("b", _syndicated(HARBOUR_STORY), 2), _item("c", LIBRARY_STORY)]
    computed = assign_stories(_connect(tmp_path / "computed.duckdb"), items)
    given = assign_stories(
        _connect(tmp_path / "given.duckdb"), items, identities=[text_identity(item.text) for item in items]
    )
    assert given == computed == {"a": "a", "b": "a", "c": "c"}
    with pytest.raises(ValueError):
        assign_stories(_connect(tmp_path / "short.duckdb"), items, identities=[])
