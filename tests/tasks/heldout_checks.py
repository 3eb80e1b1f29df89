"""Checks every held-out exchange set must pass (eval/holdout, eval/holdout2): labels well formed,
every text labelled once, labels consistent with the scorer, floors on the 0.05 grid."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

COUNT_FIELDS = ("returned_to_ukraine", "returned_to_russia", "civilians_to_ukraine", "wounded_to_ukraine")
REQUIRED_FIELDS = {"event_date", "returned_to_ukraine", "returned_to_russia", "mediators", *COUNT_FIELDS, "note"}
OPTIONAL_FIELDS = {"exchange_number", "also_accept"}
ISO_ALPHA2 = re.compile(r"^[A-Z]{2}$")
SET_NAME = "labelled"  # the scorer's name for whatever --labelled reads


def check_every_text_labelled_once(directory: Path, labels: dict[str, Any]) -> None:
    files = [entry["file"] for entry in labels["articles"]]
    assert len(files) == len(set(files))
    assert set(files) == {p.name for p in directory.glob("*.txt")}
    for name in files:
        lines = (directory / name).read_text(encoding="utf-8").splitlines()
        assert lines and lines[0].strip(), f"{name}: the first line is the headline (or page noise)"


def check_labels_well_formed(labels: dict[str, Any], languages: set[str] | None = None) -> None:
    assert set(labels) == {"about", "articles"}
    for entry in labels["articles"]:
        where = entry["file"]
        published = date.fromisoformat(entry["published"])
        if languages is None:
            assert re.fullmatch(r"[a-z]{2}", entry["language"]), where
        else:
            assert entry["language"] in languages, where
        for exchange in entry["exchanges"]:
            assert REQUIRED_FIELDS <= set(exchange) <= REQUIRED_FIELDS | OPTIONAL_FIELDS, where
            assert date.fromisoformat(exchange["event_date"]) <= published, where
            for name in COUNT_FIELDS:
                value = exchange[name]
                assert value is None or (isinstance(value, int) and value > 0), f"{where}: {name}"
            parts = sum(exchange[name] or 0 for name in ("civilians_to_ukraine", "wounded_to_ukraine"))
            if exchange["returned_to_ukraine"] is not None:
                assert exchange["returned_to_ukraine"] >= parts, f"{where}: sub-counts exceed the total"
            mediators = exchange["mediators"]
            if mediators is not None:
                assert mediators == sorted(mediators), where
                assert all(ISO_ALPHA2.match(code) for code in mediators), where
            accepted = exchange.get("also_accept", {})
            assert set(accepted) <= {"event_date", *COUNT_FIELDS, "exchange_number"}, where
            assert all(isinstance(values, list) for values in accepted.values()), where


def check_flawless_prediction_scores_full_marks(scorer: ModuleType, directory: Path) -> None:
    """Guards the labels against contradicting the scorer's matching (dates, figures, mediators)."""

    def perfect(article) -> list[dict[str, Any]]:
        return [
            {key: value for key, value in exchange.items() if key not in ("note", "also_accept")}
            | {"mediators": exchange["mediators"] or []}
            for exchange in article.exchanges
        ]

    results, _ = scorer.evaluate(predict=perfect, labelled_dir=directory, include_seeds=False)
    scores = results[SET_NAME].overall.rates()
    assert all(score == 1.0 for score in scores.values() if score is not None), scores


def check_floors_on_the_grid(scorer: ModuleType, floors: dict[str, dict[str, float]], sets: set[str]) -> None:
    assert set(floors) == sets
    assert set(floors[SET_NAME]) == set(scorer.METRIC_ORDER)
    for name in sets - {SET_NAME}:
        assert set(floors[name]) <= set(scorer.METRIC_ORDER)
    for values in floors.values():
        for metric, floor in values.items():
            assert 0.0 <= floor <= 1.0 and abs(floor * 20 - round(floor * 20)) < 1e-9, metric


def check_extractor_holds_floors(scorer: ModuleType, directory: Path, floors_path: Path) -> None:
    results, _ = scorer.evaluate(predict=scorer.extractor_predictor(), labelled_dir=directory, include_seeds=False)
    assert results[SET_NAME].overall.extractor_errors == 0, results[SET_NAME].misses
    floors = {SET_NAME: scorer.load_floors(floors_path)[SET_NAME]}
    failures = scorer.floor_failures(results, floors)
    assert not failures, "\n".join(failures + ["", *results[SET_NAME].misses])
