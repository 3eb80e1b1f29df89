"""Fusion across outlets (scripts/eval_fusion.py): the labelled articles of all sets, extracted and
fused together as the warehouse fuses a run's articles, give one row per real exchange."""

from __future__ import annotations

import pytest

from tests.conftest import load_script


@pytest.fixture(scope="module")
def fusion_eval():
    return load_script("eval_fusion")


def test_every_real_exchange_is_one_row(fusion_eval) -> None:
    articles = fusion_eval.load_articles(["seeds", "labelled", "holdout", "holdout2", "holdout3"])
    result = fusion_eval.score(fusion_eval.expected_events(articles), fusion_eval.fuse_predictions(articles))
    assert result["split"] == 0, result["problems"]
    assert result["pair_precision"] >= 0.99, result["problems"]
    assert result["pair_recall"] >= 0.9, result["problems"]
    assert result["missed"] <= 1, result["problems"]


def test_the_scorer_sees_a_split_and_a_spurious_row(fusion_eval) -> None:
    """A fused row per article (nothing joined) must score as splits, not as success."""
    from datetime import date

    from tasks.fusion import FusedExchange

    def row(exchange_id: str, day: date, article: str) -> FusedExchange:
        return FusedExchange(exchange_id, day, 10, 10, 10, 10, 10, 10, (), None, None, None, None, None,
                             False, None, 1, 1, (f"{article}#0",), 0.9)

    events = {date(2024, 1, 3): fusion_eval.Event(date(2024, 1, 3), {"a", "b"}, {
        "returned_to_ukraine": fusion_eval.Counter({10: 2}), "returned_to_russia": fusion_eval.Counter()})}
    rows = [row("x", date(2024, 1, 3), "a"), row("y", date(2024, 1, 3), "b"), row("z", date(2024, 2, 1), "c")]
    result = fusion_eval.score(events, rows)
    assert (result["split"], result["spurious_rows"], result["pair_recall"]) == (1, 1, 0.0)
