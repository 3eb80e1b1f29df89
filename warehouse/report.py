"""The analyst report: one self-contained HTML file (inline CSS and SVG, no script, no network).

`write_report` reads the analysis views over a read-only connection and renders them; the charts
are SVG built here, so the file opens offline in any browser and prints well. Every string from
the warehouse came from the web: it is escaped, links are kept only for http(s) URLs, and a
Content-Security-Policy forbids scripts, so a title like `<script>` stays text.
`report_markdown` gives the short Markdown summary the flow attaches as a Prefect artifact.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb

from warehouse.db import connect

ASSETS_DIR = Path(__file__).resolve().parent / "report_assets"

# Joins of a few hundred mentions to a million articles use the article_id index when DuckDB
# turns the join into an IN filter; its default stops doing so above 50 keys.
ANALYSIS_SETTINGS = {"dynamic_or_filter_threshold": 2048}

# Beyond this many dated exchanges the timeline shows monthly totals instead of one bar each.
MAX_TIMELINE_BARS = 400
RECENT_EXCHANGES = 25
SOURCES_PER_EXCHANGE = 8
MAX_DISPUTED_ROWS = 200

TO_UKRAINE_COLOR = "#1f6fb2"
TO_RUSSIA_COLOR = "#b8542a"


@dataclass(frozen=True)
class ReportData:
    """What the report shows, read from the views in one go."""

    totals: dict[str, Any]
    timeline: list[dict[str, Any]]
    cumulative: list[dict[str, Any]]
    mediators: list[dict[str, Any]]
    recent: list[dict[str, Any]]
    sources: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    disputed: list[dict[str, Any]] = field(default_factory=list)
    feeds: list[dict[str, Any]] = field(default_factory=list)


# --- reading ------------------------------------------------------------------------------------


def _rows(con: duckdb.DuckDBPyConnection, query: str, parameters: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = con.execute(query, list(parameters))
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def open_for_analysis(db_path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection with the settings the views are benchmarked with."""
    con = connect(db_path, read_only=True, wait_seconds=10)
    for name, value in ANALYSIS_SETTINGS.items():
        con.execute(f"set {name} = {value}")
    return con


def load_report_data(con: duckdb.DuckDBPyConnection) -> ReportData:
    """Read everything the report shows from the analysis views (read-only)."""
    totals = _rows(
        con,
        """
        select
            (select count(*) from v_exchange_timeline) as n_exchanges,
            (select coalesce(sum(returned_to_ukraine), 0) from v_exchange_timeline) as returned_to_ukraine,
            (select coalesce(sum(returned_to_russia), 0) from v_exchange_timeline) as returned_to_russia,
            (select count(*) from v_exchange_timeline where is_disputed) as n_disputed,
            (select min(event_date) from v_exchange_timeline) as first_exchange_on,
            (select max(event_date) from v_exchange_timeline) as last_exchange_on,
            (select count(*) from articles) as n_articles,
            (select count(*) from stories) as n_stories,
            (select count(*) from feeds) as n_feeds,
            (select max(finished_at) from runs where status = 'completed') as last_run_at
        """,
    )[0]
    timeline = _rows(
        con,
        """
        select exchange_id, event_date, returned_to_ukraine, returned_to_russia, mediators_label, is_disputed,
               n_articles
        from v_exchange_timeline where event_date is not null order by event_date, exchange_id
        """,
    )
    cumulative = _rows(con, "select * from v_cumulative_returns order by event_date")
    mediators = _rows(
        con, "select * from v_mediator_totals order by returned_total desc, mediator_code nulls last"
    )
    recent = _rows(
        con,
        "select * from v_exchange_timeline order by event_date desc nulls last, exchange_id limit ?",
        [RECENT_EXCHANGES],
    )
    sources: dict[str, list[dict[str, Any]]] = {}
    if recent:
        placeholders = ", ".join("?" for _ in recent)
        for row in _rows(
            con,
            f"""
            select exchange_id, article_url, article_title, source_host, article_published_at
            from v_exchange_sources where exchange_id in ({placeholders})
            order by exchange_id, article_published_at nulls last, article_url
            """,
            [r["exchange_id"] for r in recent],
        ):
            sources.setdefault(row["exchange_id"], []).append(row)
    disputed = _rows(
        con,
        """
        select * from v_disputed_figures
        order by event_date desc nulls last, exchange_id, article_published_at nulls last, mention_id
        limit ?
        """,
        [MAX_DISPUTED_ROWS],
    )
    feeds = _rows(
        con,
        "select * from v_feed_health order by is_healthy, consecutive_failures desc, feed_url",
    )
    return ReportData(totals, timeline, cumulative, mediators, recent, sources, disputed, feeds)


# --- formatting helpers ---------------------------------------------------------------------------


def _e(value: object) -> str:
    """Escape any warehouse value for HTML text or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def _n(value: int | float | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return f"{value:,}"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _when(value: datetime | date | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _safe_href(url: str | None) -> str | None:
    """The URL if it is http(s), else None: `javascript:` and `data:` links from feeds stay text."""
    if not url:
        return None
    scheme = url.strip().split(":", 1)[0].lower()
    return url.strip() if scheme in ("http", "https") else None


def _link(url: str | None, text: str, *, title: str | None = None) -> str:
    href = _safe_href(url)
    title_attr = f' title="{_e(title)}"' if title else ""
    if href is None:
        return f'<span class="nolink"{title_attr}>{_e(text)}</span>'
    return f'<a href="{_e(href)}" rel="noopener noreferrer nofollow"{title_attr}>{_e(text)}</a>'


def _source_labels(claims: Sequence[dict[str, Any]]) -> list[str]:
    """A short name per source: its host, plus the first path segment where hosts repeat.

    Several outlets can share a host (a syndication platform, the bundled sample site), and a row
    of identical names would hide that the sources are different.
    """
    hosts = [c["source_host"] or urlsplit(c["article_url"] or "").hostname or "source" for c in claims]
    labels = []
    for host, claim in zip(hosts, claims, strict=True):
        segment = urlsplit(claim["article_url"] or "").path.strip("/").split("/", 1)[0]
        labels.append(f"{host}/{segment}" if hosts.count(host) > 1 and segment else host)
    return labels


def _table(headers: Iterable[str], rows: Iterable[str], *, css_class: str) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    return f'<table class="{css_class}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _empty(message: str) -> str:
    return f'<p class="empty">{_e(message)}</p>'


# --- charts (inline SVG) --------------------------------------------------------------------------


@dataclass(frozen=True)
class _TimeAxis:
    """Maps dates to x pixels over [start, end] and draws year/quarter/month gridlines."""

    start: date
    end: date
    left: float
    right: float

    @classmethod
    def spanning(cls, dates: Sequence[date], left: float, right: float) -> _TimeAxis:
        first, last = min(dates), max(dates)
        pad = max(15, (last - first).days // 40)
        return cls(
            date.fromordinal(first.toordinal() - pad), date.fromordinal(last.toordinal() + pad), left, right
        )

    def x(self, day: date) -> float:
        span = max(1, (self.end - self.start).days)
        return self.left + (day - self.start).days / span * (self.right - self.left)

    def ticks(self) -> list[tuple[date, str]]:
        span_days = (self.end - self.start).days
        months = 12 if span_days > 3 * 365 else 3 if span_days > 365 else 1
        ticks = []
        year, month = self.start.year, self.start.month
        while True:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            day = date(year, month, 1)
            if day > self.end:
                return ticks
            if (month - 1) % months == 0:
                ticks.append((day, str(year) if months == 12 else f"{year}-{month:02d}"))

    def gridlines(self, top: float, bottom: float) -> str:
        parts = []
        for day, label in self.ticks():
            x = self.x(day)
            parts.append(
                f'<line class="grid" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}"/>'
                f'<text class="tick" x="{x:.1f}" y="{bottom + 16}" text-anchor="middle">{_e(label)}</text>'
            )
        return "".join(parts)


def _svg(width: int, height: int, label: str, body: str, css_class: str) -> str:
    return (
        f'<svg class="chart {css_class}" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{_e(label)}" xmlns="http://www.w3.org/2000/svg"><title>{_e(label)}</title>{body}</svg>'
    )


def _monthly(timeline: list[dict[str, Any]]) -> list[dict[str, Any]]:
    months: dict[date, dict[str, Any]] = {}
    for row in timeline:
        month = row["event_date"].replace(day=1)
        bucket = months.setdefault(
            month,
            {
                "event_date": month,
                "label": month.strftime("%Y-%m"),
                "returned_to_ukraine": 0,
                "returned_to_russia": 0,
                "is_disputed": False,
                "n_exchanges": 0,
            },
        )
        bucket["returned_to_ukraine"] += row["returned_to_ukraine"] or 0
        bucket["returned_to_russia"] += row["returned_to_russia"] or 0
        bucket["is_disputed"] |= bool(row["is_disputed"])
        bucket["n_exchanges"] += 1
    return list(months.values())


def timeline_svg(timeline: list[dict[str, Any]]) -> str:
    """People returned to each side per exchange: bars up (to Ukraine) and down (to Russia)."""
    if not timeline:
        return _empty("No dated exchanges yet.")
    monthly = len(timeline) > MAX_TIMELINE_BARS
    bars = _monthly(timeline) if monthly else timeline
    width, height, left, right, top, bottom = 960, 360, 64, 944, 44, 320
    middle = (top + bottom) / 2
    axis = _TimeAxis.spanning([b["event_date"] for b in bars], left, right)
    peak = max(1, *(max(b["returned_to_ukraine"] or 0, b["returned_to_russia"] or 0) for b in bars))
    scale = (middle - top) / peak
    bar_width = max(2.0, min(14.0, (right - left) / max(len(bars), 1) * 0.6))
    parts = [axis.gridlines(top, bottom)]
    for value, y in ((peak, top), (peak, bottom)):
        parts.append(
            f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_n(value)}</text>'
        )
    parts.append(f'<line class="axis" x1="{left}" y1="{middle}" x2="{right}" y2="{middle}"/>')
    for bar in bars:
        x = axis.x(bar["event_date"]) - bar_width / 2
        label = bar.get("label") or bar["event_date"].isoformat()
        what = (
            f"{bar['n_exchanges']} exchanges"
            if monthly
            else f"mediators: {bar.get('mediators_label') or 'none'}"
        )
        for side, value, color in (
            ("ukraine", bar["returned_to_ukraine"], TO_UKRAINE_COLOR),
            ("russia", bar["returned_to_russia"], TO_RUSSIA_COLOR),
        ):
            if value is None:
                continue
            size = max(value * scale, 1.0)
            y = middle - size if side == "ukraine" else middle
            parts.append(
                f'<rect class="bar bar-{side}" data-date="{_e(label)}" data-value="{value}" x="{x:.1f}" '
                f'y="{y:.1f}" width="{bar_width:.1f}" height="{size:.1f}" fill="{color}">'
                f"<title>{_e(label)}: {_n(value)} returned to {side.title()} ({_e(what)})</title></rect>"
            )
        if bar["is_disputed"]:
            parts.append(
                f'<circle class="disputed-mark" cx="{x + bar_width / 2:.1f}" cy="{top - 8}" r="4">'
                f"<title>{_e(label)}: sources disagree on the figures</title></circle>"
            )
    # the legend sits above the plot, so no bar can hide it
    parts.append(
        f'<text class="legend" x="{left}" y="14" fill="{TO_UKRAINE_COLOR}">▲ returned to Ukraine</text>'
        f'<text class="legend" x="{left + 170}" y="14" fill="{TO_RUSSIA_COLOR}">▼ returned to Russia</text>'
        f'<circle class="legend-mark disputed-mark" cx="{left + 336}" cy="10" r="4"/>'
        f'<text class="legend" x="{left + 346}" y="14">sources disagree</text>'
    )
    caption = "monthly totals" if monthly else "one bar per exchange"
    chart = _svg(width, height, f"People returned to each side ({caption})", "".join(parts), "timeline")
    if monthly:
        chart += (
            f'<p class="note">Monthly totals: {_n(len(timeline))} exchanges are too many for a bar each.</p>'
        )
    return chart


def cumulative_svg(cumulative: list[dict[str, Any]]) -> str:
    """Running totals of people returned to each side, as step lines."""
    if not cumulative:
        return _empty("No dated exchanges yet.")
    width, height, left, right, top, bottom = 960, 300, 72, 790, 20, 260
    axis = _TimeAxis.spanning([r["event_date"] for r in cumulative], left, right)
    peak = max(1, cumulative[-1]["cumulative_to_ukraine"], cumulative[-1]["cumulative_to_russia"])

    def y(value: int) -> float:
        return bottom - value / peak * (bottom - top)

    parts = [axis.gridlines(top, bottom)]
    for fraction in (0.0, 0.5, 1.0):
        value = round(peak * fraction)
        parts.append(
            f'<line class="grid" x1="{left}" y1="{y(value):.1f}" x2="{right}" y2="{y(value):.1f}"/>'
            f'<text class="tick" x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{_n(value)}</text>'
        )
    for side, column, color in (
        ("ukraine", "cumulative_to_ukraine", TO_UKRAINE_COLOR),
        ("russia", "cumulative_to_russia", TO_RUSSIA_COLOR),
    ):
        path = [f"M{axis.x(cumulative[0]['event_date']):.1f},{y(0):.1f}"]
        for row in cumulative:
            path.append(f"H{axis.x(row['event_date']):.1f}V{y(row[column]):.1f}")
        final = cumulative[-1][column]
        last_x = axis.x(cumulative[-1]["event_date"])
        parts.append(
            f'<path class="line line-{side}" d="{"".join(path)}" fill="none" stroke="{color}" stroke-width="2.5">'
            f"<title>{_n(final)} returned to {side.title()} in all</title></path>"
            f'<text class="end-label end-{side}" data-value="{final}" x="{last_x + 8:.1f}" y="{y(final) + 4:.1f}" '
            f'fill="{color}">{_n(final)} to {side.title()}</text>'
        )
    return _svg(width, height, "Running total of people returned to each side", "".join(parts), "cumulative")


def mediators_svg(mediators: list[dict[str, Any]]) -> str:
    """People returned through each mediator, to each side, stacked horizontally."""
    if not mediators:
        return _empty("No exchanges yet.")
    row_height, left, right, top = 30, 230, 660, 10
    width, height = 960, top * 2 + row_height * len(mediators)
    peak = max(1, *(m["returned_total"] for m in mediators))
    scale = (right - left) / peak
    parts = []
    for i, mediator in enumerate(mediators):
        y = top + i * row_height
        code = mediator["mediator_code"] or ""
        name = f"{code} · {mediator['mediator_name']}" if code else mediator["mediator_name"]
        parts.append(f'<text class="label" x="{left - 8}" y="{y + 19}" text-anchor="end">{_e(name)}</text>')
        x = float(left)
        for side, column, color in (
            ("ukraine", "returned_to_ukraine", TO_UKRAINE_COLOR),
            ("russia", "returned_to_russia", TO_RUSSIA_COLOR),
        ):
            size = mediator[column] * scale
            parts.append(
                f'<rect class="bar bar-{side}" data-mediator="{_e(code)}" data-value="{mediator[column]}" '
                f'x="{x:.1f}" y="{y + 5}" width="{size:.1f}" height="{row_height - 10}" fill="{color}">'
                f"<title>{_e(name)}: {_n(mediator[column])} returned to {side.title()}</title></rect>"
            )
            x += size
        n_exchanges = mediator["n_exchanges"]
        summary = f"{_n(n_exchanges)} exchange{'' if n_exchanges == 1 else 's'} · {_n(mediator['returned_total'])} people"
        parts.append(f'<text class="value" x="{x + 8:.1f}" y="{y + 19}">{_e(summary)}</text>')
    return _svg(width, height, "People returned through each mediator", "".join(parts), "mediators")


# --- sections ---------------------------------------------------------------------------------


def _figure_cell(value: int | None, *, low: int | None = None, high: int | None = None) -> str:
    text = _n(value)
    if low is not None and high is not None and low != high:
        text += f' <span class="range">({_n(low)}–{_n(high)})</span>'
    return f'<td class="num">{text}</td>'


def _recent_table(data: ReportData) -> str:
    if not data.recent:
        return _empty("No exchanges yet.")
    rows = []
    for ex in data.recent:
        sources = data.sources.get(ex["exchange_id"], [])
        shown = sources[:SOURCES_PER_EXCHANGE]
        links = [
            _link(s["article_url"], label, title=s["article_title"])
            for s, label in zip(shown, _source_labels(shown), strict=True)
        ]
        if len(sources) > SOURCES_PER_EXCHANGE:
            links.append(f'<span class="more">+{len(sources) - SOURCES_PER_EXCHANGE} more</span>')
        badge = '<span class="badge disputed">disputed</span>' if ex["is_disputed"] else ""
        rows.append(
            f'<tr data-exchange-id="{_e(ex["exchange_id"])}"><td class="date">{_when(ex["event_date"])}</td>'
            + _figure_cell(
                ex["returned_to_ukraine"],
                low=ex["returned_to_ukraine_min"],
                high=ex["returned_to_ukraine_max"],
            )
            + _figure_cell(
                ex["returned_to_russia"], low=ex["returned_to_russia_min"], high=ex["returned_to_russia_max"]
            )
            + f'<td>{_e(ex["mediators_label"] or "–")}</td><td class="num">{_n(ex["n_articles"])}</td>'
            f'<td>{badge}</td><td class="sources">{" · ".join(links) or "–"}</td></tr>'
        )
    headers = ["date", "to Ukraine", "to Russia", "mediators", "articles", "", "sources"]
    return _table(headers, rows, css_class="recent")


def _disputed_table(data: ReportData) -> str:
    if not data.disputed:
        return _empty("No disputed exchanges: every source gives the same figures.")
    rows = []
    previous_exchange_id = None
    labels = {}
    for exchange_id in dict.fromkeys(c["exchange_id"] for c in data.disputed):
        claims = [c for c in data.disputed if c["exchange_id"] == exchange_id]
        labels.update(zip((c["mention_id"] for c in claims), _source_labels(claims), strict=True))
    for claim in data.disputed:
        # the exchange's own figures once, then one line per source beneath them
        is_first = claim["exchange_id"] != previous_exchange_id
        previous_exchange_id = claim["exchange_id"]
        exchange_cells = (
            f'<td class="date">{_when(claim["event_date"])}</td>'
            f'<td class="num">{_n(claim["returned_to_ukraine"])} / {_n(claim["returned_to_russia"])}</td>'
            f"<td>{_e(claim['dispute_note'] or '')}</td>"
            if is_first
            else "<td></td><td></td><td></td>"
        )
        ua_class = ' class="num differs"' if claim["is_ukraine_figure_different"] else ' class="num"'
        ru_class = ' class="num differs"' if claim["is_russia_figure_different"] else ' class="num"'
        row_class = ' class="first"' if is_first else ""
        rows.append(
            f'<tr{row_class} data-exchange-id="{_e(claim["exchange_id"])}">{exchange_cells}'
            f"<td>{_link(claim['article_url'], labels[claim['mention_id']], title=claim['article_title'])}</td>"
            f"<td>{_e(claim['article_title'] or '')}</td>"
            f"<td{ua_class}>{_n(claim['claimed_to_ukraine'])}</td><td{ru_class}>{_n(claim['claimed_to_russia'])}</td>"
            f'<td class="num">{_n(claim["claimed_total"])}</td></tr>'
        )
    headers = [
        "date",
        "fused (UA / RU)",
        "note",
        "source",
        "headline",
        "claims to Ukraine",
        "claims to Russia",
        "claimed total",
    ]
    return _table(headers, rows, css_class="disputed")


def _feeds_table(data: ReportData) -> str:
    if not data.feeds:
        return _empty("No feeds configured.")
    rows = []
    for feed in data.feeds:
        outcome = feed["last_outcome"] or "–"
        if feed["last_http_status"]:
            outcome += f" ({feed['last_http_status']})"
        health_class = "ok" if feed["is_healthy"] else "bad"
        rows.append(
            f'<tr data-feed-id="{_e(feed["feed_id"])}"><td>{_link(feed["feed_url"], feed["feed_name"] or feed["feed_url"], title=feed["feed_url"])}</td>'
            f'<td><span class="badge {health_class}">{_e(feed["health"])}</span></td>'
            f"<td>{_when(feed['last_success_at'])}</td><td>{_e(outcome)}</td>"
            f'<td class="error">{_e(feed["last_error"] or "")}</td>'
            f'<td class="num">{_n(feed["consecutive_failures"])}</td><td class="num">{_pct(feed["ok_rate_7d"])}</td>'
            f'<td class="num">{_n(feed["avg_items_per_run"])}</td></tr>'
        )
    headers = [
        "feed",
        "health",
        "last success",
        "last outcome",
        "last error",
        "failures in a row",
        "ok-rate 7 d",
        "items per run",
    ]
    return _table(headers, rows, css_class="feeds")


def _headline(totals: dict[str, Any]) -> str:
    figures = [
        (_n(totals["n_exchanges"]), "exchanges"),
        (_n(totals["returned_to_ukraine"]), "returned to Ukraine"),
        (_n(totals["returned_to_russia"]), "returned to Russia"),
        (_n(totals["n_disputed"]), "disputed"),
        (_n(totals["n_articles"]), "articles"),
        (_n(totals["n_feeds"]), "feeds"),
    ]
    cells = "".join(
        f'<div class="figure"><b>{value}</b><span>{_e(label)}</span></div>' for value, label in figures
    )
    return f'<div class="headline">{cells}</div>'


def render_report_html(data: ReportData, *, db_path: str | Path, generated_at: datetime) -> str:
    """The whole report as one HTML string (pure: no database, no clock)."""
    css = (ASSETS_DIR / "report.css").read_text(encoding="utf-8")
    totals = data.totals
    period = (
        f"{_when(totals['first_exchange_on'])} to {_when(totals['last_exchange_on'])}"
        if totals["first_exchange_on"]
        else "no exchanges yet"
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>swapwire: prisoner-of-war exchanges</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>Prisoner-of-war exchanges</h1>
<p class="sub">Russia–Ukraine exchanges fused from news reports: {_e(period)}.</p>
{_headline(totals)}
</header>
<main>
<section id="timeline"><h2>People returned in each exchange</h2>{timeline_svg(data.timeline)}</section>
<section id="cumulative"><h2>Running totals</h2>{cumulative_svg(data.cumulative)}</section>
<section id="mediators"><h2>Mediators</h2>
<p class="note">An exchange with two mediators counts for both.</p>{mediators_svg(data.mediators)}</section>
<section id="recent"><h2>Recent exchanges and their sources</h2>{_recent_table(data)}</section>
<section id="disputed"><h2>Disputed figures: what each source claimed</h2>{_disputed_table(data)}</section>
<section id="feeds"><h2>Feed health</h2>{_feeds_table(data)}</section>
</main>
<footer>
Generated {_e(generated_at.strftime("%Y-%m-%d %H:%M:%S UTC"))} from <code>{_e(db_path)}</code>;
last completed run {_e(_when(totals["last_run_at"]))}; {_n(totals["n_stories"])} stories.
</footer>
</body>
</html>
"""


def write_report(db_path: Path, out: Path) -> Path:
    """Write the HTML report for the warehouse at `db_path` to `out`; return `out`.

    A read-only operation on the warehouse. The parent directory of `out` is created if needed.
    """
    con = open_for_analysis(db_path)
    try:
        data = load_report_data(con)
    finally:
        con.close()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        render_report_html(data, db_path=Path(db_path).resolve(), generated_at=datetime.now(UTC)),
        encoding="utf-8",
    )
    return out


# --- Markdown summary (Prefect artifact) -------------------------------------------------------


def _md(value: object) -> str:
    """A Markdown table cell: no pipes, no newlines, no raw HTML."""
    text = "–" if value is None else str(value)
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|")


def _md_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def report_markdown(db_path: Path) -> str:
    """A short Markdown summary: totals, the latest exchanges, mediators, disputes, failing feeds.

    Opens the warehouse read-only; a caller that already holds a connection (a flow in the middle
    of its run) uses `render_markdown(load_report_data(con))` instead.
    """
    con = open_for_analysis(db_path)
    try:
        return render_markdown(load_report_data(con))
    finally:
        con.close()


def render_markdown(data: ReportData) -> str:
    """The Markdown summary of `data` (pure)."""
    totals = data.totals
    parts = [
        "# swapwire: prisoner-of-war exchanges",
        f"**{_n(totals['n_exchanges'])}** exchanges ({_n(totals['n_disputed'])} disputed): "
        f"**{_n(totals['returned_to_ukraine'])}** people returned to Ukraine, "
        f"**{_n(totals['returned_to_russia'])}** to Russia; {_n(totals['n_articles'])} articles "
        f"from {_n(totals['n_feeds'])} feeds.",
    ]
    if data.recent:
        parts += [
            "## Latest exchanges",
            _md_table(
                ["date", "to Ukraine", "to Russia", "mediators", "articles", "disputed"],
                [
                    (
                        _when(r["event_date"]),
                        _n(r["returned_to_ukraine"]),
                        _n(r["returned_to_russia"]),
                        r["mediators_label"] or "–",
                        r["n_articles"],
                        "yes" if r["is_disputed"] else "",
                    )
                    for r in data.recent[:10]
                ],
            ),
        ]
    if data.mediators:
        parts += [
            "## Mediators",
            _md_table(
                ["mediator", "exchanges", "to Ukraine", "to Russia"],
                [
                    (
                        m["mediator_name"],
                        m["n_exchanges"],
                        _n(m["returned_to_ukraine"]),
                        _n(m["returned_to_russia"]),
                    )
                    for m in data.mediators
                ],
            ),
        ]
    if data.disputed:
        parts += [
            "## Disputed figures",
            _md_table(
                ["date", "source", "claims to Ukraine", "claims to Russia", "fused"],
                [
                    (
                        _when(d["event_date"]),
                        d["source_host"],
                        _n(d["claimed_to_ukraine"]),
                        _n(d["claimed_to_russia"]),
                        f"{_n(d['returned_to_ukraine'])} / {_n(d['returned_to_russia'])}",
                    )
                    for d in data.disputed[:20]
                ],
            ),
        ]
    unhealthy = [f for f in data.feeds if not f["is_healthy"]]
    if unhealthy:
        parts += [
            "## Feeds needing attention",
            _md_table(
                ["feed", "health", "failures in a row", "last error"],
                [(f["feed_url"], f["health"], f["consecutive_failures"], f["last_error"]) for f in unhealthy],
            ),
        ]
    return "\n\n".join(parts) + "\n"
