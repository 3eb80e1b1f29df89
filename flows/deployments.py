"""`swapwire serve`: run the deployments of `prefect.yaml` from this process, without a work pool.

The deployments are read from `prefect.yaml` (names, parameters, schedules, concurrency limits,
tags), so `swapwire serve` and the work-pool path (`prefect deploy --all` + a worker) can never
drift apart. Only the cron can be overridden here, with SWAPWIRE_CRON or `cron=`.

Schedules need a real Prefect server: Prefect's temporary server (used when no PREFECT_API_URL is
configured) does not run the scheduler service, so served schedules would never fire. Without a
configured API, `serve_locally` therefore starts `prefect server start` on 127.0.0.1 for as long
as it serves, with the usual PREFECT_HOME, so run history survives restarts.
"""

from __future__ import annotations

import importlib
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from prefect import Flow, serve
from prefect.client.schemas.objects import ConcurrencyLimitConfig
from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron
from prefect.settings import PREFECT_API_URL, PREFECT_HOME, temporary_settings

from flows.server import PROJECT_ROOT, free_port, local_prefect_server

DEFAULT_SERVER_PORT = 4200  # Prefect's usual port, so the UI is where users expect it

PREFECT_YAML = PROJECT_ROOT / "prefect.yaml"


def _flow_from_entrypoint(entrypoint: str) -> Flow:
    """`flows/ingest.py:ingest_flow` -> the `ingest_flow` object of the installed `flows.ingest`."""
    path, name = entrypoint.split(":", 1)
    module = importlib.import_module(".".join(Path(path).with_suffix("").parts))
    return getattr(module, name)


def _schedules(spec: dict[str, Any], cron_override: str | None) -> list[Cron]:
    return [
        Cron(
            cron_override or schedule["cron"],
            timezone=schedule.get("timezone", "UTC"),
            active=schedule.get("active", True),
        )
        for schedule in spec.get("schedules") or []
    ]


def served_deployments(
    *, cron: str | None = None, prefect_yaml: Path = PREFECT_YAML
) -> Iterator[RunnerDeployment]:
    """One RunnerDeployment per entry of `prefect.yaml`, ready for `prefect.serve`."""
    config = yaml.safe_load(prefect_yaml.read_text(encoding="utf-8"))
    for spec in config["deployments"]:
        limit = spec.get("concurrency_limit")
        yield _flow_from_entrypoint(spec["entrypoint"]).to_deployment(
            name=spec["name"],
            description=spec.get("description"),
            tags=spec.get("tags"),
            parameters=spec.get("parameters") or {},
            schedules=_schedules(spec, cron),
            concurrency_limit=ConcurrencyLimitConfig(**limit) if isinstance(limit, dict) else limit,
        )


def _server_port() -> int:
    wanted = int(os.environ.get("SWAPWIRE_PREFECT_PORT", DEFAULT_SERVER_PORT))
    try:
        with socket.create_connection(("127.0.0.1", wanted), timeout=1):
            return free_port()  # something already listens there
    except OSError:
        return wanted


def serve_locally(*, cron: str | None = None) -> None:
    """Serve every deployment of prefect.yaml (the scheduled ingest included) until interrupted.

    The schedule's cron comes from `cron`, else SWAPWIRE_CRON, else prefect.yaml (every 30
    minutes, UTC). Runs are started as subprocesses of this process; a run that collides with
    another run of the same deployment waits for the slot (ENQUEUE), and runs of different
    deployments wait for the warehouse run lock. Uses the configured Prefect API, or starts a
    local server for the duration (see the module docstring).
    """
    deployments = list(served_deployments(cron=cron or os.environ.get("SWAPWIRE_CRON")))
    if PREFECT_API_URL.value():
        serve(*deployments)
        return
    with local_prefect_server(Path(PREFECT_HOME.value()), port=_server_port()) as server:
        print(
            f"Prefect server for the schedules: {server.api_url.removesuffix('/api')} "
            f"(started in {server.startup_seconds:.0f} s; log {server.log_path})",
            flush=True,
        )
        os.environ["PREFECT_API_URL"] = server.api_url  # for the flow-run subprocesses
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            serve(*deployments)
