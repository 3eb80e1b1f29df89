"""`swapwire`: the command-line interface. Parses options and calls the library; no logic here."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from flows.quiet import quiet_prefect

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}") from error


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="swapwire",
        description="News ingestion into DuckDB, with prisoner-of-war exchange extraction.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show Prefect's own logs")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = sub.add_parser("demo", help="serve the bundled sample site on 127.0.0.1, ingest it, print the summary")
    demo.add_argument("--db", help="DuckDB file (default: $SWAPWIRE_DB or data/swapwire.duckdb)")
    demo.add_argument("--port", type=int, default=8765,
                      help="loopback port for the sample site (fixed, so a rerun sees the same URLs)")
    demo.add_argument("--json", action="store_true", help="print the run summaries as JSON")

    run = sub.add_parser("run", help="one ingest run now (the same flow the schedule runs)")
    run.add_argument("--config", help="TOML config file (feeds, fetch policy, warehouse path)")
    run.add_argument("--feed", action="append", default=[], metavar="URL", help="a feed URL (repeatable)")
    run.add_argument("--db", help="DuckDB file")
    run.add_argument("--allow-private-networks", action="store_true", default=None,
                     help="allow fetching private, loopback and link-local addresses")
    run.add_argument("--allow-host", action="append", default=[], metavar="HOST:PORT",
                     help="allow exactly this host and port despite the private-network guard (repeatable)")
    run.add_argument("--wait", type=float, default=None, metavar="SECONDS",
                     help="wait this long for another run on the same warehouse to finish")
    run.add_argument("--trigger", default="manual", help=argparse.SUPPRESS)
    run.add_argument("--json", action="store_true", help="print the run summary as one JSON object")

    extract = sub.add_parser("extract", help="extract text and exchanges from HTML/text files (no network, no database)")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="files, or directories (every file in them)")
    extract.add_argument("--url", help="the URL the page came from")
    extract.add_argument("--published", type=_date, help="publication date YYYY-MM-DD (overrides the page's)")

    reprocess = sub.add_parser("reprocess", help="rebuild text, stories and exchanges from stored raw pages")
    reprocess.add_argument("--db", help="DuckDB file")
    reprocess.add_argument("--json", action="store_true", help="print the summary as JSON")

    sub.add_parser("serve", help="run the scheduled deployments locally until stopped")

    sql = sub.add_parser("sql", help="run read-only SQL; with no query, list tables and views")
    sql.add_argument("query", nargs="?", help="SQL to run (read-only)")
    sql.add_argument("--db", help="DuckDB file")
    sql.add_argument("--max-rows", type=int, default=100, help="rows to print (default 100)")

    export = sub.add_parser("export", help="write every table and view to Parquet files")
    export.add_argument("--parquet", required=True, metavar="DIR", help="output directory")
    export.add_argument("--db", help="DuckDB file")

    report = sub.add_parser("report", help="write a self-contained HTML report")
    report.add_argument("--db", help="DuckDB file")
    report.add_argument("--out", help="output file (default reports/swapwire-report.html)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    quiet_prefect(verbose=args.verbose)
    handler = globals()[f"cmd_{args.command}"]
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # one clear line, not a traceback; -v shows the traceback
        from flows.config import ConfigError

        if args.verbose:
            raise
        print(f"swapwire {args.command}: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_USAGE if isinstance(error, ConfigError) else EXIT_FAILED


# --- commands ---------------------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    from flows.config import load_settings
    from flows.prefect_api import start_temporary_server_early

    settings = load_settings(config_path=args.config, feed_urls=args.feed, db_path=args.db,
                             allow_private_networks=args.allow_private_networks,
                             allow_hosts=args.allow_host, lock_wait_seconds=args.wait)
    if not settings.feeds:
        print("swapwire run: no feeds configured (use --feed URL or --config FILE)", file=sys.stderr)
        return EXIT_USAGE
    server = start_temporary_server_early()
    # loaded while the Prefect server starts
    from flows.ingest import RunSummary
    from flows.progress import Progress
    from flows.report_text import print_summary

    Progress.stderr().activate()
    if server is not None:
        server.wait()
    result = _run_flow(settings, trigger=args.trigger, config_path=args.config)
    summary = RunSummary.from_json(result)
    if args.json:
        print(json.dumps(result, default=str))
    else:
        print_summary(summary)
    return EXIT_OK if result["status"] == "completed" else EXIT_FAILED


def _run_flow(settings, *, trigger: str, config_path: str | None = None) -> dict:
    from flows.ingest import ingest_flow

    return ingest_flow(
        config_path=config_path,
        feed_urls=[f.url for f in settings.feeds], db_path=str(settings.db_path),
        allow_private_networks=settings.fetch.allow_private_networks,
        allow_hosts=sorted(settings.fetch.allow_hosts), trigger=trigger,
        lock_wait_seconds=settings.lock_wait_seconds,
    )


def cmd_demo(args: argparse.Namespace) -> int:
    from flows.prefect_api import start_temporary_server_early

    server = start_temporary_server_early()
    from flows.config import load_settings
    from flows.ingest import ingest_flow  # noqa: F401  (loaded while the Prefect server starts)
    from flows.progress import Progress
    from flows.report_text import print_demo
    from flows.sample_site import serve_sample_site

    progress = Progress.stderr()
    progress.activate()
    try:
        site_cm = serve_sample_site(revision=1, port=args.port)
        site = site_cm.__enter__()
    except OSError:
        print(f"port {args.port} is busy; serving the sample site on a free port instead", file=sys.stderr)
        site_cm = serve_sample_site(revision=1, port=0)
        site = site_cm.__enter__()
    try:
        host_port = site.base_url.split("://", 1)[1].rstrip("/")
        settings = load_settings(feed_urls=site.feed_urls, db_path=args.db, allow_hosts=[host_port])
        progress.stage(f"sample site at {site.base_url}: {len(site.feed_urls)} feeds; warehouse {settings.db_path}")
        progress.stage("run 1: ingest the site")
        if server is not None:
            server.wait()
        first = _run_flow(settings, trigger="demo")
        site.set_revision(2)
        progress.stage("run 2: one story was updated in place; ingest again (only the changed page is fetched)")
        page_requests_before = len(site.page_requests())
        second = _run_flow(settings, trigger="demo")
        second_pages = len(site.page_requests()) - page_requests_before
    finally:
        site_cm.__exit__(None, None, None)
    if args.json:
        print(json.dumps({"runs": [first, second]}, default=str))
    else:
        print_demo(first, second, second_pages)
    return EXIT_OK if first["status"] == second["status"] == "completed" else EXIT_FAILED


def cmd_extract(args: argparse.Namespace) -> int:
    from flows.extract_files import extract_paths

    status = EXIT_OK
    for record in extract_paths([Path(p) for p in args.paths], url=args.url, published=args.published):
        if "error" in record:
            print(f"swapwire extract: {record['source']}: {record['error']}", file=sys.stderr)
            status = EXIT_FAILED
            continue
        print(json.dumps(record, ensure_ascii=False))
    return status


def cmd_reprocess(args: argparse.Namespace) -> int:
    from flows.config import load_settings
    from flows.ingest import RunSummary, reprocess_flow
    from flows.progress import Progress
    from flows.report_text import print_summary

    settings = load_settings(db_path=args.db)
    if not settings.db_path.exists():
        print(f"swapwire reprocess: no warehouse at {settings.db_path}", file=sys.stderr)
        return EXIT_USAGE
    Progress.stderr().activate()
    result = reprocess_flow(db_path=str(settings.db_path))
    if args.json:
        print(json.dumps(result, default=str))
    else:
        print_summary(RunSummary.from_json(result))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from flows.deployments import serve_locally

    serve_locally()
    return EXIT_OK


def cmd_sql(args: argparse.Namespace) -> int:
    from flows.config import load_settings
    from warehouse.catalog import describe_objects
    from warehouse.db import connect

    settings = load_settings(db_path=args.db)
    con = connect(settings.db_path, read_only=True, wait_seconds=5)
    try:
        if not args.query:
            for name, kind, description in describe_objects(con):
                print(f"{name:<28} {kind:<5} {description}")
            return EXIT_OK
        relation = con.sql(args.query)
        if relation is None:
            return EXIT_OK
        relation.show(max_rows=args.max_rows, max_width=200)
    finally:
        con.close()
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from flows.config import load_settings
    from warehouse.export import export_parquet

    settings = load_settings(db_path=args.db)
    paths = export_parquet(settings.db_path, Path(args.parquet))
    print(f"wrote {len(paths)} Parquet files to {args.parquet}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from flows.config import load_settings
    from warehouse.report import write_report

    settings = load_settings(db_path=args.db)
    out = Path(args.out) if args.out else Path("reports") / "swapwire-report.html"
    path = write_report(settings.db_path, out)
    print(f"report written to {path}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
