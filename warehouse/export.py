"""Write the warehouse's tables and views to Parquet, one file per object, for other tools."""

from __future__ import annotations

from pathlib import Path

from warehouse.db import connect


def export_parquet(db_path: str | Path, out_dir: str | Path) -> list[Path]:
    """Copy every table and view of the main schema to `out_dir/<name>.parquet`; return the files.

    A read-only operation on the warehouse (it opens it read-only); existing files of the same
    name in `out_dir` are replaced. Views are written as their current rows, so the Parquet set
    answers the same questions without DuckDB.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    con = connect(db_path, read_only=True)
    try:
        names = [
            row[0]
            for row in con.execute(
                "select table_name from information_schema.tables where table_schema = 'main' order by table_name"
            ).fetchall()
        ]
        written = []
        for name in names:
            target = out_dir / f"{name}.parquet"
            # COPY takes no bind parameters: quote the identifier and the path literal ourselves
            quoted_name = '"' + name.replace('"', '""') + '"'
            quoted_path = "'" + str(target).replace("'", "''") + "'"
            con.execute(
                f"copy (select * from main.{quoted_name}) to {quoted_path} (format parquet, compression zstd)"
            )
            written.append(target)
        return written
    finally:
        con.close()
