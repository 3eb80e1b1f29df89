"""Exchange extraction on sentences written for these tests (facts from exchanges_reference.csv)."""

from __future__ import annotations

from datetime import date

import pytest

from tasks.exchanges import detect_published, extract_exchanges


def one(text: str, published: date | None = None, title: str | None = None):
    mentions = extract_exchanges(text, published=published, title=title)
    assert len(mentions) == 1, mentions
    return mentions[0]


# --- English: each rule -------------------------------------------------------------------------


def test_both_sides_with_nationalities_and_a_weekday() -> None:
    m = one(
        "Ukraine and Russia carried out a prisoner swap on Saturday.\n"
        "Kyiv said 52 Ukrainian soldiers came home, and Moscow said 50 Russian servicemen were returned.",
        published=date(2022, 10, 30),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (52, 50)
    assert m.event_date == date(2022, 10, 29)
    assert not m.is_disputed


def test_each_side_and_n_for_n() -> None:
    m = one("Moscow and Kyiv each handed over 107 prisoners of war on Thursday.", published=date(2022, 11, 3))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (107, 107)
    m = one("The sides completed a 50-for-50 prisoner exchange yesterday.", published=date(2022, 12, 2))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (50, 50)
    assert m.event_date == date(2022, 12, 1)


def test_number_words() -> None:
    m = one(
        "Ninety-five Ukrainian defenders returned home on Sunday, while Russia got back ninety-four of its soldiers.",
        published=date(2023, 6, 11),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (95, 94)
    m = one(
        "One hundred and sixteen Ukrainian servicemen were freed from Russian captivity on Saturday.",
        published=date(2023, 2, 4),
    )
    assert m.returned_to_ukraine == 116


def test_wounded_are_added_to_the_ukrainian_count() -> None:
    m = one(
        "Russia released 175 Ukrainian prisoners of war and, in addition, 22 badly wounded soldiers. "
        "Ukraine handed over 175 Russian servicemen.",
        published=date(2025, 3, 19),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.wounded_to_ukraine) == (197, 175, 22)


def test_civilians_are_a_sum_of_parts_or_a_subset() -> None:
    m = one("Ukraine brought home 45 servicemen and 2 civilians on Thursday.", published=date(2023, 7, 6))
    assert (m.returned_to_ukraine, m.civilians_to_ukraine) == (47, 2)
    m = one(
        "A total of 101 Ukrainians were freed on Thursday, including one civilian.",
        published=date(2023, 2, 16),
    )
    assert (m.returned_to_ukraine, m.civilians_to_ukraine) == (101, 1)


def test_digits_with_separators() -> None:
    m = one(
        "On Friday Russia and Ukraine swapped 390 prisoners each, the first stage of a 1,000-for-1,000 deal.",
        published=date(2025, 5, 23),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (390, 390)


def test_approximate_total_is_kept_as_the_stated_total_only() -> None:
    m = one(
        "Nearly 300 prisoners were released in the swap on Wednesday. "
        "Ukraine said 215 of its fighters were freed; Russia received 55 servicemen.",
        published=date(2022, 9, 22),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (215, 55)
    assert (m.total_stated, m.total_is_approximate) == (300, True)
    assert m.event_date == date(2022, 9, 21)


def test_total_disagreeing_with_the_sum_is_flagged() -> None:
    m = one(
        "Some 400 captives were exchanged on Monday: Kyiv recovered 140 Ukrainian soldiers and 82 Russian troops went home.",
        published=date(2023, 1, 2),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (140, 82)
    assert m.is_disputed


def test_sides_disagreeing_keep_each_sides_own_count() -> None:
    m = one(
        "Ukraine's coordination headquarters said 207 Ukrainians came home on Saturday. "
        "Russia's defence ministry said it had handed over 195 Ukrainian prisoners and received 195 Russian soldiers.",
        published=date(2025, 1, 5),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (207, 195)
    assert m.is_disputed


def test_mediators_as_iso_codes() -> None:
    m = one(
        "Russia and Ukraine exchanged 95 prisoners each on Friday in a deal brokered by the United Arab Emirates "
        "and Saudi Arabia.",
        published=date(2024, 5, 31),
    )
    assert m.mediators == ("AE", "SA")
    m = one(
        "Thanks to Turkish mediation, 108 Ukrainian women were freed on Monday.",
        published=date(2022, 10, 17),
    )
    assert m.mediators == ("TR",)


def test_talks_in_a_country_are_not_mediation() -> None:
    m = one(
        "Russia and Ukraine each freed 50 soldiers on Thursday. Separately, the Emirates hosted talks on grain.",
        published=date(2022, 12, 2),
    )
    assert m.mediators == ()


def test_ordinal_is_the_exchange_number() -> None:
    m = one(
        "Ukraine got back 100 soldiers in the 65th prisoner exchange on Friday.", published=date(2024, 12, 30)
    )
    assert m.exchange_number == 65
    m = one(
        "It was the fifty-eighth exchange: 75 Ukrainian troops returned home on Saturday.",
        published=date(2024, 9, 14),
    )
    assert m.exchange_number == 58


def test_explicit_and_month_dates_and_dateline() -> None:
    m = one(
        "KYIV, March 7 (Reuters) - Ukraine brought home 130 soldiers and Russia got back 90 of its troops.",
        published=date(2023, 3, 8),
    )
    assert m.event_date == date(2023, 3, 7)
    m = one(
        "On December 31, 2022, Russia returned 140 Ukrainian soldiers; Ukraine released 82 Russians.",
        published=date(2023, 1, 1),
    )
    assert m.event_date == date(2022, 12, 31)


def test_default_date_is_publication() -> None:
    m = one("Ukraine said 22 Ukrainian prisoners of war had returned home.", published=date(2023, 8, 7))
    assert m.event_date == date(2023, 8, 7)


def test_recalled_earlier_swap_beside_the_news() -> None:
    m = one(
        "Russia and Ukraine swapped 65 prisoners each on Saturday. "
        "In August, the sides exchanged 115 soldiers each, and the previous swap freed 90 Ukrainians.",
        published=date(2024, 10, 20),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (65, 65)


def test_cumulative_totals_beside_the_news() -> None:
    m = one(
        "Ukraine brought home 100 soldiers on Monday. Since 2022, 2,828 Ukrainians have returned from captivity, "
        "and 1,994 captives have been exchanged through UAE mediation so far.",
        published=date(2023, 4, 10),
    )
    assert m.returned_to_ukraine == 100
    assert m.mediators == ()


def test_headline_noise_and_furniture_lines_do_not_matter() -> None:
    text = (
        "Home » World » Europe\n"
        "Read more: Russia and Ukraine swap 300 prisoners in June\n"
        "Advertisement\n"
        "Ukraine brought home 144 soldiers on Wednesday and Russia got back 144 of its own.\n"
        "Share this article on X\n"
    )
    m = one(text, published=date(2022, 6, 29))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (144, 144)


def test_evidence_and_confidence() -> None:
    m = one("Kyiv said 52 Ukrainian soldiers came home on Saturday.", published=date(2022, 10, 30))
    assert any("52 Ukrainian soldiers" in e for e in m.evidence)
    vague = one("About 100 prisoners were exchanged by Russia and Ukraine on Saturday.", published=date(2022, 10, 30))
    assert 0 < vague.confidence < m.confidence <= 1


# --- English: negatives ---------------------------------------------------------------------------

NEGATIVES = [
    "Russia and Ukraine agreed to swap 1,000 prisoners each, the largest exchange of the war, officials said.",
    "Kyiv and Moscow will exchange 1,200 prisoners of war under a deal reached in Istanbul.",
    "Ukraine received the bodies of 757 fallen soldiers on Friday in a repatriation organised by the Red Cross.",
    "Eleven Ukrainian children deported to Russia were returned to their families on Tuesday with Qatar's help.",
    "Since the start of the full-scale invasion, 2,828 Ukrainians have been returned from Russian captivity.",
    "In August, Russia and Ukraine exchanged 115 prisoners each; no swap has taken place since.",
    "The two sides are expected to swap 84 prisoners next week, Zelensky said.",
    "Shelling killed 12 people in Kharkiv on Tuesday, the regional governor said.",
    "Ukraine's ombudsman said more than 8,000 Ukrainians remain in Russian captivity.",
    "Moscow handed over 501 bodies to Ukraine and received 43 bodies of Russian soldiers.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_an_exchange(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 6, 1)) == []


# --- Ukrainian ---------------------------------------------------------------------------------


def test_ukrainian_report() -> None:
    m = one(
        "У середу, 3 січня, відбувся 49-й обмін полоненими.\n"
        "Додому повернулися 230 українських захисників, повідомив Зеленський.\n"
        "Росія отримала 248 військовослужбовців. Обмін відбувся за посередництва ОАЕ.",
        published=date(2024, 1, 4),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (230, 248)
    assert m.event_date == date(2024, 1, 3)
    assert m.exchange_number == 49
    assert m.mediators == ("AE",)


def test_ukrainian_number_words_and_yesterday() -> None:
    m = one(
        "Вчора з російського полону повернулися сто шістнадцять захисників.",
        published=date(2023, 2, 5),
    )
    assert m.returned_to_ukraine == 116
    assert m.event_date == date(2023, 2, 4)


def test_ukrainian_wounded_sum() -> None:
    m = one(
        "Україна повернула 175 військових, а також 22 тяжкопоранених, яких Росія звільнила понад обмін.",
        published=date(2025, 3, 19),
    )
    assert (m.returned_to_ukraine, m.wounded_to_ukraine) == (197, 22)


def test_ukrainian_negatives() -> None:
    assert (
        extract_exchanges("Сторони домовилися обміняти 1000 полонених на 1000.", published=date(2025, 5, 17))
        == []
    )
    assert (
        extract_exchanges(
            "З початку війни з полону вдалося повернути 2828 українців.", published=date(2024, 1, 3)
        )
        == []
    )
    assert extract_exchanges("Україні передали тіла 757 загиблих воїнів.", published=date(2025, 6, 1)) == []


# --- Russian -------------------------------------------------------------------------------------


def test_russian_report() -> None:
    m = one(
        "В среду с подконтрольной Киеву территории возвращены 248 российских военнослужащих.\n"
        "В обмен передано 230 военнопленных ВСУ. "
        "Гуманитарное посредничество в возвращении осуществили Объединенные Арабские Эмираты.",
        published=date(2024, 1, 4),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (230, 248)
    assert m.event_date == date(2024, 1, 3)
    assert m.mediators == ("AE",)


def test_russian_each_side_and_number_words() -> None:
    m = one(
        "Вчера Россия и Украина провели обмен пленными в формате сто сорок четыре на сто сорок четыре "
        "при посредничестве ОАЭ.",
        published=date(2022, 6, 30),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (144, 144)
    assert m.event_date == date(2022, 6, 29)
    assert m.mediators == ("AE",)


def test_russian_negatives() -> None:
    assert (
        extract_exchanges(
            "Россия и Украина договорились обменяться пленными в формате 1000 на 1000.",
            published=date(2025, 5, 17),
        )
        == []
    )
    assert (
        extract_exchanges(
            "Всего с начала спецоперации из плена вернулись 1500 российских военных.",
            published=date(2024, 1, 3),
        )
        == []
    )


# --- publication date stated in the text ------------------------------------------------------


def test_detect_published() -> None:
    assert detect_published("date 2024-01-04 Some text") == date(2024, 1, 4)
    assert detect_published("KYIV, Jan 4, 2024 (Reuters) - Ukraine said") == date(2024, 1, 4)
    assert detect_published("Опубліковано: 04.01.2024\nТекст") == date(2024, 1, 4)
    assert detect_published("KYIV, March 24 (Reuters) - no year here") is None
    assert detect_published("Ukraine said on January 3, 2024 that 230 came home.") is None
