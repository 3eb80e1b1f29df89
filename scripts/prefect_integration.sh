#!/usr/bin/env bash
# The work-pool path end to end (tests/integration): a real `prefect server start` on a free
# 127.0.0.1 port with a temporary PREFECT_HOME, the `swapwire-local` process pool, `prefect deploy
# --all`, a worker, the sample site on loopback; manual, overlapping, backfill and scheduled runs.
# The tests start and stop every process themselves; timings are printed at the end.
# Usage: scripts/prefect_integration.sh [pytest args, e.g. -k overlapping]
set -euo pipefail
cd "$(dirname "$0")/.."
export SWAPWIRE_INTEGRATION=1 PREFECT_SERVER_ANALYTICS_ENABLED=false DO_NOT_TRACK=1
unset PREFECT_API_URL  # never touch a server configured in the caller's shell
exec "${PYTHON:-.venv/bin/python}" -m pytest -q -p no:cacheprovider tests/integration "$@"
