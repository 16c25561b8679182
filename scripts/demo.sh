#!/usr/bin/env bash
# Runs the demo store (see scripts/demo.js), installing dependencies first on
# a fresh clone.
set -euo pipefail

cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi

exec node scripts/demo.js "$@"
