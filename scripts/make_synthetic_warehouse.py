"""Build a synthetic warehouse at benchmark scale (default: 1M articles, 10k exchanges) in bulk SQL.

Every row comes from `range()` and `hash()` inside DuckDB (no Python loop), so the build is fast
and deterministic: the same arguments give the same rows. Texts are short placeholders; the views
never read them. Usage:

    .venv/bin/python scripts/make_synthetic_warehouse.py --db /tmp/synthetic.duckdb [--force]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from warehouse.db import connect  # noqa: E402

# Tables filled here, in dependency order (stories are derived from articles).
STEPS: list[tuple[str, str]] = [
    (
        "runs",
        """
        insert into runs (run_id, started_at, finished_at, trigger, status, n_feeds)
        select 'run' || i, timestamp '2022-02-24 00:00:00' + i * interval 3 hour,
               timestamp '2022-02-24 00:01:00' + i * interval 3 hour,
               'schedule', 'completed', $n_feeds
        from range($n_runs) t(i)
        """,
    ),
    (
        "feeds",
        """
        insert into feeds (feed_id, url, name, added_at, consecutive_failures)
        select 'feed' || i, 'https://outlet' || (i % $n_outlets) || '.example/feed' || i || '.xml',
               'Outlet ' || (i % $n_outlets) || ' feed ' || i, timestamp '2022-02-24', 0
        from range($n_feeds) t(i)
        """,
    ),
    (
        "feed_fetches",
        # one fetch per feed per run; every 25th feed breaks for good in the last 5% of runs
        """
        insert into feed_fetches (fetch_id, feed_id, run_id, fetched_at, outcome, http_status, error,
                                  n_entries, n_new_entries, elapsed_ms)
        with attempts as (
            select f, r, hash(f * 100003 + r) % 100 as dice,
                   f % 25 = 0 and r > $n_runs * 0.95 as is_broken
            from range($n_feeds) a(f), range($n_runs) b(r)
        )
        select 'fetch' || f || '-' || r, 'feed' || f, 'run' || r,
               timestamp '2022-02-24 00:00:05' + r * interval 3 hour + f * interval 1 second,
               case when is_broken or dice < 3 then 'http_error' when dice < 30 then 'not_modified' else 'ok' end,
               case when is_broken or dice < 3 then 503 when dice < 30 then 304 else 200 end,
               case when is_broken or dice < 3 then 'HTTP 503' end,
               case when not is_broken and dice >= 30 then 20 + dice % 20 end,
               case when not is_broken and dice >= 30 then dice % 5 end,
               50 + dice * 3
        from attempts
        """,
    ),
    (
        "articles",
        # spread evenly over the period, every third article syndicated into its neighbour's story
        """
        insert into articles (article_id, url, title, published_at, text, story_id, source_host, feed_id,
                              raw_page_id, version, status, first_seen_at, updated_at)
        with numbered as (
            select i, cast(hash(i) % 1000000007 as bigint) as h,
                   timestamp '2022-02-24 00:00:00'
                       + to_microseconds(i * $article_step_microseconds) as published_at
            from range($n_articles) t(i)
        )
        select left(md5('article' || i), 16), 'https://outlet' || (h % $n_outlets) || '.example/news/' || i || '.html',
               'Synthetic headline number ' || i, published_at, 'Synthetic article text ' || i || '.',
               left(md5('story' || (i - (i % 3) * (h % 2))), 16), 'outlet' || (h % $n_outlets) || '.example',
               'feed' || (h % $n_feeds), left(md5('page' || i), 16), 1, 'ok', published_at, published_at
        from numbered
        """,
    ),
    (
        "stories",
        """
        insert into stories (story_id, n_articles, title, first_article_id, first_published_at, last_published_at,
                             n_outlets)
        select story_id, count(*), min(title), arg_min(article_id, published_at), min(published_at),
               max(published_at), count(distinct source_host)
        from articles group by story_id
        """,
    ),
    (
        "exchanges",
        # one in ten disputed; mediators drawn from the usual ones, often none
        """
        insert into exchanges (exchange_id, event_date, returned_to_ukraine, returned_to_russia,
                               returned_to_ukraine_min, returned_to_ukraine_max, returned_to_russia_min,
                               returned_to_russia_max, mediators, wounded_to_ukraine, is_disputed, dispute_note,
                               n_articles, n_mentions, confidence, first_reported_at)
        with drawn as (
            select i, cast(hash(i * 7919) % 1000000007 as bigint) as h,
                   date '2022-02-24' + cast(i * $period_days // $n_exchanges as integer) as event_date
            from range($n_exchanges) t(i)
        )
        select left(md5('exchange' || i), 16), event_date, 20 + h % 480, case when h % 13 = 0 then null else 20 + h % 470 end,
               20 + h % 480 - (h % 10 = 0)::int * 5, 20 + h % 480, 20 + h % 470, 20 + h % 470,
               [['AE'], ['AE', 'US'], ['TR'], ['TR', 'SA'], ['QA'], ['VA'], [], [], [], []][1 + h % 10],
               case when h % 4 = 0 then h % 30 end, h % 10 = 0,
               case when h % 10 = 0 then 'sources differ by 5 returned to Ukraine' end,
               3, 3, 0.5 + (h % 50) / 100, event_date + interval 18 hour
        from drawn
        """,
    ),
    (
        "exchange_mentions",
        # three claims per exchange, from articles published around its date
        """
        insert into exchange_mentions (mention_id, article_id, mention_no, exchange_id, event_date,
                                       returned_to_ukraine, returned_to_russia, mediators, total_stated,
                                       is_disputed, evidence, confidence)
        with claims as (
            select e.*, k,
                   cast(e.rowid_in_order * $n_articles // $n_exchanges + k * 7 as bigint) as article_no
            from (select *, row_number() over (order by event_date, exchange_id) - 1 as rowid_in_order
                  from exchanges) e, range(3) c(k)
        )
        select left(md5('mention' || exchange_id || k), 16), left(md5('article' || least(article_no, $n_articles - 1)), 16), 1,
               exchange_id, event_date,
               case when is_disputed and k = 2 then returned_to_ukraine - 5 else returned_to_ukraine end,
               returned_to_russia, mediators, null, false,
               ['Synthetic evidence sentence.'], confidence
        from claims
        """,
    ),
]


def build(
    db_path: Path, *, n_articles: int, n_exchanges: int, n_feeds: int, n_runs: int, n_outlets: int
) -> None:
    period_days = 4 * 365
    parameters = {
        "n_articles": n_articles,
        "n_exchanges": n_exchanges,
        "n_feeds": n_feeds,
        "n_runs": n_runs,
        "n_outlets": n_outlets,
        "period_days": period_days,
        "article_step_microseconds": period_days * 86_400 * 1_000_000 // n_articles,
    }
    con = connect(db_path)
    try:
        for table, statement in STEPS:
            started = time.perf_counter()
            used = {name: value for name, value in parameters.items() if f"${name}" in statement}
            con.execute(statement, used)
            count = con.execute(f"select count(*) from {table}").fetchone()[0]
            print(f"{table:<18} {count:>10,} rows  {time.perf_counter() - started:6.1f} s", flush=True)
        con.execute("checkpoint")
    finally:
        con.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/swapwire-synthetic.duckdb"))
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--exchanges", type=int, default=10_000)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--runs", type=int, default=2_000, help="ingest runs (each fetches every feed once)")
    parser.add_argument("--outlets", type=int, default=50)
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    args = parser.parse_args()
    if args.db.exists():
        if not args.force:
            print(f"{args.db} exists; pass --force to replace it", file=sys.stderr)
            return 2
        args.db.unlink()
        Path(f"{args.db}.wal").unlink(missing_ok=True)
    started = time.perf_counter()
    build(
        args.db,
        n_articles=args.articles,
        n_exchanges=args.exchanges,
        n_feeds=args.feeds,
        n_runs=args.runs,
        n_outlets=args.outlets,
    )
    size_mb = args.db.stat().st_size / 1e6
    print(f"built {args.db} ({size_mb:,.0f} MB) in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
