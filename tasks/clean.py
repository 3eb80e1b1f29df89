"""Remove boilerplate that survives trafilatura (ad markers, share prompts, read-also links,
photo credits, breadcrumbs, repeated headlines, promos, cookie and comment-form text).

The rules are data in ``tasks/clean_rules.toml`` (read and compiled once, at import); this module
only knows how each rule *kind* is applied. Every removal is reported as a RemovedLine with the
rule's name, so a user can audit it and a rule can be rolled back and the text re-derived.
Conservative by design: line rules must match a whole line, and a line longer than the rule's
``max_words`` is never touched, because losing a real sentence is worse than keeping junk.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from tasks.models import CleanedText, RemovedLine

RULES_PATH = Path(__file__).with_name("clean_rules.toml")

_LINK_LIST_MAX_ITEMS = 12  # link titles removed after one related-stories heading
_LINK_TITLE_MAX_WORDS = 25
_LINK_TITLE_MIN_WORDS = 4  # for the second and later link titles of a list
_TITLE_MIN_WORDS = 2  # a one-word line equal to a section name is not a repeated headline
_TITLE_PART_MIN_WORDS = 3  # "Story | Site": a part must be long enough to be the story's headline
_PROSE_MIN_WORDS = 12  # a kept line this long is story prose: a headline copy after it is a repeat


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    languages: tuple[str, ...]
    kind: str  # "line", "link_list" or "title"
    action: str  # "remove" or "byline"
    patterns: tuple[re.Pattern[str], ...]
    max_words: int | None
    must_remove: tuple[str, ...]
    must_keep: tuple[str, ...]
    example_title: str | None

    def matches(self, line: str) -> bool:
        if self.max_words is not None and len(line.split()) > self.max_words:
            return False
        return any(pattern.fullmatch(line) for pattern in self.patterns)


def load_rules(path: Path = RULES_PATH) -> tuple[Rule, ...]:
    """Read and compile the rule file; raises ValueError on an unknown kind or a bad pattern."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    rules = []
    for entry in data["rules"]:
        kind = entry.get("kind", "line")
        action = entry.get("action", "remove")
        if kind not in ("line", "link_list", "title") or action not in ("remove", "byline"):
            raise ValueError(f"rule {entry['name']!r}: unknown kind {kind!r} or action {action!r}")
        try:
            patterns = tuple(re.compile(p, re.IGNORECASE) for p in entry.get("patterns", []))
        except re.error as error:
            raise ValueError(f"rule {entry['name']!r}: bad pattern: {error}") from error
        rules.append(
            Rule(
                name=entry["name"],
                description=entry["description"],
                languages=tuple(entry.get("languages", ["*"])),
                kind=kind,
                action=action,
                patterns=patterns,
                max_words=entry.get("max_words"),
                must_remove=tuple(entry.get("must_remove", [])),
                must_keep=tuple(entry.get("must_keep", [])),
                example_title=entry.get("example_title"),
            )
        )
    names = [rule.name for rule in rules]
    if len(names) != len(set(names)):
        raise ValueError("rule names must be unique")
    return tuple(rules)


RULES: tuple[Rule, ...] = load_rules()
_LINE_RULES = tuple(rule for rule in RULES if rule.kind == "line")
_LINK_LIST_RULES = tuple(rule for rule in RULES if rule.kind == "link_list")
_TITLE_RULE = next((rule for rule in RULES if rule.kind == "title"), None)
_BREADCRUMB_RULE = next((rule for rule in RULES if rule.name == "breadcrumb"), None)

# "KYIV, March 24 (Reuters) -", "КИЇВ, 24 березня —": a place in capitals, an optional date and
# agency, then a dash. Kept in the text, also reported.
_DATELINE = re.compile(
    r"^((?:[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ.'’-]+)(?: [A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ.'’-]+){0,3}"
    r"(?:,\s*[\w.]+(?: \w+)?(?:,? \d{1,4})?)?"
    r"(?:\s*\((?:[^()]{1,40})\))?)\s*[-–—]\s+\S"
)
_BULLETS = "•·-–—*>»›|▪◦●"


def clean_text(text: str, *, title: str | None = None, language: str | None = None) -> CleanedText:
    """Remove boilerplate lines from extracted text (one paragraph per line).

    `title` is the page headline from metadata (else the first headline-like line is used): one
    plain copy of it stays in the text if it stands before the prose; repeats, copies after the
    first paragraph of prose and bulleted copies go. `language` (ISO 639-1) is
    informational: every rule applies to every page, because pages mix languages (English ad
    markers on Ukrainian pages) and declared languages are often wrong. Bylines leave the text but
    are returned in `byline`; a dateline stays in the text and is also returned in `dateline`.
    """
    del language  # see docstring: accepted for callers, deliberately not used to switch rules off
    lines = text.split("\n")
    verdicts: list[str | None] = [None] * len(lines)  # rule name per removed line
    byline: str | None = None

    headline_keys = _title_keys(title) if title else _inferred_headline_keys(lines)
    headline_kept = False
    prose_seen = False  # a kept paragraph of prose came before
    after_crumb = False  # the previous line was a breadcrumb
    link_list_left = 0
    for index, raw in enumerate(lines):
        line = _normalise_line(raw)
        if not line:
            continue
        key = _line_key(line)
        rule = _match_line_rules(line)
        # A related-links list ends at the page's own headline (a "Головне за день" label above it),
        # when the headline is known from metadata (an inferred one may be a link title itself).
        ends_list = bool(title) and key in headline_keys
        # The first line after the heading is its link; a later short line (under four words) is
        # more likely the story's next subheading ("Prisoner Exchange") than another link title.
        later_short = link_list_left < _LINK_LIST_MAX_ITEMS and len(line.split()) < _LINK_TITLE_MIN_WORDS
        if rule is None and link_list_left and not ends_list and not later_short and _looks_like_link_title(line):
            rule = _LINK_LIST_RULES[0]
            link_list_left -= 1
        else:
            link_list_left = _LINK_LIST_MAX_ITEMS if rule is not None and rule.kind == "link_list" else 0
        # A bulleted link-like line right after breadcrumbs is the trail's tail (the page's own
        # headline, often shortened: "• Russia And Ukraine Swap 372 Prisoners ...").
        crumb_tail = (rule is None and after_crumb and line[0] in _BULLETS and key not in headline_keys
                      and _looks_like_link_title(line))
        if crumb_tail:
            rule = _BREADCRUMB_RULE
        if rule is None and _TITLE_RULE is not None and key in headline_keys:
            # Keep one plain copy of the headline, where a headline stands (before the story's
            # prose); drop repeats, copies after the prose began, and bulleted copies (breadcrumb tails).
            if headline_kept or prose_seen or line[0] in _BULLETS:
                rule = _TITLE_RULE
            else:
                headline_kept = True
        if rule is None:
            prose_seen = prose_seen or len(line.split()) >= _PROSE_MIN_WORDS
            after_crumb = False
            continue
        verdicts[index] = rule.name
        after_crumb = rule is _BREADCRUMB_RULE and not crumb_tail  # one tail per trail
        if rule.action == "byline" and byline is None:
            byline = line

    kept = [_normalise_line(line) for line, verdict in zip(lines, verdicts, strict=True) if verdict is None]
    kept = [line for line in kept if line]
    removed = tuple(
        RemovedLine(line_no=index, line=_normalise_line(line), rule=verdict)
        for index, (line, verdict) in enumerate(zip(lines, verdicts, strict=True))
        if verdict is not None
    )
    return CleanedText(
        text="\n".join(kept),
        removed=removed,
        byline=byline,
        dateline=_find_dateline(kept),
    )


def is_noise_line(line: str) -> bool:
    """True when a single line matches a line or link-list rule (used to find a plain text's headline)."""
    return _match_line_rules(_normalise_line(line)) is not None


# trafilatura writes a list item as "- item": share buttons, breadcrumbs and related links often
# sit in lists ("- • HOME»", "- Share this @site"), and Ukrainian and Russian sites lead prompts
# with emoji ("👉 Підписуйтесь ...", "➡️ Читайте також: ..."); a table cell comes as "| ... |".
# Rules also see the line without its list markers and without leading or trailing pictographs,
# arrows and table bars.
_LIST_MARKERS = re.compile(r"^(?:[-–—*]\s+|[•·▪◦●]\s*)+")
_ARROWS = set("→⇒➔➜➝➞▶►▸⟶")


def _is_pictograph(char: str) -> bool:
    return char in _ARROWS or char == "|" or char.isspace() or unicodedata.category(char) in ("So", "Mn", "Cf")


def _unmarked(line: str) -> str:
    line = _LIST_MARKERS.sub("", line)
    start, end = 0, len(line)
    while start < end and _is_pictograph(line[start]):
        start += 1
    while end > start and _is_pictograph(line[end - 1]):
        end -= 1
    return _LIST_MARKERS.sub("", line[start:end])


# Reported speech ("..., the ombudsman told relatives", "..., — сказав омбудсман") marks a story
# sentence, however much it looks like a prompt ("Подписывайтесь на рассылку Минобороны,
# посоветовал омбудсмен"): no line rule applies to it.
_SPEECH_VERBS = (
    "said|says|told|tells|added|urged|warned|asked|claimed|stated|insisted|replied|сказав|сказала|сказали|заявив|заявила|заявили|повідомив|повідомила"
    "|повідомили|додав|додала|наголосив|наголосила|зазначив|зазначила|порадив|порадила|порадили"
    "|закликав|закликала|закликали|попросив|попросила|попросили|нагадав|нагадала|нагадали|пояснив"
    "|пояснила|пояснили|розповів|розповіла|сказал|сказали|заявил|сообщил|сообщила|сообщили|добавил"
    "|добавила|отметил|отметила|посоветовал|посоветовала|посоветовали|призвал|призвала|призвали"
    "|пояснил|пояснила|напомнил|напомнила|напомнили|рассказал|рассказала|рассказали|говорит|говорить"
)
_REPORTED_SPEECH = re.compile(
    r"[,—–]\s*(?:[\"”’»]\s*)?(?:[—–-]\s*)?(?!as\b|як\b|как\b)(?:[\w.'’-]+\s+){0,5}(?:" + _SPEECH_VERBS + r")\b",
    re.IGNORECASE,
)


def _match_line_rules(line: str) -> Rule | None:
    if _REPORTED_SPEECH.search(line):
        return None
    unmarked = _unmarked(line)
    candidates = (line, unmarked) if unmarked and unmarked != line else (line,)
    for candidate in candidates:
        for rule in (*_LINE_RULES, *_LINK_LIST_RULES):
            if rule.matches(candidate):
                return rule
    return None


def _normalise_line(line: str) -> str:
    return " ".join(line.replace("\u00a0", " ").split())


def _line_key(line: str) -> str:
    """Comparison key: case, accents of quotes, bullets and punctuation do not matter."""
    line = unicodedata.normalize("NFKC", line).casefold().lstrip(_BULLETS + " ")
    return " ".join(re.findall(r"\w+", line))


def _title_keys(title: str | None) -> set[str]:
    """The title and its parts around site-name separators ("Story | Site", "Opinion | Story")."""
    if not title:
        return set()
    whole = _line_key(title)
    keys = {whole} if len(whole.split()) >= _TITLE_MIN_WORDS else set()
    parts = [part for part in re.split(r"\s+[|–—-]\s+|\s+::\s+", title) if part.strip()]
    for start in range(len(parts)):
        for end in range(start + 1, len(parts) + 1):
            key = _line_key(" - ".join(parts[start:end]))
            if len(key.split()) >= _TITLE_PART_MIN_WORDS:
                keys.add(key)
    return keys


# A sentence boundary inside a line ('..., he said. "But I did."'): a link title has none.
_SENTENCE_BREAK = re.compile(r"\.[\"'”’»]?\s+[\"'“‘«„]?[A-ZА-ЯІЇЄҐ]")
_CLOSING = "]|) \"'”’»"
_ELLIPSIS = re.compile(r"\s*(?:\.{3}|…)$")  # a shortened title ("Swap 372 Prisoners ...") is not a sentence


def _looks_like_link_title(line: str) -> bool:
    """A short line that does not end like a sentence (closing quotes and brackets looked through)
    and holds no full stop between sentences: quotes and two-sentence paragraphs are not link
    titles ("!" and "?" are: "Endlich schlank! Mit diesen 8 Tipps ...")."""
    words = line.split()
    return (
        0 < len(words) <= _LINK_TITLE_MAX_WORDS
        and not _ELLIPSIS.sub("", line.rstrip(_CLOSING)).endswith((".", ";", ",", ":"))
        and not _SENTENCE_BREAK.search(line)
    )


def _inferred_headline_keys(lines: list[str]) -> set[str]:
    """Without a title, the headline is the first headline-like line that is not noise, before
    the prose (a short line after a paragraph is a subheading)."""
    for raw in lines[:8]:
        line = _normalise_line(raw)
        if line and line[0] not in _BULLETS and _looks_like_link_title(line) and not is_noise_line(line):
            key = _line_key(line)
            return {key} if len(key.split()) >= _TITLE_MIN_WORDS else set()
        if len(line.split()) >= _PROSE_MIN_WORDS and not is_noise_line(line):
            break
    return set()


def _find_dateline(lines: list[str]) -> str | None:
    for line in lines[:3]:
        if match := _DATELINE.match(line):
            return match.group(1).strip()
    return None
