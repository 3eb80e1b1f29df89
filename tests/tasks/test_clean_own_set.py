"""The floor on the project's own cleaning set (eval/cleaning: pages written here, with labels),
through the real extraction path: every labelled noise line gone, no story sentence lost, one
headline copy at most, bylines kept or in metadata. Floors only rise: a page that fails is a rule
to fix, never a label to relax."""

from __future__ import annotations

import importlib.util
import json
import sys
from types import ModuleType

import pytest

from tests.conftest import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "scripts" / "eval_cleaning.py"
OWN_SET = PROJECT_ROOT / "eval" / "cleaning"
PAGES = sorted(OWN_SET.glob("*.html"))


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_cleaning", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_set_is_well_formed_and_mixes_languages():
    assert len(PAGES) >= 24
    languages = []
    for page in PAGES:
        label = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        assert {"language", "shape", "title", "story", "noise"} <= set(label), page.name
        assert label["story"] and label["noise"], page.name
        assert not set(label["story"]) & set(label["noise"]), page.name
        languages.append(label["language"])
    assert set(languages) == {"en", "uk", "ru"}
    assert sum(language != "en" for language in languages) >= len(languages) // 3


def test_most_labelled_noise_reaches_the_cleaner(scorer):
    """Otherwise the floor below would hold without any rule (trafilatura dropped the noise)."""
    totals = scorer.evaluate_own_set(OWN_SET)["languages"]
    for language, t in totals.items():
        assert t["noise_reaching_cleaner"] >= 0.75 * t["noise"], language


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_floor_every_noise_line_removed_and_no_story_sentence_lost(scorer, page):
    result = scorer.score_own_page(page)
    assert result["noise_kept"] == [], result["noise_kept"]
    assert result["story_lost"] == [], result["story_lost"]
    assert result["headline_copies_over_one"] == 0
    assert not result["byline_lost"]


def test_the_scorer_sees_what_swapwire_extract_returns(scorer):
    """The set is scored through the real extraction path: the same text as `swapwire extract`,
    whose record also carries the byline and the author metadata (a byline is never lost)."""
    from flows.extract_files import extract_record

    page = OWN_SET / "en02_wire_article.html"
    record = extract_record(page)
    label = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    flat = " ".join(record["text"].split())
    assert not scorer.score_own_page(page)["noise_kept"]
    assert all(" ".join(sentence.split()) in flat for sentence in label["story"])
    assert "By Olga Marchenko" not in record["text"]
    assert record["author"] == "Olga Marchenko; Peter Hale"
    assert record["dateline"] == "KYIV, March 24 (Reuters)"
