#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite, including the end-to-end tests on ../shared/data.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
exec .venv/bin/python -m pytest "$@"
