"""Every cleaning rule brings its own examples (tasks/clean_rules.toml): the last line of each
`must_remove` example is removed by that rule, and the last line of each `must_keep` example stays.
Earlier lines of an example are context (a related-stories heading, an earlier headline copy)."""

from __future__ import annotations

import pytest

from tasks.clean import RULES, clean_text

REMOVE_CASES = [(rule, example) for rule in RULES for example in rule.must_remove]
KEEP_CASES = [(rule, example) for rule in RULES for example in rule.must_keep]


def _last_line_index(example: str) -> int:
    return len(example.split("\n")) - 1


@pytest.mark.parametrize(
    ("rule", "example"), REMOVE_CASES, ids=[f"{r.name}:{e[:40]}" for r, e in REMOVE_CASES]
)
def test_rule_removes_its_examples(rule, example):
    cleaned = clean_text(example, title=rule.example_title)
    removed = {item.line_no: item.rule for item in cleaned.removed}
    assert removed.get(_last_line_index(example)) == rule.name, cleaned.removed


@pytest.mark.parametrize(("rule", "example"), KEEP_CASES, ids=[f"{r.name}:{e[:40]}" for r, e in KEEP_CASES])
def test_rule_keeps_its_counter_examples(rule, example):
    cleaned = clean_text(example, title=rule.example_title)
    assert _last_line_index(example) not in {item.line_no for item in cleaned.removed}, cleaned.removed
    assert example.split("\n")[-1] in cleaned.text.split("\n")


def test_every_rule_has_examples_both_ways():
    for rule in RULES:
        assert rule.must_remove and rule.must_keep, rule.name
        assert rule.description and rule.languages, rule.name


def test_rule_names_are_unique_and_short():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(name.isidentifier() and len(name) <= 20 for name in names)
