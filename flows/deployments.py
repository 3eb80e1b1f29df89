"""`swapwire serve`: run the deployments of `prefect.yaml` from this process, without a work pool.

The deployments are read from `prefect.yaml` (names, parameters, schedules, concurrency limits,
tags), so `swapwire serve` and the work-pool path (`prefect deploy --all` + a worker) can never
drift apart. Only the cron can be overridden here, with SWAPWIRE_CRON or `cron=`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from prefect import Flow, serve
from prefect.client.schemas.objects import ConcurrencyLimitConfig
from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron

from flows.server import PROJECT_ROOT

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


def serve_locally(*, cron: str | None = None) -> None:
    """Serve every deployment of prefect.yaml (the scheduled ingest included) until interrupted.

    The schedule's cron comes from `cron`, else SWAPWIRE_CRON, else prefect.yaml (every 30
    minutes, UTC). Runs are started as subprocesses of this process; a run that collides with
    another run of the same deployment waits for the slot (ENQUEUE), and runs of different
    deployments wait for the warehouse run lock.
    """
    serve(*served_deployments(cron=cron or os.environ.get("SWAPWIRE_CRON")))
