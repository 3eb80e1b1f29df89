"""Cleaning on the five seed articles (read from ../shared/seeds, never copied here): the known
noise lines go, one copy of the headline stays, and no other line of the story is removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.clean import clean_text
from tasks.extract import read_text_document

# How the known junk in the seeds begins; everything else in a seed is story (or its headline).
NOISE_PREFIXES = (
    "Share this @",
    "• HOME»",
    "• Top News»",
    "Advertisement · Scroll to continue",
    "Read Also:",
    "Related Article:",
    "(Photo :",
)
NOISE_FRAGMENTS = ("download our app and subscribe to our newsletter",)


def _seed_paths(shared: Path) -> list[Path]:
    paths = sorted((shared / "seeds").glob("*.txt"))
    if len(paths) < 5:
        pytest.skip(f"expected five seed articles in {shared / 'seeds'}")
    return paths


def _is_noise(line: str) -> bool:
    return line.startswith(NOISE_PREFIXES) or any(fragment in line for fragment in NOISE_FRAGMENTS)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def test_seed_noise_is_removed_and_no_story_line_is_lost(shared):
    rules_seen = set()
    for path in _seed_paths(shared):
        doc = read_text_document(path.read_text(encoding="utf-8"))
        cleaned = clean_text(doc.text, title=doc.title)
        kept = _lines(cleaned.text)
        original = _lines(doc.text)
        removed = {item.line: item.rule for item in cleaned.removed}
        rules_seen |= set(removed.values())
        for line in original:
            headline_copy = doc.title is not None and line.lstrip("• ") == doc.title
            if _is_noise(line):
                assert line not in kept, f"{path.name}: noise kept: {line}"
                assert line in removed, f"{path.name}: noise not recorded: {line}"
            elif headline_copy:
                continue
            else:
                assert line in kept, f"{path.name}: story line lost ({removed.get(line)}): {line}"
        if doc.title:
            assert kept.count(doc.title) == 1, f"{path.name}: headline copies left: {kept.count(doc.title)}"
    assert {"share_prompt", "breadcrumb", "ad_marker", "read_also", "photo_credit", "promo"} <= rules_seen
    assert "repeated_title" in rules_seen


def test_every_seed_removal_is_explained_by_a_known_noise_line_or_headline_copy(shared):
    for path in _seed_paths(shared):
        doc = read_text_document(path.read_text(encoding="utf-8"))
        cleaned = clean_text(doc.text, title=doc.title)
        for item in cleaned.removed:
            assert _is_noise(item.line) or item.rule == "repeated_title", f"{path.name}: {item}"
