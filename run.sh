#!/usr/bin/env bash
# Set everything up and run the main job: build the store from the data folder, then serve the site.
#   ./run.sh                  data from $CAREERPATH_DATA, else ../shared/data
#   ./run.sh --no-serve       build only, print a summary
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap
export CAREERPATH_DATA=${CAREERPATH_DATA:-../shared/data}
export HF_HUB_OFFLINE=1
.venv/bin/careerpath build --data "$CAREERPATH_DATA" --db "${CAREERPATH_DB:-careerpath.duckdb}"
if [ "${1:-}" != "--no-serve" ]; then
  exec .venv/bin/careerpath serve --db "${CAREERPATH_DB:-careerpath.duckdb}" --port "${PORT:-8000}"
fi
