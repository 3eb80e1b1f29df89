"""Every feed file of the feedparser and feedvalidator suites through the real ingest flow.

Files are served on 127.0.0.1 with the HTTP headers their header comment declares
(`Header: Content-type: ...`). Their article links point at hosts that do not resolve offline
(or at private addresses the guard refuses), so page fetches run with no retries, no robots.txt
and a 3 s deadline (`feedsite.fast_failing`): each ends at once, nothing leaves loopback.
"""

from __future__ import annotations

import time
from collections import Counter
from urllib.parse import urlsplit

import pytest

from tests.conformance.feedsite import (
    FEED_OUTCOMES,
    PAGE_OUTCOMES,
    FeedSite,
    corpus_files,
    feed_outcomes,
    query,
    run_flow,
)

FEEDS_PER_RUN = 800
CORPORA = {
    "feedparser": ("feedparser/tests", 2107),
    "feedvalidator": ("feedvalidator/testcases", 2200),
}


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_every_corpus_feed_gets_one_recorded_outcome_per_run(name, corpora, tmp_path, figures, memory):
    folder, minimum = CORPORA[name]
    files = corpus_files(corpora / folder, name)
    assert len(files) >= minimum, f"{folder}: only {len(files)} files"
    db = tmp_path / "corpus.duckdb"
    outcomes: Counter[str] = Counter()
    started = time.monotonic()
    with FeedSite(files) as site, memory.window() as mem:
        urls = [site.url(f) for f in files]
        for start in range(0, len(urls), FEEDS_PER_RUN):
            batch = urls[start : start + FEEDS_PER_RUN]
            summary = run_flow(batch, db, [site.host_port])
            assert summary.status == "completed", summary.error
            recorded = feed_outcomes(db, summary.run_id)
            assert set(recorded) == set(batch), (
                f"feeds without a row: {sorted(set(batch) - set(recorded))[:5]}"
            )
            outcomes.update(recorded.values())
        unserved = [f.path for f in files if site.hits(f.path) != 1]
    seconds = round(time.monotonic() - started, 1)
    page_counts = Counter(outcome for (outcome,) in query(db, "select outcome from page_fetches"))
    runs = query(db, "select status, count(*) from runs group by status")
    # links that did not fail at once (DNS) or at the guard: which hosts made a page wait its deadline
    slow_hosts = Counter(
        urlsplit(url).hostname
        for (url,) in query(db, "select url from page_fetches where outcome = 'timeout'")
    )
    figures[f"{name}_feeds"] = {
        "files": len(files),
        "runs": dict(runs),
        "feed_outcomes": dict(outcomes),
        "page_outcomes": dict(page_counts),
        "page_timeout_hosts": dict(slow_hosts.most_common(8)),
        "seconds": seconds,
        "peak_mb": round(mem["peak_mb"]),
        "extra_mb": round(mem["extra_mb"]),
    }
    print(name, figures[f"{name}_feeds"])
    assert dict(runs) == {"completed": -(-len(files) // FEEDS_PER_RUN)}
    assert set(outcomes) <= FEED_OUTCOMES, f"unknown outcomes {set(outcomes) - FEED_OUTCOMES}"
    assert set(page_counts) <= PAGE_OUTCOMES, f"unknown page outcomes {set(page_counts) - PAGE_OUTCOMES}"
    assert not unserved, f"fetched other than once: {unserved[:5]}"
    assert outcomes["ok"] > len(files) // 2  # a suite of mostly valid feeds parses mostly fine
