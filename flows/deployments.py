"""`swapwire serve`: run the schedules from this process, without a work pool or worker."""

from __future__ import annotations

import os

from prefect import serve

from flows.ingest import ingest_flow, reprocess_flow

DEFAULT_CRON = "*/30 * * * *"


def serve_locally(*, cron: str | None = None) -> None:
    """Serve the scheduled ingest, a manual ingest and reprocess until interrupted.

    The schedule comes from SWAPWIRE_CRON (default every 30 minutes, UTC). Overlapping runs are
    prevented by a concurrency limit of 1 on each deployment and by the warehouse run lock.
    """
    schedule = cron or os.environ.get("SWAPWIRE_CRON", DEFAULT_CRON)
    serve(
        ingest_flow.to_deployment(name="ingest-scheduled", cron=schedule, parameters={"trigger": "schedule"},
                                  concurrency_limit=1, tags=["swapwire", "scheduled"]),
        ingest_flow.to_deployment(name="ingest-manual", parameters={"trigger": "manual"},
                                  concurrency_limit=1, tags=["swapwire", "manual"]),
        reprocess_flow.to_deployment(name="reprocess", concurrency_limit=1, tags=["swapwire", "maintenance"]),
    )
