"""Date expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.dates import find_dates, find_stated_date, weekday_on_or_before

PUBLISHED = date(2024, 1, 4)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("on Wednesday", date(2024, 1, 3), "weekday"),
        ("on Thursday", date(2024, 1, 4), "weekday"),
        ("on Friday", date(2023, 12, 29), "weekday"),
        ("у середу", date(2024, 1, 3), "weekday"),
        ("у п'ятницю", date(2023, 12, 29), "weekday"),
        ("в среду", date(2024, 1, 3), "weekday"),
        ("yesterday", date(2024, 1, 3), "relative"),
        ("вчора", date(2024, 1, 3), "relative"),
        ("вчера", date(2024, 1, 3), "relative"),
        ("today", date(2024, 1, 4), "relative"),
        ("on Jan. 3", date(2024, 1, 3), "month_day"),
        ("December 30", date(2023, 12, 30), "month_day"),
        ("3 січня", date(2024, 1, 3), "month_day"),
        ("30 декабря", date(2023, 12, 30), "month_day"),
        ("January 3, 2024", date(2024, 1, 3), "absolute"),
        ("3 січня 2024 року", date(2024, 1, 3), "absolute"),
        ("03.01.2024", date(2024, 1, 3), "absolute"),
        ("2024-01-03", date(2024, 1, 3), "absolute"),
        ("In August", date(2023, 8, 1), "month"),
        ("у серпні", date(2023, 8, 1), "month"),
        ("last month", date(2023, 12, 5), "past"),
        # part of a month, and a month with its year
        ("in mid-November", date(2023, 11, 1), "month"),
        ("at the end of October", date(2023, 10, 1), "month"),
        ("Ende Oktober", date(2023, 10, 1), "month"),
        ("наприкінці жовтня", date(2023, 10, 1), "month"),
        ("в начале ноября", date(2023, 11, 1), "month"),
        ("the swap of October 2023", date(2023, 10, 1), "month"),
    ],
)
def test_expressions_resolve(text: str, expected: date, kind: str) -> None:
    (span,) = find_dates(text, PUBLISHED)
    assert (span.value, span.kind) == (expected, kind)


def test_lowercase_may_is_not_a_month() -> None:
    assert find_dates("talks may resume on 5 fronts", PUBLISHED) == []


def test_without_publication_date_relative_expressions_stay_unresolved() -> None:
    (span,) = find_dates("on Wednesday", None)
    assert span.value is None


def test_weekday_on_or_before() -> None:
    assert weekday_on_or_before(2, date(2024, 1, 3)) == date(2024, 1, 3)
    assert weekday_on_or_before(6, date(2024, 1, 3)) == date(2023, 12, 31)


def test_stated_date_only_from_the_head() -> None:
    assert find_stated_date("Published: 4 January 2024\nBody") == date(2024, 1, 4)
    assert find_stated_date("Body line one\nKyiv said on January 3, 2024 that ...") is None


def test_french_weekdays_months_and_yesterday() -> None:
    published = date(2025, 10, 2)
    assert [d.value for d in find_dates("Mercredi, l'échange a eu lieu", published)] == [date(2025, 10, 1)]
    assert [d.value for d in find_dates("le 1er octobre 2025", published)] == [date(2025, 10, 1)]
    assert [d.value for d in find_dates("hier soir, à la frontière", published)] == [date(2025, 10, 1)]
    assert find_dates("Hier sind die Soldaten angekommen", published) == []


def test_the_eve_is_the_day_before_unless_of_a_named_day() -> None:
    (span,) = find_dates("Накануне Минобороны сообщило", PUBLISHED)
    assert span.value == date(2024, 1, 3)
    assert find_dates("накануне Пасхи", PUBLISHED) == []
    (span,) = find_dates("Friday's swap", PUBLISHED)
    assert span.value == date(2023, 12, 29)
