"""The exchange-extraction evaluation: the labelled set is well formed, the scorer scores what it
should (so it cannot silently pass), and the extractor holds the floors in eval/floors.json."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import PROJECT_ROOT, shared_dir

SCRIPT = PROJECT_ROOT / "scripts" / "eval_exchanges.py"
LABELLED = PROJECT_ROOT / "eval" / "labelled"
LABEL_FIELDS = {
    "event_date",
    "returned_to_ukraine",
    "returned_to_russia",
    "mediators",
    "civilians_to_ukraine",
    "wounded_to_ukraine",
    "note",
}


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_exchanges", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


def _perfect(article) -> list[dict]:
    """Predict exactly the labels: what a flawless extractor would return."""
    return [
        {key: value for key, value in exchange.items() if key not in ("note", "also_accept")}
        | {"mediators": exchange["mediators"] or []}
        for exchange in article.exchanges
    ]


def test_labelled_set_meets_the_issue_minimums(scorer) -> None:
    articles = scorer.load_own_set(LABELLED)
    negatives = [a for a in articles if a.is_negative]
    not_english = [a for a in articles if a.language != "en"]
    assert len(articles) >= 64
    assert len(negatives) >= 18
    assert len(not_english) >= 14
    assert {"uk", "ru", "de"} <= {a.language for a in articles}


def test_labels_are_well_formed(scorer) -> None:
    labels = json.loads((LABELLED / "labels.json").read_text(encoding="utf-8"))
    files = {entry["file"] for entry in labels["articles"]}
    assert files == {p.name for p in LABELLED.glob("*.txt")}, "every text labelled, every label has a text"
    for entry in labels["articles"]:
        date.fromisoformat(entry["published"])
        for exchange in entry["exchanges"]:
            assert set(exchange) >= LABEL_FIELDS, entry["file"]
            date.fromisoformat(exchange["event_date"])
            if exchange["mediators"] is not None:
                assert exchange["mediators"] == sorted(exchange["mediators"]), entry["file"]
                assert all(len(code) == 2 and code.isupper() for code in exchange["mediators"])
            wounded, civilians = exchange["wounded_to_ukraine"], exchange["civilians_to_ukraine"]
            if exchange["returned_to_ukraine"] is not None:
                # sub-counts are part of the total returned to Ukraine
                assert (wounded or 0) + (civilians or 0) <= exchange["returned_to_ukraine"], entry["file"]


def test_scorer_gives_a_perfect_prediction_full_marks(scorer) -> None:
    result = scorer.score_set(scorer.load_own_set(LABELLED), _perfect)
    scores = result.overall.rates()
    assert result.misses == []
    for metric in scorer.METRIC_ORDER:
        assert scores[metric] == 1.0, metric


def test_scorer_gives_an_empty_prediction_zero_recall(scorer) -> None:
    result = scorer.score_set(scorer.load_own_set(LABELLED), lambda article: [])
    scores = result.overall.rates()
    assert scores["event_recall"] == 0.0
    assert scores["returned_to_ukraine_exact"] == 0.0
    assert scores["mediators_exact"] == 0.0
    assert scores["negatives_clean"] == 1.0
    assert scores["event_precision"] is None  # nothing predicted, nothing to be precise about


def test_scorer_counts_a_wrong_figure_a_false_exchange_and_a_day_off(scorer) -> None:
    article = scorer.LabelledArticle(
        set_name="t",
        file="t.txt",
        text="",
        published=date(2025, 5, 24),
        language="en",
        exchanges=(
            {
                "event_date": "2025-05-24",
                "returned_to_ukraine": 307,
                "returned_to_russia": 307,
                "mediators": [],
                "civilians_to_ukraine": None,
                "wounded_to_ukraine": None,
            },
        ),
    )
    predictions = [
        {
            "event_date": "2025-05-25",
            "returned_to_ukraine": 307,
            "returned_to_russia": 303,
            "mediators": ["TR"],
        },
        {"event_date": "2025-05-23", "returned_to_ukraine": 390, "returned_to_russia": 390, "mediators": []},
    ]
    result = scorer.score_set([article], lambda a: predictions)
    scores = result.overall.rates()
    assert scores["event_recall"] == 1.0
    assert scores["event_precision"] == 0.5  # the recalled 390 stage is a false exchange
    assert scores["returned_to_ukraine_exact"] == 1.0
    assert scores["returned_to_russia_exact"] == 0.0
    assert scores["event_date_exact"] == 0.0
    assert scores["event_date_within_1d"] == 1.0
    assert scores["mediators_exact"] == 0.0
    assert scores["positives_without_false_exchange"] == 0.0
    assert result.overall.false_exchanges_on_positives == 1


def test_floor_failures_report_scores_below_the_floor(scorer) -> None:
    result = scorer.score_set(scorer.load_own_set(LABELLED), lambda article: [])
    floors = {
        "labelled": {"event_recall": 0.5, "negatives_clean": 1.0, "event_precision": 0.0},
        "seeds": {"event_recall": 1.0},  # seeds not scored here: skipped
    }
    assert scorer.floor_failures({"labelled": result}, floors) == [
        "labelled.event_recall: 0.000 below floor 0.500"
    ]
    floors["labelled"]["event_precision"] = 0.1  # a raised floor demands a score
    assert "labelled.event_precision: no score" in scorer.floor_failures({"labelled": result}, floors)[1]


def test_extractor_holds_the_floors(scorer) -> None:
    if importlib.util.find_spec("tasks.exchanges") is None:
        pytest.skip("tasks.exchanges does not exist yet: nothing to evaluate")
    results, note = scorer.evaluate(
        predict=scorer.extractor_predictor(), labelled_dir=LABELLED, shared=shared_dir()
    )
    failures = scorer.floor_failures(results, scorer.load_floors())
    assert not failures, "\n".join([note or "", *failures, scorer.render_table(results)])


def test_floors_cover_every_scored_set(scorer) -> None:
    floors = scorer.load_floors()
    assert set(floors) == {"seeds", "labelled", "combined"}
    for set_floors in floors.values():
        assert set(set_floors) <= set(scorer.METRIC_ORDER)
        assert all(0.0 <= value <= 1.0 for value in set_floors.values())


def test_scorer_runs_end_to_end_without_seeds(scorer, tmp_path: Path) -> None:
    """With ../shared absent the scorer says so and scores the labelled set only."""
    results, note = scorer.evaluate(predict=_perfect, labelled_dir=LABELLED, shared=tmp_path)
    assert list(results) == ["labelled"]
    assert note and "seeds not found" in note


def _fake_extractor_module(predict_by_text: dict[str, list[dict]]) -> ModuleType:
    """A stand-in for tasks.exchanges so the CLI can be exercised before (or apart from) the real one."""
    module = ModuleType("tasks.exchanges")

    def extract_exchanges(text: str, *, published: date | None = None, title: str | None = None) -> list:
        return predict_by_text.get(text, [])

    module.extract_exchanges = extract_exchanges  # type: ignore[attr-defined]
    return module


def test_cli_json_and_check_exit_codes(scorer, tmp_path: Path, monkeypatch, capsys) -> None:
    articles = scorer.load_own_set(LABELLED)
    perfect = _fake_extractor_module({a.text: _perfect(a) for a in articles})
    monkeypatch.setitem(sys.modules, "tasks.exchanges", perfect)
    assert scorer.main(["--json", "--check", "--verbose", "--no-seeds"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["labelled"]["scores"]["event_recall"] == 1.0
    assert payload["labelled"]["n_articles"] == len(articles)
    assert payload["floor_failures"] == [] and payload["misses"] == []

    monkeypatch.setitem(sys.modules, "tasks.exchanges", _fake_extractor_module({}))
    raised = tmp_path / "floors.json"
    raised.write_text(json.dumps({"labelled": {"event_recall": 0.9}}), encoding="utf-8")
    assert scorer.main(["--check", "--no-seeds", "--floors", str(raised)]) == 1
    out = capsys.readouterr().out
    assert "event_recall" in out and "below floor" in out
    assert scorer.main(["--no-seeds", "--floors", str(raised)]) == 0  # without --check: report only
