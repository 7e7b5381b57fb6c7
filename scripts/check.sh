#!/usr/bin/env bash
# README command 2 (and .ci/run): install, provision services, then lint, typecheck, build,
# API contract lint (Spectral + typed client), migration drift check, unit and e2e tests. Tests use their own database, dropped after.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
# The portal's browser tests drive Debian's Chromium (package "chromium").
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq chromium
  else
    echo "Chromium is missing: install the Debian package 'chromium' (sudo apt-get install -y chromium) or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi
source scripts/services.sh
npm run lint
npm run typecheck
npm run build
bash scripts/lint-api.sh
npm run migration:check
npm test
