#!/usr/bin/env bash
# Bulk import speed of `ecogov import` on SQLite (issue 3 acceptance 5): one million hourly
# station-rows (STATIONS=115 stations × 8760 hours of YEAR, `ecogov air generate --layout hourly`,
# china_sites layout) into a fresh database holding those stations; reports rows/s (target
# ≥ 200,000/s). Then imports the same file again (idempotent: 0 changed) and reports that too.
#
# With PG_URL=postgresql://… (an empty database, e.g. `scripts/pg-test start DIR`) the same file is
# then imported into PostgreSQL once, fresh and again.
#
# Usage: bench/import_bench.sh
# Environment: BUILD_DIR=build, WORK=/tmp/ecogov-import-bench, STATIONS=115, YEAR=2025, RUNS=3, PG_URL
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-build}"
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$ROOT/$BUILD_DIR" ;; esac
WORK="${WORK:-${TMPDIR:-/tmp}/ecogov-import-bench}"
STATIONS="${STATIONS:-115}"
YEAR="${YEAR:-2025}"
RUNS="${RUNS:-3}"
ECOGOV="$BUILD_DIR/ecogov"
PASSWORD=bench-password-2026

log() { echo "import_bench: $*" >&2; }

[[ -f $BUILD_DIR/build.ninja ]] || cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja >&2
cmake --build "$BUILD_DIR" --target ecogov >&2
rm -rf "$WORK"
mkdir -p "$WORK"
DATA="$WORK/hourly_${STATIONS}_${YEAR}.csv"
"$ECOGOV" air generate --stations "$STATIONS" --year "$YEAR" --layout hourly --prefix IB --seed 1 \
    --output "$DATA" --stations-output "$WORK/stations.csv" --quiet
log "$(du -h "$DATA" | cut -f1) of CSV, $((STATIONS * $( [[ $(( YEAR % 4 )) == 0 ]] && echo 8784 || echo 8760 ))) station-hours"

# Stations are created through the API (there is no CLI for stations) in database $1.
create_stations() {
    local db=$1
    "$ECOGOV" init --db "$db" --admin admin --password "$PASSWORD" >&2
    "$ECOGOV" serve --db "$db" --port 0 >"$WORK/server.out" 2>"$WORK/server.err" &
    PID=$!
    trap 'kill $PID 2>/dev/null || true' EXIT
    for _ in $(seq 1 100); do grep -q 'listening on' "$WORK/server.out" && break; sleep 0.1; done
    URL=$(grep -o 'http://[^ ]*' "$WORK/server.out" | sed 's:/$::')
    body=$(curl -sS -c "$WORK/cookies" -H 'content-type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" "$URL/api/v1/auth/login")
    CSRF=$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' <<<"$body")
    UNIT=$(sed -n 's/.*"unit_id":\([0-9]*\).*/\1/p' <<<"$body")
    tail -n +2 "$WORK/stations.csv" | while IFS=, read -r code name city lon lat control; do
        ctl=false; [[ $control == yes ]] && ctl=true
        curl -sS -o /dev/null -w '%{http_code}\n' -b "$WORK/cookies" -H "X-CSRF-Token: $CSRF" -H 'content-type: application/json' \
            -d "{\"code\":\"$code\",\"name\":\"$name\",\"kind\":\"micro\",\"unit_id\":$UNIT,\"city\":\"$city\",\"longitude\":$lon,\"latitude\":$lat,\"control\":$ctl}" \
            "$URL/api/v1/stations"
    done | sort | uniq -c >&2
    kill $PID; wait $PID 2>/dev/null || true
    trap - EXIT
}
TEMPLATE="$WORK/template.db"
create_stations "$TEMPLATE"

best=0
for run in $(seq 1 "$RUNS"); do
    rm -f "$WORK/bench.db"*
    cp "$TEMPLATE" "$WORK/bench.db"
    out=$("$ECOGOV" import --db "$WORK/bench.db" "$DATA")
    log "run $run: $out"
    rate=$(sed -n 's/.*(\([0-9]*\) rows\/s).*/\1/p' <<<"$out")
    (( rate > best )) && { best=$rate; best_line=$out; }
done
again=$("$ECOGOV" import --db "$WORK/bench.db" "$DATA")
log "re-import: $again"
start=$(date +%s.%N)
"$ECOGOV" import --db "$WORK/bench.db" "$DATA" >/dev/null
wall=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.2f", e - s}')

echo "| import (SQLite, synchronous=FULL) | rows | rows/s |"
echo "|---|---:|---:|"
echo "| fresh database, best of $RUNS: \`ecogov import\` | $(sed -n 's/.*: \([0-9]*\) accepted.*/\1/p' <<<"$best_line") | $best |"
echo "| same file again (0 changed) | $(sed -n 's/.*: \([0-9]*\) accepted.*/\1/p' <<<"$again") | $(sed -n 's/.*(\([0-9]*\) rows\/s).*/\1/p' <<<"$again") |"
echo
echo "best run: $best_line"
echo "re-import: $again (whole command, process start to exit: $wall s)"

if [[ -n ${PG_URL:-} ]]; then
    create_stations "$PG_URL"
    fresh=$("$ECOGOV" import --db "$PG_URL" "$DATA")
    log "PostgreSQL fresh: $fresh"
    pg_again=$("$ECOGOV" import --db "$PG_URL" "$DATA")
    log "PostgreSQL again: $pg_again"
    echo
    echo "| import (PostgreSQL 15) | rows | rows/s |"
    echo "|---|---:|---:|"
    echo "| fresh database: \`ecogov import\` | $(sed -n 's/.*: \([0-9]*\) accepted.*/\1/p' <<<"$fresh") | $(sed -n 's/.*(\([0-9]*\) rows\/s).*/\1/p' <<<"$fresh") |"
    echo "| same file again (0 changed) | $(sed -n 's/.*: \([0-9]*\) accepted.*/\1/p' <<<"$pg_again") | $(sed -n 's/.*(\([0-9]*\) rows\/s).*/\1/p' <<<"$pg_again") |"
fi
