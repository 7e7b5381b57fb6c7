#!/usr/bin/env bash
# `npm start`: provision, migrate, seed when empty, then run api and worker together.
# Local defaults below are for a developer machine only; production sets every variable.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dev-env.sh
source scripts/services.sh
[ -f dist/src/main.js ] || npm run build
npm run --silent migration:run
npm run --silent seed -- --if-empty
node dist/src/main.js & api=$!
node dist/src/worker.js & worker=$!
trap 'kill -TERM $api $worker 2>/dev/null; wait $api $worker' INT TERM
echo "portal on http://localhost:$PORT/ (sign in as council.e09000001@councils.example or admin@programme.example), api under /api/v1 (docs: /docs), worker running; demo password: $DEMO_PASSWORD"
wait -n $api $worker
kill -TERM $api $worker 2>/dev/null || true
wait
