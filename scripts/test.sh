#!/usr/bin/env bash
# Installs dependencies on a fresh clone, then runs every test project
# (or the ones named: scripts/test.sh unit integration:http).
set -euo pipefail

cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi

exec node scripts/test.js "$@"
