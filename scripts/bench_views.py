"""Time the analysis views and the cookbook queries on a (synthetic) warehouse; print a table.

Each query runs once to warm the cache, then `--repeat` times on a read-only connection (as
`swapwire sql` opens it); the table shows the median and the slowest run and flags any query
whose median exceeds the target. Build the warehouse first:

    .venv/bin/python scripts/make_synthetic_warehouse.py --db /tmp/swapwire-synthetic.duckdb
    .venv/bin/python scripts/bench_views.py --db /tmp/swapwire-synthetic.duckdb
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[1]
COOKBOOK = PROJECT_ROOT / "docs" / "cookbook.md"

# What an analyst would type against each view: a filter or an order with a limit, or the whole
# view where it is small by nature (one row per mediator, per feed, per exchange day).
VIEW_QUERIES: list[tuple[str, str]] = [
    (
        "v_exchange_timeline",
        "select * from v_exchange_timeline where event_date >= date '2025-01-01' order by event_date desc limit 100",
    ),
    ("v_exchange_timeline (all)", "select * from v_exchange_timeline"),
    ("v_cumulative_returns (all)", "select * from v_cumulative_returns order by event_date"),
    ("v_mediator_totals (all)", "select * from v_mediator_totals order by n_exchanges desc"),
    (
        "v_exchange_sources",
        "select * from v_exchange_sources where exchange_id = (select max(exchange_id) from exchanges)",
    ),
    (
        "v_exchange_sources (last 50)",
        "select * from v_exchange_sources where exchange_id in "
        "(select exchange_id from exchanges order by event_date desc limit 50)",
    ),
    (
        "v_disputed_figures",
        "select * from v_disputed_figures where event_date >= date '2025-01-01' "
        "order by event_date desc, exchange_id limit 200",
    ),
    ("v_disputed_figures (all)", "select * from v_disputed_figures"),
    (
        "v_stories_per_day",
        "select * from v_stories_per_day where published_on >= date '2025-12-01' "
        "order by published_on desc, n_articles desc limit 100",
    ),
    (
        "v_stories_per_day (one outlet)",
        "select * from v_stories_per_day where source_host = 'outlet7.example' order by published_on desc limit 30",
    ),
    ("v_feed_health (all)", "select * from v_feed_health order by consecutive_failures desc"),
    ("v_feed_health (unhealthy)", "select * from v_feed_health where not is_healthy"),
]


def cookbook_queries(path: Path) -> list[tuple[str, str]]:
    """(question heading, SQL) for every ```sql block of the cookbook, named by the heading above it."""
    queries = []
    heading = ""
    for block in re.split(r"(?m)^(#{2,3} .+)$", path.read_text(encoding="utf-8")):
        if block.startswith("#"):
            heading = block.lstrip("#").strip()
            continue
        queries += [(heading, sql.strip()) for sql in re.findall(r"```sql\n(.*?)```", block, re.DOTALL)]
    return queries


def time_query(con: duckdb.DuckDBPyConnection, query: str, repeat: int) -> tuple[float, float, float, int]:
    """(median wall ms, slowest wall ms, median CPU ms, rows) of `repeat` runs after a warm-up, fetching Arrow.

    Arrow, as a notebook or BI client would fetch; Python tuples would add the cost of building
    a Python object per value, which is the client's and not the warehouse's. CPU time (all of
    DuckDB's threads) is the figure to compare when other work shares the machine.
    """
    n_rows = con.sql(query).to_arrow_table().num_rows
    timings, cpu_timings = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        con.sql(query).to_arrow_table()
        timings.append((time.perf_counter() - started) * 1000)
        cpu_timings.append((time.process_time() - cpu_started) * 1000)
    return statistics.median(timings), max(timings), statistics.median(cpu_timings), n_rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/swapwire-synthetic.duckdb"))
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--target-ms", type=float, default=100.0)
    parser.add_argument("--no-cookbook", action="store_true", help="time the views only")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a DuckDB setting for the session, e.g. dynamic_or_filter_threshold=2048 (repeatable)",
    )
    args = parser.parse_args()
    if not args.db.exists():
        print(
            f"no warehouse at {args.db}; build one with scripts/make_synthetic_warehouse.py", file=sys.stderr
        )
        return 2
    con = duckdb.connect(str(args.db), read_only=True)
    for setting in args.set:
        name, _, value = setting.partition("=")
        con.sql(f"set {name} = {value}")
    scale = con.execute(
        "select (select count(*) from articles), (select count(*) from exchanges)"
    ).fetchall()[0]
    print(
        f"{args.db}: {scale[0]:,} articles, {scale[1]:,} exchanges; "
        f"median and max of {args.repeat} runs after a warm-up, duckdb {duckdb.__version__}, "
        f"settings: {', '.join(args.set) or 'defaults'}\n"
    )
    queries = [(f"view {name}", sql) for name, sql in VIEW_QUERIES]
    if not args.no_cookbook and COOKBOOK.exists():
        queries += [(f"cookbook: {heading}", sql) for heading, sql in cookbook_queries(COOKBOOK)]
    width = max(len(name) for name, _ in queries)
    print(f"{'query':<{width}}  {'median ms':>9}  {'max ms':>7}  {'cpu ms':>7}  {'rows':>7}")
    slow = []
    for name, sql in queries:
        median_ms, max_ms, cpu_ms, n_rows = time_query(con, sql, args.repeat)
        flag = "  SLOW" if median_ms > args.target_ms else ""
        print(
            f"{name:<{width}}  {median_ms:9.1f}  {max_ms:7.1f}  {cpu_ms:7.1f}  {n_rows:7,}{flag}", flush=True
        )
        if flag:
            slow.append(name)
    con.close()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"\n{len(queries) - len(slow)}/{len(queries)} queries within {args.target_ms:.0f} ms (median); "
        f"load average {load} on {os.cpu_count()} cores"
    )
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
