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
    vague = one(
        "About 100 prisoners were exchanged by Russia and Ukraine on Saturday.", published=date(2022, 10, 30)
    )
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


# --- phrasing families, table-driven (own sentences; a first line without a full stop is the headline) ---

FIELDS = {
    "ua": "returned_to_ukraine",
    "ru": "returned_to_russia",
    "civ": "civilians_to_ukraine",
    "date": "event_date",
    "med": "mediators",
    "num": "exchange_number",
    "disputed": "is_disputed",
}


def _split_headline(text: str) -> tuple[str | None, str]:
    lines = text.split("\n")
    return (lines[0], "\n".join(lines[1:])) if len(lines) > 1 else (None, text)


POSITIVE_FAMILIES = [
    (
        "Russia and Ukraine swapped 95 prisoners of war each on Friday, the Ukrainian president said.",
        date(2024, 6, 1),
        {"ua": 95, "ru": 95, "date": date(2024, 5, 31)},
    ),
    (
        "Ukraine has brought home 207 of its citizens from Russian captivity, President Zelensky announced on Saturday. Russia's defence ministry said 150 Russian servicemen had been returned.",
        date(2025, 1, 4),
        {"ua": 207, "ru": 150, "date": date(2025, 1, 4)},
    ),
    (
        "Moscow said it had received 63 Russian troops in exchange for 116 Ukrainians on Saturday, in a deal mediated by the UAE.",
        date(2023, 2, 5),
        {"ua": 116, "ru": 63, "date": date(2023, 2, 4), "med": ("AE",)},
    ),
    (
        "A total of 101 Ukrainians – 100 soldiers and one civilian – returned home on Thursday.",
        date(2023, 2, 16),
        {"ua": 101, "civ": 1},
    ),
    (
        "Kyiv said 80 men and 20 women were freed on Monday, while Moscow reported 106 of its soldiers back home.",
        date(2023, 4, 10),
        {"ua": 100, "ru": 106},
    ),
    (
        "Forty-five Azov fighters were swapped for three Russian pilots on Saturday.",
        date(2023, 5, 6),
        {"ua": 45, "ru": 3},
    ),
    (
        "Ukraine released 94 Russian prisoners and received 95 of its own soldiers on Sunday.",
        date(2023, 6, 11),
        {"ua": 95, "ru": 94},
    ),
    (
        "The 185 servicemen and 20 civilians who came home on Tuesday were taken to hospitals, Ukraine's ombudsman said.",
        date(2023, 1, 1),
        {"ua": 205, "civ": 20},
    ),
    (
        "146 Ukrainian soldiers plus 8 civilians were released in the swap on Friday.",
        date(2024, 5, 31),
        {"ua": 154, "civ": 8},
    ),
    (
        "Russia freed 22 Ukrainian prisoners on Monday, Kyiv said.",
        date(2023, 8, 7),
        {"ua": 22, "ru": None, "date": date(2023, 8, 7)},
    ),
    (
        "Ukrainian officials said 106 soldiers returned home on Thursday. Russia did not disclose how many of its troops were released.",
        date(2023, 5, 25),
        {"ua": 106, "ru": None},
    ),
    (
        "KYIV, Oct 17 (Reuters) - Russia and Ukraine carried out an all-female prisoner swap, with 108 Ukrainian women freed and 110 Russians sent home, officials said.",
        date(2023, 10, 17),
        {"ua": 108, "ru": 110},
    ),
    (
        "Russia and Ukraine exchanged 215 prisoners for 56 in a deal brokered by Turkey and Saudi Arabia.",
        date(2022, 9, 22),
        {"med": ("SA", "TR")},
    ),
    (
        "The swap, the largest since the war began, saw 390 soldiers and civilians freed by each side on Friday.",
        date(2025, 5, 23),
        {"ua": 390, "ru": 390},
    ),
    (
        "Ukraine brought home 303 defenders on Sunday, completing the 1,000-for-1,000 swap agreed in Istanbul.",
        date(2025, 5, 25),
        {"ua": 303},
    ),
    (
        "In the second stage of the exchange, 307 Ukrainian servicemen returned home on Saturday and Russia got back 307 of its soldiers.",
        date(2025, 5, 24),
        {"ua": 307, "ru": 307},
    ),
    (
        "Russia handed over 65 Ukrainian POWs on Wednesday. Among those freed were 12 civilians, the ombudsman said.",
        date(2022, 12, 14),
        {"ua": 65, "civ": 12},
    ),
    (
        "Ukraine got back 140 prisoners of war on New Year's Eve, Zelensky said, while Russia said 82 of its servicemen came back.",
        date(2022, 12, 31),
        {"ua": 140, "ru": 82},
    ),
    (
        "Fifty Ukrainian soldiers were freed on Sunday in exchange for fifty Russian troops, officials said.",
        date(2023, 1, 8),
        {"ua": 50, "ru": 50},
    ),
    (
        "Ukraine's military intelligence said 47 Ukrainians, including 2 civilians, returned home on Thursday.",
        date(2023, 7, 6),
        {"ua": 47, "civ": 2},
    ),
    (
        "The Vatican helped broker the return of 10 Ukrainian civilians and 10 POWs on Friday.",
        date(2024, 6, 28),
        {"ua": 20, "med": ("VA",)},
    ),
    (
        "Qatar mediated the swap of 150 prisoners each on Friday.",
        date(2025, 1, 31),
        {"ua": 150, "ru": 150, "med": ("QA",)},
    ),
    (
        "Сьогодні додому повернулися 207 українців, повідомив Президент.",
        date(2025, 1, 4),
        {"ua": 207, "date": date(2025, 1, 4)},
    ),
    (
        "Україна повернула з полону 95 захисників Маріуполя. Обмін відбувся за посередництва Об'єднаних Арабських Еміратів.",
        date(2024, 5, 31),
        {"ua": 95, "med": ("AE",)},
    ),
    (
        "У п'ятницю відбувся обмін полоненими у форматі 390 на 390.",
        date(2025, 5, 24),
        {"ua": 390, "ru": 390, "date": date(2025, 5, 23)},
    ),
    ("Додому повертаються 185 військових та 20 цивільних.", date(2024, 5, 31), {"ua": 205, "civ": 20}),
    (
        "З полону звільнено сто сорок чотири захисники, серед них 95 оборонців Азовсталі.",
        date(2022, 6, 30),
        {"ua": 144},
    ),
    ("Це вже 65-й обмін: додому повернулися 150 українців.", date(2025, 2, 5), {"ua": 150, "num": 65}),
    (
        "В пятницу из плена ВСУ возвращены 75 российских военнослужащих. В обмен переданы 75 военнопленных ВСУ.",
        date(2024, 6, 29),
        {"ua": 75, "ru": 75, "date": date(2024, 6, 28)},
    ),
    ("Россия вернула из украинского плена 150 военных, сообщило Минобороны.", date(2025, 2, 5), {"ru": 150}),
    (
        "Состоялся обмен пленными в формате 95 на 95 при посредничестве ОАЭ.",
        date(2024, 5, 31),
        {"ua": 95, "ru": 95, "med": ("AE",)},
    ),
    ("Москалькова сообщила, что Украина передала 19 российских граждан.", date(2024, 5, 31), {"ru": 19}),
    (
        "Ukraine and Russia swap prisoners for first time in months\nKYIV, Feb 5 (Reuters) - Ukraine and Russia on Wednesday carried out their first prisoner exchange in nearly five months, with 150 soldiers freed by each side.\nThe last swap took place in September, when 103 prisoners were exchanged on each side.\nEarlier this month, Russia returned the bodies of 757 soldiers.\nThe swap brings the total number of Ukrainians freed to 4,131, the coordination headquarters said.",
        date(2025, 2, 5),
        {"ua": 150, "ru": 150, "date": date(2025, 2, 5)},
    ),
    (
        "Russia says it returned 95 POWs to Ukraine\nRussia's defence ministry said on Friday it had returned 95 prisoners of war to Ukraine and got back 95 Russian servicemen.\nThe exchange was mediated by the United Arab Emirates, the ministry said.\nPhoto: Ukrainian prisoners after an exchange in January 2024.",
        date(2024, 5, 31),
        {"ua": 95, "ru": 95, "med": ("AE",), "date": date(2024, 5, 31)},
    ),
    (
        'Home > World\nUkraine secured the release of 75 soldiers on Tuesday, Zelensky said.\n"We are bringing our people home," he wrote on Telegram, adding that 1,000 more would follow.\nMoscow got back 75 servicemen, Russia\'s defence ministry said.\nRead more: Russia and Ukraine agree to swap 1,000 prisoners each',
        date(2024, 6, 25),
        {"ua": 75, "ru": 75, "date": date(2024, 6, 25)},
    ),
    (
        "До України повернулися 95 військовослужбовців\nСьогодні, 31 травня, з російського полону вдалося звільнити 95 наших воїнів, повідомив Коордштаб.\nСеред звільнених — 10 цивільних.\nОбмін відбувся завдяки посередництву ОАЕ.\nЗагалом з початку повномасштабного вторгнення додому повернулися 3210 українців.",
        date(2024, 5, 31),
        {"ua": 95, "civ": 10, "med": ("AE",), "date": date(2024, 5, 31)},
    ),
    (
        "Минобороны: из украинского плена возвращены 75 российских военнослужащих\n25 июня с подконтрольной киевскому режиму территории возвращены 90 российских военнослужащих.\nВ обмен передано 90 военнопленных ВСУ.\nПосредничество в возвращении осуществили Объединенные Арабские Эмираты.",
        date(2024, 6, 25),
        {"ua": 90, "ru": 90, "med": ("AE",), "date": date(2024, 6, 25)},
    ),
    (
        "The exchange saw 95 Ukrainians and 95 Russians return home on Friday. In June, the sides swapped 90 each.",
        date(2024, 5, 31),
        {"ua": 95, "ru": 95},
    ),
    (
        "Ukraine's ombudsman Dmytro Lubinets said on Saturday that 189 Ukrainians had come home. Russia said it handed over 150 Ukrainians and received 150 of its own servicemen.",
        date(2024, 12, 30),
        {"ua": 189, "ru": 150, "disputed": True},
    ),
    (
        "Two hundred and fifteen Ukrainian fighters were freed on Wednesday in exchange for 55 Russian servicemen and pro-Kremlin politician Viktor Medvedchuk. Turkey and Saudi Arabia helped mediate.",
        date(2022, 9, 22),
        {"ua": 215, "med": ("SA", "TR")},
    ),
    (
        "Ukraine, Russia trade 300 prisoners in latest swap\nRussia and Ukraine exchanged 150 prisoners each on Saturday, with the United States and the UAE acting as mediators, both sides said.",
        date(2025, 3, 2),
        {"ua": 150, "ru": 150, "med": ("AE", "US")},
    ),
    (
        "Ukraine got back 10 civilians and 85 soldiers on Monday, the Ukrainian side said. Russia received 95 servicemen.",
        date(2024, 6, 3),
        {"ua": 95, "ru": 95, "civ": 10},
    ),
    (
        "Ukraine says 84 prisoners returned home as Russia confirms swap\nUkraine said on Wednesday that 84 of its prisoners of war, including civilians, had returned home. Russia's defence ministry confirmed it had received 84 servicemen in return.",
        date(2024, 8, 14),
        {"ua": 84, "ru": 84, "date": date(2024, 8, 14)},
    ),
    (
        "The 115 Ukrainian soldiers freed on Saturday included 10 wounded, officials said. Russia got back 115 troops.",
        date(2024, 8, 24),
        {"ua": 115, "ru": 115},
    ),
    (
        "Zelenskyy: 'Our people are home'\nUkraine's President Volodymyr Zelenskyy said on Telegram that 103 Ukrainian soldiers had been freed. \"They are home,\" he wrote. In return, Kyiv released 103 Russian troops, Moscow said.",
        date(2024, 9, 14),
        {"ua": 103, "ru": 103},
    ),
    (
        "Russia and Ukraine each released 49 prisoners of war on Tuesday in the latest swap brokered by the United Arab Emirates, with the Ukrainians including two National Guard members.",
        date(2024, 9, 24),
        {"ua": 49, "ru": 49, "med": ("AE",)},
    ),
    (
        "A prisoner exchange took place on Friday, with 90 Ukrainians coming home, the Coordination Headquarters said. It was the 52nd exchange since the start of the full-scale invasion.",
        date(2024, 6, 28),
        {"ua": 90, "num": 52},
    ),
    (
        "Ukraine has brought home another 95 defenders, Zelensky said on Friday, thanking the UAE for its help.",
        date(2024, 10, 18),
        {"ua": 95, "med": ("AE",)},
    ),
    (
        "In the 58th exchange, 95 Ukrainians returned home, Lubinets said. Since 2022, 3,767 people have been freed.",
        date(2024, 10, 18),
        {"ua": 95, "num": 58},
    ),
    (
        "Ukraine and Russia carried out a new prisoner swap on Wednesday, returning 150 captives each, officials said.",
        date(2025, 2, 5),
        {"ua": 150, "ru": 150},
    ),
    (
        "Moscow said 82 Russian soldiers had been freed, while Kyiv put the number of returned Ukrainians at 140.",
        date(2022, 12, 31),
        {"ua": 140, "ru": 82},
    ),
    (
        "Ukraine freed 3 Russian pilots in exchange for 45 Ukrainian fighters, including Azov members, on Saturday.",
        date(2023, 5, 6),
        {"ua": 45, "ru": 3},
    ),
    (
        "The exchange, mediated by Qatar, saw 12 Ukrainian civilians and 40 soldiers return home.",
        date(2024, 6, 1),
        {"ua": 52, "civ": 12, "med": ("QA",)},
    ),
    (
        "Сьогодні відбувся черговий обмін: з полону повернулися 84 захисники, серед них 34 цивільних.",
        date(2024, 8, 14),
        {"ua": 84, "civ": 34},
    ),
    (
        "Росія повернула 115 військовослужбовців, Україна — 115 захисників.",
        date(2024, 8, 24),
        {"ua": 115, "ru": 115},
    ),
    (
        "В результате обмена на родину вернулись 103 российских военнослужащих. Взамен переданы 103 украинских военнопленных.",
        date(2024, 9, 14),
        {"ua": 103, "ru": 103},
    ),
    (
        "Вчера из украинского плена освобождены 49 российских военных, сообщило Минобороны РФ.",
        date(2024, 9, 25),
        {"ru": 49, "date": date(2024, 9, 24)},
    ),
    (
        "Обмен прошел при посредничестве ОАЭ: 95 на 95.",
        date(2024, 10, 18),
        {"ua": 95, "ru": 95, "med": ("AE",)},
    ),
    (
        "Ukraine's 207 freed POWs were taken to hospitals after Saturday's exchange, officials said.",
        date(2025, 1, 4),
        {"ua": 207},
    ),
    (
        "Ukraine brings home 95 POWs in latest prisoner exchange\nUkraine has brought back 95 prisoners of war from Russian captivity, President Volodymyr Zelensky announced on Oct. 18.\nAmong those freed are defenders of Mariupol and soldiers captured in Kursk Oblast, Zelensky said.\nThe exchange was mediated by the United Arab Emirates, the UAE Foreign Ministry said, adding that it was the ninth mediation this year, bringing the total number of captives released to 2,184.\nRussia's Defense Ministry said 95 Russian soldiers had been returned.",
        date(2024, 10, 18),
        {"ua": 95, "ru": 95, "med": ("AE",), "date": date(2024, 10, 18)},
    ),
    (
        "Україна повернула з полону ще 150 захисників\nСьогодні, 5 лютого, додому повертаються 150 українців, повідомив Президент Володимир Зеленський.\n«Наші повертаються додому. 150 воїнів», – написав він у Telegram.\nЦе 62-й обмін з початку повномасштабного вторгнення. Загалом з полону вдалося повернути 4131 українця.",
        date(2025, 2, 5),
        {"ua": 150, "num": 62, "date": date(2025, 2, 5)},
    ),
    (
        "Минобороны России сообщило о возвращении 95 военнослужащих\nМОСКВА, 18 октября. /ТАСС/. В результате переговорного процесса с подконтрольной киевскому режиму территории возвращены 95 российских военнослужащих, сообщили в Минобороны РФ.\nВ обмен переданы 95 военнопленных ВСУ.\nВ настоящее время все российские военнослужащие находятся на территории Республики Беларусь, где им оказывается необходимая психологическая и медицинская помощь.\nГуманитарное посредничество в возвращении российских военнослужащих из плена осуществили Объединенные Арабские Эмираты.",
        date(2024, 10, 18),
        {"ua": 95, "ru": 95, "med": ("AE",), "date": date(2024, 10, 18)},
    ),
    (
        "KYIV, Ukraine (AP) — Russia and Ukraine exchanged dozens of prisoners of war on Wednesday, with each side releasing 95 captives, officials said.\nThe swap, brokered by the United Arab Emirates, was the latest in a series.\nUkraine says more than 8,000 of its people are in Russian captivity.",
        date(2024, 6, 26),
        {"ua": 95, "ru": 95, "med": ("AE",), "date": date(2024, 6, 26)},
    ),
    (
        "Ukraine, Russia swap bodies and prisoners\nUkraine received the bodies of 501 soldiers on Friday, while 90 Ukrainian POWs came home in a separate exchange, officials said. Russia got 90 servicemen and 43 bodies.",
        date(2024, 6, 28),
        {"ua": 90, "ru": 90},
    ),
    (
        "Meduza: Russia and Ukraine held a prisoner exchange\nOn Saturday, Russia and Ukraine carried out another prisoner swap. According to the Russian Defense Ministry, 115 Russian servicemen captured in the Kursk region were returned. Ukraine said it had brought 115 of its defenders home. The UAE acted as mediator.",
        date(2024, 8, 24),
        {"ua": 115, "ru": 115, "med": ("AE",), "date": date(2024, 8, 24)},
    ),
    (
        "Russia, Ukraine exchange 75 POWs each, ahead of Independence Day\nRussia and Ukraine each returned 75 prisoners of war on Tuesday. It was the 53rd such exchange, Ukraine's coordination headquarters said, and came after a pause of more than a month. In the previous exchange on June 25, 90 prisoners were swapped.",
        date(2024, 7, 17),
        {"ua": 75, "ru": 75, "num": 53, "date": date(2024, 7, 16)},
    ),
    (
        "Ukrainian POWs return home\nOn Thursday 157 Ukrainians returned home from Russian captivity. Among them are 150 servicemen and seven civilians.",
        date(2026, 2, 5),
        {"ua": 157, "civ": 7},
    ),
    (
        "Kyiv: 189 home; Moscow: 150 each way\nUkraine said on Monday that 189 prisoners, including two civilians, had returned home. Russia, however, said the swap was 150 for 150.",
        date(2024, 12, 30),
        {"ua": 189, "ru": 150, "civ": 2, "disputed": True},
    ),
    (
        "Додому повертаються 103 захисники\nУкраїна повернула додому 103 захисників, повідомив Президент Зеленський у суботу, 14 вересня. Серед звільнених — нацгвардійці, прикордонники та військові ЗСУ.\nОбмін відбувся за посередництва ОАЕ. Це вже 57-й обмін.",
        date(2024, 9, 14),
        {"ua": 103, "med": ("AE",), "num": 57, "date": date(2024, 9, 14)},
    ),
    (
        "Відбувся обмін полоненими: повернулися 115 українців\nУ суботу, 24 серпня, з російського полону звільнили 115 українських військових. Росії передали 115 військовополонених. Посередником виступили Об'єднані Арабські Емірати.",
        date(2024, 8, 24),
        {"ua": 115, "ru": 115, "med": ("AE",), "date": date(2024, 8, 24)},
    ),
    (
        "Україна повернула 95 захисників\nВчора в межах обміну додому повернулися 95 військовослужбовців Сил оборони. Серед них 20 поранених.",
        date(2024, 10, 19),
        {"ua": 95, "date": date(2024, 10, 18)},
    ),
    (
        "Обмін 84 на 84\nУ середу Україна та Росія обмінялися полоненими за формулою 84 на 84. Серед звільнених українців — 34 цивільних.",
        date(2024, 8, 15),
        {"ua": 84, "ru": 84, "civ": 34, "date": date(2024, 8, 14)},
    ),
    (
        "Россия вернула 115 военнослужащих из украинского плена\nВ субботу, 24 августа, из плена возвращены 115 российских военнослужащих, захваченных в Курской области. Взамен украинской стороне передано 115 военнопленных ВСУ.",
        date(2024, 8, 24),
        {"ua": 115, "ru": 115, "date": date(2024, 8, 24)},
    ),
    (
        "Москалькова: на родину вернулись 49 россиян\nУполномоченный по правам человека Татьяна Москалькова сообщила, что в рамках обмена в Россию вернулись 49 граждан, среди них 23 военнослужащих.",
        date(2024, 9, 13),
        {"ru": 49},
    ),
    (
        "Обмен пленными состоялся при посредничестве ОАЭ\nВ пятницу Россия и Украина обменялись военнопленными в формате 95 на 95, сообщили в Минобороны РФ.",
        date(2024, 10, 18),
        {"ua": 95, "ru": 95, "med": ("AE",), "date": date(2024, 10, 18)},
    ),
    (
        "Ukraine and Russia each freed 103 prisoners of war on Saturday in a UAE-brokered exchange.",
        date(2024, 9, 14),
        {"ua": 103, "ru": 103, "med": ("AE",)},
    ),
    (
        "Ukraine got back 95 soldiers on Friday. The exchange was the 58th since the war began, officials said.",
        date(2024, 10, 18),
        {"ua": 95, "num": 58},
    ),
    (
        "Russia released 95 Ukrainians on Friday. Of the 95 returned, 11 are civilians.",
        date(2024, 10, 18),
        {"ua": 95, "civ": 11},
    ),
    (
        "Ukraine brought home 150 troops on Wednesday. Two Ukrainian civilians were also freed.",
        date(2025, 2, 5),
        {"ua": 152, "civ": 2},
    ),
    (
        "Moscow and Kyiv traded 150 POWs apiece on Wednesday, according to both governments.",
        date(2025, 2, 5),
        {"ua": 150, "ru": 150},
    ),
    (
        "Ukraine welcomed home 90 POWs on Tuesday, the Coordination Headquarters said, while Russia said it had received 90 servicemen.",
        date(2024, 6, 25),
        {"ua": 90, "ru": 90},
    ),
    (
        "Ukrainian POWs freed in swap\nThe 90 men freed on Tuesday include defenders of Mariupol, the Coordination Headquarters for the Treatment of Prisoners of War said.",
        date(2024, 6, 25),
        {"ua": 90},
    ),
    (
        "A total of 230 Ukrainians returned home, Zelensky said, while Moscow said 248 Russian soldiers had been freed in what was the 49th exchange.",
        date(2024, 1, 3),
        {"ua": 230, "ru": 248, "num": 49},
    ),
    (
        "Kyiv: 'We have brought home 1,000 in three days'\nZelensky said on Sunday that the final stage had brought 303 more Ukrainians home, completing the exchange.",
        date(2025, 5, 25),
        {"ua": 303},
    ),
    (
        "The prisoners, 157 on each side, were exchanged on the Belarus-Ukraine border on Thursday, with the US and UAE mediating.",
        date(2026, 2, 5),
        {"ua": 157, "ru": 157, "med": ("AE", "US")},
    ),
    (
        "Ukrainian officials said that 45 servicemen and 2 civilians were freed, but gave no details about the Russian side.",
        date(2023, 7, 6),
        {"ua": 47, "civ": 2},
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), POSITIVE_FAMILIES)
def test_phrasing_family(text: str, published: date, expected: dict) -> None:
    title, body = _split_headline(text)
    m = one(body, published=published, title=title)
    got = {key: getattr(m, FIELDS[key]) for key in expected}
    assert got == expected


NEGATIVE_FAMILIES = [
    ("Zelensky said Ukraine was ready to exchange all prisoners for all.", date(2024, 1, 1)),
    ("Russia said it will hand over 1,000 Ukrainian prisoners in the coming days.", date(2025, 5, 20)),
    (
        "Ukraine returned the bodies of 6,000 soldiers this year, the coordination headquarters said.",
        date(2025, 6, 20),
    ),
    ("A total of 1,358 Ukrainians were returned from captivity in 2024, Lubinets said.", date(2025, 1, 1)),
    ("Russia and Ukraine have exchanged prisoners more than 60 times since 2022.", date(2025, 1, 1)),
    ("The UAE has mediated 13 exchanges, freeing 2,524 captives so far.", date(2024, 12, 31)),
    ("Negotiators failed to agree on a swap of 84 prisoners, officials said on Tuesday.", date(2024, 5, 1)),
    ("A Ukrainian court sentenced two Russian soldiers to 11 years for war crimes.", date(2024, 5, 1)),
    (
        "On Tuesday, Russia returned 12 Ukrainian children who had been deported, with Qatari mediation.",
        date(2024, 5, 1),
    ),
    ("Last week, the sides exchanged 75 prisoners each, Ukraine's ombudsman recalled.", date(2024, 5, 30)),
    (
        "Ukraine and Russia are preparing a new prisoner exchange, Zelensky said, adding that the previous swap returned 230 soldiers.",
        date(2024, 1, 20),
    ),
    ("Russia has yet to respond to Kyiv's proposal to swap 800 prisoners.", date(2024, 1, 20)),
    ("Сторони домовилися про обмін 1000 на 1000 полонених.", date(2025, 5, 17)),
    ("Загалом з полону вдалося повернути понад 4000 українців.", date(2025, 5, 17)),
    ("Россия и Украина договорились об обмене 1200 военнопленными.", date(2025, 6, 1)),
    (
        "Ukraine and Russia agree to swap 1,000 prisoners each\nDelegations meeting in Istanbul on Friday agreed to exchange 1,000 prisoners of war each, Ukraine's defence minister said.\nIt would be the largest swap of the war. The last exchange, in April, freed 246 prisoners from each side.",
        date(2025, 5, 16),
    ),
    (
        "Russia hands over 909 bodies\nUkraine on Friday received the bodies of 909 fallen soldiers, the coordination headquarters said. Russia got 34 bodies in return.",
        date(2025, 6, 13),
    ),
    (
        "Zelensky says 1,358 Ukrainians returned from captivity this year\nIn 2024, Ukraine brought home 1,358 people from Russian captivity in 10 exchanges, Zelensky said on Tuesday.",
        date(2024, 12, 31),
    ),
    (
        "Qatar helps return 16 Ukrainian children\nSixteen children taken to Russia have been returned to their families in Ukraine thanks to Qatari mediation, officials said on Wednesday.",
        date(2023, 10, 18),
    ),
    (
        "Україна та Росія домовилися про новий обмін\nСторони погодили обмін полоненими у форматі 1200 на 1200, повідомив Умєров. Обмін відбудеться найближчим часом.",
        date(2025, 6, 2),
    ),
    (
        "Прошлый обмен состоялся в апреле\nВ апреле Россия и Украина обменялись 246 военнопленными с каждой стороны. Новый обмен пока не согласован.",
        date(2025, 5, 10),
    ),
    (
        "Russia and Ukraine are expected to exchange 300 prisoners on Monday, officials said.",
        date(2025, 3, 1),
    ),
    (
        "The Coordination Headquarters said 4,552 Ukrainians have been returned in 62 exchanges.",
        date(2025, 3, 1),
    ),
    ("Ukraine says more than 8,000 of its soldiers are still held in Russia.", date(2025, 3, 1)),
    ("A court in Rostov sentenced 12 Azov fighters to prison terms.", date(2025, 3, 1)),
    ("Ukraine received the remains of 909 servicemen in a repatriation on Friday.", date(2025, 3, 1)),
    ("Lubinets said the next swap could free up to 500 people.", date(2025, 3, 1)),
    ("В ближайшее время состоится обмен 300 пленными, заявила Москалькова.", date(2025, 3, 1)),
    ("Україна передала Росії 15 тіл загиблих військових.", date(2025, 3, 1)),
    ("The swap saw 1,000 Ukrainians and 1,000 Russians released over three days.", date(2025, 5, 25)),
    ("Zelensky said the exchange of 1,000 for 1,000 would be completed this week.", date(2025, 5, 23)),
    ("A source told Reuters that 300 prisoners could be exchanged as early as Friday.", date(2025, 5, 20)),
    ("In total, 4,552 Ukrainians have returned home since 2022, the headquarters said.", date(2025, 5, 20)),
    (
        "Зеленський анонсував новий обмін\nПрезидент заявив, що найближчим часом Україна поверне ще 500 полонених.",
        date(2025, 6, 1),
    ),
    (
        "Росія повернула тіла 909 загиблих\nУ п'ятницю в Україну повернули тіла 909 полеглих захисників.",
        date(2025, 6, 13),
    ),
    (
        "З початку року з полону повернулися 1203 українці\nЗагалом з початку року вдалося повернути додому 1203 українців, повідомив Лубінець.",
        date(2025, 6, 13),
    ),
    (
        "Россия передала Украине 20 детей\nВ понедельник при посредничестве Катара на Украину вернули 20 детей.",
        date(2024, 6, 3),
    ),
    (
        "У російському полоні залишаються понад 8 тисяч українців\nЗа даними Коордштабу, у полоні перебувають понад 8 тисяч українців.",
        date(2025, 6, 13),
    ),
]


@pytest.mark.parametrize(("text", "published"), NEGATIVE_FAMILIES)
def test_negative_family(text: str, published: date) -> None:
    title, body = _split_headline(text)
    assert extract_exchanges(body, published=published, title=title) == []


# --- several days, other languages, other wars ----------------------------------------------------


def test_live_blog_gives_one_exchange_per_dated_entry() -> None:
    text = (
        "Monday 10 March\n"
        "18:00 Ukraine says 120 of its soldiers are home; Russia has received 120 servicemen.\n"
        "Sunday 9 March\n"
        "12:10 Stage one: 80 for 80, both sides confirm.\n"
    )
    mentions = extract_exchanges(text, published=date(2025, 3, 10))
    assert [(m.event_date, m.returned_to_ukraine, m.returned_to_russia) for m in mentions] == [
        (date(2025, 3, 10), 120, 120),
        (date(2025, 3, 9), 80, 80),
    ]


def test_prose_recalling_yesterdays_stage_reports_only_todays() -> None:
    m = one(
        "On Sunday Russia and Ukraine swapped 210 prisoners each. "
        "On Saturday, the first stage had brought back 150 people each way.",
        published=date(2025, 3, 9),
    )
    assert (m.event_date, m.returned_to_ukraine, m.returned_to_russia) == (date(2025, 3, 9), 210, 210)


def test_the_same_number_mirrors_the_other_side() -> None:
    m = one(
        "Sixty Ukrainian defenders were freed on Monday in exchange for the same number of Russian troops.",
        published=date(2024, 3, 4),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (60, 60)


def test_a_restated_whole_replaces_the_sum() -> None:
    m = one(
        "Kyiv got back 200 soldiers on Friday and handed over 70 Russian servicemen and a jailed politician - "
        "71 people in all.",
        published=date(2022, 9, 23),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (200, 71)


def test_german_report() -> None:
    m = one(
        "KIEW, 14. September - Russland und die Ukraine haben am Samstag jeweils 103 Kriegsgefangene "
        "ausgetauscht. Vermittelt hatten die Vereinigten Arabischen Emirate. "
        "Es war der 57. Austausch seit Kriegsbeginn.",
        published=date(2024, 9, 14),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (103, 103)
    assert (m.event_date, m.mediators, m.exchange_number) == (date(2024, 9, 14), ("AE",), 57)


def test_other_wars_and_other_countries_swaps_are_not_reported() -> None:
    assert (
        extract_exchanges(
            "Azerbaijan freed 32 Armenian soldiers and Armenia released two Azerbaijani servicemen on Wednesday.",
            published=date(2023, 12, 13),
        )
        == []
    )
    assert (
        extract_exchanges(
            "In all, 24 people were exchanged: Russia released 16 prisoners and eight Russians held in the West "
            "were returned to Russia on Thursday.",
            published=date(2024, 8, 2),
        )
        == []
    )


def test_photo_caption_about_another_swap_is_ignored() -> None:
    text = (
        "[Photo: soldiers freed in a 95-for-95 swap arrive in Sumy region]\n"
        "The city council approved a new budget for schools on Monday.\n"
    )
    assert extract_exchanges(text, published=date(2024, 10, 21)) == []


def test_last_weekday_reaches_back_a_week() -> None:
    m = one(
        "Last Saturday Ukraine got 52 of its soldiers back; on Thursday 107 Ukrainians were freed for 107 Russians.",
        published=date(2022, 11, 5),
    )
    assert (m.event_date, m.returned_to_ukraine) == (date(2022, 11, 3), 107)


def test_hostile_page_is_bounded_and_does_not_crash() -> None:
    text = " and ".join(f"Ukraine got back {i} soldiers" for i in range(1, 400))
    mentions = extract_exchanges(text + ".", published=date(2024, 1, 5))
    assert len(mentions) <= 1


def test_a_figure_without_its_extras_is_not_a_dispute() -> None:
    m = one(
        "Russia and Ukraine exchanged 120 prisoners each on Tuesday, and Russia also handed over 15 badly "
        "wounded Ukrainians. In all, 135 Ukrainians came home, the president said.",
        published=date(2025, 4, 8),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.wounded_to_ukraine) == (135, 120, 15)
    assert not m.is_disputed


def test_a_part_of_a_summed_figure_is_not_a_rival_claim() -> None:
    m = one(
        "Ukraine brought home 60 servicemen and 3 civilians on Monday. The 60 servicemen include marines.",
        published=date(2024, 3, 4),
    )
    assert (m.returned_to_ukraine, m.civilians_to_ukraine, m.is_disputed) == (63, 3, False)


def test_yesterdays_stage_in_prose_is_not_todays_figure() -> None:
    m = one(
        "Сьогодні додому повернулися 210 захисників, Росія отримала стільки ж. "
        "Учора, в перший день обміну, повернулися 150 українців.",
        published=date(2025, 3, 9),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.is_disputed) == (210, 210, False)


def test_a_participle_after_a_comma_shares_the_subject() -> None:
    m = one(
        "Kyiv won the freedom of 212 people on Thursday in a swap brokered by Turkey and Qatar, giving up "
        "61 people in return: 60 Russian soldiers and a jailed pro-Moscow mayor.",
        date(2024, 10, 3),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.total_stated) == (212, 61, None)


def test_wounded_added_to_the_nearest_main_figure_only() -> None:
    m = one(
        "Swap brings 131 Ukrainians home.\n"
        "Both sides swapped 120 captives each on Tuesday, and Moscow separately freed 11 badly wounded "
        "Ukrainian soldiers, officials said.\n"
        "Kyiv said a total of 131 Ukrainians had come home.",
        date(2024, 6, 11),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.wounded_to_ukraine) == (131, 120, 11)
    assert not m.is_disputed


def test_n_for_m_is_two_sides_not_a_total() -> None:
    m = one(
        "Why Kyiv swapped two pilots for 38 marines\n"
        "On Sunday Ukraine received 38 marines, and Russia received two of its pilots.",
        date(2023, 8, 15),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.total_stated, m.is_disputed) == (
        38,
        2,
        None,
        False,
    )


def test_german_civilians_in_words_are_a_civilian_count() -> None:
    m = one(
        "Am Donnerstag kehrten 142 ukrainische Soldaten und sechs Zivilisten aus russischer Gefangenschaft "
        "zurück.",
        date(2024, 4, 12),
    )
    assert (m.returned_to_ukraine, m.civilians_to_ukraine, m.event_date) == (148, 6, date(2024, 4, 11))


def test_french_report_of_a_swap() -> None:
    m = one(
        "Mercredi, l'Ukraine et la Russie ont échangé 84 prisonniers de guerre chacune, sous l'égide des "
        "Émirats arabes unis, a annoncé Kiev.",
        date(2025, 9, 4),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.mediators, m.event_date) == (
        84,
        84,
        ("AE",),
        date(2025, 9, 3),
    )
    m = one("Quarante-cinq soldats ukrainiens ont été libérés de la captivité russe hier.", date(2025, 9, 4))
    assert (m.returned_to_ukraine, m.returned_to_russia, m.event_date) == (45, None, date(2025, 9, 3))


def test_french_plan_and_exchange_of_fire_are_not_swaps() -> None:
    published = date(2025, 9, 4)
    assert (
        extract_exchanges(
            "Un échange de 1000 contre 1000 pourrait avoir lieu la semaine prochaine.", published=published
        )
        == []
    )
    assert (
        extract_exchanges(
            "Les deux camps ont échangé des tirs près de Pokrovsk, faisant 3 blessés.", published=published
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "mediators"),
    [
        ("The swap, brokered by Abu Dhabi, returned 185 Ukrainians on Wednesday.", ("AE",)),
        ("Ukraine got back 185 soldiers on Wednesday. Zelensky thanked Ankara for its help.", ("TR",)),
        ("Ukraine got back 185 soldiers on Wednesday after talks in Abu Dhabi.", ()),
        ("The UAE-brokered swap freed 185 Ukrainians and two US citizens on Wednesday, Kyiv said.", ("AE",)),
        ("У середу 185 захисників повернулися з полону. Обмін відбувся за посередництва Абу-Дабі.", ("AE",)),
    ],
)
def test_capitals_beside_a_cue_mediate_and_nationalities_do_not(text: str, mediators: tuple) -> None:
    m = one(text, date(2025, 10, 2))
    assert (m.returned_to_ukraine, m.mediators, m.event_date) == (185, mediators, date(2025, 10, 1))


def test_a_stage_count_beats_the_named_deal() -> None:
    m = one(
        "В субботу прошёл второй этап обмена «1000 на 1000»: Россия и Украина передали друг другу по 307 человек.",
        date(2025, 5, 24),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (307, 307)


def test_the_same_number_of_servicemen_leaves_out_the_civilians() -> None:
    m = one(
        "У понеділок додому повернулися 140 військовослужбовців і 8 цивільних. Росія отримала таку саму "
        "кількість військовослужбовців.",
        date(2025, 3, 11),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.civilians_to_ukraine) == (148, 140, 8)


def test_the_day_of_the_saying_is_not_the_day_of_the_swap() -> None:
    m = one("Kyiv said on Friday that 84 of its soldiers had come home late Thursday.", date(2025, 8, 23))
    assert m.event_date == date(2025, 8, 21)


def test_a_live_entry_naming_one_side_is_still_its_own_day() -> None:
    mentions = extract_exchanges(
        "Posted Sunday 25 May, 09:40\nThe sides swapped 303 for 303 on the final day.\n"
        "Posted Saturday 24 May, 17:05\nAnother 307 Ukrainians came home on Saturday.",
        published=date(2025, 5, 25),
    )
    assert [(m.event_date, m.returned_to_ukraine) for m in mentions] == [
        (date(2025, 5, 25), 303),
        (date(2025, 5, 24), 307),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv and Moscow exchanged lists of 1,200 prisoners each on Monday, Umerov said.",
        "Year in review: Ukraine brought home 390 defenders in the biggest swap of the year, mediated by the UAE.",
        "Water supplies were restored in Sumy.\nUkraine and Russia swap 95 prisoners each\nThe mayor thanked engineers.",
        "Мединский: обмен 1000 на 1000 может состояться завтра.",
    ],
)
def test_lists_statistics_links_and_maybe_tomorrow_are_not_news(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 12, 29)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Serhiy spent two years in Olenivka. He came home with 94 other defenders in a swap that summer.",
        "The pilot was handed over to Russia in a 2023 exchange in which 45 Ukrainians returned home.",
        "By then swaps were routine, such as the swap of 50 for 50 on New Year's Eve.",
        "An exchange of fire at the border post left 12 people wounded on Wednesday.",
        "Під час обміну вогнем на кордоні поранено 12 людей.",
    ],
)
def test_looking_back_examples_and_other_senses_of_exchange_are_not_news(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 11, 20)) == []


def test_a_bare_total_measured_by_a_swap_verb_is_kept() -> None:
    m = one("Ukraine and Russia exchanged 12 people on Wednesday.", date(2025, 10, 2))
    assert (m.total_stated, m.event_date) == (12, date(2025, 10, 1))


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine and Russia each released 120 prisoners of war on Thursday, a total of 240 people.",
        "Kyiv and Moscow exchanged 120 POWs each on Thursday in a swap of 240 people in total.",
    ],
)
def test_a_total_after_an_each_figure_is_the_total_not_a_side(text: str) -> None:
    m = one(text, date(2025, 8, 15))
    assert (m.returned_to_ukraine, m.returned_to_russia, m.total_stated, m.is_disputed) == (
        120,
        120,
        240,
        False,
    )


def test_russian_handed_to_ukraine_in_exchange_for_wounded() -> None:
    m = one(
        "Россия передала Украине 31 раненого военнопленного в обмен на 15 раненых российских военных.",
        date(2025, 8, 15),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.wounded_to_ukraine) == (31, 15, 31)


def test_the_same_number_beside_a_recalled_swap_in_the_same_sentence() -> None:
    m = one(
        "Russia received 84 of its servicemen on Thursday and Ukraine got the same number back, "
        "after a swap of 103 each on 1 August.",
        date(2025, 8, 15),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (84, 84)


@pytest.mark.parametrize(
    "text",
    [
        "Суд у Ростові засудив 12 бійців Азову. Частину їхніх побратимів звільнили під час обміну у вересні "
        "2022 року, коли додому повернулися 215 людей.",
        "Засуджений у Росії морпіх повернувся з полону під час обміну 2024 року, коли додому повернулися 95 бійців.",
        "Три года назад из украинского плена вернулись 144 российских военных. Сегодня многие из них снова служат.",
    ],
)
def test_ukrainian_and_russian_look_backs_are_not_news(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 12, 30)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Among the 84 freed Ukrainians were 51 civilians, Kyiv said on Thursday. Russia got 84 soldiers back.",
            (84, 84, 51),
        ),
        (
            "A total of 110 Russians were returned on Thursday, 12 of them civilians from the Kursk region, "
            "and Ukraine got back 108 of its people.",
            (108, 110, None),
        ),
        (
            "Twelve civilians from the Kursk region were among the 110 Russians returned on Thursday, while "
            "108 Ukrainians came home.",
            (108, 110, None),
        ),
    ],
)
def test_civilian_breakdowns_do_not_swallow_the_whole(text: str, expected: tuple) -> None:
    m = one(text, date(2025, 8, 15))
    assert (m.returned_to_ukraine, m.returned_to_russia, m.civilians_to_ukraine) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine freed 60 Russian soldiers and the businessman Ivan Petrenko on Thursday, getting 61 of its own back.",
        "Kyiv got 61 of its own back on Thursday; Moscow got 60 soldiers - and Petrenko.",
    ],
)
def test_a_named_person_handed_over_with_a_group_adds_one(text: str) -> None:
    m = one(text, date(2025, 8, 15))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (61, 61)


def test_changed_hands_dates_the_swap_and_stitched_together_by_mediates() -> None:
    m = one(
        "About 300 people changed hands last night in a deal stitched together by Turkey. "
        "Kyiv got back 215 of its own.",
        date(2022, 9, 22),
    )
    assert (m.event_date, m.mediators, m.returned_to_ukraine) == (date(2022, 9, 21), ("TR",), 215)


@pytest.mark.parametrize(
    "text",
    [
        "Україна передала Росії імена 300 полонених, яких чекає на обмін.",
        "Читайте також:\nУкраїна повернула з полону 185 захисників\nЗСУ відбили 40 атак на Покровському напрямку.",
        "Більше новин\n185 захисників повернулися додому\nСиноптики прогнозують дощ.",
    ],
)
def test_names_handed_over_and_links_under_a_label_are_not_news(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 10, 20)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia and Ukraine on Friday carried out the first stage of an exchange of 1,000 prisoners each, "
            "with 390 returned to each side.",
            (390, 390),
        ),
        (
            "У п'ятницю в рамках домовленості 1000 на 1000 додому повернулися 390 захисників, Росія отримала 390 своїх.",
            (390, 390),
        ),
        (
            "В пятницу Россия и Украина провели первый этап обмена пленными 1000 на 1000, вернув по 390 человек.",
            (390, 390),
        ),
        (
            "Under the 1,000-for-1,000 deal agreed in Istanbul, 390 Ukrainians and 390 Russians were freed on Friday.",
            (390, 390),
        ),
    ],
)
def test_the_deal_named_by_its_size_is_not_the_stage_figure(text: str, expected: tuple) -> None:
    m = one(text, date(2025, 5, 23))
    assert (m.returned_to_ukraine, m.returned_to_russia) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Sunday Ukraine got back 38 marines and Russia got back two of its pilots.", (38, 2)),
        ("Kyiv brought 84 home on Friday, and Moscow got 84 back.", (84, 84)),
    ],
)
def test_implied_people_and_of_its_own_after_another_count(text: str, expected: tuple) -> None:
    m = one(text, date(2025, 5, 23))
    assert (m.returned_to_ukraine, m.returned_to_russia) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thursday: 185 Ukrainian soldiers came home in a swap that ended late Wednesday.",
        "Ukraine on Thursday welcomed home 185 soldiers freed late Wednesday.",
        "On Thursday, Kyiv said 185 soldiers came home on Wednesday night.",
    ],
)
def test_late_wednesday_in_a_thursday_report_is_wednesday(text: str) -> None:
    assert one(text, date(2025, 10, 2)).event_date == date(2025, 10, 1)


def test_a_count_of_people_who_were_wounded() -> None:
    m = one("Ukraine got back 84 POWs on Thursday, including 12 who were badly wounded.", date(2025, 8, 15))
    assert (m.returned_to_ukraine, m.wounded_to_ukraine) == (84, 12)


# --- patterns of real reporting (issue 3) ---------------------------------------------------------


@pytest.mark.parametrize(
    "recall",
    [
        "They last swapped prisoners in mid-July, when 95 were freed on each side.",
        "The previous swap took place at the end of June, when 90 were released each way.",
        "Beim letzten Austausch Anfang Juli waren jeweils 95 Soldaten freigekommen.",
        "Наприкінці червня додому повернулися 90 українців.",
        "В конце июня в Россию вернулись 90 военнослужащих.",
        "She had been freed in the swap of June 2024, when 90 Ukrainians came back.",
    ],
)
def test_a_swap_dated_by_part_of_a_month_is_recalled(recall: str) -> None:
    m = one("On Saturday Ukraine and Russia each freed 115 prisoners of war. " + recall, date(2024, 8, 24))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (115, 115)


def test_ages_are_not_counts() -> None:
    m = one(
        "A 19-year-old marine was among 115 Ukrainian soldiers who came home on Saturday; Russia got 115 back.",
        date(2024, 8, 24),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (115, 115)


@pytest.mark.parametrize(
    "background",
    [
        "Напомним, предыдущий обмен прошел по формуле «246 на 246».",
        "Нагадаємо, до цього сторони обмінялися за формулою «246 на 246».",
        "As a reminder, the sides swapped 246 each before Easter.",
    ],
)
def test_background_the_reader_is_reminded_of_is_not_news(background: str) -> None:
    m = one("Russia and Ukraine each released 205 POWs on Tuesday. " + background, date(2025, 5, 6))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (205, 205)


def test_a_deal_named_by_formula_in_quotes_or_in_the_future_is_no_figure() -> None:
    m = one(
        "Перший етап завершено: додому повернулися 390 українців, Росія отримала 390 своїх.\n"
        "Обмін за формулою «1000 на 1000» стане найбільшим за всю війну.",
        date(2025, 5, 23),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (390, 390)


def test_captivity_without_a_side_is_home_to_whoever_brought_them_back() -> None:
    m = one(
        "Россия вернула из плена 205 военнослужащих, сообщило во вторник Минобороны. "
        "Взамен переданы 205 военнопленных ВСУ.",
        date(2025, 5, 6),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (205, 205)
    m = one("Україна повернула з полону 205 захисників у вівторок.", date(2025, 5, 6))
    assert m.returned_to_ukraine == 205


@pytest.mark.parametrize(
    "text",
    [
        "Міністерство оборони РФ повідомило про повернення 205 військовослужбовців у вівторок.",
        "Russia's defence ministry on Tuesday reported the return of 205 servicemen.",
    ],
)
def test_the_return_of_n_reported_by_a_side_is_its_own_people(text: str) -> None:
    m = one("Україна повернула 205 захисників у вівторок. " + text, date(2025, 5, 6))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (205, 205)


def test_a_swap_of_n_between_the_countries_is_a_total() -> None:
    m = one(
        "Qatar helped arrange an exchange of 180 captives between the Russian Federation and Ukraine on "
        "Friday, with 90 Russian and 90 Ukrainian captives freed.",
        date(2024, 6, 28),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.total_stated) == (90, 90, 180)


@pytest.mark.parametrize(
    ("text", "civilians"),
    [
        (
            "Kyiv got back 84 people on Thursday. Fifty-one soldiers and 33 civilians were among those freed.",
            33,
        ),
        ("Kyiv got back 84 people on Thursday. Unter den Heimkehrern seien auch 33 Zivilisten.", 33),
        (
            "Ukraine got 84 prisoners back on Thursday. Among those released on Thursday were also 33 civilians.",
            33,
        ),
    ],
)
def test_a_breakdown_of_those_freed(text: str, civilians: int) -> None:
    m = one(text, date(2025, 8, 14))
    assert (m.returned_to_ukraine, m.civilians_to_ukraine) == (84, civilians)


def test_held_since_is_how_long_not_a_running_total() -> None:
    m = one(
        "Moscow said 84 Russians, some of whom had been held since the Kursk incursion, came home on "
        "Thursday, and Ukraine got back 84 soldiers.",
        date(2025, 8, 14),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (84, 84)


def test_nationalities_listed_of_freed_foreigners_are_not_mediators() -> None:
    m = one(
        "With Turkey's mediation, 215 Ukrainians came home on Wednesday. Saudi Arabia, which also mediated, "
        "said the ten foreigners freed were citizens of Britain, the United States, Sweden and Morocco.",
        date(2022, 9, 21),
    )
    assert m.mediators == ("SA", "TR")


def test_live_blog_entries_stamped_with_a_time() -> None:
    mentions = extract_exchanges(
        "Prisoner swap: live\n"
        "Updated at 16:40\n"
        "Ukraine got back 307 soldiers today, and Russia said 307 of its troops came home.\n"
        "12:15 GMT\n"
        "Kharkiv under drone attack\n"
        "Posted Friday 20:30\n"
        "On Friday 390 Ukrainian and 390 Russian prisoners were released.",
        published=date(2025, 5, 24),
    )
    assert [(m.event_date, m.returned_to_ukraine, m.returned_to_russia) for m in mentions] == [
        (date(2025, 5, 24), 307, 307),
        (date(2025, 5, 23), 390, 390),
    ]


def test_one_side_then_the_other_after_a_breakdown() -> None:
    m = one(
        "On Friday, 390 Ukrainians, including 120 civilians, came home and Moscow said 390 Russians returned."
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.civilians_to_ukraine) == (390, 390, 120)


@pytest.mark.parametrize(
    "text",
    [
        "Year in review: the swaps that brought them home\nOn December 30, 189 Ukrainians came home from captivity.",
        "Підсумки 2024 року: обміни\n30 грудня з полону повернулися 189 захисників.",
        "Итоги года: обмены пленными\n30 декабря домой вернулись 150 российских военнослужащих.",
    ],
)
def test_a_review_of_the_year_reports_no_swap_as_news(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 1, 2)) == []


@pytest.mark.parametrize(
    "text",
    [
        "A swap of 84 prisoners on each side was postponed on Friday, Kyiv said.",
        "The planned exchange of 1,200 POWs was called off at the last minute on Friday.",
        "Обмен 84 на 84 сорвался в пятницу, сообщили в Минобороны.",
        "Обмін 84 на 84, запланований на п'ятницю, відклали, повідомили в Коордштабі.",
        "Der Austausch von 84 Gefangenen wurde am Freitag verschoben.",
    ],
)
def test_a_swap_called_off_or_put_off_is_not_news(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 6, 13)) == []


def test_a_swap_put_off_and_then_done_is_news() -> None:
    m = one(
        "The swap, postponed twice, finally took place on Friday: 84 Ukrainian soldiers came home.",
        date(2025, 6, 13),
    )
    assert m.returned_to_ukraine == 84


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("У четвер з полону звільнено 101 військового, повідомив Коордштаб.", (101, None)),
        ("В четверг домой вернулись 84 российских военнослужащих, сообщило Минобороны.", (None, 84)),
    ],
)
def test_a_report_that_names_no_country(text: str, expected: tuple) -> None:
    m = one(text, date(2025, 8, 14))
    assert (m.returned_to_ukraine, m.returned_to_russia) == expected


def test_a_russian_swap_with_another_country_is_still_not_this_wars() -> None:
    assert (
        extract_exchanges(
            "On Thursday Russia freed two American citizens; Washington released one Russian.",
            published=date(2025, 8, 14),
        )
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv handed over 55 Russian soldiers and Viktor Medvedchuk, a pro-Russian politician, on Wednesday.",
        "Україна передала 55 військових РФ і Віктора Медведчука, колишнього народного депутата, у середу.",
    ],
)
def test_a_named_person_then_who_he_is_adds_one(text: str) -> None:
    assert one(text, date(2022, 9, 22)).returned_to_russia == 56


def test_a_nationality_adjective_of_places_is_not_people() -> None:
    m = one(
        "On Friday, Ukraine said 84 of its soldiers held in three Russian prisons had been released.",
        date(2025, 6, 14),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (84, None)


def test_a_dash_before_the_other_sides_statement_is_no_breakdown() -> None:
    m = one("Ukraine gets back 84 POWs - Russia says 84 Russians freed on Friday", date(2025, 6, 14))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (84, 84)


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine and Russia reached a deal on Friday to swap 1,200 prisoners.",
        "Zelensky said on Friday the next swap of 1,200 prisoners was being prepared.",
        "Ukraine and Russia are to exchange 300 prisoners each on Saturday, Kyiv said.",
        "Сторони готуються до обміну 1200 на 1200, заявив у п'ятницю Буданов.",
        "Россия и Украина готовятся к обмену 1200 военнопленными, сообщил в пятницу Мединский.",
    ],
)
def test_a_deal_struck_or_a_swap_in_preparation_is_not_news(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 6, 14)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Petro, freed in a swap in March 2023, when 130 Ukrainians came home, opened a cafe on Friday.",
        "Петро, якого звільнили в березні 2023 року, коли додому повернулися 130 українців, у п'ятницю відкрив кав'ярню.",
    ],
)
def test_a_count_after_an_old_date_and_when_is_that_days(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 6, 13)) == []


def test_a_headline_swap_to_begin_is_a_plan() -> None:
    text = "1,000-for-1,000 prisoner swap to begin on Friday\nThe two sides will start the exchange on Friday, Kyiv said."
    assert extract_exchanges(text, published=date(2025, 5, 22)) == []
    m = one("The first prisoner exchange to take place since October brought home 84 Ukrainians on Friday.")
    assert m.returned_to_ukraine == 84


@pytest.mark.parametrize(
    ("text", "mediators"),
    [
        ("Qatar and Turkey helped arrange the exchange.", ("QA", "TR")),
        ("Abu Dhabi played a key role, Kyiv said.", ("AE",)),
        ("The United States and Turkey had earlier offered to mediate.", ()),
        ("The UAE brokered it, while Qatar helped arrange the return of 20 children.", ("AE",)),
        ("The UAE mediated. Separately, Qatar helped arrange the return of 20 children.", ("AE",)),
    ],
)
def test_who_helped_arrange_the_swap_and_who_only_offered(text: str, mediators: tuple) -> None:
    m = one("On Friday Ukraine and Russia each freed 84 prisoners of war. " + text, date(2025, 6, 14))
    assert m.mediators == mediators


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("In Friday's swap, Ukraine and Russia each freed 84 POWs.", date(2025, 6, 13)),
        (
            "The two sides each released 84 prisoners, Kyiv said on Saturday. The swap took place on Friday.",
            date(2025, 6, 13),
        ),
        ("Накануне Россия и Украина обменялись пленными по 84 на 84.", date(2025, 6, 13)),
        ("Напередодні, за даними Коордштабу, з полону повернулися 84 українці.", date(2025, 6, 13)),
        ("Обмін відбувся напередодні Трійці: додому повернулися 84 українці.", date(2025, 6, 14)),
    ],
)
def test_dates_of_the_swap_itself(text: str, day: date) -> None:
    assert one(text, date(2025, 6, 14)).event_date == day


def test_a_later_sentence_about_something_else_does_not_date_the_swap() -> None:
    m = one(
        "The two sides each released 84 prisoners, Kyiv said on Saturday. On Wednesday Zelensky had said "
        "a swap would happen soon.",
        date(2025, 6, 14),
    )
    assert m.event_date == date(2025, 6, 14)


@pytest.mark.parametrize(
    "text",
    [
        "On Friday 84 Ukrainians came home. In return, Kyiv freed 84.",
        "Ukraine received 84 soldiers on Friday; Russia 84.",
        "У п'ятницю Україна отримала 84 військових, Росія - 84.",
        "The Russian side received 84 servicemen on Friday, and the Ukrainian side 84.",
        "On Friday 84 Ukrainian soldiers were exchanged for 84 Russian ones.",
    ],
)
def test_a_figure_whose_people_or_verb_are_left_out(text: str) -> None:
    m = one(text, date(2025, 6, 14))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (84, 84)


def test_a_left_out_verb_needs_a_figure_of_people_before() -> None:
    m = one("On Friday Ukraine received 84 soldiers. Ukraine lost 12 tanks; Russia 30.", date(2025, 6, 14))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (84, None)


@pytest.mark.parametrize(
    "text",
    [
        "June in numbers\nThis month alone, 1,000 Ukrainians came home from captivity.",
        "Over three weekends, 1,000 Ukrainians came home in three stages, Kyiv said on Friday.",
        "Цього місяця з полону повернулися 1000 українців, повідомили у п'ятницю.",
    ],
)
def test_a_month_or_several_stages_together_are_a_running_total(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 6, 14)) == []


def test_a_breakdown_listed_with_commas_and_captivity_is_no_actor() -> None:
    m = one(
        "У п'ятницю з російського полону повернулися 84 українці: 51 військовослужбовець ЗСУ, "
        "20 нацгвардійців та 13 прикордонників.",
        date(2025, 6, 14),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (84, None)


def test_the_headline_breaks_a_tie_and_a_far_larger_figure_is_no_rival() -> None:
    m = one(
        "Додому повертаються 84 захисники\n"
        "У п'ятницю додому повернулися 84 українці, повідомив Коордштаб.\n"
        "Загалом додому вдалося повернути 5 857 людей, повідомили в Коордштабі.",
        date(2025, 6, 14),
    )
    assert m.returned_to_ukraine == 84
    m = one(
        "Kyiv said 84 soldiers came home on Friday. Kyiv said 5,857 Ukrainians have come home.",
        date(2025, 6, 14),
    )
    assert m.returned_to_ukraine == 84


@pytest.mark.parametrize(
    "text",
    [
        "В пятницу Россия вернула 84 военнослужащих. Кроме того, на родину вернулись восемь российских граждан.",
        "Russia got back 84 servicemen on Friday. It also received eight Russian citizens from the Kursk region.",
    ],
)
def test_citizens_returned_in_addition_are_civilians(text: str) -> None:
    m = one(text, date(2025, 6, 14))
    assert (m.returned_to_russia, m.civilians_to_russia) == (92, 8)


def test_a_clause_without_a_date_shares_the_old_date_before_it() -> None:
    m = one(
        "Last Saturday, 29 October, Ukraine got 52 back while 50 Russians went the other way. "
        "On Thursday 107 Ukrainians were swapped for 107 Russians.",
        date(2022, 11, 5),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (107, 107)


def test_a_weekly_digest_headline_is_not_a_look_back() -> None:
    m = one(
        "The week in review: swaps and strikes\nOn Thursday 107 Ukrainians were swapped for 107 Russians.",
        date(2022, 11, 5),
    )
    assert m.returned_to_russia == 107


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russland und die Ukraine haben am Freitag 84 Kriegsgefangene pro Seite ausgetauscht.", (84, 84)),
        ("Die Ukraine holte am Freitag 84 Soldaten und 12 Zivilisten zurück.", (96, None)),
        ("La Russie a récupéré 84 militaires vendredi, selon le ministère russe de la Défense.", (None, 84)),
    ],
)
def test_german_and_french_each_side_get_verbs_and_soldiers(text: str, expected: tuple) -> None:
    m = one(text, date(2025, 6, 14))
    assert (m.returned_to_ukraine, m.returned_to_russia) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Friday Russia handed over 84 POWs; in addition, it released 12 seriously wounded soldiers.",
            (96, None),
        ),
        ("On Friday Ukraine got back 84 POWs; in return, it released 84 soldiers.", (84, 84)),
        ("Zelensky said on Friday that 84 came home from Russian captivity.", (84, None)),
        ("У п'ятницю, за даними Коордштабу, 84 повернулися додому.", (84, None)),
    ],
)
def test_pronoun_subjects_and_bare_figures_of_a_return(text: str, expected: tuple) -> None:
    m = one(text, date(2025, 6, 14))
    assert (m.returned_to_ukraine, m.returned_to_russia) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police detained 300 protesters in Tbilisi; 84 were released on Friday.",
        "The 84 came home on Friday after their ship was seized, the company said.",
    ],
)
def test_a_bare_figure_of_a_return_elsewhere_is_no_swap(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 6, 14)) == []


def test_still_held_belongs_to_the_figure_beside_it() -> None:
    m = one(
        "Ukraine and Russia swapped 95 prisoners of war each on Friday, officials said, as more than 8,000 "
        "Ukrainians remain in Russian captivity.",
        date(2024, 10, 18),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (95, 95)


def test_a_left_out_noun_keeps_the_group_of_the_figure_before() -> None:
    m = one(
        "On Saturday the sides swapped 246 POWs each. In addition, Ukraine received 31 wounded prisoners "
        "and Russia 15, Moscow's defence ministry said.",
        date(2025, 4, 19),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.wounded_to_ukraine) == (277, 261, 31)


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky thanked everyone who helped, in particular the United Arab Emirates.",
        "Президент подякував усім, хто допомагав, зокрема Об'єднаним Арабським Еміратам.",
    ],
)
def test_thanks_to_those_who_helped_name_the_mediator(text: str) -> None:
    m = one("On Tuesday Ukraine and Russia each freed 90 prisoners of war. " + text, date(2024, 6, 25))
    assert m.mediators == ("AE",)


def test_residents_of_a_russian_border_region_are_russias_civilians() -> None:
    m = one(
        "В четверг Россия вернула 84 военнослужащих. Кроме того, домой вернулись восемь жителей Курской области.",
        date(2025, 8, 14),
    )
    assert (m.returned_to_russia, m.civilians_to_russia) == (92, 8)


@pytest.mark.parametrize(
    "text",
    [
        "Moscow said on Friday that Kyiv had refused to take back 1,000 of its soldiers.",
        "«Ми готуємо наступний обмін: 1000 на 1000», – заявив Зеленський у п'ятницю.",
        "Москва отказалась принять 500 своих военных, заявили в Киеве в пятницу.",
    ],
)
def test_a_swap_refused_or_being_prepared_is_not_news(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 6, 14)) == []


def test_refused_for_months_then_released_is_news() -> None:
    m = one(
        "Russia, which had refused for months, finally released 84 Ukrainian POWs on Friday.",
        date(2025, 6, 14),
    )
    assert m.returned_to_ukraine == 84


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russland und die Ukraine haben am Mittwoch jeweils hundertfünfzig Gefangene freigelassen.",
            (150, 150),
        ),
        ("У середу Україна повернула з полону сотню захисників.", (100, None)),
        ("У середу з полону повернулися дві сотні українців.", (200, None)),
        ("Mercredi, deux cent six prisonniers ukrainiens ont été libérés.", (206, None)),
    ],
)
def test_numbers_written_as_one_german_word_or_as_hundreds(text: str, expected: tuple) -> None:
    m = one(text, date(2025, 2, 5))
    assert (m.returned_to_ukraine, m.returned_to_russia) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine brings home 84, Russia 84\nThe swap took place on Friday.", (84, 84)),
        ("On Friday, 175+22 Ukrainians came home: 175 POWs and 22 wounded.", (197, None)),
        ("84 POWs were returned to Ukraine on Friday and the same number to Russia.", (84, 84)),
    ],
)
def test_headline_ellipsis_a_plus_sum_and_the_nearer_direction(text: str, expected: tuple) -> None:
    m = one(text, date(2025, 6, 14))
    assert (m.returned_to_ukraine, m.returned_to_russia) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В четверг из плена возвращены 84 военнослужащих, сообщило Минобороны России.", (None, 84)),
        ("З полону повернулися 84 військових, повідомив Зеленський у четвер.", (84, None)),
    ],
)
def test_from_captivity_reported_by_a_side_is_its_people(text: str, expected: tuple) -> None:
    m = one(text, date(2025, 8, 14))
    assert (m.returned_to_ukraine, m.returned_to_russia) == expected


def test_present_tense_returning_home() -> None:
    m = one("У четвер 84 українські воїни повертаються на Батьківщину.", date(2025, 8, 14))
    assert m.returned_to_ukraine == 84


@pytest.mark.parametrize(
    "text",
    [
        "Russia handed over 6,000 bodies on Friday; Ukraine returned 78.",
        "Ukraine repatriated 909 bodies on Friday, the coordination HQ said. The Russian side received 34.",
    ],
)
def test_bare_figures_after_bodies_count_bodies(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 6, 14)) == []


def test_a_larger_figure_that_is_the_lead_plus_its_subgroups_is_the_whole() -> None:
    m = one(
        "Ukraine and Russia carried out a swap on Thursday, with ten soldiers handed over by each side. "
        "Nineteen Ukrainian civilian sailors were released in the same operation, so 29 people in all returned "
        "to Ukraine. Twenty-one people went back to Russia: the ten servicemen and 11 civilian seamen.",
        date(2022, 3, 24),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.civilians_to_ukraine) == (29, 21, 19)


@pytest.mark.parametrize(
    "text",
    [
        "After Ukraine and Russia reached a deal in Istanbul, 84 Ukrainian soldiers came home on Friday.",
        "Despite Russia's earlier refusal, 84 Ukrainian soldiers came home on Friday.",
        "Після тривалої підготовки додому повернулися 84 захисники в п'ятницю.",
        "After a swap delayed by weeks, 84 Ukrainian soldiers came home on Friday.",
    ],
)
def test_a_deal_refusal_or_delay_before_a_done_swap_does_not_make_it_a_plan(text: str) -> None:
    assert one(text, date(2025, 6, 14)).returned_to_ukraine == 84


# --- a deal's own size, and mediation of an earlier period (2026-12-08) -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "У п'ятницю з полону додому повернулися 103 захисники. Обмін провели за формулою «103 на 103».",
        "В пятницу из плена вернулись 103 российских военных. Обмен прошёл по формуле «103 на 103».",
        "On Friday 103 Ukrainian defenders came home. The swap followed the formula '103 for 103'.",
    ],
)
def test_a_formula_of_the_exchanges_own_size_gives_the_other_side(text: str) -> None:
    m = one(text, published=date(2024, 9, 14))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (103, 103)


def test_a_bigger_deal_named_by_its_size_is_still_no_figure() -> None:
    m = one(
        "На першому етапі обміну за формулою «1000 на 1000» в п'ятницю повернулися 390 українців, "
        "Росії передали 390 військових.",
        published=date(2025, 5, 23),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (390, 390)


@pytest.mark.parametrize(
    "background",
    [
        "In the war's first year, Turkey and Saudi Arabia played a role in freeing foreign fighters.",
        "In the early months of the full-scale invasion, Turkey helped arrange the release of commanders.",
        "Last year Saudi Arabia brokered the release of ten foreigners.",
    ],
)
def test_mediation_in_an_earlier_period_is_not_this_swaps(background: str) -> None:
    m = one(
        "Ukraine and Russia exchanged 84 prisoners each on Thursday in a swap brokered by the UAE.\n" + background,
        published=date(2025, 8, 15),
    )
    assert m.mediators == ("AE",)


# --- development on eval/holdout2 (2026-12-08): comparisons, "up to now", pronouns, ordinals --


@pytest.mark.parametrize(
    "text",
    [
        "On Friday 90 Ukrainian soldiers came home. As in previous swaps, the UAE mediated.",
        "В пятницу из плена вернулись 90 российских военных. Посредничество, как и в предыдущие разы, "
        "оказали ОАЭ.",
        "У п'ятницю з полону повернулися 90 захисників. Як і під час попередніх обмінів, посередником "
        "виступили ОАЕ.",
        "Am Freitag kehrten 90 ukrainische Soldaten zurück. Wie schon beim letzten Austausch vermittelten "
        "die Vereinigten Arabischen Emirate.",
    ],
)
def test_a_comparison_with_earlier_swaps_recalls_none_of_them(text: str) -> None:
    assert one(text, date(2024, 6, 29)).mediators == ("AE",)


@pytest.mark.parametrize(
    "text",
    [
        "Посредничество в переговорах вновь оказали ОАЭ.",
        "Посредничество в переговорах об обмене оказали ОАЭ.",
    ],
)
def test_mediation_in_the_swaps_talks_is_this_swaps(text: str) -> None:
    m = one("В субботу из плена вернулись 115 российских военнослужащих. " + text, date(2024, 8, 24))
    assert m.mediators == ("AE",)


def test_mediation_in_peace_talks_is_not_the_swaps() -> None:
    m = one(
        "В субботу из плена вернулись 115 российских военнослужащих. "
        "Посредничество в переговорах о мире предлагала Турция.",
        date(2024, 8, 24),
    )
    assert m.mediators == ()


@pytest.mark.parametrize(
    "text",
    [
        "Останній на сьогодні обмін відбувся 6 травня: тоді з полону повернули 205 захисників.",
        "Станом на сьогодні останнім залишається обмін 6 травня, коли додому повернулися 205 захисників.",
        "Последний на сегодня обмен состоялся 6 мая: тогда из плена вернулись 205 военных.",
    ],
)
def test_up_to_today_is_not_the_swaps_date(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 5, 20)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Накануне из плена вернулись 150 российских военнослужащих.",
        "Накануне в результате переговоров вернулись 150 российских военнослужащих.",
        "Напередодні повернулися додому 150 українських захисників.",
    ],
)
def test_the_eve_followed_by_a_preposition_or_a_verb_is_the_day_before(text: str) -> None:
    assert one(text, date(2025, 2, 6)).event_date == date(2025, 2, 5)


def test_the_eve_of_a_named_day_is_no_date() -> None:
    m = one("Накануне Пасхи из плена вернулись 246 российских военных.", date(2025, 4, 19))
    assert m.event_date == date(2025, 4, 19)


def test_each_other_is_no_number() -> None:
    assert extract_exchanges(
        "Україна та Росія передали одна одній нові списки військовополонених.", published=date(2025, 6, 3)
    ) == []


def test_the_ordinal_named_as_this_swaps_survives_a_recall_after_it() -> None:
    m = one(
        "Ukraine and Russia each handed over 75 prisoners on Friday. The headquarters said it was the 52nd "
        "exchange of the war and the first since mid-April, when 100 Ukrainians returned.",
        date(2024, 5, 31),
    )
    assert (m.exchange_number, m.returned_to_ukraine) == (52, 75)


def test_a_pronoun_opening_a_mediation_sentence_is_the_country_before() -> None:
    m = one(
        "Ukraine and Russia each handed over 75 prisoners on Friday.\n"
        "The United Arab Emirates, which has facilitated a string of earlier swaps, said its officials had "
        "worked on the lists for weeks. It called the release the result of its mediation efforts.",
        date(2024, 5, 31),
    )
    assert m.mediators == ("AE",)


@pytest.mark.parametrize(
    "background",
    [
        "In 2022, Turkey and Saudi Arabia brokered the release of the Azovstal commanders.",
        "У 2022 році за посередництва Туреччини звільнили командирів «Азовсталі».",
    ],
)
def test_mediation_in_an_earlier_year_is_not_this_swaps(background: str) -> None:
    m = one(
        "Ukraine and Russia exchanged 175 prisoners each on Wednesday in a swap mediated by the UAE.\n" + background,
        published=date(2025, 3, 20),
    )
    assert m.mediators == ("AE",)


def test_the_biggest_swap_of_the_war_is_no_period_review() -> None:
    m = one(
        "Ukraine and Russia carry out biggest prisoner swap of the war after UAE mediation\n"
        "Ukraine and Russia exchanged 230 and 248 prisoners on Wednesday.",
        date(2024, 1, 3),
    )
    assert m.mediators == ("AE",)


@pytest.mark.parametrize(
    "text",
    [
        "Russia's defence ministry said 146 Russian servicemen had been returned, as well as eight residents "
        "of the Kursk region who had been held in Ukraine after Kyiv's incursion last year.",
        "Минобороны России сообщило, что вернулись 146 российских военнослужащих, а также восемь жителей "
        "Курской области, которые были вывезены на Украину в прошлом году.",
    ],
)
def test_the_peoples_own_history_dates_nothing_about_the_swap(text: str) -> None:
    m = one(text, date(2025, 8, 24))
    assert m.returned_to_russia == 154


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Ukraine each handed over 157 prisoners on Thursday, and Moscow also received three "
        "civilians from its Kursk region.",
        "Russland und die Ukraine übergaben am Donnerstag jeweils 157 Gefangene, und Moskau erhielt zudem "
        "drei Zivilisten aus dem Gebiet Kursk.",
    ],
)
def test_a_part_with_a_subject_and_verb_of_its_own_goes_to_that_side(text: str) -> None:
    m = one(text, date(2026, 2, 5))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (157, 160)


def test_german_zusaetzlich_adds_wounded_to_both_sides() -> None:
    m = one(
        "Am Samstag kehrten 246 russische Soldaten zurück, im Gegenzug seien 246 ukrainische Kriegsgefangene "
        "übergeben worden. Zusätzlich übergab Moskau 31 verwundete Ukrainer und erhielt dafür 15 verwundete "
        "russische Soldaten.",
        date(2025, 4, 19),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.wounded_to_ukraine) == (277, 261, 31)


@pytest.mark.parametrize(
    "text",
    [
        "Вчора Україна повернула з полону 84 людей: 33 цивільних і 51 військового. Серед них — троє "
        "мешканців нашої області.",
        "Yesterday Ukraine brought home 84 people: 33 civilians and 51 soldiers. Among them were three "
        "residents of the Chernihiv region.",
    ],
)
def test_residents_of_a_region_among_the_freed_are_no_civilians(text: str) -> None:
    m = one(text, date(2025, 8, 15))
    assert (m.returned_to_ukraine, m.civilians_to_ukraine) == (84, 33)


def test_residents_of_russias_border_region_are_civilians() -> None:
    m = one(
        "On Sunday Russia got back 146 servicemen, as well as eight residents of the Kursk region.",
        date(2025, 8, 24),
    )
    assert m.returned_to_russia == 154


@pytest.mark.parametrize(
    "text",
    [
        "In return, Ukraine handed over 55 Russian soldiers and pro-Moscow fighters, as well as Viktor "
        "Medvedchuk, a Ukrainian politician close to Putin.",
        "Взамен Украина передала 55 российских военных, а также Виктора Медведчука, бывшего политика.",
    ],
)
def test_a_named_person_with_his_title_after_as_well_as_adds_one(text: str) -> None:
    m = one("Ukraine said 215 of its fighters were freed on Wednesday. " + text, date(2022, 9, 22))
    assert m.returned_to_russia == 56


@pytest.mark.parametrize(
    "lead",
    [
        "Владимир Зеленский привел другую цифру. По его словам, домой вернулись 189 украинцев.",
        "Zelensky gave another figure. According to him, 189 Ukrainians came home.",
    ],
)
def test_his_words_are_the_speaker_of_the_sentence_before(lead: str) -> None:
    m = one(
        "Министерство обороны России сообщило, что вернулись 150 российских военнослужащих, а взамен "
        "переданы 150 военнопленных ВСУ. " + lead,
        date(2024, 12, 30),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (189, 150)


@pytest.mark.parametrize(
    "text",
    [
        "L'Ukraine a annoncé jeudi le retour de 45 de ses soldats ainsi que de deux civils.",
        "L'Ukraine a annoncé jeudi le retour de 45 de ses soldats et de deux civils.",
    ],
)
def test_french_de_ses_is_the_country_before_and_ainsi_que_adds(text: str) -> None:
    m = one(text, date(2023, 7, 6))
    assert (m.returned_to_ukraine, m.civilians_to_ukraine) == (47, 2)


@pytest.mark.parametrize(
    "text",
    [
        "At Easter, 246 Ukrainians came home in a regular swap.",
        "На Великдень додому повернулися 246 захисників.",
        "Zu Ostern kehrten 246 ukrainische Soldaten zurück.",
    ],
)
def test_a_holiday_weeks_ago_dates_a_recalled_swap(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 5, 6)) == []


def test_a_holiday_of_the_publication_day_is_the_news() -> None:
    m = one("На Великдень додому повернулися 246 захисників.", date(2025, 4, 20))
    assert (m.event_date, m.returned_to_ukraine) == (date(2025, 4, 20), 246)


@pytest.mark.parametrize(
    "text",
    [
        "Russland und mehrere westliche Staaten haben am Donnerstag 26 Gefangene ausgetauscht. Im Gegenzug "
        "kehrten acht Russen nach Moskau zurück. Mit dem Austausch von Kriegsgefangenen zwischen Moskau und "
        "Kiew hat der Deal nichts zu tun.",
        "Russia and the United States swapped 26 prisoners on Thursday; eight Russians flew home. The deal "
        "has nothing to do with the exchanges of prisoners of war between Russia and Ukraine.",
    ],
)
def test_a_swap_set_apart_from_the_kyiv_moscow_exchanges_is_not_this_wars(text: str) -> None:
    assert extract_exchanges(text, published=date(2024, 8, 2)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Who came home to Ukraine?\nAccording to President Zelensky, 146 servicemen and eight civilians.",
        "Who returned to Ukraine?\n146 servicemen and eight civilians, the ombudsman said.",
        "Хто повернувся в Україну?\nЗа даними Координаційного штабу, 146 військових і восьмеро цивільних.",
    ],
)
def test_a_who_question_binds_its_verbless_answer(text: str) -> None:
    m = one("Ukraine and Russia swapped prisoners on Sunday.\n" + text, date(2025, 8, 25))
    assert (m.returned_to_ukraine, m.civilians_to_ukraine) == (154, 8)


def test_a_who_question_answered_by_a_sentence_is_left_alone() -> None:
    m = one(
        "Who came home?\nRussia said 146 Russian soldiers were returned on Sunday.",
        date(2025, 8, 25),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia) == (None, 146)


@pytest.mark.parametrize(
    "answer",
    [
        "The United Arab Emirates, which has mediated most exchanges since early 2024.",
        "The United Arab Emirates, which has also worked on the return of Ukrainian children.",
    ],
)
def test_an_aside_about_the_mediator_is_no_tally_and_no_childrens_clause(answer: str) -> None:
    m = one("Ukraine and Russia exchanged 146 prisoners each on Sunday.\nWho brokered it?\n" + answer, date(2025, 8, 25))
    assert m.mediators == ("AE",)


@pytest.mark.parametrize(
    ("dateline", "side"),
    [("KYIV — ", "ua"), ("KYIV (AP) — ", "ua"), ("MOSCOW (Reuters) — ", "ru")],
)
def test_an_unsided_home_is_the_datelines_capital(dateline: str, side: str) -> None:
    m = one(dateline + "Thursday's exchange brought home 185 soldiers and 20 civilians.", date(2025, 10, 3))
    got = m.returned_to_ukraine if side == "ua" else m.returned_to_russia
    assert got == 205


def test_no_dateline_leaves_an_unsided_home_unsided() -> None:
    assert extract_exchanges(
        "Thursday's exchange brought home 185 soldiers and 20 civilians.", published=date(2025, 10, 3)
    ) == []


def test_plural_demonyms_name_mediators() -> None:
    m = one(
        "KYIV — Thursday's exchange brought home 185 soldiers. The Emiratis, who brokered Thursday's swap, "
        "will issue a statement.",
        date(2025, 10, 3),
    )
    assert m.mediators == ("AE",)


def test_a_wrap_up_with_day_subheadings_gives_each_day() -> None:
    text = (
        "Russia and Ukraine completed the exchange on Sunday, ending a three-day operation that returned "
        "1,000 people to each side.\n"
        "Friday: 390 each\nThe first buses crossed on Friday. Ukraine received 270 servicemen and 120 "
        "civilians, and Russia got back the same number of each.\n"
        "Saturday: 307 each\nOn Saturday a further 307 Ukrainian soldiers came home, and Russia said 307 of "
        "its troops were returned.\n"
        "Sunday: 303 each\nThe final group, 303 soldiers on each side, crossed on Sunday afternoon."
    )
    got = [(m.event_date.day, m.returned_to_ukraine, m.returned_to_russia) for m in extract_exchanges(text, published=date(2025, 5, 26))]
    assert got == [(25, 303, 303), (24, 307, 307), (23, 390, 390)]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine and Russia ended a three-day exchange on Sunday that returned 1,000 people to each side.",
        "Україна та Росія в неділю завершили триденний обмін, за яким повернулася тисяча людей з кожного боку.",
    ],
)
def test_a_multi_day_operations_figure_is_a_running_total(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 5, 26)) == []


def test_a_comma_and_the_other_countrys_verb_open_its_own_statement() -> None:
    m = one(
        "У п'ятницю Україна отримала 270 військових і 120 цивільних, Росії передали таку саму кількість.",
        date(2025, 5, 23),
    )
    assert (m.returned_to_ukraine, m.returned_to_russia, m.civilians_to_ukraine) == (390, 390, 120)


@pytest.mark.parametrize(
    "text",
    [
        "In Friday's swap, Ukraine got back 84 soldiers while Russia received 84 of its servicemen.",
        "У п'ятницю Україна повернула 84 військових, а Росія отримала 84 своїх.",
    ],
)
def test_of_its_after_while_is_the_second_clauses_country(text: str) -> None:
    m = one(text, date(2025, 6, 14))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (84, 84)


@pytest.mark.parametrize(
    "text",
    [
        "Росія передала Україні 84 військовополонених, а отримала 84 своїх військових.",
        "Россия передала Украине 84 военнопленных, а получила 84 своих военных.",
    ],
)
def test_the_reflexive_own_is_the_subjects_not_the_recipients(text: str) -> None:
    m = one(text, date(2025, 6, 14))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (84, 84)


@pytest.mark.parametrize(
    "text",
    [
        "Обмін полоненими, запланований на п'ятницю, не відбувся: 84 захисники так і не повернулися.",
        "The swap planned for Friday did not take place, and 84 soldiers never came home.",
    ],
)
def test_a_negated_return_does_not_make_a_called_off_swap_go_ahead(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 6, 14)) == []


@pytest.mark.parametrize(
    "text",
    [
        "On Friday Ukraine got back 72 soldiers. Twelve civilians were also freed.",
        "On Friday Ukraine got back 72 soldiers. Also returned were 12 civilians.",
        "У п'ятницю Україна повернула 72 військових. Також звільнили 12 цивільних.",
    ],
)
def test_an_unsided_extra_after_one_sides_figure_adds_to_it(text: str) -> None:
    m = one(text, date(2025, 6, 14))
    assert (m.returned_to_ukraine, m.civilians_to_ukraine) == (84, 12)


def test_an_unsided_extra_after_both_sides_figure_stays_unsided() -> None:
    m = one("On Friday Ukraine and Russia swapped 72 soldiers each. Twelve civilians were also freed.", date(2025, 6, 14))
    assert (m.returned_to_ukraine, m.returned_to_russia) == (72, 72)


def test_russian_genitive_singular_person_is_people() -> None:
    m = one("В пятницу на Украину вернулись 84 человека.", date(2025, 6, 14))
    assert m.returned_to_ukraine == 84


@pytest.mark.parametrize(
    "text",
    [
        "A year ago today, 84 Ukrainian soldiers came home in a swap with Russia.",
        "Рік тому сьогодні додому з полону повернулися 84 захисники.",
    ],
)
def test_a_year_ago_today_is_an_anniversary(text: str) -> None:
    assert extract_exchanges(text, published=date(2025, 6, 14)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On Friday Ukraine got back a dozen soldiers.", 12),
        ("On Friday Ukraine got back two dozen soldiers.", 24),
        ("On Friday Ukraine got back half a dozen soldiers.", 6),
    ],
)
def test_dozens_are_numbers(text: str, value: int) -> None:
    assert one(text, date(2025, 6, 14)).returned_to_ukraine == value


def test_dozens_of_is_no_number() -> None:
    assert extract_exchanges("On Friday dozens of Ukrainian soldiers came home.", published=date(2025, 6, 14)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am Freitag bekam die Ukraine 84 Soldaten zurück.", (84, None)),
        ("Am Freitag übergab Russland 84 ukrainische Gefangene.", (84, None)),
        ("Am Freitag übergab die Ukraine 84 Gefangene an Russland.", (None, 84)),
    ],
)
def test_german_verb_before_its_subject(text: str, expected: tuple) -> None:
    m = one(text, date(2025, 6, 14))
    assert (m.returned_to_ukraine, m.returned_to_russia) == expected


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("Ukraine and Russia exchanged 84 prisoners each on the 13th.", date(2025, 6, 14), date(2025, 6, 13)),
        ("Ukraine and Russia exchanged 84 prisoners each on the 31st.", date(2025, 6, 1), date(2025, 5, 31)),
    ],
)
def test_a_day_of_the_month_without_a_month(text: str, published: date, day: date) -> None:
    assert one(text, published).event_date == day


def test_an_ordinal_exchange_is_no_day_of_the_month() -> None:
    m = one("Ukraine and Russia exchanged 84 prisoners each on Friday, on the 49th exchange of the war.", date(2025, 6, 14))
    assert m.event_date == date(2025, 6, 13)


@pytest.mark.parametrize(
    "text",
    [
        "У п'ятницю додому повернулися 84 українці, з них 12 — цивільні.",
        "В пятницу домой вернулись 84 украинца, из них 12 — гражданские.",
        "On Friday 84 Ukrainians came home, of them 12 - civilians.",
    ],
)
def test_of_them_n_dash_noun_is_a_subset(text: str) -> None:
    m = one(text, date(2025, 6, 14))
    assert (m.returned_to_ukraine, m.civilians_to_ukraine) == (84, 12)


def test_a_holiday_near_the_publication_day_leaves_the_dating_to_the_article() -> None:
    """'В Рождество' in a report of the next morning is "now" (the swap may have been on the eve or
    the day after), so the article's own dating decides."""
    text = "На Рождество из плена вернулись 50 российских военных, сообщило сегодня Минобороны."
    assert one(text, published=date(2023, 1, 8)).event_date == date(2023, 1, 8)
