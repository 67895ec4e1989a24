#!/usr/bin/env bash
# HTTP throughput of `ecogov serve` (issue 3 acceptance 5): wrk at 64 connections, 2 threads, 10 s
# against GET /api/v1/air/overview (signed in: session cookie) and GET /healthz (the ceiling), on the
# demo's database. The demo has fewer than 20 stations, so STATIONS_MIN (default 20) is reached
# with generated stations of the demo's year (ecogov air generate + ecogov import).
# Prints requests/s, p99 and the overview/healthz ratio (Markdown) on stdout.
#
# Usage: bench/http_bench.sh
# Environment: BUILD_DIR=build (configured with Ninja when missing), WORK=/tmp/ecogov-http-bench,
#   CONNECTIONS=64 THREADS=2 DURATION=10s STATIONS_MIN=20 KEEP_DATA=1 (reuse WORK's database)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-build}"
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$ROOT/$BUILD_DIR" ;; esac
WORK="${WORK:-${TMPDIR:-/tmp}/ecogov-http-bench}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-10s}"
STATIONS_MIN="${STATIONS_MIN:-20}"
ECOGOV="$BUILD_DIR/ecogov"

log() { echo "http_bench: $*" >&2; }

[[ -f $BUILD_DIR/build.ninja ]] || cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja >&2
cmake --build "$BUILD_DIR" --target ecogov >&2
command -v wrk >/dev/null || { log "wrk is not installed (apt-get install wrk)"; exit 1; }

SERVER_PID=
cleanup() { [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; true; }
trap cleanup EXIT

# Starts `ecogov ARGS` in the background; sets SERVER_PID and URL once it prints "listening on".
start_server() {
    local out="$WORK/server.out"
    : >"$out"
    "$@" >"$out" 2>"$WORK/server.err" &
    SERVER_PID=$!
    for _ in $(seq 1 600); do
        URL=$(grep -o 'listening on http://[^ ]*' "$out" | head -1 | sed 's/listening on //; s:/$::') || true
        [[ -n $URL ]] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.err" >&2; log "server exited"; exit 1; }
        sleep 0.1
    done
    log "server did not start"; exit 1
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }

login() {  # login USER PASSWORD → sets COOKIE and CSRF
    local body
    body=$(curl -sS -c "$WORK/cookies" -H 'content-type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$URL/api/v1/auth/login")
    CSRF=$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' <<<"$body")
    COOKIE="ecogov_session=$(awk '$6 == "ecogov_session" {print $7}' "$WORK/cookies")"
    [[ -n $CSRF ]] || { log "login failed: $body"; exit 1; }
}

DB="$WORK/demo/ecogov.db"
if [[ -z ${KEEP_DATA:-} || ! -f $DB ]]; then
    rm -rf "$WORK"
    mkdir -p "$WORK/demo"
    log "building the demo database in $WORK/demo"
    start_server "$ECOGOV" demo --port 0 --dir "$WORK/demo"
    login admin demo-admin-2026
    stations=$(curl -sS -H "Cookie: $COOKIE" "$URL/api/v1/stations" | grep -o '"code":' | wc -l)
    latest=$(curl -sS -H "Cookie: $COOKIE" "$URL/api/v1/air/overview" | sed -n 's/.*"date":"\([0-9-]*\)".*/\1/p' | head -1)
    if (( stations < STATIONS_MIN )); then
        extra=$((STATIONS_MIN - stations))
        log "the demo has $stations stations: adding $extra generated ones for ${latest:0:4}-01-01..$latest"
        "$ECOGOV" air generate --stations "$extra" --from "${latest:0:4}-01-01" --to "$latest" --layout hourly \
            --prefix BX --seed 7 --output "$WORK/extra.csv" --stations-output "$WORK/extra-stations.csv" --quiet
        bureau=$(curl -sS -H "Cookie: $COOKIE" "$URL/api/v1/auth/me" | sed -n 's/.*"unit_id":\([0-9]*\).*/\1/p')
        tail -n +2 "$WORK/extra-stations.csv" | while IFS=, read -r code name city lon lat control; do
            ctl=false; [[ $control == yes ]] && ctl=true
            curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" -H "X-CSRF-Token: $CSRF" \
                -H 'content-type: application/json' \
                -d "{\"code\":\"$code\",\"name\":\"$name\",\"kind\":\"micro\",\"unit_id\":$bureau,\"city\":\"$city\",\"longitude\":$lon,\"latitude\":$lat,\"control\":$ctl}" \
                "$URL/api/v1/stations" | grep -q 201 || { log "creating station $code failed"; exit 1; }
        done
        stop_server
        "$ECOGOV" import --db "$DB" "$WORK/extra.csv" >&2
    else
        stop_server
    fi
fi

# defaults otherwise (log level info: one line per request goes to $WORK/server.err)
start_server "$ECOGOV" serve --db "$DB" --port 0
login admin demo-admin-2026
stations=$(curl -sS -H "Cookie: $COOKIE" "$URL/api/v1/stations" | grep -o '"code":' | wc -l)
overview=$(curl -sS -o /dev/null -w '%{http_code} %{size_download}' -H "Cookie: $COOKIE" "$URL/api/v1/air/overview")
log "serving $DB at $URL: $stations stations; overview answers $overview (status, bytes)"

run_wrk() {  # run_wrk PATH [HEADER] → prints "req/s p99_ms"
    local out
    if [[ -n ${2:-} ]]; then
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$2" "$URL$1")
    else
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$URL$1")
    fi
    echo "$out" >&2
    if grep -q 'Non-2xx' <<<"$out"; then log "non-2xx answers on $1"; exit 1; fi
    local rps p99
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}' <<<"$out")
    echo "$rps $p99"
}

# warm the caches once
curl -sS -o /dev/null -H "Cookie: $COOKIE" "$URL/api/v1/air/overview"
read -r ov_rps ov_p99 < <(run_wrk /api/v1/air/overview "Cookie: $COOKIE")
read -r hz_rps hz_p99 < <(run_wrk /healthz)
ratio=$(awk -v a="$ov_rps" -v b="$hz_rps" 'BEGIN {printf "%.0f", 100 * a / b}')

echo "| route | requests/s | p99 latency |"
echo "|---|---:|---:|"
echo "| GET /api/v1/air/overview (signed in, $stations stations) | $ov_rps | $ov_p99 ms |"
echo "| GET /healthz (ceiling) | $hz_rps | $hz_p99 ms |"
echo
echo "overview / healthz = $ratio % (target ≥ 50 %); overview p99 $ov_p99 ms (target < 50 ms);"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $(nproc) CPUs, server threads = cores."
