"""Run the conformance suite (tests/conformance) and print its figures: outcome counts per
corpus, timings, memory peaks, kill points. Exit status is pytest's.

    .venv/bin/python scripts/conformance_report.py [-k EXPR]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        figures_path = Path(folder) / "figures.json"
        env = {**os.environ, "SWAPWIRE_CONFORMANCE_FIGURES": str(figures_path)}
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "tests/conformance", *argv],
            cwd=PROJECT_ROOT,
            env=env,
            check=False,
        )
        figures = json.loads(figures_path.read_text(encoding="utf-8")) if figures_path.exists() else {}
    for name, value in figures.items():
        print(f"\n== {name}")
        rows = value if isinstance(value, list) else [value]
        for row in rows:
            print(json.dumps(row, indent=1, default=str) if isinstance(row, dict) else row)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
