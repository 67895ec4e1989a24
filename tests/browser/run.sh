#!/usr/bin/env bash
# Browser tests against the real server: builds the demo database in a scratch directory, serves
# it on a free port, and drives Debian's Chromium through tests/browser/run.cjs (playwright-core
# from web/node_modules). Usage: tests/browser/run.sh BIN SCRATCH_DIR
set -euo pipefail
bin="$1"
scratch="$2"
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ -d "$root/web/dist" ] || { echo "web/dist missing: build the front end (scripts/setup)"; exit 1; }
[ -d "$root/web/node_modules/playwright-core" ] || { echo "web/node_modules missing: npm ci in web/"; exit 1; }
rm -rf "$scratch" && mkdir -p "$scratch"
ECOGOV_WEB_ROOT="$root/web/dist" "$bin" demo --port 0 --dir "$scratch/demo" >"$scratch/server.out" 2>"$scratch/server.err" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    url=$(grep -o 'listening on http://[^ ]*' "$scratch/server.out" | head -1 | cut -d' ' -f3 || true)
    [ -n "$url" ] && break
    kill -0 $server 2>/dev/null || { cat "$scratch/server.err"; exit 1; }
    sleep 0.5
done
[ -n "${url:-}" ] || { echo "demo server did not start"; cat "$scratch/server.err"; exit 1; }
export ECOGOV_URL="${url%/}"
export ECOGOV_ACCOUNTS='{"admin":["admin","demo-admin-2026"],"bureau":["bureau","demo-bureau-2026"],"unit":["songyang","demo-songyang-2026"],"leader":["leader","demo-leader-2026"]}'
export SCREENSHOT_DIR="$scratch/screenshots"
export NODE_PATH="$root/web/node_modules"
node "$root/tests/browser/run.cjs"
