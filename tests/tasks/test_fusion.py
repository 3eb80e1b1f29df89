"""Fusing mentions from many articles into one row per real exchange."""

from __future__ import annotations

import random
from datetime import date

from tasks.fusion import MentionRecord, fuse_mentions
from tasks.models import ExchangeMention


def record(mid: str, article: str, d: date | None, ua: int | None, ru: int | None, **kw) -> MentionRecord:
    published = kw.pop("published", d)
    mention = ExchangeMention(
        event_date=d,
        returned_to_ukraine=ua,
        returned_to_russia=ru,
        confidence=kw.pop("confidence", 0.8),
        **kw,
    )
    return MentionRecord(mid, article, published, mention)


def test_same_exchange_across_outlets_and_a_day_apart_is_one_row() -> None:
    rows = fuse_mentions(
        [
            record("m1", "a1", date(2024, 1, 3), 230, 248, mediators=("AE",)),
            record("m2", "a2", date(2024, 1, 4), 230, 248, mediators=("AE",)),  # dated from publication
            record("m3", "a3", date(2024, 1, 3), 230, None, exchange_number=49),
        ]
    )
    assert len(rows) == 1
    (row,) = rows
    assert (row.exchange_id, row.event_date) == ("2024-01-03", date(2024, 1, 3))
    assert (row.returned_to_ukraine, row.returned_to_russia, row.mediators) == (230, 248, ("AE",))
    assert (row.n_articles, row.n_mentions, row.exchange_number) == (3, 3, 49)
    assert not row.is_disputed and row.dispute_note is None


def test_consecutive_daily_stages_stay_apart() -> None:
    rows = fuse_mentions(
        [
            record("s1", "a1", date(2025, 5, 23), 390, 390),
            record("s2", "a2", date(2025, 5, 24), 307, 307),
            record("s3", "a3", date(2025, 5, 25), 303, 303),
            # a report of stage 2 dated a day late (weekday resolved against a late publication)
            record("s2b", "a4", date(2025, 5, 25), 307, 307),
            record("s3b", "a5", date(2025, 5, 25), 303, 303),
        ]
    )
    assert [(r.exchange_id, r.returned_to_ukraine, r.n_articles) for r in rows] == [
        ("2025-05-23", 390, 1),
        ("2025-05-24", 307, 2),
        ("2025-05-25", 303, 2),
    ]


def test_disagreeing_sources_are_flagged_and_the_most_supported_figure_wins() -> None:
    rows = fuse_mentions(
        [
            record("d1", "kyiv-1", date(2025, 1, 4), 207, None),
            record("d2", "kyiv-2", date(2025, 1, 4), 207, 150),
            record("d3", "moscow-1", date(2025, 1, 4), 195, 150),
        ]
    )
    (row,) = rows
    assert row.returned_to_ukraine == 207
    assert (row.returned_to_ukraine_min, row.returned_to_ukraine_max) == (195, 207)
    assert row.is_disputed
    assert "195 (moscow-1)" in row.dispute_note and "207 (kyiv-1, kyiv-2)" in row.dispute_note


def test_mentions_on_one_date_are_one_exchange_whatever_their_figures() -> None:
    # one calendar day holds one exchange: a wrong or rival figure is a flagged dispute, not a new row
    rows = fuse_mentions(
        [
            record("x1", "a1", date(2025, 3, 19), 175, 175, wounded_to_ukraine=22),
            record("x2", "a2", date(2025, 3, 19), 197, 175, wounded_to_ukraine=22),
            record("x3", "a3", date(2025, 3, 19), 197, 175),
            record("x4", "a4", date(2025, 3, 19), 219, 175),
        ]
    )
    (row,) = rows
    assert (row.exchange_id, row.returned_to_ukraine, row.returned_to_russia) == ("2025-03-19", 197, 175)
    assert row.n_articles == 4 and row.is_disputed


def test_a_late_dated_stage_report_joins_its_own_stage_in_any_order() -> None:
    mentions = [
        record("b-stage3", "a1", date(2025, 5, 25), 303, 303),
        record("a-stage2-late", "a2", date(2025, 5, 25), 307, 307),
        record("c-stage2", "a3", date(2025, 5, 24), 307, 307),
    ]
    for ordering in (mentions, mentions[::-1]):
        rows = fuse_mentions(ordering)
        assert [(r.exchange_id, r.returned_to_ukraine, r.n_articles) for r in rows] == [
            ("2025-05-24", 307, 2),
            ("2025-05-25", 303, 1),
        ]


def test_result_does_not_depend_on_input_order() -> None:
    records = [
        record("r1", "a1", date(2023, 6, 11), 95, 94, mediators=("AE",)),
        record("r2", "a2", date(2023, 6, 12), 95, 94),
        record("r3", "a3", date(2023, 6, 11), 95, None, mediators=("AE", "TR"), confidence=0.5),
        record("r4", "a4", date(2023, 7, 6), 47, 45),
        record("r5", "a5", date(2023, 7, 6), 45, 45),
    ]
    expected = fuse_mentions(records)
    for seed in range(5):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        assert fuse_mentions(shuffled) == expected


def test_mediators_need_half_of_the_sources_that_name_any() -> None:
    rows = fuse_mentions(
        [
            record("p1", "a1", date(2022, 9, 21), 215, 56, mediators=("SA", "TR")),
            record("p2", "a2", date(2022, 9, 21), 215, 56, mediators=("TR",)),
            record("p3", "a3", date(2022, 9, 21), 215, 56, mediators=("TR",)),
        ]
    )
    assert rows[0].mediators == ("TR",)


def test_undated_mention_joins_by_equal_figures_else_stands_alone() -> None:
    rows = fuse_mentions(
        [
            record("u1", "a1", date(2023, 3, 7), 130, 90),
            record("u2", "a2", None, 130, None, published=None),
            record("u3", "a3", None, 12, None, published=None),
        ]
    )
    assert len(rows) == 2
    dated = next(r for r in rows if r.event_date)
    assert dated.mention_ids == ("u1", "u2")
    undated = next(r for r in rows if r.event_date is None)
    assert undated.exchange_id.startswith("undated-")


def test_same_day_with_one_equal_side_is_one_disputed_exchange() -> None:
    rows = fuse_mentions(
        [
            record("k1", "kyiv", date(2024, 12, 30), 189, 150),
            record("m1", "moscow", date(2024, 12, 30), 150, 150),
        ]
    )
    (row,) = rows
    assert (row.returned_to_ukraine_min, row.returned_to_ukraine_max, row.n_articles) == (150, 189, 2)
    assert row.is_disputed


def test_stated_totals_do_not_split_an_exchange() -> None:
    rows = fuse_mentions(
        [
            record("t1", "a1", date(2024, 1, 3), 230, 248, total_stated=448, total_is_approximate=True),
            record("t2", "a2", date(2024, 1, 4), 230, 248, total_stated=500, total_is_approximate=True),
        ]
    )
    assert [r.n_articles for r in rows] == [2]
