#!/usr/bin/env bash
# The API contract check (scripts/check.sh runs it after the build):
#   1. dump the OpenAPI document from the built app, without listening (.local/openapi.json);
#   2. lint it with Spectral (.spectral.yaml): 0 errors and 0 warnings;
#   3. regenerate the typed client (test/support/api-types.ts, openapi-typescript) and fail
#      if the committed one differs. `bash scripts/lint-api.sh --update` rewrites it.
# Needs DATABASE_URL etc. (scripts/services.sh or scripts/dev-env.sh); uses a scratch database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dev-env.sh
mkdir -p .local
node dist/src/cli/dump-openapi.js .local/openapi.json
npx spectral lint .local/openapi.json --ruleset .spectral.yaml --fail-severity=warn
npx openapi-typescript .local/openapi.json --default-non-nullable=false -o .local/api-types.ts >/dev/null
npx prettier --stdin-filepath test/support/api-types.ts < .local/api-types.ts > .local/api-types.formatted.ts
if [ "${1:-}" = "--update" ]; then
  cp .local/api-types.formatted.ts test/support/api-types.ts
  echo "updated test/support/api-types.ts"
elif ! diff -q .local/api-types.formatted.ts test/support/api-types.ts >/dev/null; then
  echo "test/support/api-types.ts is out of date with /docs-json: run bash scripts/lint-api.sh --update" >&2
  exit 1
else
  echo "typed client test/support/api-types.ts matches the document"
fi
