"""Readable terminal summaries of runs."""

from __future__ import annotations

from flows.ingest import RunSummary


def _table(headers: list[str], rows: list[list[object]]) -> str:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(out)


def format_summary(summary: RunSummary) -> str:
    c = summary.counts
    feeds = summary.feeds
    lines = [
        f"swapwire run {summary.run_id} ({summary.trigger}): {summary.status} in {summary.seconds} s",
        f"  warehouse: {summary.db_path}",
    ]
    if feeds:
        lines.append(f"  feeds:     {c.get('n_feeds_ok', 0)} fetched ok, {c.get('n_feeds_failed', 0)} failed "
                     f"({c.get('n_entries_new', 0)} new entries)")
    lines.append(
        f"  articles:  {c.get('n_articles_new', 0)} new, {c.get('n_articles_updated', 0)} updated, "
        f"{c.get('n_articles_skipped', 0)} skipped (already stored), {c.get('n_pages_failed', 0)} failed"
    )
    t = summary.totals
    if t:
        lines.append(f"  warehouse: {t.get('articles', 0)} articles, {t.get('stories', 0)} stories, "
                     f"{t.get('exchange_mentions', 0)} exchange mentions, {t.get('exchanges', 0)} exchanges "
                     f"({c.get('n_exchanges_new', 0)} new)")
    failed = [f for f in feeds if f.outcome not in ("ok", "not_modified")]
    if failed:
        lines.append("  failed feeds:")
        lines += [f"    {f.url}: {f.outcome} {f.error or ''}".rstrip() for f in failed]
    if summary.page_failures:
        lines.append("  failed pages:")
        lines += [f"    {p['url']}: {p['outcome']} {p.get('error') or ''}".rstrip() for p in summary.page_failures[:20]]
    if summary.exchanges:
        lines.append("")
        lines.append("Exchanges (one row per real exchange, fused from all sources):")
        lines.append(_table(
            ["date", "to Ukraine", "to Russia", "mediators", "disputed", "articles"],
            [[x["event_date"], x["returned_to_ukraine"], x["returned_to_russia"], " ".join(x["mediators"] or []),
              "yes" if x["is_disputed"] else "", x["n_articles"]] for x in summary.exchanges],
        ))
    return "\n".join(lines)


def print_summary(summary: RunSummary) -> None:
    print(format_summary(summary))


def _as_summary(result: dict) -> RunSummary:
    return RunSummary.from_json(result)


def print_demo(first: dict, second: dict, second_page_requests: int) -> None:
    one, two = _as_summary(first), _as_summary(second)
    print(format_summary(one))
    print()
    c = two.counts
    print(f"Second run ({two.seconds} s): {c.get('n_articles_new', 0)} new, {c.get('n_articles_updated', 0)} "
          f"updated, {c.get('n_articles_skipped', 0)} skipped; {second_page_requests} article page(s) requested.")
    print("Try: .venv/bin/swapwire sql \"select * from exchanges\"   or   .venv/bin/swapwire sql")
