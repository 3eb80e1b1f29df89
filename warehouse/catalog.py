"""Names and one-line descriptions of the warehouse's tables and views, for `swapwire sql`."""

from __future__ import annotations

import re

import duckdb

from warehouse.db import MIGRATIONS_DIR, VIEWS_DIR

# The comment line directly above a CREATE statement states the object's grain.
_CREATE = re.compile(
    r"--\s*(?P<description>[^\n]+)\n\s*create\s+(?:or\s+replace\s+)?(?P<kind>table|view)\s+(?:if\s+not\s+exists\s+)?(?P<name>\w+)",
    re.IGNORECASE,
)


def documented_objects() -> dict[str, str]:
    descriptions: dict[str, str] = {}
    for path in [*sorted(MIGRATIONS_DIR.glob("*.sql")), *sorted(VIEWS_DIR.glob("*.sql"))]:
        for match in _CREATE.finditer(path.read_text(encoding="utf-8")):
            descriptions[match["name"].lower()] = match["description"].strip()
    return descriptions


def describe_objects(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    """(name, 'table' | 'view', description) for every table and view in the main schema."""
    docs = documented_objects()
    rows = con.execute(
        "select table_name, case when table_type = 'VIEW' then 'view' else 'table' end "
        "from information_schema.tables where table_schema = 'main' order by 2, 1"
    ).fetchall()
    return [(name, kind, docs.get(name.lower(), "")) for name, kind in rows]
