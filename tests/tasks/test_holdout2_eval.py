"""The second held-out exchange set (eval/holdout2): written on 2026-12-08 by an author who never saw
the extractor, its rules or its tuning sets, after eval/holdout had been studied and so become a
development set. Later on 2026-12-08 it became a development set too (its failures were studied and
fixed by general rules); eval/holdout3 is now the held-out set. The set must stay well formed, its
labels must agree with the scorer (a flawless prediction scores 1.0), and the extractor must hold
eval/holdout2/floors.json."""

from __future__ import annotations

import json
import re
from datetime import date
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import PROJECT_ROOT, load_script

HOLDOUT2 = PROJECT_ROOT / "eval" / "holdout2"
FLOORS = HOLDOUT2 / "floors.json"
SET_NAME = "labelled"  # the scorer's name for whatever --labelled reads
COUNT_FIELDS = ("returned_to_ukraine", "returned_to_russia", "civilians_to_ukraine", "wounded_to_ukraine")
REQUIRED_FIELDS = {"event_date", "returned_to_ukraine", "returned_to_russia", "mediators", *COUNT_FIELDS, "note"}
OPTIONAL_FIELDS = {"exchange_number", "also_accept"}
ISO_ALPHA2 = re.compile(r"^[A-Z]{2}$")


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return load_script("eval_exchanges", module_name="eval_exchanges_holdout2")


@pytest.fixture(scope="module")
def labels() -> dict[str, Any]:
    return json.loads((HOLDOUT2 / "labels.json").read_text(encoding="utf-8"))


def test_holdout2_has_its_size_and_mix(scorer) -> None:
    articles = scorer.load_own_set(HOLDOUT2)
    assert len(articles) == 48
    assert sum(a.is_negative for a in articles) >= 16
    assert sum(a.language != "en" for a in articles) >= 16
    assert {"en", "uk", "ru"} <= {a.language for a in articles}
    assert sum(len(a.exchanges) for a in articles) >= 30


def test_every_text_file_is_labelled_once(labels) -> None:
    files = [entry["file"] for entry in labels["articles"]]
    assert len(files) == len(set(files))
    assert set(files) == {p.name for p in HOLDOUT2.glob("*.txt")}
    for name in files:
        lines = (HOLDOUT2 / name).read_text(encoding="utf-8").splitlines()
        assert lines and lines[0].strip(), f"{name}: the first line is the headline"


def test_labels_are_well_formed(labels) -> None:
    assert set(labels) == {"about", "articles"}
    for entry in labels["articles"]:
        where = entry["file"]
        published = date.fromisoformat(entry["published"])
        assert re.fullmatch(r"[a-z]{2}", entry["language"]), where
        for exchange in entry["exchanges"]:
            assert REQUIRED_FIELDS <= set(exchange) <= REQUIRED_FIELDS | OPTIONAL_FIELDS, where
            assert date.fromisoformat(exchange["event_date"]) <= published, where
            for name in COUNT_FIELDS:
                value = exchange[name]
                assert value is None or (isinstance(value, int) and value > 0), f"{where}: {name}"
            parts = sum(exchange[name] or 0 for name in ("civilians_to_ukraine", "wounded_to_ukraine"))
            if exchange["returned_to_ukraine"] is not None:
                assert exchange["returned_to_ukraine"] >= parts, f"{where}: sub-counts exceed the total"
            if exchange["mediators"] is not None:
                assert exchange["mediators"] == sorted(exchange["mediators"]), where
                assert all(ISO_ALPHA2.match(code) for code in exchange["mediators"]), where


def test_a_flawless_prediction_scores_full_marks(scorer) -> None:
    def perfect(article) -> list[dict[str, Any]]:
        return [
            {key: value for key, value in exchange.items() if key not in ("note", "also_accept")}
            | {"mediators": exchange["mediators"] or []}
            for exchange in article.exchanges
        ]

    results, _ = scorer.evaluate(predict=perfect, labelled_dir=HOLDOUT2, include_seeds=False)
    scores = results[SET_NAME].overall.rates()
    assert all(score == 1.0 for score in scores.values() if score is not None), scores


def test_floors_cover_every_metric_on_the_0_05_grid(scorer) -> None:
    floors = scorer.load_floors(FLOORS)
    assert set(floors) == {SET_NAME}
    assert set(floors[SET_NAME]) == set(scorer.METRIC_ORDER)
    for metric, floor in floors[SET_NAME].items():
        assert 0.0 <= floor <= 1.0 and abs(floor * 20 - round(floor * 20)) < 1e-9, metric


def test_extractor_holds_the_holdout2_floors(scorer) -> None:
    results, _ = scorer.evaluate(
        predict=scorer.extractor_predictor(), labelled_dir=HOLDOUT2, include_seeds=False
    )
    assert results[SET_NAME].overall.extractor_errors == 0, results[SET_NAME].misses
    failures = scorer.floor_failures(results, scorer.load_floors(FLOORS))
    assert not failures, "\n".join(failures + ["", *results[SET_NAME].misses])
