"""The held-out exchange set (eval/holdout): written without sight of the extractor or its tuning set,
so its scores measure generalisation. The set must stay well formed, the labels must be consistent with
the scorer (a flawless prediction scores 1.0), and the extractor must hold eval/holdout/floors.json:
on the texts (as scripts/eval_exchanges.py scores them) and, for the HTML twins of the page-style
articles in eval/holdout/html, through the whole `swapwire extract` path with no --published."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "scripts" / "eval_exchanges.py"
HOLDOUT = PROJECT_ROOT / "eval" / "holdout"
HTML = HOLDOUT / "html"
FLOORS = HOLDOUT / "floors.json"
# The scorer names the set it reads from --labelled "labelled", whatever the directory.
SET_NAME = "labelled"
HTML_SET = "html"
COUNT_FIELDS = ("returned_to_ukraine", "returned_to_russia", "civilians_to_ukraine", "wounded_to_ukraine")
REQUIRED_FIELDS = {
    "event_date",
    "returned_to_ukraine",
    "returned_to_russia",
    "mediators",
    *COUNT_FIELDS,
    "note",
}
OPTIONAL_FIELDS = {"exchange_number", "also_accept"}
ISO_ALPHA2 = re.compile(r"^[A-Z]{2}$")


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_exchanges_holdout", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def labels() -> dict[str, Any]:
    return json.loads((HOLDOUT / "labels.json").read_text(encoding="utf-8"))


def test_holdout_set_has_the_agreed_size_and_mix(scorer) -> None:
    articles = scorer.load_own_set(HOLDOUT)
    negatives = [a for a in articles if a.is_negative]
    not_english = [a for a in articles if a.language != "en"]
    assert len(articles) == 45
    assert len(negatives) >= 14
    assert len(not_english) >= 14
    assert {"en", "uk", "ru"} <= {a.language for a in articles}
    assert sum(len(a.exchanges) for a in articles) >= 28


@pytest.fixture(scope="module")
def html_labels() -> dict[str, Any]:
    return json.loads((HTML / "labels.json").read_text(encoding="utf-8"))


def test_html_pages_are_twins_of_labelled_texts(labels, html_labels) -> None:
    by_stem = {Path(entry["file"]).stem: entry for entry in labels["articles"]}
    assert {p.name for p in HTML.glob("*.html")} == {entry["file"] for entry in html_labels["articles"]}
    assert len(html_labels["articles"]) >= 8
    for entry in html_labels["articles"]:
        twin = by_stem[Path(entry["file"]).stem]
        assert {k: v for k, v in entry.items() if k != "file"} == {
            k: v for k, v in twin.items() if k != "file"
        }
        assert "<html" in (HTML / entry["file"]).read_text(encoding="utf-8").lower()


def test_every_text_file_is_labelled_once(labels) -> None:
    labelled_files = [entry["file"] for entry in labels["articles"]]
    assert len(labelled_files) == len(set(labelled_files))
    assert set(labelled_files) == {p.name for p in HOLDOUT.glob("*.txt")}
    for name in labelled_files:
        lines = (HOLDOUT / name).read_text(encoding="utf-8").splitlines()
        assert lines and lines[0].strip(), f"{name}: first line must be the headline (or page noise)"


def test_labels_are_well_formed(labels) -> None:
    assert set(labels) == {"about", "articles"}
    for entry in labels["articles"]:
        where = entry["file"]
        published = date.fromisoformat(entry["published"])
        assert entry["language"] in {"en", "uk", "ru", "de", "fr"}, where
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


def test_a_flawless_prediction_scores_full_marks(scorer) -> None:
    """Guards the labels against contradicting the scorer's matching (dates, figures, mediators)."""

    def perfect(article) -> list[dict[str, Any]]:
        return [
            {key: value for key, value in exchange.items() if key not in ("note", "also_accept")}
            | {"mediators": exchange["mediators"] or []}
            for exchange in article.exchanges
        ]

    results, _ = scorer.evaluate(predict=perfect, labelled_dir=HOLDOUT, include_seeds=False)
    scores = results[SET_NAME].overall.rates()
    assert all(score == 1.0 for score in scores.values() if score is not None), scores


def test_floors_cover_every_metric_on_the_0_05_grid(scorer) -> None:
    floors = scorer.load_floors(FLOORS)
    assert set(floors) == {SET_NAME, HTML_SET}
    assert set(floors[SET_NAME]) == set(scorer.METRIC_ORDER)
    assert set(floors[HTML_SET]) <= set(scorer.METRIC_ORDER)
    for metric, floor in [*floors[SET_NAME].items(), *floors[HTML_SET].items()]:
        assert 0.0 <= floor <= 1.0 and abs(floor * 20 - round(floor * 20)) < 1e-9, metric


def test_extractor_holds_the_holdout_floors(scorer) -> None:
    results, _ = scorer.evaluate(
        predict=scorer.extractor_predictor(), labelled_dir=HOLDOUT, include_seeds=False
    )
    assert results[SET_NAME].overall.extractor_errors == 0, results[SET_NAME].misses
    failures = scorer.floor_failures(results, scorer.load_floors(FLOORS))
    assert not failures, "\n".join(failures + ["", *results[SET_NAME].misses])


def test_extract_command_holds_the_html_floors(scorer) -> None:
    """The path an outside check takes: raw page in, `swapwire extract` record out, date from the page."""
    from flows.extract_files import extract_record

    def through_extract(article) -> list[dict[str, Any]]:
        return extract_record(HTML / article.file)["exchanges"]

    articles = scorer.load_labelled_set(HTML / "labels.json", HTML, set_name=HTML_SET)
    result = scorer.score_set(articles, through_extract)
    assert result.overall.extractor_errors == 0, result.misses
    failures = scorer.floor_failures({HTML_SET: result}, {HTML_SET: scorer.load_floors(FLOORS)[HTML_SET]})
    assert not failures, "\n".join(failures + ["", *result.misses])
