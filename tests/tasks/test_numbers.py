"""Numbers as reports write them: digits, English, Ukrainian and Russian words, ordinals."""

from __future__ import annotations

import pytest

from tasks.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("95", 95),
        ("1,000", 1000),
        ("1 000", 1000),
        ("2\u00a0828", 2828),
        ("fifty", 50),
        ("Ninety-five", 95),
        ("one hundred and seventy-five", 175),
        ("a hundred", 100),
        ("two hundred thirty", 230),
        ("one thousand two hundred", 1200),
        ("двісті тридцять", 230),
        ("двохсот тридцяти", 230),
        ("сто шістнадцять", 116),
        ("п'ятдесят", 50),
        ("п’ятдесяти", 50),
        ("сто сорок чотири", 144),
        ("ста семидесяти пяти", 175),
        ("двести сорок восемь", 248),
        ("тысяча", 1000),
        ("тисяча двісті", 1200),
    ],
)
def test_cardinals(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("49th", 49),
        ("forty-ninth", 49),
        ("fiftieth", 50),
        ("65th", 65),
        ("49-й", 49),
        ("58-го", 58),
        ("сорок дев'ятий", 49),
        ("п'ятдесят восьмий", 58),
        ("сорок девятый", 49),
    ],
)
def test_ordinals(text: str, value: int) -> None:
    (span,) = find_numbers(text)
    assert (span.value, span.is_ordinal) == (value, True)


def test_numbers_keep_their_positions_in_a_sentence() -> None:
    text = "Kyiv got back one hundred and five soldiers and 1,200 civilians, not 3.5 km away."
    found = [(text[s.start : s.end], s.value) for s in find_numbers(text)]
    assert found == [("one hundred and five", 105), ("1,200", 1200)]


def test_years_and_digits_are_not_glued_together() -> None:
    assert [s.value for s in find_numbers("In 2022, 230 came home; on Nov. 24, 2022 50 more")] == [
        2022,
        230,
        24,
        2022,
        50,
    ]


def test_words_that_merely_contain_number_stems_are_not_numbers() -> None:
    assert find_numbers("сім'ї стали свідками, состав сторон, someone, often") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("vier Zivilisten", 4),
        ("fünfundzwanzig Soldaten", 25),
        ("zwölf Verwundete", 12),
        ("cent quatre-vingt-cinq prisonniers", 185),
        ("deux cents soldats", 200),
        ("quarante-cinq militaires", 45),
        ("vingt et un civils", 21),
        ("sept soldats", 7),
    ],
)
def test_german_and_french_number_words(text: str, value: int) -> None:
    assert [n.value for n in find_numbers(text)] == [value]


def test_capitalised_sept_is_september_not_seven() -> None:
    assert [n.value for n in find_numbers("KYIV, Sept 21")] == [21]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,2 тис. полонених", 1200),
        ("5 тыс. украинцев", 5000),
        ("hundertfünfzig Gefangene", 150),
        ("zweihundertsechs Soldaten", 206),
        ("eintausendzweihundert", 1200),
        ("deux cent six prisonniers", 206),
        ("дві сотні полонених", 200),
        ("сотню полонених", 100),
    ],
)
def test_more_ways_of_writing_a_number(text: str, value: int) -> None:
    assert find_numbers(text)[0].value == value


def test_hundreds_of_is_no_number() -> None:
    assert find_numbers("сотні українців") == []
    assert find_numbers("Jahrhundert") == []
