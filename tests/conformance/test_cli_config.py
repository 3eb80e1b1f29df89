"""`swapwire run --config FILE` must run with the file's [fetch] and [pipeline] settings, also when
the feeds come from --feed (the conformance and crash runs depend on it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.hostile_servers import HostileServer

SWAPWIRE = Path(sys.executable).with_name("swapwire")


def test_run_uses_the_fetch_settings_of_its_config_file(tmp_path):
    from prefect.settings import PREFECT_API_URL

    config = tmp_path / "swapwire.toml"
    config.write_text('[fetch]\nuser_agent = "conformance-probe/1.0"\n', encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "SWAPWIRE_CONFIG"}
    env["PREFECT_API_URL"] = str(PREFECT_API_URL.value())
    with HostileServer() as server:
        done = subprocess.run(
            [
                str(SWAPWIRE),
                "run",
                "--config",
                str(config),
                "--feed",
                server.url("/feed.xml"),
                "--db",
                str(tmp_path / "w.duckdb"),
                "--allow-host",
                server.host_port,
                "--json",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        agents = {request.headers.get("user-agent") for request in server.requests}
    assert done.returncode == 0, done.stderr[-2000:]
    assert agents == {"conformance-probe/1.0"}
