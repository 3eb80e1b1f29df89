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
from datetime import UTC, datetime

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


def _naive_utc(moment: datetime | None) -> datetime | None:
    """Timestamps are stored as naive UTC (the warehouse convention); aware ones are converted."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _arrival_order(items: Sequence[StoryInput]) -> list[StoryInput]:
    """One item per article (the last one given wins), oldest publication first, then by id: the
    first copy published founds the story, and the order never depends on how a batch was built."""
    latest = {item.article_id: item for item in items}

    def order(item: StoryInput) -> tuple[bool, datetime, str]:
        published = _naive_utc(item.published_at)
        return (published is None, published or datetime.min, item.article_id)

    return sorted(latest.values(), key=order)


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


def assign_stories(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[StoryInput],
    *,
    identities: Sequence[TextIdentity] | None = None,
) -> dict[str, str]:
    """Index a batch of articles and return article_id -> story_id.

    `identities`, when given, are `tasks.dedup.text_identity(item.text)` for each item, in the
    same order: computed in a process pool with the other CPU work (normalising, shingling and
    MinHash are nearly all of the cost), so the single DuckDB writer only joins and decides.

    Per article: an indexed text with the same fingerprint gives its story; else the best
    near-duplicate among LSH candidates (archive and earlier items of this batch) whose score is
    at least SAME_STORY_THRESHOLD; else a new story named after the article. Articles that were
    indexed before (an update at the same URL) are re-indexed: their old rows are replaced.
    Runs inside the caller's transaction; does not commit.
    """
    if identities is not None and len(identities) != len(items):
        raise ValueError(f"{len(identities)} identities for {len(items)} items")
    ordered = _arrival_order(items)
    if not ordered:
        return {}
    known = dict(zip((item.article_id for item in items), identities, strict=True)) if identities else {}
    batch = _Batch(ordered, [known.get(item.article_id) or text_identity(item.text) for item in ordered])
    con.register("_story_batch", batch.keys_table())
    try:
        already_indexed = [row[0] for row in con.execute(sql("story_indexed_articles")).fetchall()]
        remove_articles(con, already_indexed)
        exact = dict(con.execute(sql("story_exact_matches")).fetchall())
        ids_in_use = {row[0] for row in con.execute(sql("story_ids_in_use")).fetchall()}
    finally:
        con.unregister("_story_batch")
    # texts without words have no bands in the archive to hit, and assign_all ignores them anyway
    batch.assign_all(exact, _candidates_from_archive(con, batch.bands), ids_in_use)
    _insert_rows(con, batch)
    return dict(zip(batch.article_ids, batch.stories, strict=True))


_NO_CANDIDATES = _Candidates([], [], [], [])


class _Batch:
    """One batch being assigned: its identities, and what earlier items of it already decided."""

    def __init__(self, ordered: list[StoryInput], identities: list[TextIdentity]) -> None:
        self.items = ordered
        self.article_ids = [item.article_id for item in ordered]
        self.doc_keys = [doc_key_for(article_id) for article_id in self.article_ids]
        self.identities = identities
        self.signatures = np.vstack([identity.signature for identity in identities])
        self.bands = band_key_matrix(self.signatures)
        self.has_words = np.array([len(identity.shingles) > 0 for identity in identities], dtype=bool)
        self.stories: list[str] = []

    def keys_table(self) -> pa.Table:
        return pa.table(
            {
                "position": pa.array(range(len(self.items)), pa.int32()),
                "article_id": self.article_ids,
                "doc_key": pa.array(self.doc_keys, pa.int64()),
                "fingerprint": [identity.fingerprint for identity in self.identities],
            }
        )

    def assign_all(
        self, exact: dict[int, str], archive: dict[int, _Candidates], ids_in_use: set[str]
    ) -> None:
        """Decide every item's story, in order: an item may join a story an earlier one founded.

        Only items with an exact match or an LSH candidate are scored; the rest (nearly all of a
        batch of fresh news) found stories of their own.
        """
        earlier = self._earlier_band_neighbours()
        story_by_fingerprint: dict[str, str] = {}
        for position, identity in enumerate(self.identities):
            story_id = None
            if self.has_words[position]:  # a text without words is a story of its own
                story_id = exact.get(position) or story_by_fingerprint.get(identity.fingerprint)
                if story_id is None and (position in archive or position in earlier):
                    story_id = _best_story(
                        identity,
                        self.signatures[position],
                        self._with_earlier_items(archive.get(position, _NO_CANDIDATES), earlier.get(position, ())),
                    )
            if story_id is None:
                story_id = self.article_ids[position]
                if story_id in ids_in_use:
                    # the article founded a story, then changed beyond recognition: its copies keep the id
                    story_id = article_id_for(f"{story_id}#{identity.fingerprint}")
            if self.has_words[position]:
                story_by_fingerprint.setdefault(identity.fingerprint, story_id)
            self.stories.append(story_id)

    def _earlier_band_neighbours(self) -> dict[int, list[int]]:
        """For each item, the earlier items with words that share one of its LSH bands (sorted).

        Vectorised: the batch's band keys are sorted once and only runs of equal keys (rare:
        near duplicates inside one batch) reach Python.
        """
        n_bands = self.bands.shape[1]
        worded = np.flatnonzero(self.has_words)
        keys = self.bands[worded].reshape(-1)
        positions = np.repeat(worded, n_bands)
        order = np.lexsort((positions, keys))
        keys, positions = keys[order], positions[order]
        starts_run = np.concatenate(([True], keys[1:] != keys[:-1]))
        if starts_run.all():
            return {}
        run_start = np.flatnonzero(starts_run)[np.cumsum(starts_run) - 1]  # per index: where its run starts
        neighbours: dict[int, set[int]] = defaultdict(set)
        for index in np.flatnonzero(~starts_run).tolist():  # an item after the first of its run
            later = int(positions[index])
            neighbours[later].update(positions[run_start[index] : index].tolist())
            neighbours[later].discard(later)
        return {position: sorted(found) for position, found in neighbours.items()}

    def _with_earlier_items(self, archive: _Candidates, earlier: Sequence[int]) -> _Candidates:
        """The archive candidates plus earlier items of this batch sharing an LSH band."""
        return _Candidates(
            archive.story_ids + [self.stories[other] for other in earlier],
            archive.sizes + [len(self.identities[other].shingles) for other in earlier],
            archive.signatures + [self.signatures[other] for other in earlier],
            archive.facts + [self.identities[other].facts for other in earlier],
        )


def _insert_rows(con: duckdb.DuckDBPyConnection, batch: _Batch) -> None:
    """Bulk-insert the batch's signature and band rows (two statements, Arrow in)."""
    assert batch.signatures.shape[1] == NUM_PERM
    sizes = [len(identity.shingles) for identity in batch.identities]
    rows = pa.table(
        {
            "article_id": batch.article_ids,
            "doc_key": pa.array(batch.doc_keys, pa.int64()),
            "story_id": batch.stories,
            "fingerprint": [identity.fingerprint for identity in batch.identities],
            "n_shingles": pa.array(sizes, pa.int32()),
            "signature": pa.array(
                [row.tobytes() for row in batch.signatures.astype(_SIGNATURE_DTYPE, copy=False)], pa.binary()
            ),
            "facts": pa.array(
                [identity.facts.astype(_FACTS_DTYPE).tobytes() for identity in batch.identities], pa.binary()
            ),
            "published_at": pa.array(
                [_naive_utc(item.published_at) for item in batch.items], pa.timestamp("us")
            ),
        }
    )
    has_words = batch.has_words  # a text without shingles has no bands worth storing
    band_rows = pa.table(
        {
            "band_key": batch.bands[has_words].reshape(-1),
            "doc_key": np.repeat(np.asarray(batch.doc_keys, dtype=np.int64)[has_words], batch.bands.shape[1]),
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
