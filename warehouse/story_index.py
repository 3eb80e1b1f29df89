"""The persisted near-duplicate index: assigns each article to a story against the whole archive.

Tables (migration 002): `story_signatures` (one row per article: fingerprint, MinHash signature,
story) and `story_bands` (one row per article and LSH band). A batch is checked in three set-based
queries (exact fingerprints, LSH band hits joined to their signatures, story ids in use) with
the batch registered as Arrow tables; the archive never comes into memory, only the candidate
rows do. The decision per article runs in Python over those candidates, in a fixed order, so a
batch can also match articles earlier in the same batch.

Everything runs inside the caller's transaction.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb
import numpy as np
import pyarrow as pa

from tasks.dedup import (
    NUM_PERM,
    SAME_STORY_THRESHOLD,
    StoryInput,
    TextIdentity,
    article_id_for,
    band_key_matrix,
    minhash_signatures,
    same_story_scores,
    text_identity,
)
from warehouse.db import sql

_SIGNATURE_DTYPE = np.dtype("<u4")
_FACTS_DTYPE = np.dtype("<u8")


@dataclass
class _Candidates:
    """Indexed articles that may hold the same text as one batch item."""

    story_ids: list[str]
    sizes: list[int]
    signatures: list[np.ndarray]
    facts: list[np.ndarray]


def doc_key_for(article_id: str) -> int:
    """The 64-bit join key of an article in story_bands (stable: derived from the id only)."""
    return int.from_bytes(hashlib.sha256(article_id.encode("utf-8")).digest()[:8], "little", signed=True)


def _arrival_order(items: Sequence[StoryInput]) -> list[StoryInput]:
    """One item per article (the last one given wins), oldest publication first, then by id: the
    first copy published founds the story, and the order never depends on how a batch was built."""
    latest = {item.article_id: item for item in items}
    return sorted(
        latest.values(),
        key=lambda item: (item.published_at is None, item.published_at or datetime.min, item.article_id),
    )


def remove_articles(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """Drop the index rows of these articles (before reprocessing them, or when they go away)."""
    if not article_ids:
        return
    keys = pa.table(
        {"doc_key": pa.array([doc_key_for(article_id) for article_id in set(article_ids)], pa.int64())}
    )
    con.register("_story_remove", keys)
    try:
        con.execute(sql("story_remove_bands"))
        con.execute(sql("story_remove_signatures"))
    finally:
        con.unregister("_story_remove")


def _candidates_from_archive(con: duckdb.DuckDBPyConnection, bands: np.ndarray) -> dict[int, _Candidates]:
    """For each batch position, the indexed articles sharing one of its LSH bands."""
    positions = np.repeat(np.arange(len(bands), dtype=np.int32), bands.shape[1])
    con.register("_story_batch_bands", pa.table({"position": positions, "band_key": bands.reshape(-1)}))
    try:
        found = con.sql(sql("story_lsh_candidates")).to_arrow_table()
    finally:
        con.unregister("_story_batch_bands")
    candidates: dict[int, _Candidates] = defaultdict(lambda: _Candidates([], [], [], []))
    for position, story_id, size, signature, facts in zip(
        found.column("position").to_pylist(),
        found.column("story_id").to_pylist(),
        found.column("n_shingles").to_pylist(),
        found.column("signature").to_pylist(),
        found.column("facts").to_pylist(),
        strict=True,
    ):
        entry = candidates[position]
        entry.story_ids.append(story_id)
        entry.sizes.append(size)
        entry.signatures.append(np.frombuffer(signature, dtype=_SIGNATURE_DTYPE))
        entry.facts.append(np.frombuffer(facts, dtype=_FACTS_DTYPE))
    return candidates


def _best_story(identity: TextIdentity, signature: np.ndarray, candidates: _Candidates) -> str | None:
    """The story of the best-scoring candidate at or above the threshold (ties: smallest id)."""
    if not candidates.story_ids:
        return None
    scores = same_story_scores(
        identity,
        signature,
        np.vstack(candidates.signatures),
        np.asarray(candidates.sizes, dtype=np.int64),
        candidates.facts,
    )
    accepted = [
        (-score, story_id)
        for score, story_id in zip(scores.tolist(), candidates.story_ids, strict=True)
        if score >= SAME_STORY_THRESHOLD
    ]
    return min(accepted)[1] if accepted else None


def assign_stories(con: duckdb.DuckDBPyConnection, items: Sequence[StoryInput]) -> dict[str, str]:
    """Index a batch of articles and return article_id -> story_id.

    Per article: an indexed text with the same fingerprint gives its story; else the best
    near-duplicate among LSH candidates (archive and earlier items of this batch) whose score is
    at least SAME_STORY_THRESHOLD; else a new story named after the article. Articles that were
    indexed before (an update at the same URL) are re-indexed: their old rows are replaced.
    Runs inside the caller's transaction; does not commit.
    """
    ordered = _arrival_order(items)
    if not ordered:
        return {}
    identities = [text_identity(item.text) for item in ordered]
    fingerprints = [identity.fingerprint for identity in identities]
    sizes = [len(identity.shingles) for identity in identities]
    signatures = minhash_signatures([identity.shingles for identity in identities])
    bands = band_key_matrix(signatures)
    article_ids = [item.article_id for item in ordered]
    doc_keys = [doc_key_for(article_id) for article_id in article_ids]

    batch = pa.table(
        {
            "position": pa.array(range(len(ordered)), pa.int32()),
            "article_id": article_ids,
            "doc_key": pa.array(doc_keys, pa.int64()),
            "fingerprint": fingerprints,
        }
    )
    con.register("_story_batch", batch)
    try:
        already_indexed = [row[0] for row in con.execute(sql("story_indexed_articles")).fetchall()]
        remove_articles(con, already_indexed)
        exact = dict(con.execute(sql("story_exact_matches")).fetchall())
        ids_in_use = {row[0] for row in con.execute(sql("story_ids_in_use")).fetchall()}
    finally:
        con.unregister("_story_batch")
    archive = _candidates_from_archive(con, bands)

    stories: list[str] = []
    batch_by_fingerprint: dict[str, str] = {}
    batch_by_band: dict[int, list[int]] = defaultdict(list)
    for position, article_id in enumerate(article_ids):
        story_id = _assign_one(
            position, article_id, identities, signatures, bands, stories,
            exact, archive, batch_by_fingerprint, batch_by_band, ids_in_use,
        )  # fmt: skip
        stories.append(story_id)
        if sizes[position]:
            batch_by_fingerprint.setdefault(identities[position].fingerprint, story_id)
            for key in bands[position].tolist():
                batch_by_band[key].append(position)

    _insert_rows(con, ordered, doc_keys, stories, identities, signatures, bands)
    return dict(zip(article_ids, stories, strict=True))


def _assign_one(
    position: int,
    article_id: str,
    identities: list[TextIdentity],
    signatures: np.ndarray,
    bands: np.ndarray,
    stories: list[str],
    exact: dict[int, str],
    archive: dict[int, _Candidates],
    batch_by_fingerprint: dict[str, str],
    batch_by_band: dict[int, list[int]],
    ids_in_use: set[str],
) -> str:
    identity = identities[position]
    if len(identity.shingles):  # a text without words (punctuation only) is a story of its own
        exact_story = exact.get(position) or batch_by_fingerprint.get(identity.fingerprint)
        if exact_story is not None:
            return exact_story
        candidates = archive.get(position) or _Candidates([], [], [], [])
        earlier = sorted({other for key in bands[position].tolist() for other in batch_by_band.get(key, ())})
        merged = _Candidates(
            candidates.story_ids + [stories[other] for other in earlier],
            candidates.sizes + [len(identities[other].shingles) for other in earlier],
            candidates.signatures + [signatures[other] for other in earlier],
            candidates.facts + [identities[other].facts for other in earlier],
        )
        near_story = _best_story(identity, signatures[position], merged)
        if near_story is not None:
            return near_story
    if article_id in ids_in_use:
        # the article founded a story, then changed beyond recognition: its old copies keep the id
        return article_id_for(f"{article_id}#{identity.fingerprint}")
    return article_id


def _insert_rows(
    con: duckdb.DuckDBPyConnection,
    ordered: list[StoryInput],
    doc_keys: list[int],
    stories: list[str],
    identities: list[TextIdentity],
    signatures: np.ndarray,
    bands: np.ndarray,
) -> None:
    """Bulk-insert the batch's signature and band rows (two statements, Arrow in)."""
    assert signatures.shape[1] == NUM_PERM
    signature_bytes = signatures.astype(_SIGNATURE_DTYPE, copy=False)
    sizes = [len(identity.shingles) for identity in identities]
    rows = pa.table(
        {
            "article_id": [item.article_id for item in ordered],
            "doc_key": pa.array(doc_keys, pa.int64()),
            "story_id": stories,
            "fingerprint": [identity.fingerprint for identity in identities],
            "n_shingles": pa.array(sizes, pa.int32()),
            "signature": pa.array([row.tobytes() for row in signature_bytes], pa.binary()),
            "facts": pa.array(
                [identity.facts.astype(_FACTS_DTYPE).tobytes() for identity in identities], pa.binary()
            ),
            "published_at": pa.array([item.published_at for item in ordered], pa.timestamp("us")),
        }
    )
    has_words = np.asarray(sizes) > 0
    band_rows = pa.table(
        {
            "band_key": bands[has_words].reshape(-1),
            "doc_key": np.repeat(np.asarray(doc_keys, dtype=np.int64)[has_words], bands.shape[1]),
        }
    )
    con.register("_story_rows", rows)
    con.register("_story_band_rows", band_rows)
    try:
        con.execute(sql("story_insert_signatures"))
        con.execute(sql("story_insert_bands"))
    finally:
        con.unregister("_story_rows")
        con.unregister("_story_band_rows")
