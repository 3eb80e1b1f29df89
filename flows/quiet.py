"""Keep Prefect's console output to what a user needs (see pitfalls.md).

Offline, Prefect's temporary server logs telemetry failures and, at exit, event-flushing errors
and CancelledError tracebacks even after a successful run. These settings must be in the
environment before `prefect` is imported.
"""

from __future__ import annotations

import logging
import os


def quiet_prefect(*, verbose: bool = False) -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")
    # the temporary server needs ~5 s on an idle machine; a busy 2-core box can take far longer
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    if not verbose:
        # shutdown noise from the temporary server's event and log workers after a good run
        for name in ("prefect.events", "prefect._internal", "prefect.server", "uvicorn", "uvicorn.error",
                     "prefect.client", "prefect.logging"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
