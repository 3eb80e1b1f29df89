"""Scale benchmark of the story index: index N synthetic articles, then check 1,000 new ones.

Articles are random word sequences (200-600 words drawn from a 30,000-word vocabulary with a
Zipf-like frequency, as in real text); 5% of them are planted near-duplicates (a few words
changed, the end cut) of an article indexed earlier. For each size the script indexes the archive
into a fresh DuckDB file in batches through `warehouse.story_index.assign_stories` (one
transaction per batch), then times one `assign_stories` call with 1,000 new articles (100 of them
copies of archive articles) against the whole archive, and rolls it back. Each size runs in its own
process so its peak RSS is its own.

    .venv/bin/python scripts/bench_dedup.py [--sizes 100000,1000000] [--quick] [--batch 10000]

Targets (issue 5): query 1,000 vs 1M <= 10 s; index 1M <= 10 min in <= 2 GB; 10x data <= 12x time.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from tasks.dedup import StoryInput, TextIdentity, text_identity  # noqa: E402
from warehouse.story_index import assign_stories  # noqa: E402

MIGRATION = PROJECT_ROOT / "warehouse" / "migrations" / "002_story_index.sql"
VOCABULARY_SIZE = 30_000
COPY_SHARE = 0.05
QUERY_SIZE = 1_000
QUERY_COPIES = 100
EPOCH = datetime(2024, 1, 1)


class Corpus:
    """Deterministic synthetic articles: batch b is always the same texts for the same seed."""

    def __init__(self, seed: int) -> None:
        rng = np.random.default_rng(seed)
        letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
        self.vocabulary = [
            "".join(rng.choice(letters, size=rng.integers(2, 11))) for _ in range(VOCABULARY_SIZE)
        ]
        weights = 1.0 / np.arange(1, VOCABULARY_SIZE + 1) ** 0.9
        self.cumulative = np.cumsum(weights / weights.sum())
        self.seed = seed

    def _texts(self, rng: np.random.Generator, count: int) -> list[str]:
        lengths = rng.integers(200, 601, size=count)
        ids = np.searchsorted(self.cumulative, rng.random((count, 600)))
        vocabulary = self.vocabulary
        return [
            " ".join([vocabulary[i] for i in row[:length].tolist()])
            for row, length in zip(ids, lengths, strict=True)
        ]

    @staticmethod
    def near_copy(text: str, rng: np.random.Generator) -> str:
        words = text.split(" ")
        for index in rng.integers(0, len(words), size=4):
            words[index] = "edited"
        return " ".join(words[: int(len(words) * 0.85)])

    def batch(self, number: int, size: int) -> list[tuple[str, str]]:
        """(article_id, text) of batch `number`; 5% are copies of earlier articles of the batch."""
        rng = np.random.default_rng([self.seed, number])
        texts = self._texts(rng, size)
        for index in rng.choice(np.arange(size // 2, size), size=int(size * COPY_SHARE), replace=False):
            texts[index] = self.near_copy(texts[int(rng.integers(0, size // 2))], rng)
        return [(f"b{number:05d}-{index:06d}", text) for index, text in enumerate(texts)]


def _prepared_batch(seed: int, number: int, size: int) -> tuple[list[tuple[str, str]], list[TextIdentity]]:
    """Worker: generate batch `number` and compute its text identities (the CPU-bound part)."""
    batch = _corpus(seed).batch(number, size)
    return batch, [text_identity(text) for _, text in batch]


@functools.cache
def _corpus(seed: int) -> Corpus:
    return Corpus(seed)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_seconds() -> float:
    """CPU time of this process, DuckDB's threads included (wall time suffers on a shared machine)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_size(size: int, batch_size: int, seed: int, workers: int, memory_limit: str) -> dict[str, float]:
    corpus = _corpus(seed)
    n_batches = max(1, size // batch_size)
    with tempfile.TemporaryDirectory(dir=os.environ.get("SWAPWIRE_BENCH_DIR")) as tmp:
        path = Path(tmp) / "bench.duckdb"
        con = duckdb.connect(str(path))
        con.execute(f"set memory_limit = '{memory_limit}'")
        con.execute(MIGRATION.read_text(encoding="utf-8"))
        started, started_cpu = time.perf_counter(), cpu_seconds()
        batch_size = min(batch_size, size)
        # Like the ingest flow: CPU work (text identities) in a process pool, one DuckDB writer.
        # Workers run one batch ahead of the writer.
        with ProcessPoolExecutor(max_workers=workers) as pool:
            pending = [
                pool.submit(_prepared_batch, seed, number, batch_size)
                for number in range(min(workers + 1, n_batches))
            ]
            for number in range(n_batches):
                batch, identities = pending[number].result()
                if number + workers + 1 < n_batches:
                    pending.append(pool.submit(_prepared_batch, seed, number + workers + 1, batch_size))
                pending[number] = None  # free the batch once consumed
                items = [
                    StoryInput(article_id, text, EPOCH + timedelta(seconds=number * batch_size + index))
                    for index, (article_id, text) in enumerate(batch)
                ]
                con.execute("begin transaction")
                assign_stories(con, items, identities=identities)
                con.execute("commit")
            index_seconds = time.perf_counter() - started
        index_cpu = cpu_seconds() - started_cpu + children_cpu_seconds()
        worker_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        index_rss = rss_mb()

        # 1,000 new articles: 900 fresh, 100 near-copies of archive articles from several batches
        rng = np.random.default_rng([seed, 999_999])
        fresh = corpus._texts(rng, QUERY_SIZE - QUERY_COPIES)
        sources = []
        for number in rng.choice(n_batches, size=min(n_batches, 5), replace=False).tolist():
            batch = corpus.batch(int(number), min(batch_size, size))
            for position in rng.choice(
                len(batch) // 2, size=QUERY_COPIES // min(n_batches, 5), replace=False
            ):
                sources.append(batch[int(position)])
        query = [
            StoryInput(f"new-{i:04d}", text, EPOCH + timedelta(days=3650)) for i, text in enumerate(fresh)
        ]
        query += [
            StoryInput(f"copy-{i:04d}", corpus.near_copy(text, rng), EPOCH + timedelta(days=3650))
            for i, (_, text) in enumerate(sources)
        ]
        con.execute("begin transaction")
        started, started_cpu = time.perf_counter(), cpu_seconds()
        assigned = assign_stories(con, query)
        query_seconds = time.perf_counter() - started
        query_cpu = cpu_seconds() - started_cpu
        con.execute("rollback")
        planted = len(sources)
        planted_found = sum(assigned[f"copy-{i:04d}"] != f"copy-{i:04d}" for i in range(planted))
        fresh_merged = sum(assigned[f"new-{i:04d}"] != f"new-{i:04d}" for i in range(len(fresh)))
        n_rows = con.execute(
            "select (select count(*) from story_signatures), (select count(*) from story_bands)"
        ).fetchall()[0]
        con.close()
        db_mb = path.stat().st_size / 2**20
    return {
        "size": n_batches * min(batch_size, size),
        "index_seconds": index_seconds,
        "index_cpu": index_cpu,
        "query_cpu": query_cpu,
        "index_rss_mb": index_rss,
        "worker_rss_mb": worker_rss,
        "workers": workers,
        "memory_limit": memory_limit,
        "query_seconds": query_seconds,
        "peak_rss_mb": rss_mb(),
        "planted_found": planted_found,
        "planted": planted,
        "fresh_merged": fresh_merged,
        "signature_rows": n_rows[0],
        "band_rows": n_rows[1],
        "db_mb": db_mb,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated archive sizes")
    parser.add_argument("--quick", action="store_true", help="smoke test: one archive of 10,000")
    parser.add_argument("--batch", type=int, default=10_000, help="articles per assign_stories call")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2, help="processes computing text identities")
    parser.add_argument("--memory-limit", default="256MB",
                        help="DuckDB memory_limit of the writer (the pipeline's default: 256MB)")
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)  # child process: one size, JSON out
    args = parser.parse_args()

    if args.one_size:
        print(json.dumps(run_size(args.one_size, args.batch, args.seed, args.workers, args.memory_limit)))
        return 0
    sizes = [10_000] if args.quick else [int(size) for size in args.sizes.split(",")]
    results = []
    for size in sizes:
        command = [sys.executable, __file__, "--one-size", str(size), "--batch", str(min(args.batch, size))]
        output = subprocess.run(
            command + ["--seed", str(args.seed), "--memory-limit", args.memory_limit],
            check=True, capture_output=True, text=True
        )
        result = json.loads(output.stdout.strip().splitlines()[-1])
        results.append(result)
        print(
            f"{result['size']:>9,} articles: index {result['index_seconds']:7.1f} s (cpu {result['index_cpu']:.0f} s) "
            f"({result['size'] / result['index_seconds']:,.0f}/s, peak RSS writer {result['index_rss_mb']:,.0f} MB "
            f"+ {result['workers']} workers x {result['worker_rss_mb']:,.0f} MB, DuckDB limit {result['memory_limit']}, "
            f"db {result['db_mb']:,.0f} MB, {result['band_rows']:,} band rows); "
            f"query {QUERY_SIZE:,} new: {result['query_seconds']:.2f} s (cpu {result['query_cpu']:.2f} s), "
            f"planted copies found {result['planted_found']}/{result['planted']}, "
            f"fresh wrongly merged {result['fresh_merged']}; peak RSS {result['peak_rss_mb']:,.0f} MB",
            flush=True,
        )
    ok = True
    for smaller, larger in zip(results, results[1:], strict=False):
        factor = larger["size"] / smaller["size"]
        index_growth = larger["index_seconds"] / smaller["index_seconds"]
        query_growth = larger["query_seconds"] / smaller["query_seconds"]
        print(
            f"{factor:.0f}x data: index time x{index_growth:.1f}, query time x{query_growth:.1f} "
            f"(target <= x{factor * 1.2:.0f})"
        )
        ok &= index_growth <= factor * 1.2 and query_growth <= factor * 1.2
    for result in results:
        if result["size"] >= 1_000_000:
            ok &= (
                result["query_seconds"] <= 10
                and result["index_seconds"] <= 600
                and result["peak_rss_mb"] <= 2048
            )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
