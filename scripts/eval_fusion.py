"""Fusion evaluation: do the mentions of many outlets become one `exchanges` row per real exchange?

Every labelled article of the chosen sets (the seeds, eval/labelled, eval/holdout, eval/holdout2, eval/holdout3)
goes through the extractor; all their mentions are fused together by `tasks.fusion.fuse_mentions`,
as the warehouse does with the articles of a run. The labels say which real exchange each article
reports (its event date: two exchanges never share a day), so the fused rows can be scored:

- events: real exchanges in the labels; each should come out as exactly one row on its date,
  holding exactly the articles that report it (`found once`, `split` over several rows, `missed`);
- spurious rows: fused rows on a date no label has (false mentions, or a wrong date);
- article pairs: precision and recall of "these two articles report the same exchange";
- figures: the fused count against the count most labels of that event give (each side's own count).

    .venv/bin/python scripts/eval_fusion.py [--sets seeds,labelled,holdout,holdout2,holdout3] [--verbose] [--json]

It scores the extractor and the fusion together, on sets the fusion rules were not written for
(holdout3 never seen by whoever tuned them).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from tasks.fusion import FusedExchange, MentionRecord, fuse_mentions  # noqa: E402

SETS = {
    "labelled": PROJECT_ROOT / "eval" / "labelled",
    "holdout": PROJECT_ROOT / "eval" / "holdout",
    "holdout2": PROJECT_ROOT / "eval" / "holdout2",
    "holdout3": PROJECT_ROOT / "eval" / "holdout3",
}
COUNTS = ("returned_to_ukraine", "returned_to_russia")


def _scorer():
    spec = importlib.util.spec_from_file_location("eval_exchanges_for_fusion", PROJECT_ROOT / "scripts" / "eval_exchanges.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class Event:
    """One real exchange as the labels describe it."""

    event_date: date
    articles: set[str]
    labelled: dict[str, Counter]


def load_articles(set_names: list[str]) -> list[Any]:
    scorer = _scorer()
    articles = []
    for name in set_names:
        if name == "seeds":
            seeds = scorer.load_seeds(scorer.shared_dir())
            if seeds is None:
                print("seeds not found: skipped", file=sys.stderr)
                continue
            articles += seeds
        else:
            articles += scorer.load_labelled_set(SETS[name] / "labels.json", SETS[name], set_name=name)
    return articles


def expected_events(articles: list[Any]) -> dict[date, Event]:
    events: dict[date, Event] = {}
    for article in articles:
        key = f"{article.set_name}/{article.file}"
        for label in article.exchanges:
            day = date.fromisoformat(label["event_date"])
            event = events.setdefault(day, Event(day, set(), {name: Counter() for name in COUNTS}))
            event.articles.add(key)
            for name in COUNTS:
                if label.get(name) is not None:
                    event.labelled[name][label[name]] += 1
    return events


def fuse_predictions(articles: list[Any]) -> list[FusedExchange]:
    extract_exchanges = importlib.import_module("tasks.exchanges").extract_exchanges
    records = []
    for article in articles:
        key = f"{article.set_name}/{article.file}"
        for index, mention in enumerate(extract_exchanges(article.text, published=article.published)):
            records.append(MentionRecord(f"{key}#{index}", key, article.published, mention))
    return fuse_mentions(records)


def _articles_of(row: FusedExchange) -> set[str]:
    return {mention_id.rsplit("#", 1)[0] for mention_id in row.mention_ids}


def score(events: dict[date, Event], rows: list[FusedExchange]) -> dict[str, Any]:
    rows_by_date: dict[date | None, list[FusedExchange]] = defaultdict(list)
    for row in rows:
        rows_by_date[row.event_date].append(row)
    found_once = split = missed = exact_articles = 0
    figures_right = figures_scored = 0
    problems: list[str] = []
    for day, event in sorted(events.items()):
        on_day = rows_by_date.get(day, [])
        if not on_day:
            missed += 1
            problems.append(f"missed {day}: {sorted(event.articles)}")
            continue
        if len(on_day) > 1:
            split += 1
            problems.append(f"split {day} into {len(on_day)} rows: {[sorted(_articles_of(r)) for r in on_day]}")
        else:
            found_once += 1
        row = max(on_day, key=lambda r: r.n_articles)
        if _articles_of(row) == event.articles:
            exact_articles += 1
        else:
            problems.append(
                f"articles of {day}: missing {sorted(event.articles - _articles_of(row))}, "
                f"extra {sorted(_articles_of(row) - event.articles)}"
            )
        for name in COUNTS:
            if event.labelled[name]:
                figures_scored += 1
                expected = event.labelled[name].most_common(1)[0][0]
                if getattr(row, name) == expected:
                    figures_right += 1
                else:
                    problems.append(f"{day} {name}: fused {getattr(row, name)}, labels {dict(event.labelled[name])}")
    spurious = [row for row in rows if row.event_date not in events]
    problems += [f"spurious row {row.exchange_id}: {sorted(_articles_of(row))}" for row in spurious]

    # pairs of articles reporting the same exchange: labels against fused rows
    def pairs(groups: list[set[str]]) -> set[tuple[str, str]]:
        return {pair for group in groups for pair in combinations(sorted(group), 2)}

    expected_pairs = pairs([event.articles for event in events.values()])
    predicted_pairs = pairs([_articles_of(row) for row in rows])
    true_pairs = expected_pairs & predicted_pairs
    return {
        "events": len(events),
        "fused_rows": len(rows),
        "found_once": found_once,
        "split": split,
        "missed": missed,
        "spurious_rows": len(spurious),
        "events_with_exactly_their_articles": exact_articles,
        "pair_precision": round(len(true_pairs) / len(predicted_pairs), 4) if predicted_pairs else None,
        "pair_recall": round(len(true_pairs) / len(expected_pairs), 4) if expected_pairs else None,
        "article_pairs": len(expected_pairs),
        "fused_figures_right": f"{figures_right}/{figures_scored}",
        "problems": problems,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="seeds,labelled,holdout,holdout2,holdout3")
    parser.add_argument("--verbose", action="store_true", help="list every problem")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    articles = load_articles([name for name in args.sets.split(",") if name])
    result = score(expected_events(articles), fuse_predictions(articles))
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"{len(articles)} articles ({args.sets}), {result['events']} real exchanges, "
          f"{result['article_pairs']} article pairs reporting the same exchange")
    for name in ("fused_rows", "found_once", "split", "missed", "spurious_rows",
                 "events_with_exactly_their_articles", "pair_precision", "pair_recall", "fused_figures_right"):
        print(f"  {name:<36} {result[name]}")
    if args.verbose:
        print("\n".join(f"  - {problem}" for problem in result["problems"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
