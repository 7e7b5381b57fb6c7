#!/usr/bin/env bash
# README command 2 (and .ci/run): install, provision services, then lint, typecheck, build,
# API contract lint (Spectral + typed client), migration drift check, unit and e2e tests. Tests use their own database, dropped after.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
source scripts/services.sh
npm run lint
npm run typecheck
npm run build
bash scripts/lint-api.sh
npm run migration:check
npm test
