"""Numbers as news reports write them: digits, English, Ukrainian, Russian, German and French number words.

`find_numbers(text)` returns every cardinal and ordinal it recognises, with its character span,
so callers can look at the words around it. Handled:

- digits with thousands separators: "1,000", "1 000" (space, no-break or thin space), "1.000"
  (German), "2828"; digits with a thousands word: "1,2 тис.", "5 тыс.", "1.2 thousand";
- English words: "fifty", "Ninety-five", "one hundred and seventy-five", "a hundred", "1,000";
- English ordinals: "49th", "forty-ninth", "fiftieth", "one hundredth";
- German and French cardinal words ("vier", "fünfundzwanzig", "hundertfünfzig", "zweihundertsechs",
  "quarante-cinq", "cent quatre-vingt-cinq", "deux cent six"); French "sept" only in lower case
  (capitalised it is September); where readings overlap the longest wins;
- Ukrainian and Russian cardinals in any case ("двісті тридцять", "двохсот тридцяти",
  "ста семидесяти пяти", "п'ятдесят", "дві сотні", "сотню"), and ordinals ("сорок дев'ятий",
  "49-й", "49-го").

number-parser (PyPI) was not used: it has no Ukrainian and misses inflected Russian forms, which
are the common case in reports ("з полону повернулися двісті тридцять захисників").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class NumberSpan:
    value: int
    start: int
    end: int
    is_ordinal: bool = False
    is_word: bool = False  # written in words rather than digits


# --- English ------------------------------------------------------------------------------

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_ORD_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}  # fmt: skip
_EN_ORD_TENS = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}  # fmt: skip
_EN_SCALES = {"hundred": 100, "thousand": 1000}
_EN_ORD_SCALES = {"hundredth": 100, "thousandth": 1000}

# --- Ukrainian and Russian: stems with their inflected endings -----------------------------
# Each entry: regex matching every case form, value, and whether it is a multiplier.
_APOS = "['’ʼ`]"
_SLAVIC_CARDINALS: list[tuple[str, int]] = [
    # hundreds first so "двісті" is not read as "дві"
    (r"двісті|двести|двохсот|двухсот|двомстам|двумстам|двомастами|двумястами|двохстах|двухстах", 200),
    (r"триста|трьохсот|трехсот|трёхсот|трьомстам|тремстам|трьомастами|тремястами", 300),
    (r"чотириста|четыреста|чотирьохсот|четырехсот|четырёхсот", 400),
    (rf"п{_APOS}?ятсот|пятьсот|п{_APOS}?ятисот|пятисот", 500),
    (r"шістсот|шестьсот|шестисот|шістьохсот|шестисот", 600),
    (r"сімсот|семьсот|семисот|сімохсот", 700),
    (r"вісімсот|восемьсот|восьмисот|вісьмохсот|восьмисот", 800),
    (rf"дев{_APOS}?ятсот|девятьсот|дев{_APOS}?ятисот|девятисот", 900),
    (r"сто|ста", 100),
    # teens before units ("одинадцять" must not be read as "один")
    (r"одинадцят[ьиюі]\w*|одиннадцат[ьиюі]\w*", 11),
    (r"дванадцят\w*|двенадцат\w*", 12),
    (r"тринадцят\w*|тринадцат\w*", 13),
    (r"чотирнадцят\w*|четырнадцат\w*", 14),
    (rf"п{_APOS}?ятнадцят\w*|пятнадцат\w*", 15),
    (r"шістнадцят\w*|шестнадцат\w*", 16),
    (r"сімнадцят\w*|семнадцат\w*", 17),
    (r"вісімнадцят\w*|восемнадцат\w*", 18),
    (rf"дев{_APOS}?ятнадцят\w*|девятнадцат\w*", 19),
    (r"двадцят\w*|двадцат\w*", 20),
    (r"тридцят\w*|тридцат\w*", 30),
    (r"сорок[аоу]?", 40),
    (rf"п{_APOS}?ятдесят\w*|пятьдесят|пятидесят\w*|п{_APOS}?ятидесят\w*", 50),
    (r"шістдесят\w*|шістьдесят\w*|шестьдесят|шестидесят\w*", 60),
    (r"сімдесят\w*|семьдесят|семидесят\w*", 70),
    (r"вісімдесят\w*|восемьдесят|восьмидесят\w*", 80),
    (rf"дев{_APOS}?яност[оа]|девяност[оа]", 90),
    (r"десят[ьиюі]\w*|десят[ьи]", 10),
    # collective numerals ("двоє цивільних", "трое военных") before the plain ones
    (r"двоє|двое|двох|двоих|двоїм|двоим", 2),
    (r"троє|трое|трьох|троих", 3),
    (r"четверо|четверых|чотирьох", 4),
    (r"п['’ʼ`]?ятеро|пятеро|п['’ʼ`]?ятьох|пятерых", 5),
    (r"шестеро|шістьох|шестерых", 6),
    (r"семеро|сімох|семерых", 7),
    (r"восьмеро|вісьмох|восьмерых", 8),
    (r"дев['’ʼ`]?ятеро|девятеро|дев['’ʼ`]?ятьох|девятерых", 9),
    (r"десятеро|десятьох|десятерых", 10),
    (r"один|одна|одне|одно|одного|одному|одним|одній|одной|однієї|одной", 1),
    (r"два|дві|две|двох|двух|двом|двум|двома|двумя", 2),
    (r"три|трьох|трех|трёх|трьом|трем|трём|трьома|тремя", 3),
    (r"чотири|четыре|чотирьох|четырех|четырёх|чотирьом|четырем|чотирма|четырьмя", 4),
    (rf"п{_APOS}?ять|пять|п{_APOS}?яти|пяти|п{_APOS}?ятьма|пятью", 5),
    (r"шість|шесть|шести|шістьох|шістьма|шестью", 6),
    (r"сім|семь|семи|сімох|сьома|сімома|семью", 7),
    (r"вісім|восемь|восьми|вісьмох|вісьмома|восемью", 8),
    (rf"дев{_APOS}?ять|девять|дев{_APOS}?яти|девяти|дев{_APOS}?ятьма|девятью", 9),
]
_SLAVIC_THOUSAND = r"тисяч\w*|тысяч\w*"
_SLAVIC_HUNDREDS = r"сотн\w*|сотен|сотень|сотню"  # "дві сотні", "сотню полонених"

# ordinals: tens part (cardinal form) + ordinal unit, or a lone ordinal
_SLAVIC_ORD_UNITS: list[tuple[str, int]] = [
    (r"перш|перв", 1),
    (r"друг|втор", 2),
    (r"трет", 3),
    (r"четверт|четвёрт", 4),
    (rf"п{_APOS}?ят|пят", 5),
    (r"шост|шест", 6),
    (r"сьом|седьм", 7),
    (r"восьм", 8),
    (rf"дев{_APOS}?ят|девят", 9),
    (r"десят", 10),
]
_SLAVIC_ORD_TENS: list[tuple[str, int]] = [
    (r"двадцят|двадцат", 20),
    (r"тридцят|тридцат", 30),
    (r"сорок", 40),
    (rf"п{_APOS}?ятдесят|пятидесят", 50),
    (r"шістдесят|шестидесят", 60),
    (r"сімдесят|семидесят", 70),
    (r"вісімдесят|восьмидесят", 80),
    (rf"дев{_APOS}?яност|девяност", 90),
]
_SLAVIC_ORD_END = r"(?:ий|ій|ый|ой|ого|ому|ім|ом|ому|им|ая|а|е|ої|ой|у|ю)"


_DIGITS_RE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:(?:,|[\u00a0\u202f\u2009 ])\d{3})+|\d{1,3}(?:\.\d{3})+(?![.,]?\d)|\d+)(?![\d]|[.,]\d)"
    r"(?:(st|nd|rd|th)\b|-?(?:й|го|му|м|ий|ій|ого|ому|та|те|ти)\b)?"
)
_WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁёІіЇїЄєҐґ'’ʼ`]+(?:-[A-Za-zА-Яа-яЁёІіЇїЄєҐґ'’ʼ`]+)*")


def _full(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern})", re.IGNORECASE)


_SLAVIC_CARD_RES = [(_full(p), v) for p, v in _SLAVIC_CARDINALS]
_SLAVIC_THOUSAND_RE = _full(_SLAVIC_THOUSAND)
_SLAVIC_HUNDREDS_RE = _full(_SLAVIC_HUNDREDS)
_SLAVIC_ORD_UNIT_RES = [(_full(f"(?:{p})" + _SLAVIC_ORD_END), v) for p, v in _SLAVIC_ORD_UNITS]
_SLAVIC_ORD_TENS_RES = [(_full(f"(?:{p})" + _SLAVIC_ORD_END), v) for p, v in _SLAVIC_ORD_TENS]
_SLAVIC_ORD_HUNDRED_RE = _full(r"сот" + _SLAVIC_ORD_END)


# one pattern for "is this any Slavic number word at all", so ordinary words cost one match
_SLAVIC_ANY_RE = re.compile(
    "|".join(
        [f"(?:{p})" for p, _ in _SLAVIC_CARDINALS]
        + [_SLAVIC_THOUSAND, _SLAVIC_HUNDREDS]
        + [f"(?:{p}){_SLAVIC_ORD_END}" for p, _ in _SLAVIC_ORD_UNITS + _SLAVIC_ORD_TENS]
        + [f"сот{_SLAVIC_ORD_END}"]
    ),
    re.IGNORECASE,
)
_CYRILLIC_RE = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")


def _slavic_cardinal(word: str) -> int | None:
    for pattern, value in _SLAVIC_CARD_RES:
        if pattern.fullmatch(word):
            return value
    return None


def _slavic_ordinal(word: str) -> int | None:
    for pattern, value in _SLAVIC_ORD_UNIT_RES + _SLAVIC_ORD_TENS_RES:
        if pattern.fullmatch(word):
            return value
    if _SLAVIC_ORD_HUNDRED_RE.fullmatch(word):
        return 100
    return None


def _en_word_value(word: str) -> tuple[str, int] | None:
    """Classify one English token: ('unit'|'tens'|'scale'|'ord'|'ordscale', value)."""
    w = word.lower()
    if w in _EN_UNITS:
        return "unit", _EN_UNITS[w]
    if w in _EN_TENS:
        return "tens", _EN_TENS[w]
    if w in _EN_SCALES:
        return "scale", _EN_SCALES[w]
    if w in _EN_ORD_UNITS:
        return "ord", _EN_ORD_UNITS[w]
    if w in _EN_ORD_TENS:
        return "ord", _EN_ORD_TENS[w]
    if w in _EN_ORD_SCALES:
        return "ordscale", _EN_ORD_SCALES[w]
    return None


def _word_tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens, with hyphenated English number words split ("forty-nine" -> forty, nine)."""
    tokens: list[tuple[str, int, int]] = []
    for m in _WORD_RE.finditer(text):
        word = m.group(0)
        parts = word.split("-")
        if len(parts) > 1 and all(_en_word_value(p) for p in parts):
            pos = m.start()
            for part in parts:
                tokens.append((part, pos, pos + len(part)))
                pos += len(part) + 1
        else:
            tokens.append((word, m.start(), m.end()))
    return tokens


def _english_numbers(text: str) -> list[NumberSpan]:
    found: list[NumberSpan] = []
    tokens = _word_tokens(text)
    i = 0
    while i < len(tokens):
        word, start, _ = tokens[i]
        kind = _en_word_value(word)
        if kind is None and not (
            word.lower() == "a"
            and i + 1 < len(tokens)
            and tokens[i + 1][0].lower() in ("hundred", "thousand")
        ):
            i += 1
            continue
        total, current, end, ordinal = 0, 0, start, False
        j = i
        last_kind = None
        while j < len(tokens):
            w, s, e = tokens[j]
            gap = text[end:s] if j > i else ""
            if j > i and gap.strip(" -") not in ("", "and") and gap not in (" and ",):
                break
            if w.lower() == "and" or (w.lower() == "a" and j == i):
                if w.lower() == "a":
                    current = 1
                    end = e
                    j += 1
                    continue
                # "and" only glues "hundred and five"
                if last_kind == "scale" and j + 1 < len(tokens) and _en_word_value(tokens[j + 1][0]):
                    j += 1
                    continue
                break
            k = _en_word_value(w)
            if k is None:
                break
            kind_name, value = k
            if kind_name in ("unit", "ord"):
                if last_kind in ("unit", "ord") or (last_kind == "tens" and value >= 10):
                    break
                current += value
            elif kind_name == "tens":
                if last_kind in ("unit", "tens"):
                    break
                current += value
            else:  # scale / ordscale
                current = max(current, 1) * value
                if value == 1000:
                    total += current
                    current = 0
            last_kind = "scale" if kind_name in ("scale", "ordscale") else kind_name
            end = e
            if kind_name in ("ord", "ordscale"):
                ordinal = True
                j += 1
                break
            j += 1
        value = total + current
        if j > i and value > 0:
            found.append(NumberSpan(value, start, end, is_ordinal=ordinal, is_word=True))
            i = j
        else:
            i += 1
    return found


def _slavic_numbers(text: str) -> list[NumberSpan]:
    found: list[NumberSpan] = []
    if not _CYRILLIC_RE.search(text):
        return found
    tokens = [(m.group(0), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    i = 0
    while i < len(tokens):
        total, current, start, end = 0, 0, tokens[i][1], tokens[i][2]
        j = i
        ordinal = False
        while j < len(tokens):
            w, s, e = tokens[j]
            if j > i and text[end:s].strip() != "":
                break
            if not _SLAVIC_ANY_RE.fullmatch(w):
                break
            cardinal = _slavic_cardinal(w)
            if cardinal is not None:
                current += cardinal
                end = e
                j += 1
                continue
            if _SLAVIC_HUNDREDS_RE.fullmatch(w):
                if current == 0 and w.lower() != "сотню":
                    break  # "сотні українців" alone is "hundreds of"
                current = max(current, 1) * 100
                end = e
                j += 1
                continue
            if _SLAVIC_THOUSAND_RE.fullmatch(w):
                if current == 0 and not re.fullmatch(r"тисяч[ау]|тысяч[аеу]", w, re.IGNORECASE):
                    break  # "тисячі українців" alone is "thousands of", not 1,000
                total += max(current, 1) * 1000
                current = 0
                end = e
                j += 1
                continue
            ord_value = _slavic_ordinal(w)
            if ord_value is not None:
                current += ord_value
                ordinal = True
                end = e
                j += 1
            break
        value = total + current
        if j > i and value > 0:
            found.append(NumberSpan(value, start, end, is_ordinal=ordinal, is_word=True))
            i = j
        else:
            i += 1
    return found


# --- German and French words ---------------------------------------------------------------

_DE_FR_UNITS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
    "achtzehn": 18, "neunzehn": 19,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11,
    "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
}  # fmt: skip
_DE_FR_TENS = {
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
    "neunzig": 90, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}  # fmt: skip
_DE_COMPOUND_RE = re.compile(
    r"(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|"
    r"achtzig|neunzig)",
    re.IGNORECASE,
)
_LATIN_WORD_RE = re.compile(r"[^\W\d_]+")


_DE_UNIT_ALT = "ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun"
_DE_REST_ALT = (
    rf"(?:{_DE_UNIT_ALT})und(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)|"
    r"zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|zehn|elf|zwölf|dreizehn|vierzehn|"
    r"fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|eins|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun"
)
_DE_HUNDREDS_RE = re.compile(
    rf"(?:({_DE_UNIT_ALT})?(tausend))?(?:({_DE_UNIT_ALT})?(hundert))?({_DE_REST_ALT})?", re.IGNORECASE
)


def _de_compound(word: str) -> int | None:
    """German compounds of hundreds and thousands: "hundertfünfzig", "zweihundertsechs",
    "eintausendzweihundert"."""
    m = _DE_HUNDREDS_RE.fullmatch(word)
    if not m or not (m[2] or m[4]):
        return None
    value = 0
    if m[2]:
        value += _DE_FR_UNITS.get((m[1] or "").lower(), 1) * 1000
    if m[4]:
        value += _DE_FR_UNITS.get((m[3] or "").lower(), 1) * 100
    if m[5]:
        rest = m[5].lower()
        kind = _de_fr_value(rest) if rest not in ("eins", "ein") else ("unit", 1)
        if kind is None:
            return None
        value += kind[1]
    return value


def _de_fr_value(word: str) -> tuple[str, int] | None:
    w = word.lower()
    if w in _DE_FR_UNITS:
        return "unit", _DE_FR_UNITS[w]
    if w in _DE_FR_TENS:
        return "tens", _DE_FR_TENS[w]
    if w in ("hundert", "einhundert", "cent", "cents"):
        return "hundred", 100
    if w in ("tausend", "eintausend", "mille"):
        return "thousand", 1000
    compound = _DE_COMPOUND_RE.fullmatch(w)
    if compound:
        unit = 1 if compound[1].lower() == "ein" else _DE_FR_UNITS[compound[1].lower()]
        return "tens", unit + _DE_FR_TENS[compound[2].lower()]
    if len(w) > 7 and ("hundert" in w or "tausend" in w):
        value = _de_compound(w)
        if value is not None:
            return "tens", value  # a whole number in one word
    return None


def _de_fr_numbers(text: str) -> list[NumberSpan]:
    """German and French number words, joined across spaces, hyphens and "et" ("vingt et un")."""
    found: list[NumberSpan] = []
    tokens = [(m[0], m.start(), m.end()) for m in _LATIN_WORD_RE.finditer(text)]
    i = 0
    while i < len(tokens):
        total = current = 0
        start, end, j, last = tokens[i][1], tokens[i][1], i, ""
        while j < len(tokens):
            word, s, e = tokens[j]
            if j > i and text[end:s] not in (" ", "-"):
                break
            if (
                word.lower() == "et"
                and j > i
                and j + 1 < len(tokens)
                and tokens[j + 1][0].lower() in ("un", "une")
            ):
                end = e  # "vingt et un"
                j += 1
                continue
            kind = _de_fr_value(word)
            if kind is None and j > i and word.lower() in ("un", "une", "eins") and last in _DE_FR_TENS:
                kind = ("unit", 1)  # "vingt et un"
            if kind is None or (word == "Sept" or (word.lower() == "sept" and word[0].isupper())):
                break  # "Sept" is September
            name, value = kind
            if name == "hundred":
                current = max(current, 1) * 100
            elif name == "thousand":
                total += max(current, 1) * 1000
                current = 0
            elif name == "tens" and value == 20 and last == "quatre":
                current += 80 - 4  # quatre-vingt(s)
            else:
                current += value
            last, end = word.lower(), e
            j += 1
        if j > i and total + current > 0:
            found.append(NumberSpan(total + current, start, end, is_word=True))
            i = j
        else:
            i += 1
    return found


# "1,2 тис. полонених", "5 тыс.", "1.2 thousand": digits with a thousands word
_DIGIT_THOUSANDS_RE = re.compile(
    r"(?<![\d.,])(\d{1,3})(?:[,.](\d))?\s*(?:тис\.|тыс\.|тисяч\w*|тысяч\w*|thousand\b|tausend\b)",
    re.IGNORECASE,
)


_RECIPROCAL_RE = re.compile(
    r"(?<!\w)(?:одн[аеоі]\w*\s+одн\w*|один\s+одн\w*|одне\s+одн\w*|друг\s+(?:другу|друга|другом|с\s+другом|о\s+друге)|"
    r"one\s+another|l['’]une?\s+(?:à\s+)?l['’]autre)(?!\w)",
    re.IGNORECASE,
)


_DOZEN_RE = re.compile(
    r"(?<!\w)(?:(a|one|two|three|four|five|six|half a)\s+dozen|(ein|zwei|drei)\s+dutzend)(?![\w-])(?!\s+or\b)",
    re.IGNORECASE,
)
_DOZEN_FACTOR = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "half a": 0.5,
                 "ein": 1, "zwei": 2, "drei": 3}  # fmt: skip


def _dozens(text: str) -> list[NumberSpan]:
    """ "a dozen" (12), "two dozen" (24), "half a dozen" (6), "zwei Dutzend"; not "dozens of"."""
    return [
        NumberSpan(int(_DOZEN_FACTOR[(m[1] or m[2]).lower()] * 12), m.start(), m.end(), is_word=True)
        for m in _DOZEN_RE.finditer(text)
    ]


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number in `text`, in order of position. Digits win where spans overlap."""
    spans: list[NumberSpan] = []
    for m in _DIGIT_THOUSANDS_RE.finditer(text):
        spans.append(NumberSpan(int(m[1]) * 1000 + int(m[2] or 0) * 100, m.start(), m.end()))
    for m in _DIGITS_RE.finditer(text):
        if any(s.start <= m.start() < s.end for s in spans):
            continue
        digits = re.sub(r"[,.\u00a0\u202f\u2009 ]", "", m.group(1))
        spans.append(
            NumberSpan(int(digits), m.start(), m.end(1), is_ordinal=bool(m.group(0)[len(m.group(1)) :]))
        )
    # "одна одній", "один одному", "друг другу", "one another", "l'un l'autre": each other, no number
    taken = [(m.start(), m.end()) for m in _RECIPROCAL_RE.finditer(text)]
    taken += [(s.start, s.end) for s in spans]
    # the longest reading wins: "deux cent six" is 206, not the English "six"
    words = _english_numbers(text) + _slavic_numbers(text) + _de_fr_numbers(text) + _dozens(text)
    for span in sorted(words, key=lambda s: (s.start - s.end, s.start)):
        if not any(a < span.end and span.start < b for a, b in taken):
            spans.append(span)
            taken.append((span.start, span.end))
    return sorted(spans, key=lambda s: s.start)


def parse_number(text: str) -> int | None:
    """The value of `text` when it is one number and nothing else ("one hundred and five")."""
    spans = find_numbers(text.strip())
    if len(spans) == 1 and spans[0].start == 0 and spans[0].end == len(text.strip()):
        return spans[0].value
    return None
