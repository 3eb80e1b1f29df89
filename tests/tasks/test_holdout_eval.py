"""The held-out exchange set (eval/holdout): written without sight of the extractor or its tuning set,
so its scores measure generalisation. The set must stay well formed, the labels must be consistent with
the scorer (a flawless prediction scores 1.0), and the extractor must hold eval/holdout/floors.json:
on the texts (as scripts/eval_exchanges.py scores them) and, for the HTML twins of the page-style
articles in eval/holdout/html, through the whole `swapwire extract` path with no --published."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import PROJECT_ROOT, load_script
from tests.tasks import heldout_checks as checks

HOLDOUT = PROJECT_ROOT / "eval" / "holdout"
HTML = HOLDOUT / "html"
FLOORS = HOLDOUT / "floors.json"
# The scorer names the set it reads from --labelled "labelled", whatever the directory.
SET_NAME = "labelled"
HTML_SET = "html"


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return load_script("eval_exchanges", module_name="eval_exchanges_holdout")


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
    checks.check_every_text_labelled_once(HOLDOUT, labels)


def test_labels_are_well_formed(labels) -> None:
    checks.check_labels_well_formed(labels, languages={"en", "uk", "ru", "de", "fr"})


def test_a_flawless_prediction_scores_full_marks(scorer) -> None:
    checks.check_flawless_prediction_scores_full_marks(scorer, HOLDOUT)


def test_floors_cover_every_metric_on_the_0_05_grid(scorer) -> None:
    checks.check_floors_on_the_grid(scorer, scorer.load_floors(FLOORS), {SET_NAME, HTML_SET})


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
