"""The second held-out exchange set (eval/holdout2): written on 2026-12-08 by an author who never saw
the extractor, its rules or its tuning sets, after eval/holdout had been studied and so become a
development set. The set must stay well formed, its labels must agree with the scorer (a flawless
prediction scores 1.0), and the extractor must hold eval/holdout2/floors.json."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import PROJECT_ROOT, load_script
from tests.tasks import heldout_checks as checks

HOLDOUT2 = PROJECT_ROOT / "eval" / "holdout2"
FLOORS = HOLDOUT2 / "floors.json"


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
    checks.check_every_text_labelled_once(HOLDOUT2, labels)


def test_labels_are_well_formed(labels) -> None:
    checks.check_labels_well_formed(labels)


def test_a_flawless_prediction_scores_full_marks(scorer) -> None:
    checks.check_flawless_prediction_scores_full_marks(scorer, HOLDOUT2)


def test_floors_cover_every_metric_on_the_0_05_grid(scorer) -> None:
    checks.check_floors_on_the_grid(scorer, scorer.load_floors(FLOORS), {checks.SET_NAME})


def test_extractor_holds_the_holdout2_floors(scorer) -> None:
    checks.check_extractor_holds_floors(scorer, HOLDOUT2, FLOORS)
