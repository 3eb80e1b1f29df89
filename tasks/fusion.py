"""Fuse exchange mentions from many articles into one record per real exchange.

Grouping. Mentions are taken in a fixed order (by date, then by mention id), so the result does
not depend on input order. Two different exchanges on one calendar day essentially never happen
(multi-day deals run as stages on consecutive days), so a mention dated the same day as an
exchange joins it whatever its figures: differing figures are then a dispute (Kyiv's 189 against
Moscow's 150) or an outlet's error, both flagged. A mention dated one day apart (a weekday
resolved against a late publication) joins only with one side's count exactly equal and no
side contradicting (within 10%, or missing on either side; stated totals are never compared,
outlets round and mis-add them). "Same day" means the date most of the exchange's mentions give.
The best fit wins: same day with an equal count, then a day apart with an equal count, then same
day with compatible counts, then same day with contradicting counts (only when all of the
exchange's reports give that day, so a stage reported a day late never pulls the next stage
in); otherwise the mention
starts a new exchange. So the stages of the 1,000-for-1,000 swap (390, 307, 303 on consecutive
days) stay apart, and a late-dated report of stage two (307 dated the day of stage three) joins
stage two, not stage three. Undated mentions use their article's publication date; with neither
they join by figures only.

Fused figures. For each field, the value claimed by the most distinct articles wins; ties go to
the value with the higher summed confidence, then to the earliest published source, then to the
smaller value. Mentions already keep each side's own claim for its returnees (Ukraine's count of
Ukrainians, Russia's count of Russians), so the vote runs over those. `*_min`/`*_max` give the
spread of the sources' claims; `is_disputed` is set when sources (or one source's own sides)
disagree, and `dispute_note` says who claimed what. A stated total is not a rival claim when it
is visibly rounded ("nearly 300" for 288, "over 200" for 215: within the range its hedge word and
roundness allow); an exact-looking, non-round total that does not add up ("about 448" for 230 + 248
= 478) is a dispute, decided per article in `tasks.exchanges`. A mediator is kept when at least half of the
mentions that name any mediator name it.

The exchange id is the event date ("2024-01-03"), with "-2", "-3" for further exchanges on the
same date in order of their figures, or "undated-<hash of mention ids>".
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from tasks.models import ExchangeMention

_COUNT_FIELDS = ("returned_to_ukraine", "returned_to_russia")
_TOLERANCE = 0.10


@dataclass(frozen=True)
class MentionRecord:
    mention_id: str
    article_id: str
    published_at: date | None
    mention: ExchangeMention


@dataclass(frozen=True)
class FusedExchange:
    exchange_id: str
    event_date: date | None
    returned_to_ukraine: int | None
    returned_to_russia: int | None
    returned_to_ukraine_min: int | None
    returned_to_ukraine_max: int | None
    returned_to_russia_min: int | None
    returned_to_russia_max: int | None
    mediators: tuple[str, ...]
    civilians_to_ukraine: int | None
    wounded_to_ukraine: int | None
    civilians_to_russia: int | None
    total_stated: int | None
    exchange_number: int | None
    is_disputed: bool
    dispute_note: str | None
    n_articles: int
    n_mentions: int
    mention_ids: tuple[str, ...]
    confidence: float


@dataclass
class _Cluster:
    records: list[MentionRecord] = field(default_factory=list)

    def anchor(self) -> date | None:
        """The date most of its mentions give (ties: the earliest), which new mentions are compared to."""
        dates = Counter(d for d in (_date_of(r) for r in self.records) if d is not None)
        return min(dates, key=lambda d: (-dates[d], d)) if dates else None

    def values(self, name: str) -> set[int]:
        return {v for r in self.records if (v := getattr(r.mention, name)) is not None}


def _date_of(record: MentionRecord) -> date | None:
    return record.mention.event_date or record.published_at


def _close(a: int, b: int) -> bool:
    return abs(a - b) <= _TOLERANCE * max(a, b)


def _compatible(cluster: _Cluster, mention: ExchangeMention) -> bool:
    """No side's count contradicts the exchange's (beyond the tolerance for disputes). Stated
    totals are not compared: outlets round and mis-add them ("about 448" for 230 + 248)."""
    for name in _COUNT_FIELDS:
        value = getattr(mention, name)
        if value is not None and not all(_close(value, other) for other in cluster.values(name)):
            return False
    return True


def _exact_match(cluster: _Cluster, mention: ExchangeMention) -> bool:
    return any(getattr(mention, name) in cluster.values(name) for name in _COUNT_FIELDS)


def _fit(cluster: _Cluster, record: MentionRecord) -> int:
    """How well a mention fits an exchange: 4 same day and a figure equal, 3 a day apart (or
    undated) and a figure equal, 2 same day and compatible, 1 same day with contradicting figures
    (one day holds one exchange), 0 not at all."""
    exact = _exact_match(cluster, record.mention)
    compatible = _compatible(cluster, record.mention)
    d, anchor = _date_of(record), cluster.anchor()
    if d is not None and d == anchor:
        if exact or compatible:
            return 4 if exact else 2
        # contradicting figures join only an exchange all of whose reports give this very day: a
        # stage reported a day late must not pull the next stage into it
        return 1 if all(_date_of(r) == d for r in cluster.records) else 0
    if not compatible:
        return 0
    if d is None or anchor is None:
        return 3 if exact else 0
    if exact and abs((d - anchor).days) == 1:
        return 3
    return 0


def _sort_key(record: MentionRecord) -> tuple:
    d = _date_of(record)
    return (d is None, d or date.min, record.mention_id)


def _group(records: Sequence[MentionRecord]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for record in sorted(records, key=_sort_key):
        scored = [(_fit(cluster, record), -i) for i, cluster in enumerate(clusters)]
        best_score, best_index = max(scored, default=(0, 0))
        if best_score == 0:
            clusters.append(_Cluster([record]))
        else:
            clusters[-best_index].records.append(record)
    return clusters


def _vote(records: list[MentionRecord], get: Callable[[MentionRecord], object]) -> object | None:
    """The value claimed by the most articles; ties: more confidence, earlier source, smaller."""
    articles: dict[object, set[str]] = defaultdict(set)
    confidence: dict[object, float] = defaultdict(float)
    earliest: dict[object, date] = {}
    for r in records:
        value = get(r)
        if value is None:
            continue
        articles[value].add(r.article_id)
        confidence[value] += r.mention.confidence
        published = r.published_at or date.max
        earliest[value] = min(earliest.get(value, date.max), published)
    if not articles:
        return None
    return min(
        articles,
        key=lambda v: (-len(articles[v]), -round(confidence[v], 6), earliest[v], str(v)),
    )


def _spread(records: list[MentionRecord], name: str) -> tuple[int | None, int | None]:
    values = [v for r in records if (v := getattr(r.mention, name)) is not None]
    return (min(values), max(values)) if values else (None, None)


def _dispute_note(records: list[MentionRecord]) -> str | None:
    parts = []
    for name in _COUNT_FIELDS:
        claims: dict[int, list[str]] = defaultdict(list)
        for r in records:
            value = getattr(r.mention, name)
            if value is not None:
                claims[value].append(r.article_id)
        if len(claims) > 1:
            listed = "; ".join(f"{v} ({', '.join(sorted(set(a)))})" for v, a in sorted(claims.items()))
            parts.append(f"{name}: {listed}")
    own = sorted({r.article_id for r in records if r.mention.is_disputed})
    if own:
        parts.append(f"figures disagree within: {', '.join(own)}")
    return " | ".join(parts) or None


def _mediators(records: list[MentionRecord]) -> tuple[str, ...]:
    naming = [r for r in records if r.mention.mediators]
    if not naming:
        return ()
    counts = Counter(code for r in naming for code in set(r.mention.mediators))
    return tuple(sorted(code for code, n in counts.items() if 2 * n >= len(naming)))


def _fuse(cluster: _Cluster) -> dict:
    records = sorted(cluster.records, key=lambda r: r.mention_id)
    fused = {
        "event_date": _vote(records, lambda r: r.mention.event_date),
        "returned_to_ukraine": _vote(records, lambda r: r.mention.returned_to_ukraine),
        "returned_to_russia": _vote(records, lambda r: r.mention.returned_to_russia),
        "civilians_to_ukraine": _vote(records, lambda r: r.mention.civilians_to_ukraine),
        "wounded_to_ukraine": _vote(records, lambda r: r.mention.wounded_to_ukraine),
        "civilians_to_russia": _vote(records, lambda r: r.mention.civilians_to_russia),
        "total_stated": _vote(records, lambda r: r.mention.total_stated),
        "exchange_number": _vote(records, lambda r: r.mention.exchange_number),
    }
    if fused["event_date"] is None:
        fused["event_date"] = _vote(records, lambda r: r.published_at)
    ua_min, ua_max = _spread(records, "returned_to_ukraine")
    ru_min, ru_max = _spread(records, "returned_to_russia")
    note = _dispute_note(records)
    n_articles = len({r.article_id for r in records})
    mean_confidence = sum(r.mention.confidence for r in records) / len(records)
    # more independent articles agreeing make the row more trustworthy, a dispute less
    confidence = min(0.99, mean_confidence + 0.05 * (n_articles - 1)) - (0.1 if note else 0.0)
    return {
        **fused,
        "returned_to_ukraine_min": ua_min,
        "returned_to_ukraine_max": ua_max,
        "returned_to_russia_min": ru_min,
        "returned_to_russia_max": ru_max,
        "mediators": _mediators(records),
        "is_disputed": note is not None,
        "dispute_note": note,
        "n_articles": n_articles,
        "n_mentions": len(records),
        "mention_ids": tuple(r.mention_id for r in records),
        "confidence": round(max(0.0, confidence), 3),
    }


def _undated_id(mention_ids: tuple[str, ...]) -> str:
    return "undated-" + hashlib.sha256("\n".join(mention_ids).encode()).hexdigest()[:12]


def fuse_mentions(records: Sequence[MentionRecord]) -> list[FusedExchange]:
    """One `FusedExchange` per real exchange, ordered by date then id; deterministic in any input order."""
    fused = [_fuse(cluster) for cluster in _group(records)]
    by_date: dict[date | None, list[dict]] = defaultdict(list)
    for item in fused:
        by_date[item["event_date"]].append(item)
    result: list[FusedExchange] = []
    for event_date, items in by_date.items():
        items.sort(
            key=lambda f: (
                f["returned_to_ukraine"] is None,
                f["returned_to_ukraine"] or 0,
                f["returned_to_russia"] or 0,
                f["mention_ids"],
            )
        )
        for position, item in enumerate(items, start=1):
            if event_date is None:
                exchange_id = _undated_id(item["mention_ids"])
            else:
                exchange_id = event_date.isoformat() + (f"-{position}" if position > 1 else "")
            result.append(FusedExchange(exchange_id=exchange_id, **item))
    return sorted(result, key=lambda f: (f.event_date or date.max, f.exchange_id))
