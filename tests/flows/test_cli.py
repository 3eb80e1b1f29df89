"""The `swapwire` command line as users and outside checks call it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from flows.cli import main
from tests.flows.conftest import host_port

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CONTRACT_KEYS = {"source", "url", "title", "published", "text", "removed", "exchanges"}
EXCHANGE_KEYS = {"event_date", "returned_to_ukraine", "returned_to_russia", "mediators", "civilians_to_ukraine",
                 "wounded_to_ukraine", "total_stated", "evidence", "confidence"}


def _extract(capsys, *args: str) -> list[dict]:
    assert main(["extract", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def _accepted(label: dict, field: str) -> list:
    return [label[field], *label.get("also_accept", {}).get(field, [])]


def test_extract_on_the_seeds_gives_the_labelled_figures(shared, capsys):
    labels = json.loads((shared / "eval" / "seed_labels.json").read_text())["articles"]
    for label in labels:
        [record] = _extract(capsys, str(shared / "seeds" / label["file"]), "--published", label["published"])
        assert set(record) >= CONTRACT_KEYS
        assert len(record["exchanges"]) == len(label["exchanges"]), label["file"]
        for got, want in zip(record["exchanges"], label["exchanges"], strict=True):
            assert set(got) >= EXCHANGE_KEYS
            for field in ("returned_to_ukraine", "returned_to_russia", "civilians_to_ukraine", "wounded_to_ukraine"):
                if want[field] is not None:
                    assert got[field] in _accepted(want, field), (label["file"], field, got[field])
            if want["mediators"] is not None:
                assert sorted(got["mediators"]) == sorted(want["mediators"]), label["file"]
            assert got["event_date"] in _accepted(want, "event_date"), (label["file"], got["event_date"])


def test_extract_reports_removed_noise_with_rule_names(shared, capsys):
    [record] = _extract(capsys, str(shared / "seeds" / "004_e23ec47108c7a993.txt"), "--published", "2025-03-19")
    removed = [r["line"] for r in record["removed"]]
    assert "Advertisement · Scroll to continue" in removed
    assert all(r["rule"] for r in record["removed"])
    assert "Scroll to continue" not in record["text"]
    assert "175 Russian prisoners were released by Ukraine" in record["text"]


def test_extract_keeps_reader_comments_out_of_the_text(capsys):
    page = PROJECT_ROOT / "sample_site/policydesk/analysis/2022-09-23-turkish-saudi-swap-wartime-diplomacy.html"
    [record] = _extract(capsys, str(page))
    assert record["comments"].startswith("I heard from a friend in Chernihiv that 300 of ours")
    assert "300 of ours" not in record["text"]
    assert [e["returned_to_ukraine"] for e in record["exchanges"]] == [215]


def test_extract_a_directory_gives_one_record_per_file(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Weather\nSunny skies are expected over Kyiv all week.\n")
    (tmp_path / "b.html").write_text("<html><head><title>Markets</title></head><body><article><h1>Markets</h1>"
                                     "<p>The hryvnia held steady on the currency exchange on Monday, traders said."
                                     "</p></article></body></html>")
    records = _extract(capsys, str(tmp_path))
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.html"]
    assert all(r["exchanges"] == [] for r in records)


def test_run_without_feeds_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SWAPWIRE_CONFIG", str(tmp_path / "empty.toml"))
    (tmp_path / "empty.toml").write_text("")
    assert main(["run", "--db", str(tmp_path / "w.duckdb")]) == 2
    assert "no feeds configured" in capsys.readouterr().err


def test_sql_lists_tables_with_descriptions_and_is_read_only(tmp_path, capsys):
    from warehouse.db import connect

    db = tmp_path / "w.duckdb"
    connect(db).close()
    assert main(["sql", "--db", str(db)]) == 0
    listing = capsys.readouterr().out
    assert "exchanges" in listing and "one row per real exchange event" in listing
    assert main(["sql", "delete from feeds", "--db", str(db)]) == 1
    assert "read-only" in capsys.readouterr().err.lower()


def test_cli_run_json_on_the_sample_site_prints_one_clean_object(tmp_path, sample_site):
    """The real entry point in a fresh process: Prefect's temporary server, no tracebacks after success."""
    env = {**os.environ, "SWAPWIRE_DB": str(tmp_path / "w.duckdb"), "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    args = [sys.executable, "-m", "flows.cli", "run", "--json", "--allow-host", host_port(sample_site)]
    for url in sample_site.feed_urls:
        args += ["--feed", url]
    done = subprocess.run(args, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["status"] == "completed"
    assert summary["counts"]["n_articles_new"] > 0
    assert "Traceback" not in done.stderr
    assert "Failed to send telemetry" not in done.stderr
