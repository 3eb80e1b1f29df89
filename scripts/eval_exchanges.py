"""Score exchange extraction field by field against labelled articles.

Two labelled sets are scored, each on its own and combined:
- the seeds: real articles in `../shared/seeds` with `../shared/eval/seed_labels.json`
  (third-party text, read in place; skipped with a message when `../shared` is absent);
- the project's own set: `eval/labelled/*.txt` with `eval/labelled/labels.json`.

For each article `tasks.exchanges.extract_exchanges(text, published=<label published>)` is run and
its predictions are matched one-to-one to the labelled exchanges (same date within one day, or the
same figure for either side). Every metric is a rate where higher is better:

- event_recall: labelled exchanges matched by some prediction.
- event_precision: predictions (on all articles, negatives included) matched to a labelled exchange.
- returned_to_ukraine_exact, returned_to_russia_exact, wounded_to_ukraine_exact,
  civilians_to_ukraine_exact, exchange_number_exact: over labelled exchanges whose label for that
  field is non-null; right when the matched prediction equals the label or an `also_accept` value.
  A missed exchange counts as wrong for every field.
- event_date_exact, event_date_within_1d: as above, for the date.
- mediators_exact: over exchanges whose `mediators` label is a list (null = not scored); the
  prediction's sorted ISO codes must equal it.
- negatives_clean: negative articles (no labelled exchange) with no prediction at all.
- positives_without_false_exchange: articles with labelled exchanges and no unmatched prediction
  (false_exchanges_on_positives gives the count of such unmatched predictions).

`--check` exits 1 when a score is below `eval/floors.json`; floors only ever rise.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[1]
LABELLED_DIR = PROJECT_ROOT / "eval" / "labelled"
FLOORS_PATH = PROJECT_ROOT / "eval" / "floors.json"

COUNT_FIELDS = (
    "returned_to_ukraine",
    "returned_to_russia",
    "wounded_to_ukraine",
    "civilians_to_ukraine",
    "exchange_number",
)
# Metrics printed per language: the ones an analyst reading that language's news depends on.
LANGUAGE_METRICS = (
    "event_recall",
    "event_precision",
    "returned_to_ukraine_exact",
    "returned_to_russia_exact",
    "event_date_exact",
    "mediators_exact",
    "negatives_clean",
)
METRIC_ORDER = (
    "event_recall",
    "event_precision",
    "returned_to_ukraine_exact",
    "returned_to_russia_exact",
    "wounded_to_ukraine_exact",
    "civilians_to_ukraine_exact",
    "exchange_number_exact",
    "event_date_exact",
    "event_date_within_1d",
    "mediators_exact",
    "negatives_clean",
    "positives_without_false_exchange",
)


def shared_dir() -> Path:
    """Third-party material beside the project (`../shared`), or SWAPWIRE_SHARED."""
    return Path(os.environ.get("SWAPWIRE_SHARED", PROJECT_ROOT.parent / "shared")).resolve()


# --- loading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelledArticle:
    set_name: str
    file: str
    text: str
    published: date | None
    language: str
    exchanges: tuple[dict[str, Any], ...]

    @property
    def is_negative(self) -> bool:
        return not self.exchanges


def load_labelled_set(labels_path: Path, texts_dir: Path, *, set_name: str) -> list[LabelledArticle]:
    """Read a labels file in the seed_labels.json format and the texts it names."""
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    articles = []
    for entry in labels["articles"]:
        published = entry.get("published")
        articles.append(
            LabelledArticle(
                set_name=set_name,
                file=entry["file"],
                text=(texts_dir / entry["file"]).read_text(encoding="utf-8"),
                published=date.fromisoformat(published) if published else None,
                language=entry.get("language", "en"),
                exchanges=tuple(entry["exchanges"]),
            )
        )
    return articles


def load_seeds(shared: Path) -> list[LabelledArticle] | None:
    labels_path = shared / "eval" / "seed_labels.json"
    if not labels_path.is_file() or not (shared / "seeds").is_dir():
        return None
    return load_labelled_set(labels_path, shared / "seeds", set_name="seeds")


def load_own_set(labelled_dir: Path = LABELLED_DIR) -> list[LabelledArticle]:
    return load_labelled_set(labelled_dir / "labels.json", labelled_dir, set_name="labelled")


# --- predictions ---------------------------------------------------------------------------

Predictor = Callable[[LabelledArticle], Iterable[Any]]


def extractor_predictor() -> Predictor:
    """Run the project's extractor; imported here so this module loads before it exists."""
    extract_exchanges = importlib.import_module("tasks.exchanges").extract_exchanges

    def predict(article: LabelledArticle) -> list[Any]:
        return extract_exchanges(article.text, published=article.published)

    return predict


def extract_command_predictor() -> Predictor:
    """The path `swapwire extract FILE.txt --published DATE` takes: the text is read as a plain-text
    page, cleaned by the boilerplate rules (a headline repeated, page noise) and then read for
    exchanges, with the title taken from the text."""
    process = importlib.import_module("tasks.process")

    def predict(article: LabelledArticle) -> list[Any]:
        doc = process.read_document(article.text.encode("utf-8"), url=None, content_type="text/plain")
        return list(process.analyse_document(doc, published=article.published).mentions)

    return predict


def _as_dict(prediction: Any) -> dict[str, Any]:
    """Accept ExchangeMention objects or plain dicts (hand-made predictions in tests)."""
    if isinstance(prediction, dict):
        raw = dict(prediction)
    else:
        raw = {name: getattr(prediction, name, None) for name in (*COUNT_FIELDS, "event_date", "mediators")}
    event_date = raw.get("event_date")
    if isinstance(event_date, str):
        event_date = date.fromisoformat(event_date)
    raw["event_date"] = event_date
    raw["mediators"] = sorted(raw.get("mediators") or ())
    return raw


# --- matching and scoring ------------------------------------------------------------------


def _accepted(label: dict[str, Any], name: str) -> list[Any]:
    values = [label.get(name)]
    values += (label.get("also_accept") or {}).get(name, [])
    return [v for v in values if v is not None]


def _accepted_dates(label: dict[str, Any]) -> list[date]:
    return [date.fromisoformat(d) for d in _accepted(label, "event_date")]


def _date_distance(label: dict[str, Any], predicted: date | None) -> int | None:
    dates = _accepted_dates(label)
    if predicted is None or not dates:
        return None
    return min(abs((d - predicted).days) for d in dates)


def _field_right(label: dict[str, Any], name: str, predicted: dict[str, Any]) -> bool:
    if name == "mediators":
        return predicted["mediators"] == sorted(label["mediators"])
    if name == "event_date":
        return _date_distance(label, predicted["event_date"]) == 0
    return predicted.get(name) in _accepted(label, name)


def _pair_score(label: dict[str, Any], predicted: dict[str, Any]) -> int | None:
    """How well a prediction fits a labelled exchange; None when it cannot be the same event."""
    distance = _date_distance(label, predicted["event_date"])
    same_day = distance is not None and distance <= 1
    figures = sum(
        _field_right(label, name, predicted)
        for name in ("returned_to_ukraine", "returned_to_russia")
        if label.get(name) is not None
    )
    if not same_day and figures == 0:
        return None
    return 2 * figures + (2 if distance == 0 else 1 if same_day else 0)


def match_exchanges(labels: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pair labels with predictions one-to-one, best fits first (greedy is enough at 1-3 per article)."""
    candidates = []
    for li, label in enumerate(labels):
        for pi, predicted in enumerate(predictions):
            score = _pair_score(label, predicted)
            if score is not None:
                candidates.append((-score, li, pi))
    used_labels: set[int] = set()
    used_predictions: set[int] = set()
    pairs = []
    for _, li, pi in sorted(candidates):
        if li not in used_labels and pi not in used_predictions:
            used_labels.add(li)
            used_predictions.add(pi)
            pairs.append((li, pi))
    return pairs


@dataclass
class Tally:
    """Numerators and denominators for one slice (a set, a language)."""

    right: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    false_exchanges_on_positives: int = 0
    n_articles: int = 0
    n_negatives: int = 0
    n_events: int = 0
    n_predictions: int = 0
    extractor_errors: int = 0

    def add(self, metric: str, ok: bool) -> None:
        self.total[metric] = self.total.get(metric, 0) + 1
        self.right[metric] = self.right.get(metric, 0) + int(ok)

    def rates(self) -> dict[str, float | None]:
        return {
            m: (self.right.get(m, 0) / self.total[m] if self.total.get(m) else None) for m in METRIC_ORDER
        }

    def summary(self) -> dict[str, Any]:
        return {
            "scores": self.rates(),
            "counts": {m: [self.right.get(m, 0), self.total.get(m, 0)] for m in METRIC_ORDER},
            "n_articles": self.n_articles,
            "n_negatives": self.n_negatives,
            "n_events": self.n_events,
            "n_predictions": self.n_predictions,
            "false_exchanges_on_positives": self.false_exchanges_on_positives,
            "extractor_errors": self.extractor_errors,
        }


def _describe(exchange: dict[str, Any]) -> str:
    parts = [f"{name}={exchange.get(name)}" for name in ("event_date", *COUNT_FIELDS[:4], "mediators")]
    return " ".join(str(p) for p in parts)


def score_article(
    article: LabelledArticle, predictions: list[dict[str, Any]], tallies: list[Tally], misses: list[str]
) -> None:
    """Add one article's outcome to every tally (set-wide and per-language)."""
    labels = list(article.exchanges)
    pairs = match_exchanges(labels, predictions)
    matched = dict(pairs)
    matched_predictions = set(matched.values())
    where = f"{article.set_name}/{article.file}"

    def add(metric: str, ok: bool) -> None:
        for tally in tallies:
            tally.add(metric, ok)

    for tally in tallies:
        tally.n_articles += 1
        tally.n_negatives += int(article.is_negative)
        tally.n_events += len(labels)
        tally.n_predictions += len(predictions)
    for pi in range(len(predictions)):
        add("event_precision", pi in matched_predictions)
    if article.is_negative:
        add("negatives_clean", not predictions)
        for predicted in predictions:
            misses.append(f"{where}: FALSE EXCHANGE on negative: got {_describe(predicted)}")
        return

    false_here = len(predictions) - len(matched_predictions)
    for tally in tallies:
        tally.false_exchanges_on_positives += false_here
    add("positives_without_false_exchange", false_here == 0)
    for pi, predicted in enumerate(predictions):
        if pi not in matched_predictions:
            misses.append(f"{where}: extra exchange: got {_describe(predicted)}")

    for li, label in enumerate(labels):
        predicted = predictions[matched[li]] if li in matched else None
        add("event_recall", predicted is not None)
        if predicted is None:
            misses.append(f"{where}: MISSED exchange: expected {_describe(label)}")
        for name in COUNT_FIELDS:
            if label.get(name) is None:
                continue
            ok = predicted is not None and _field_right(label, name, predicted)
            add(f"{name}_exact", ok)
            if predicted is not None and not ok:
                misses.append(f"{where}: {name}: expected {_accepted(label, name)} got {predicted.get(name)}")
        if label.get("event_date") is not None:
            distance = None if predicted is None else _date_distance(label, predicted["event_date"])
            add("event_date_exact", distance == 0)
            add("event_date_within_1d", distance is not None and distance <= 1)
            if predicted is not None and distance != 0:
                misses.append(
                    f"{where}: event_date: expected {_accepted(label, 'event_date')} "
                    f"got {predicted['event_date']}"
                )
        if label.get("mediators") is not None:
            ok = predicted is not None and _field_right(label, "mediators", predicted)
            add("mediators_exact", ok)
            if predicted is not None and not ok:
                misses.append(
                    f"{where}: mediators: expected {sorted(label['mediators'])} got {predicted['mediators']}"
                )


@dataclass
class SetResult:
    overall: Tally
    by_language: dict[str, Tally]
    misses: list[str]

    def summary(self) -> dict[str, Any]:
        return {
            **self.overall.summary(),
            "by_language": {lang: t.summary() for lang, t in sorted(self.by_language.items())},
        }


def score_set(articles: list[LabelledArticle], predict: Predictor) -> SetResult:
    """Run `predict` on every article and tally the field-by-field outcome."""
    overall = Tally()
    by_language: dict[str, Tally] = {}
    misses: list[str] = []
    for article in articles:
        language_tally = by_language.setdefault(article.language, Tally())
        try:
            predictions = [_as_dict(p) for p in predict(article)]
        except Exception as error:  # one crashing article must not hide the scores of the rest
            misses.append(f"{article.set_name}/{article.file}: EXTRACTOR ERROR {error!r}")
            overall.extractor_errors += 1
            language_tally.extractor_errors += 1
            predictions = []
        score_article(article, predictions, [overall, language_tally], misses)
    return SetResult(overall, by_language, misses)


# --- floors and output ---------------------------------------------------------------------


def load_floors(path: Path = FLOORS_PATH) -> dict[str, dict[str, float]]:
    floors = json.loads(path.read_text(encoding="utf-8"))
    return {name: values for name, values in floors.items() if isinstance(values, dict)}


def floor_failures(results: dict[str, SetResult], floors: dict[str, dict[str, float]]) -> list[str]:
    """Scores below their floor, as readable lines; sets not scored (seeds absent) are skipped."""
    failures = []
    for set_name, set_floors in floors.items():
        if set_name not in results:
            continue
        scores = results[set_name].overall.rates()
        for metric, floor in set_floors.items():
            score = scores.get(metric)
            if score is None:
                # nothing to measure (e.g. no predictions at all): only a raised floor demands a score
                if floor > 0:
                    failures.append(f"{set_name}.{metric}: no score (nothing to measure), floor {floor}")
            elif score + 1e-9 < floor:
                failures.append(f"{set_name}.{metric}: {score:.3f} below floor {floor:.3f}")
    return failures


def _fmt(tally: Tally, metric: str) -> str:
    total = tally.total.get(metric, 0)
    if not total:
        return "-"
    return f"{tally.right.get(metric, 0) / total:.3f} ({tally.right.get(metric, 0)}/{total})"


def render_table(results: dict[str, SetResult]) -> str:
    names = list(results)
    width = 24
    lines = ["metric".ljust(34) + "".join(n.ljust(width) for n in names)]
    for metric in METRIC_ORDER:
        lines.append(metric.ljust(34) + "".join(_fmt(results[n].overall, metric).ljust(width) for n in names))
    for label, attr in (
        ("false_exchanges_on_positives", "false_exchanges_on_positives"),
        ("extractor_errors", "extractor_errors"),
        ("articles", "n_articles"),
        ("negatives", "n_negatives"),
        ("labelled exchanges", "n_events"),
        ("predictions", "n_predictions"),
    ):
        lines.append(
            label.ljust(34) + "".join(str(getattr(results[n].overall, attr)).ljust(width) for n in names)
        )
    combined = results[names[-1]]
    lines += ["", f"per language ({names[-1]})"]
    languages = sorted(combined.by_language)
    lines.append("metric".ljust(34) + "".join(lang.ljust(width) for lang in languages))
    for metric in LANGUAGE_METRICS:
        lines.append(
            metric.ljust(34)
            + "".join(_fmt(combined.by_language[lang], metric).ljust(width) for lang in languages)
        )
    lines.append(
        "articles".ljust(34)
        + "".join(str(combined.by_language[lang].n_articles).ljust(width) for lang in languages)
    )
    return "\n".join(lines)


def evaluate(
    *,
    predict: Predictor,
    labelled_dir: Path = LABELLED_DIR,
    shared: Path | None = None,
    include_seeds: bool = True,
) -> tuple[dict[str, SetResult], str | None]:
    """Score the seeds (when present) and the labelled set; returns results and a note on seeds."""
    sets: dict[str, list[LabelledArticle]] = {}
    note = None
    if include_seeds:
        seeds = load_seeds(shared or shared_dir())
        if seeds is None:
            note = f"seeds not found under {shared or shared_dir()} (set SWAPWIRE_SHARED): scoring the labelled set only"
        else:
            sets["seeds"] = seeds
    sets["labelled"] = load_own_set(labelled_dir)
    # Each article is extracted once; the combined slice reuses those predictions.
    cache: dict[tuple[str, str], list[Any]] = {}

    def cached(article: LabelledArticle) -> list[Any]:
        key = (article.set_name, article.file)
        if key not in cache:
            cache[key] = list(predict(article))
        return cache[key]

    results = {name: score_set(articles, cached) for name, articles in sets.items()}
    if len(sets) > 1:
        results["combined"] = score_set([a for arts in sets.values() for a in arts], cached)
    return results, note


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one machine-readable JSON object")
    parser.add_argument("--verbose", action="store_true", help="list every miss with file, expected and got")
    parser.add_argument("--check", action="store_true", help="exit 1 when a score is below eval/floors.json")
    parser.add_argument("--floors", type=Path, default=FLOORS_PATH)
    parser.add_argument("--labelled", type=Path, default=LABELLED_DIR, help="directory with labels.json")
    parser.add_argument("--no-seeds", action="store_true", help="score the labelled set only")
    parser.add_argument("--through-extract", action="store_true",
                        help="score what `swapwire extract` gives (cleaning first) instead of the bare extractor")
    args = parser.parse_args(argv)

    try:
        predict = extract_command_predictor() if args.through_extract else extractor_predictor()
    except ModuleNotFoundError as error:
        print(f"cannot load the extractor (tasks.exchanges): {error}", file=sys.stderr)
        return 2
    results, note = evaluate(predict=predict, labelled_dir=args.labelled, include_seeds=not args.no_seeds)
    failures = floor_failures(results, load_floors(args.floors)) if args.check else []
    if args.json:
        payload: dict[str, Any] = {name: r.summary() for name, r in results.items()}
        payload["note"] = note
        payload["floor_failures"] = failures
        if args.verbose:
            payload["misses"] = [
                m for r in results.values() if r is not results.get("combined") for m in r.misses
            ]
        print(json.dumps(payload, indent=1))
    else:
        if note:
            print(note)
        print(render_table(results))
        if args.verbose:
            print("\nmisses")
            for name, result in results.items():
                if name != "combined":
                    print("\n".join(f"  {m}" for m in result.misses))
        if args.check:
            print("\nfloors: " + ("all hold" if not failures else f"{len(failures)} below"))
            for failure in failures:
                print(f"  {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
