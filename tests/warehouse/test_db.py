"""The connection layer: migrations, waiting for a held lock, serialising runs, bulk inserts."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from warehouse.db import WarehouseBusy, connect, insert_rows, migrate, run_lock, transaction


def test_migrations_apply_once_and_record_themselves(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    applied_again = migrate(con)
    versions = [r[0] for r in con.execute("select version from schema_migrations order by 1").fetchall()]
    assert applied_again == []
    assert versions[0] == "001_core"
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    assert {"feeds", "feed_fetches", "articles", "stories", "exchange_mentions", "exchanges", "runs"} <= tables


def test_contract_columns_exist(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    required = {
        "feeds": {"feed_id", "url"},
        "feed_fetches": {"feed_id", "run_id", "outcome"},
        "articles": {"article_id", "url", "title", "published_at", "text", "story_id"},
        "stories": {"story_id", "n_articles"},
        "exchange_mentions": {"article_id", "exchange_id", "event_date", "returned_to_ukraine",
                              "returned_to_russia", "mediators", "civilians_to_ukraine", "wounded_to_ukraine",
                              "total_stated", "evidence", "confidence"},
        "exchanges": {"exchange_id", "event_date", "returned_to_ukraine", "returned_to_russia", "mediators",
                      "n_articles"},
        "runs": {"run_id", "started_at", "finished_at", "trigger"},
    }
    for table, columns in required.items():
        have = {r[0] for r in con.execute(f"describe {table}").fetchall()}
        assert columns <= have, (table, columns - have)
    mediator_type = con.execute("select data_type from information_schema.columns "
                                "where table_name = 'exchanges' and column_name = 'mediators'").fetchone()[0]
    assert mediator_type == "VARCHAR[]"


def test_transaction_rolls_back_a_failed_batch(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    with pytest.raises(RuntimeError), transaction(con):
        insert_rows(con, "article_urls", [{"url": "https://a.example/x", "article_id": "a"}])
        raise RuntimeError("killed mid-batch")
    assert con.execute("select count(*) from article_urls").fetchone()[0] == 0


def test_connect_waits_for_a_held_lock_then_gives_up_clearly(tmp_path):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep(3)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(WarehouseBusy, match="in use by another process"):
            connect(db, wait_seconds=0.5)
        assert time.monotonic() - started >= 0.4
        # once the holder exits, a patient caller gets in
        con = connect(db, wait_seconds=10)
        con.close()
    finally:
        holder.kill()
        holder.wait()


def test_run_lock_serialises_runs(tmp_path):
    db = tmp_path / "w.duckdb"
    with run_lock(db), pytest.raises(WarehouseBusy, match="another swapwire run"), run_lock(db, wait_seconds=0.2):
        pass
    with run_lock(db):  # released after the first run
        pass
