"""Integration suite: a real Prefect server, work pool and worker on 127.0.0.1 (slow, minutes).

Not part of `make test`: it runs only with SWAPWIRE_INTEGRATION=1 (`make integration`, CI).
Every process it starts (server, worker, the worker's flow runs) is stopped when the module ends,
also on failure; every wait is bounded.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from flows.server import LocalServer, create_work_pool, deploy_all, local_prefect_server, prefect_worker

ENABLED = os.environ.get("SWAPWIRE_INTEGRATION") == "1"
TIMINGS: dict[str, float] = {}
FINAL_STATES = {"COMPLETED", "FAILED", "CANCELLED", "CRASHED"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.integration)
            if not ENABLED:
                item.add_marker(
                    pytest.mark.skip(
                        reason="integration suite: run with `make integration` (SWAPWIRE_INTEGRATION=1)"
                    )
                )


def pytest_terminal_summary(terminalreporter) -> None:
    if TIMINGS:
        terminalreporter.section("swapwire Prefect timings (seconds)")
        for name, seconds in TIMINGS.items():
            terminalreporter.write_line(f"{name:<48} {seconds:8.1f}")


class Timer:
    """Records how long a block took under `name` in the summary printed after the run."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __enter__(self) -> Timer:
        self.started = time.monotonic()
        return self

    def __exit__(self, *_exc: object) -> None:
        TIMINGS[self.name] = round(time.monotonic() - self.started, 1)


@dataclass
class PrefectStack:
    """A running server with the deployments of prefect.yaml and a worker on `swapwire-local`."""

    server: LocalServer
    workdir: Path
    api: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.api = httpx.Client(base_url=self.server.api_url + "/", timeout=30, trust_env=False)

    @property
    def env(self) -> dict[str, str]:
        return self.server.env

    def flow_run(self, flow_run_id: str) -> dict:
        response = self.api.get(f"flow_runs/{flow_run_id}")
        response.raise_for_status()
        return response.json()

    def wait_final(self, flow_run_id: str, *, timeout: float = 300.0) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            run = self.flow_run(flow_run_id)
            if run["state_type"] in FINAL_STATES:
                return run
            if time.monotonic() > deadline:
                raise AssertionError(f"flow run {flow_run_id} still {run['state_name']} after {timeout} s")
            time.sleep(1)

    def state_names(self, flow_run_id: str) -> list[str]:
        response = self.api.get("flow_run_states/", params={"flow_run_id": flow_run_id})
        response.raise_for_status()
        return [s["name"] for s in sorted(response.json(), key=lambda s: s["timestamp"])]

    def artifacts(self, flow_run_id: str, key: str) -> list[dict]:
        response = self.api.post(
            "artifacts/filter",
            json={
                "artifacts": {"flow_run_id": {"any_": [flow_run_id]}, "key": {"any_": [key]}},
            },
        )
        response.raise_for_status()
        return response.json()

    def deployment(self, name: str) -> dict:
        response = self.api.get(f"deployments/name/{name}")
        response.raise_for_status()
        return response.json()

    def flow_runs_of(self, deployment_id: str) -> list[dict]:
        response = self.api.post(
            "flow_runs/filter",
            json={
                "flow_runs": {"deployment_id": {"any_": [deployment_id]}},
            },
        )
        response.raise_for_status()
        return response.json()

    def worker_log(self) -> str:
        return (self.workdir / "worker.log").read_text(encoding="utf-8", errors="replace")

    def server_log(self) -> str:
        return self.server.log_path.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="session")
def sample_site() -> Iterator:
    from flows.sample_site import serve_sample_site

    with serve_sample_site(revision=1) as site:
        yield site


@pytest.fixture(scope="session")
def expected_site() -> dict:
    from flows.sample_site import EXPECTED_RESULTS_PATH

    return json.loads(EXPECTED_RESULTS_PATH.read_text(encoding="utf-8"))


def host_port(site) -> str:
    return site.base_url.split("://", 1)[1].rstrip("/")


@pytest.fixture(scope="session")
def scheduled_config(tmp_path_factory: pytest.TempPathFactory, sample_site) -> Path:
    """The config the worker's scheduled runs read (SWAPWIRE_CONFIG): the sample site, a temp warehouse."""
    directory = tmp_path_factory.mktemp("scheduled")
    feeds = "\n".join(f'[[feeds]]\nurl = "{url}"\n' for url in sample_site.feed_urls)
    config = directory / "feeds.toml"
    config.write_text(
        f'{feeds}\n[fetch]\nallow_hosts = ["{host_port(sample_site)}"]\n\n'
        f'[warehouse]\npath = "{directory / "scheduled.duckdb"}"\n',
        encoding="utf-8",
    )
    return config


@pytest.fixture(scope="session")
def prefect_stack(tmp_path_factory: pytest.TempPathFactory, scheduled_config: Path) -> Iterator[PrefectStack]:
    workdir = tmp_path_factory.mktemp("prefect")
    with ExitStack() as processes:  # stops the worker, then the server, whatever happens
        with Timer("server start (prefect server start -> /api/health)"):
            server = processes.enter_context(local_prefect_server(workdir / "home"))
        with Timer("work-pool create (CLI)"):
            create_work_pool(server.env)
        with Timer("prefect deploy --all (4 deployments)"):
            deploy_all(server.env)
        # scheduled runs (no parameters) read their feeds and warehouse from the worker's environment
        worker_env = {**server.env, "SWAPWIRE_CONFIG": str(scheduled_config)}
        with Timer("worker start"):
            processes.enter_context(prefect_worker(worker_env, workdir / "worker.log"))
        stack = PrefectStack(server, workdir)
        processes.callback(stack.api.close)
        yield stack
