#!/usr/bin/env bash
# README command 1: install, provision services, build, migrate, seed (demo data when the
# database is empty) and run api + worker in the foreground. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm run build
exec npm start
