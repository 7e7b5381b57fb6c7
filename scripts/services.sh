#!/usr/bin/env bash
# Sourced by scripts/up.sh and scripts/check.sh (after npm ci): makes sure PostgreSQL and
# Redis answer and exports DATABASE_URL and REDIS_URL.
#   1. use DATABASE_URL / REDIS_URL (defaults: the local servers on 5432 / 6379) if they answer;
#   2. otherwise start throwaway local servers from installed binaries under .local/;
#   3. otherwise stop with what to install (or `docker compose up -d postgres redis`).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/dev-env.sh"
LOCAL_DIR="${PTRACK_LOCAL_DIR:-$PWD/.local}"
LOCAL_PG_PORT="${PTRACK_LOCAL_PG_PORT:-54329}"
LOCAL_REDIS_PORT="${PTRACK_LOCAL_REDIS_PORT:-63799}"

services_status() { set +e; node scripts/ping-services.mjs 2>/dev/null; local rc=$?; set -e; echo $rc; }

find_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) $(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)"); do
    [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

start_local_postgres() {
  local bin; bin=$(find_pg_bin) || return 1
  local data="$LOCAL_DIR/postgres" run=()
  mkdir -p "$LOCAL_DIR"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || return 1
    run=(runuser -u postgres --)
    mkdir -p "$data" && chown postgres "$data" "$LOCAL_DIR"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    "${run[@]}" "$bin/initdb" -D "$data" -U postgres -A trust >/dev/null
  fi
  "${run[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-p $LOCAL_PG_PORT -k $data -c listen_addresses=127.0.0.1" start >/dev/null
  export DATABASE_URL="postgres://postgres@127.0.0.1:$LOCAL_PG_PORT/$(basename "${DATABASE_URL%%\?*}")"
}

start_local_redis() {
  command -v redis-server >/dev/null || return 1
  mkdir -p "$LOCAL_DIR/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$LOCAL_REDIS_PORT" --dir "$LOCAL_DIR/redis" \
    --save "" --appendonly no --logfile "$LOCAL_DIR/redis/redis.log" >/dev/null
  sleep 0.5
  export REDIS_URL="redis://127.0.0.1:$LOCAL_REDIS_PORT"
}

rc=$(services_status)
if (( rc & 1 )); then
  echo "PostgreSQL does not answer at ${DATABASE_URL%%@*}@…; starting a local one from installed binaries" >&2
  if ! start_local_postgres; then
    echo "ERROR: no PostgreSQL reachable and none installed. Install PostgreSQL 15+ (apt-get install postgresql)," >&2
    echo "       set DATABASE_URL to a server you have, or run: docker compose up -d postgres redis" >&2
    exit 1
  fi
fi
if (( rc & 2 )); then
  echo "Redis does not answer at $REDIS_URL; starting a local one from installed binaries" >&2
  if ! start_local_redis; then
    echo "ERROR: no Redis reachable and none installed. Install Redis 7 (apt-get install redis-server)," >&2
    echo "       set REDIS_URL to a server you have, or run: docker compose up -d postgres redis" >&2
    exit 1
  fi
fi
rc=$(services_status)
if (( rc != 0 )); then
  echo "ERROR: services still unreachable (status $rc): DATABASE_URL=$DATABASE_URL REDIS_URL=$REDIS_URL" >&2
  exit 1
fi
echo "services: postgres and redis answer (DATABASE_URL=${DATABASE_URL}, REDIS_URL=${REDIS_URL})"
