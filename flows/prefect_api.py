"""Start Prefect's temporary API server at CLI start-up, in parallel with loading the pipeline.

With no `PREFECT_API_URL`, Prefect starts a temporary server when the first flow needs its API:
it imports its own server code (~2 s here), then waits for a uvicorn subprocess to boot (~5 s),
all before the flow's first line. The CLI instead launches that same subprocess (Prefect's
command and environment, see `prefect.server.api.server.SubprocessASGIServer`) before anything
heavy is imported and points `PREFECT_API_URL` at it, so the server boots while the main process
imports trafilatura, DuckDB and the flows. `wait()` blocks until it answers; the server stops when
the CLI exits, and also if the CLI is killed (the kernel sends it SIGTERM: PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

_PR_SET_PDEATHSIG = 1


class TemporaryServerError(RuntimeError):
    """Prefect's temporary server did not start."""


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:  # runs in the child between fork and exec
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _prefect_package_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("prefect")  # found without importing prefect (~1 s)
    if spec is None or spec.origin is None:
        raise TemporaryServerError("the prefect package is not installed")
    return Path(spec.origin).parent


class TemporaryServer:
    """A private Prefect API server for this process, started as early as possible."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        # a file, not a pipe: a pipe nobody reads could fill and stall the server (closed in stop)
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(_prefect_package_dir().parent),
             "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "error", "--lifespan", "on"],
            env={**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
                 "PREFECT__SERVER_FINAL": "1"},
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._stderr,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
        os.environ["PREFECT_API_URL"] = self.api_url
        atexit.register(self.stop)  # registered before Prefect's own handlers, so it runs after them

    def wait(self, timeout: float | None = None) -> None:
        """Block until the server answers its health check."""
        limit = timeout or float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120"))
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._stderr.seek(0)
                error = self._stderr.read().decode(errors="replace")[-1000:]
                raise TemporaryServerError(
                    f"Prefect's temporary server exited with code {self.process.returncode}: {error}")
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as answer:
                if answer.status == 200:
                    return
            time.sleep(0.05)
        raise TemporaryServerError(f"Prefect's temporary server did not answer within {limit:.0f} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._stderr.close()


def start_temporary_server_early() -> TemporaryServer | None:
    """Start the server Prefect would start, unless an API is configured (a real server, or the
    test harness) or the temporary server is switched off. Call before importing prefect."""
    if "prefect" in sys.modules or os.environ.get("PREFECT_API_URL"):
        return None
    if os.environ.get("PREFECT_SERVER_EPHEMERAL_ENABLED", "").lower() in ("0", "false"):
        return None
    if _profile_sets_api_url() or _project_settings_files():
        return None
    return TemporaryServer()


def _project_settings_files() -> bool:
    """Prefect also reads settings from `prefect.toml`, `.env` and `[tool.prefect]` in the working
    directory; when any is there, the API to use is Prefect's to decide, not ours."""
    cwd = Path.cwd()
    if (cwd / "prefect.toml").is_file() or (cwd / ".env").is_file():
        return True
    pyproject = cwd / "pyproject.toml"
    try:
        return pyproject.is_file() and "[tool.prefect" in pyproject.read_text(encoding="utf-8")
    except OSError:
        return True


def _profile_sets_api_url() -> bool:
    """True when the active Prefect profile sets an API URL (a server the user runs); else False."""
    home = Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect"))
    profiles = Path(os.environ.get("PREFECT_PROFILES_PATH", home / "profiles.toml"))
    if not profiles.is_file():
        return False
    import tomllib

    try:
        data = tomllib.loads(profiles.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return True  # unreadable: let Prefect decide as usual
    active = os.environ.get("PREFECT_PROFILE") or data.get("active", "ephemeral")
    settings = data.get("profiles", {}).get(active, {})
    return bool(settings.get("PREFECT_API_URL"))
