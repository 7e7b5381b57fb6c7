#!/usr/bin/env bash
# Local-development defaults, applied only to variables that are unset. Sourced by
# scripts/start.sh and by `npm run seed` / `npm run cli`. Production sets every variable
# itself and runs `node dist/...` directly; never rely on these values there.
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/ptrack}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export JWT_SECRET="${JWT_SECRET:-local-development-secret-change-me-0123456789}"
export SESSION_SECRET="${SESSION_SECRET:-local-development-session-secret-change-me}"
export DATA_ENCRYPTION_KEY="${DATA_ENCRYPTION_KEY:-local-development-encryption-key-change-me}"
export DEMO_PASSWORD="${DEMO_PASSWORD:-demo-password-2026}"
export PORT="${PORT:-3000}"
