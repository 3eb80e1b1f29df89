"""A local Prefect server, work pool and worker for the work-pool path and its integration tests.

`prefect.yaml` calls `checkout_directory` as a build step, so the deployments' pull step points at
the checkout they were deployed from, whatever its path. The rest starts and stops the real
processes (`prefect server start`, `prefect worker start`) in their own process groups, with
bounded waits, so a test or script never leaves a server behind, even when it fails.

Only the standard library is imported here: `prefect deploy` imports this module for the build
step, and the tests drive Prefect through its CLI, as a user would.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
WORK_POOL = "swapwire-local"
PREFECT_BIN = Path(sys.executable).with_name("prefect")


class PrefectProcessError(RuntimeError):
    """A Prefect command or process failed; the message carries the tail of its output."""


def checkout_directory() -> dict[str, str]:
    """Build step: the checkout this code runs from, for the deployments' pull step.

    Resolved when `prefect deploy` runs, so a worker started anywhere runs the flows from the
    clone that deployed them. The flows import swapwire from the environment that runs them, so
    deploying one clone with another clone's `.venv` is refused rather than silently mixed.
    """
    here = Path.cwd().resolve()
    if here != PROJECT_ROOT.resolve() and (here / "prefect.yaml").exists():
        raise PrefectProcessError(
            f"`prefect deploy` runs in {here}, but this environment has swapwire installed from "
            f"{PROJECT_ROOT}: use {here}/.venv/bin/prefect (make install) to deploy this checkout"
        )
    return {"directory": str(PROJECT_ROOT)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prefect_environment(home: Path, api_url: str, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """Environment for Prefect processes bound to one server and one private PREFECT_HOME.

    Telemetry off (offline it only logs failures, see pitfalls.md); the worker polls every 2 s
    instead of 15 s so a triggered run starts promptly.
    """
    env = dict(os.environ if base is None else base)
    env.update(
        {
            "PREFECT_HOME": str(home),
            "PREFECT_API_URL": api_url,
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1",
            "PREFECT_WORKER_QUERY_SECONDS": "2",
            "PREFECT_WORKER_PREFETCH_SECONDS": "2",
        }
    )
    env.pop("PREFECT_PROFILES_PATH", None)
    return env


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return ""


def _stop(process: subprocess.Popen, *, grace_seconds: float = 15.0) -> None:
    """SIGTERM the process group (the worker's flow-run children too), then SIGKILL if needed."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=grace_seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=grace_seconds)
    except ProcessLookupError:
        pass


def _start(args: Sequence[str], env: Mapping[str, str], log_path: Path) -> subprocess.Popen:
    with open(log_path, "ab") as log:
        return subprocess.Popen(  # noqa: S603 - our own argv, no shell
            list(args),
            env=dict(env),
            cwd=PROJECT_ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


@dataclass(frozen=True)
class LocalServer:
    api_url: str
    home: Path
    env: dict[str, str]
    log_path: Path
    startup_seconds: float


@contextmanager
def local_prefect_server(
    home: Path, *, port: int | None = None, startup_timeout: float = 180.0
) -> Iterator[LocalServer]:
    """Run `prefect server start` on 127.0.0.1 with its own PREFECT_HOME until the block ends."""
    home.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = prefect_environment(home, api_url)
    log_path = home / "server.log"
    started = time.monotonic()
    process = _start(
        [str(PREFECT_BIN), "server", "start", "--host", "127.0.0.1", "--port", str(port)], env, log_path
    )
    try:
        deadline = started + startup_timeout
        while not _healthy(api_url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise PrefectProcessError(f"prefect server did not start on {api_url}:\n{_tail(log_path)}")
            time.sleep(0.25)
        yield LocalServer(api_url, home, env, log_path, round(time.monotonic() - started, 2))
    finally:
        _stop(process)


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:  # noqa: S310 - loopback
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def prefect_cli(env: Mapping[str, str], *args: str, timeout: float = 300.0) -> str:
    """Run `prefect ARGS...` from the checkout; return its output, raise with it on failure."""
    try:
        completed = subprocess.run(  # noqa: S603 - our own argv, no shell
            [str(PREFECT_BIN), *args],
            env=dict(env),
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise PrefectProcessError(f"prefect {' '.join(args)} took over {timeout} s") from error
    output = completed.stdout + completed.stderr
    if completed.returncode != 0:
        raise PrefectProcessError(
            f"prefect {' '.join(args)} exited {completed.returncode}:\n{output[-4000:]}"
        )
    return output


def create_work_pool(env: Mapping[str, str], name: str = WORK_POOL) -> str:
    """Create (or reset) the process work pool the deployments in prefect.yaml use."""
    return prefect_cli(env, "work-pool", "create", name, "--type", "process", "--overwrite")


def deploy_all(env: Mapping[str, str]) -> str:
    """`prefect deploy --all` from the checkout, without prompts."""
    return prefect_cli(env, "--no-prompt", "deploy", "--all")


@contextmanager
def prefect_worker(
    env: Mapping[str, str], log_path: Path, *, pool: str = WORK_POOL, startup_timeout: float = 120.0
) -> Iterator[subprocess.Popen]:
    """Run `prefect worker start --pool POOL` until the block ends (its flow runs are stopped too)."""
    process = _start(
        [str(PREFECT_BIN), "worker", "start", "--pool", pool, "--type", "process"], env, log_path
    )
    try:
        deadline = time.monotonic() + startup_timeout
        while "started!" not in _tail(log_path, 200):
            if process.poll() is not None or time.monotonic() > deadline:
                raise PrefectProcessError(f"prefect worker did not start:\n{_tail(log_path)}")
            time.sleep(0.25)
        yield process
    finally:
        _stop(process)
