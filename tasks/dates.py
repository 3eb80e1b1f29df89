"""Date expressions in news text (English, Ukrainian, Russian, German, French), resolved against the publication date.

`find_dates(text, published)` finds and resolves, in order of position:

- absolute dates: "2024-01-03", "03.01.2024", "January 3, 2024", "3 January 2024", "3 січня 2024 року";
- month and day without a year: "on Nov. 24", "March 24", "24 березня", "3 января" (year taken
  from `published`; a date more than two days after publication means the previous year);
- weekdays: "on Wednesday", "у середу", "в среду" (the latest such day on or before publication);
- "yesterday"/"вчора"/"вчера", "today"/"сьогодні"/"сегодня", "the day before yesterday";
- "last week"/"last month"/"last year" and their uk/ru forms (kind "past": an earlier event,
  resolved roughly, used to tell recalled swaps from the news).

dateparser is used for nothing here: its `search_dates` also read "may", "march" and bare numbers
as dates and cost milliseconds per sentence; these fixed patterns are exact and cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class DateSpan:
    value: date | None  # None when it cannot be resolved (no publication date)
    start: int
    end: int
    kind: str  # "absolute" | "month_day" | "weekday" | "relative" | "month" | "past"


_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "january jan січня січень января январь januar jänner janvier",
        "february feb лютого лютий февраля февраль februar février",
        "march mar березня березень марта март märz mars",
        "april apr квітня квітень апреля апрель april avril",
        "may травня травень мая май mai",
        "june jun червня червень июня июнь juni juin",
        "july jul липня липень июля июль juli juillet",
        "august aug серпня серпень августа август august août",
        "september sep sept вересня вересень сентября сентябрь september septembre",
        "october oct жовтня жовтень октября октябрь oktober octobre",
        "november nov листопада листопад ноября ноябрь november novembre",
        "december dec грудня грудень декабря декабрь dezember décembre",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _num

_WEEKDAYS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "monday понеділок понеділка понедельник понедельника montag lundi",
        "tuesday вівторок вівторка вторник вторника dienstag mardi",
        "wednesday середу середа среду mittwoch mercredi",
        "thursday четвер четверга четверг donnerstag jeudi",
        "friday п'ятницю п’ятницю пʼятницю п'ятниця п’ятниця пятницу пятница пятницы freitag vendredi",
        "saturday суботу субота суботи субботу суббота субботы samstag sonnabend samedi",
        "sunday неділю неділя неділі воскресенье воскресенья sonntag dimanche",
    ]
):
    for _name in _names.split():
        _WEEKDAYS[_name] = _num

_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(sorted((re.escape(w) for w in _WEEKDAYS), key=len, reverse=True))
_YEAR = r"(?:19|20)\d{2}"

_ISO_RE = re.compile(rf"\b({_YEAR})-(\d{{1,2}})-(\d{{1,2}})\b")
_DOTTED_RE = re.compile(rf"\b(\d{{1,2}})\.(\d{{1,2}})\.({_YEAR})\b")
# "January 3, 2024", "Jan. 3", "Nov 24"
_MDY_RE = re.compile(
    rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+({_YEAR})\b)?", re.IGNORECASE
)
# "3 January 2024", "24 березня", "3 января 2024 года"
_DMY_RE = re.compile(
    rf"\b(\d{{1,2}})(?:-?(?:го|е|st|nd|rd|th|er)|\.)?\s+(?:of\s+)?({_MONTH_ALT})\b\.?(?:,?\s+({_YEAR})\b)?",
    re.IGNORECASE,
)
_WEEKDAY_RE = re.compile(
    rf"(?<![\w'’])({_WEEKDAY_ALT})(?:abend|morgen|nachmittag|vormittag|nacht)?(?:(?![\w'’])|(?=['’]s\b))",
    re.IGNORECASE,
)
_LAST_BEFORE_RE = re.compile(r"(?:\blast|минул\w+|прошл\w+)\s+$", re.IGNORECASE)
_RELATIVE_RE = re.compile(
    r"\b(the day before yesterday|позавчора|позавчера|yesterday|вчора|вчера|учора|vorgestern|gestern|heute|"
    r"avant-hier|hier|aujourd['’]hui|"
    r"today|сьогодні|сегодня|tonight|this morning|this evening|last night|минулої ночі|"
    r"цього ранку|сегодня утром|прошлой ночью)\b",
    re.IGNORECASE,
)
_PAST_RE = re.compile(
    r"\b(last (?:week|month|year|summer|autumn|fall|winter|spring)|(?:a|one|two|three|several) "
    r"(?:weeks?|months?|years?) ago|минулого (?:тижня|місяця|року)|минулому (?:тижні|місяці|році)|"
    r"на минулому тижні|на прошлой неделе|в прошлом (?:месяце|году)|прошлого (?:месяца|года)|"
    r"(?:\w+\s+)?(?:рік|роки|років|року|год|года|лет|місяц\w*|месяц\w*|тижн\w*|недел\w*)\s+(?:тому|назад))\b",
    re.IGNORECASE,
)
# a month without a day: "In August", "у серпні", "в августе" (an earlier event unless it is this month)
_MONTH_IN = {
    "січні": 1, "лютому": 2, "березні": 3, "квітні": 4, "травні": 5, "червні": 6, "липні": 7,
    "серпні": 8, "вересні": 9, "жовтні": 10, "листопаді": 11, "грудні": 12,
    "январе": 1, "феврале": 2, "марте": 3, "апреле": 4, "мае": 5, "июне": 6, "июле": 7,
    "августе": 8, "сентябре": 9, "октябре": 10, "ноябре": 11, "декабре": 12,
}  # fmt: skip
_MONTH_ONLY_RE = re.compile(
    rf"\b(in|im|since|seit|from|until|late|early|last|mid|у|в|з|с|минулого|прошлого|"
    # part of a month: "in mid-September", "at the end of August", "Anfang Februar", "наприкінці
    # серпня", "в середине сентября", "début mars"
    rf"(?:the\s+)?(?:end|beginning|start|middle)\s+of|anfang|mitte|ende|début|fin|"
    rf"наприкінці|на початку|в середині|у середині|в кінці|у кінці|в конце|в начале|в середине)"
    rf"(?:\s+|-)(?:late\s+|early\s+|mid-)?"
    rf"({_MONTH_ALT}|{'|'.join(_MONTH_IN)})\b(?:,?\s+({_YEAR})\b)?"
    # a month with its year needs no preposition: "the swap of December 2024"
    rf"|()\b({_MONTH_ALT})\s+({_YEAR})\b",
    re.IGNORECASE,
)
_GERMAN_RE = re.compile(
    r"\b(?:und|der|die|das|ist|sind|wurden|wurde|haben|hat|nicht|mit|aus)\b|[äöüß]", re.IGNORECASE
)
# "Накануне Россия и Украина обменялись ...", "Напередодні, ...": the day before publication; not
# "накануне Пасхи" (the eve of a named day)
_EVE_RE = re.compile(
    r"\b(?:напередодні|накануне)(?=\s*,|\s+(?:ввечері|вечером|вночі|ночью|вранці|утром|днем|вдень|"
    r"Україн\w*|Росі[яї]|Росси[яи]|Украин\w*|Київ|Киев|Москва|сторон\w*|Міноборони|Минобороны|Зеленськ\w*|"
    r"Зеленск\w*|Коордштаб\w*|Координаційн\w*|Координационн\w*|"
    # "Накануне из плена вернулись ...", "напередодні у Стамбулі", "накануне состоялся обмен": a
    # preposition, a figure or a verb in the past tense, not the genitive of a named day
    r"(?:из|с|со|в|во|на|з|із|у|до|по|під|под)(?=\s)|\d+|\w+(?:лись|лися|лся|лась|лось|лося|ли|ло|ла)"
    r")\b)",
    re.IGNORECASE,
)
# "на сьогодні", "на сегодня", "as of today", "bis heute": up to now, not the day of an event
_UP_TO_RE = re.compile(
    r"(?:(?<!\w)(?:на|станом на|по состоянию на|до|as of|until|up to|bis|jusqu['’]à)\s+)$",
    re.IGNORECASE,
)
_RELATIVE_OFFSET = {
    "the day before yesterday": -2, "позавчора": -2, "позавчера": -2,
    "yesterday": -1, "hier": -1, "avant-hier": -2, "вчора": -1, "вчера": -1, "учора": -1, "gestern": -1, "vorgestern": -2,
    "last night": -1, "минулої ночі": -1, "прошлой ночью": -1,
}  # fmt: skip


# "on the 13th", "on the 1st" with no month: a day of the current month
_DAY_OF_MONTH_RE = re.compile(r"\b(?:on|since|by)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?\w*(?:exchange|swap|anniversary|day|time|round|stage|century))", re.IGNORECASE)
# a holiday named as the time of something: "At Easter, 246 came home", "на Великдень", "zu Ostern"
_HOLIDAY_RE = re.compile(
    r"\b(?:at|on|over|for)\s+(?:orthodox\s+)?(easter|christmas)(?:\s+(?:day|sunday|eve))?\b(?!\s+(?:truce|ceasefire))|"
    r"\b(?:на|у|в)\s+(великдень|пасху|різдво|рождество)\b|"
    r"\b(?:zu|an|über)\s+(ostern|weihnachten)\b|\bà\s+(pâques|noël)\b",
    re.IGNORECASE,
)


def _orthodox_easter(year: int) -> date:
    """Orthodox Easter (Meeus' Julian algorithm, then to the Gregorian calendar; 1900-2099)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=13)


def _last_holiday(word: str, published: date) -> date:
    """The holiday's latest day on or before the day after `published`."""
    word = word.lower()
    for year in (published.year, published.year - 1):
        if word in ("easter", "великдень", "пасху", "ostern", "pâques"):
            day = _orthodox_easter(year)
        elif word == "рождество":
            day = date(year, 1, 7)
        else:
            day = date(year, 12, 25)
        if day <= published + timedelta(days=1):
            return day
    return day


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(month: int, day: int, year: int | None, published: date | None) -> date | None:
    if year is not None:
        return _safe_date(year, month, day)
    if published is None:
        return None
    resolved = _safe_date(published.year, month, day)
    if resolved is not None and resolved > published + timedelta(days=2):
        resolved = _safe_date(published.year - 1, month, day)
    return resolved


def weekday_on_or_before(weekday: int, published: date) -> date:
    """The latest day with this weekday (0 = Monday) on or before `published`."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _past_value(phrase: str, published: date | None) -> date | None:
    if published is None:
        return None
    p = phrase.lower()
    if "week" in p or "тиж" in p or "недел" in p:
        return published - timedelta(days=7)
    if "year" in p or "рок" in p or "год" in p:
        return published - timedelta(days=365)
    return published - timedelta(days=30)


def find_dates(text: str, published: date | None) -> list[DateSpan]:
    """Date expressions in `text`, resolved against `published`, in order of position."""
    found: list[DateSpan] = []

    def free(start: int, end: int) -> bool:
        return not any(s.start < end and start < s.end for s in found)

    for m in _ISO_RE.finditer(text):
        found.append(DateSpan(_safe_date(int(m[1]), int(m[2]), int(m[3])), m.start(), m.end(), "absolute"))
    for m in _DOTTED_RE.finditer(text):
        if free(m.start(), m.end()):
            found.append(
                DateSpan(_safe_date(int(m[3]), int(m[2]), int(m[1])), m.start(), m.end(), "absolute")
            )
    for regex, day_group, month_group in ((_MDY_RE, 2, 1), (_DMY_RE, 1, 2)):
        for m in regex.finditer(text):
            if not free(m.start(), m.end()):
                continue
            month_word = m[month_group].lower()
            # "may" and "mar" are also ordinary words: only a capitalised month counts in English
            if month_word in ("may", "mar", "jan", "sep", "oct", "dec") and m[month_group][0].islower():
                continue
            year = int(m[3]) if m[3] else None
            value = _month_day(_MONTHS[month_word], int(m[day_group]), year, published)
            found.append(DateSpan(value, m.start(), m.end(), "absolute" if year else "month_day"))
    for m in _WEEKDAY_RE.finditer(text):
        if free(m.start(), m.end()):
            value = weekday_on_or_before(_WEEKDAYS[m[1].lower()], published) if published else None
            if value is not None and _LAST_BEFORE_RE.search(text[: m.start()]):
                # "last Saturday" read on a Saturday is a week ago, not today
                value = weekday_on_or_before(_WEEKDAYS[m[1].lower()], published - timedelta(days=1))
            found.append(DateSpan(value, m.start(), m.end(), "weekday"))
    for m in _RELATIVE_RE.finditer(text):
        if m[1].lower() == "hier" and _GERMAN_RE.search(text):
            continue  # German "hier" is "here"
        if re.search(r"(?:\bago|тому|назад)\s*,?\s*$", text[max(0, m.start() - 20) : m.start()], re.IGNORECASE):
            continue  # "a year ago today", "рік тому сьогодні": an anniversary, the day is the old one
        if _UP_TO_RE.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # "Останній на сьогодні обмін", "the latest to date", "по состоянию на сегодня": until now
        if free(m.start(), m.end()):
            offset = _RELATIVE_OFFSET.get(m[1].lower(), 0)
            value = published + timedelta(days=offset) if published else None
            found.append(DateSpan(value, m.start(), m.end(), "relative"))
    for m in _EVE_RE.finditer(text):
        if free(m.start(), m.end()):
            value = published - timedelta(days=1) if published else None
            found.append(DateSpan(value, m.start(), m.end(), "relative"))
    for m in _MONTH_ONLY_RE.finditer(text):
        lead, month_word, year_text = (m[1], m[2], m[3]) if m[2] else (m[4], m[5], m[6])
        if free(m.start(), m.end()):
            word = month_word.lower()
            if word in ("may", "mar") and month_word[0].islower():
                continue
            month = _MONTHS.get(word) or _MONTH_IN[word]
            year = int(year_text) if year_text else None
            if year is None and published is not None:
                # "last August" read in August is a year ago; "in August" is this year's
                last = lead.lower() in ("last", "минулого", "прошлого")
                this_year = month < published.month or (month == published.month and not last)
                year = published.year if this_year else published.year - 1
            value = _safe_date(year, month, 1) if year else None
            found.append(DateSpan(value, m.start(2) if m[2] else m.start(5), m.end(), "month"))
    for m in _DAY_OF_MONTH_RE.finditer(text):
        if free(m.start(), m.end()) and published is not None:
            # "on the 13th": a day of this month (or of the last, when it is still to come)
            day = int(m[1])
            value = _safe_date(published.year, published.month, day)
            if value is None or value > published + timedelta(days=1):
                prev = published.replace(day=1) - timedelta(days=1)
                value = _safe_date(prev.year, prev.month, day)
            found.append(DateSpan(value, m.start(), m.end(), "month_day"))
    for m in _HOLIDAY_RE.finditer(text):
        if free(m.start(), m.end()) and published is not None:
            word = next(g for g in m.groups() if g)
            value = _last_holiday(word, published)
            # A holiday dates a swap to within a day or two only ("at Easter" for the swap on its
            # eve, "в Рождество" for the day after): near the publication day it says "now", and
            # the article's own dating decides; further back it marks a recalled swap.
            if (published - value).days > 2:
                found.append(DateSpan(value, m.start(), m.end(), "absolute"))
    for m in _PAST_RE.finditer(text):
        if free(m.start(), m.end()):
            found.append(DateSpan(_past_value(m[1], published), m.start(), m.end(), "past"))
    return sorted(found, key=lambda s: s.start)


_STATED_KEY_RE = re.compile(
    r"(?:^|\b)(?:date|published|posted|updated|опубліковано|оновлено|опубликовано|обновлено|дата)\b"
    r"\s*(?:on)?\s*:?\s*",
    re.IGNORECASE,
)
# a dateline: "KYIV, Jan 4, 2024 (Reuters) -" or "КИЇВ, 4 січня 2024"
_DATELINE_RE = re.compile(r"^\s*[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ.'’ -]{2,30},\s*")


def find_stated_date(text: str) -> date | None:
    """The date a text states as its own: "date 2024-01-04", "Published: ...", a dated dateline.

    Only the head of the text is read (first five lines): a date in the body is about events.
    A date without a year is not a publication date.
    """
    for line in text.splitlines()[:5]:
        stripped = line.strip()
        if not stripped:
            continue
        candidates: list[int] = []
        for key in _STATED_KEY_RE.finditer(stripped):
            candidates.append(key.end())
        dateline = _DATELINE_RE.match(stripped)
        if dateline:
            candidates.append(dateline.end())
        candidates.append(0)  # a line that starts with a date
        for pos in candidates:
            head = stripped[pos : pos + 40]
            for span in find_dates(head, None):
                if span.start == 0 and span.kind == "absolute" and span.value is not None:
                    return span.value
    return None
