#!/usr/bin/env bash
# Builds the lesson and serves it at http://127.0.0.1:${PORT:-8000}/ (PORT=8080 scripts/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --build-only
bash scripts/build.sh
exec python3 scripts/serve.py "${PORT:-8000}"
