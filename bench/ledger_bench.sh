#!/usr/bin/env bash
# Ledger list API under load (issue 4 acceptance 6): seeds a SQLite database with TASKS tasks of
# MILESTONES milestones each (default 10,000 × 10 = 100,000 milestones, some done, some late, some
# reported, cards on a tenth), serves it, and runs wrk (16 connections) against
# GET /api/v1/ledger/tasks with filters, one wrk run per filter, plus a run rotating through all of
# them (bench/ledger_filters.lua). Prints a Markdown table (requests/s, p50, p99) on stdout.
#
# Usage: bench/ledger_bench.sh
# Environment: BUILD_DIR=build, WORK=/tmp/ecogov-ledger-bench, TASKS=10000, MILESTONES=10,
#   CONNECTIONS=16 THREADS=2 DURATION=10s KEEP_DATA=1 (reuse WORK's database)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-build}"
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$ROOT/$BUILD_DIR" ;; esac
WORK="${WORK:-${TMPDIR:-/tmp}/ecogov-ledger-bench}"
TASKS="${TASKS:-10000}"
MILESTONES="${MILESTONES:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-10s}"
ECOGOV="$BUILD_DIR/ecogov"
PASSWORD='Bench-pass-2026!'

log() { echo "ledger_bench: $*" >&2; }

[[ -f $BUILD_DIR/build.ninja ]] || cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja >&2
cmake --build "$BUILD_DIR" --target ecogov >&2
command -v wrk >/dev/null || { log "wrk is not installed (apt-get install wrk)"; exit 1; }
command -v sqlite3 >/dev/null || { log "sqlite3 is not installed (apt-get install sqlite3)"; exit 1; }

DB="$WORK/ledger.db"
TODAY=$(( ($(date +%s) + 8 * 3600) / 86400 ))  # CST day number, as the server counts
if [[ -z ${KEEP_DATA:-} || ! -f $DB ]]; then
    rm -rf "$WORK" && mkdir -p "$WORK"
    log "seeding $DB: $TASKS tasks × $MILESTONES milestones"
    "$ECOGOV" init --admin admin --password "$PASSWORD" --db "$DB" >&2
    start=$(date +%s.%N)
    sqlite3 "$DB" >&2 <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
INSERT INTO units (code, name, kind, parent_id, created_at)
SELECT printf('BT%02d', i), printf('乡镇%02d', i), 'township', (SELECT MIN(id) FROM units), '2026-01-01T00:00:00Z' FROM n;
CREATE TEMP TABLE town AS SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM units WHERE code LIKE 'BT%';
CREATE TEMP TABLE cat AS SELECT code, ROW_NUMBER() OVER (ORDER BY sort_order) - 1 AS k FROM ledger_categories;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $TASKS)
INSERT INTO ledger_tasks (code, title, category, content, measures, lead_unit_id, cooperating_unit_ids,
    responsible_leader, responsible_person, start_on, due_on, priority, source_document, status,
    key_project, investment_planned, investment_completed, physical_progress, last_report_on, version,
    created_at, updated_at)
SELECT printf('B-%05d', i), printf('压测任务 %05d 扬尘治理与巡查', i),
    (SELECT code FROM cat WHERE k = i % 12), '任务内容', '措施一' || char(10) || '措施二',
    (SELECT id FROM town WHERE k = i % 20), '', '分管副市长', '责任人',
    $TODAY - 200 - (i % 100), $TODAY - 200 - (i % 100) + 30 * ($MILESTONES + 1),
    CASE i % 4 WHEN 0 THEN 'low' WHEN 1 THEN 'normal' WHEN 2 THEN 'high' ELSE 'urgent' END, '文件',
    CASE i % 5 WHEN 0 THEN 'not_started' WHEN 4 THEN 'accepted' ELSE 'in_progress' END,
    CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END,
    CASE WHEN i % 50 = 0 THEN 10000.0 + i ELSE NULL END, CASE WHEN i % 50 = 0 THEN 5000.0 ELSE NULL END,
    CASE WHEN i % 50 = 0 THEN i % 100 ELSE NULL END,
    CASE WHEN i % 3 = 0 THEN $TODAY - (i % 40) ELSE NULL END, 1,
    '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
FROM n;
WITH RECURSIVE m(s) AS (SELECT 1 UNION ALL SELECT s + 1 FROM m WHERE s < $MILESTONES)
INSERT INTO ledger_milestones (task_id, seq, due_on, deliverable, responsible_unit_id, state, done_on, evidence)
SELECT t.id, m.s, t.start_on + 30 * m.s, '节点成果 ' || m.s,
    CASE WHEN m.s % 3 = 0 THEN (SELECT id FROM town WHERE k = (t.id + 7) % 20) ELSE t.lead_unit_id END,
    CASE WHEN t.start_on + 30 * m.s < $TODAY - (t.id % 60) THEN 'done' ELSE 'pending' END,
    CASE WHEN t.start_on + 30 * m.s < $TODAY - (t.id % 60) THEN t.start_on + 30 * m.s + (t.id % 5) - 2 ELSE NULL END,
    CASE WHEN t.start_on + 30 * m.s < $TODAY - (t.id % 60) THEN 'bench' ELSE '' END
FROM ledger_tasks t, m;
INSERT INTO ledger_cards (task_id, unit_id, color, issued_on, milestone_seq, reason, recorded_at)
SELECT id, lead_unit_id, 'yellow', $TODAY - 5, 1, 'bench', '2026-01-01T00:00:00Z' FROM ledger_tasks WHERE id % 10 = 0;
COMMIT;
ANALYZE;
SQL
    log "seeded in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s: $(sqlite3 "$DB" 'SELECT COUNT(*) FROM ledger_tasks') tasks, $(sqlite3 "$DB" 'SELECT COUNT(*) FROM ledger_milestones') milestones"
fi

SERVER_PID=
cleanup() { [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; true; }
trap cleanup EXIT
out="$WORK/server.out"
: >"$out"
ECOGOV_LOG_LEVEL="${LOG_LEVEL:-warn}" "$ECOGOV" serve --db "$DB" --port 0 >"$out" 2>"$WORK/server.err" &
SERVER_PID=$!
URL=
for _ in $(seq 1 300); do
    URL=$(grep -o 'listening on http://[^ ]*' "$out" | head -1 | sed 's/listening on //; s:/$::') || true
    [[ -n $URL ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.err" >&2; log "server exited"; exit 1; }
    sleep 0.1
done
[[ -n $URL ]] || { log "server did not start"; exit 1; }
curl -sS -c "$WORK/cookies" -H 'content-type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" "$URL/api/v1/auth/login" >/dev/null
COOKIE="ecogov_session=$(awk '$6 == "ecogov_session" {print $7}' "$WORK/cookies")"
UNIT=$(sqlite3 "$DB" "SELECT id FROM units WHERE code = 'BT03'")

FILTERS=(
    "/api/v1/ledger/tasks"
    "/api/v1/ledger/tasks?unit_id=$UNIT"
    "/api/v1/ledger/tasks?category=dust_control&status=in_progress"
    "/api/v1/ledger/tasks?warning=overdue_unreported"
    "/api/v1/ledger/tasks?warning=due_soon&unit_id=$UNIT"
    "/api/v1/ledger/tasks?warning=late&category=river_outfalls&offset=100&limit=50"
    "/api/v1/ledger/tasks?q=B-0999&milestones=1"
)
for f in "${FILTERS[@]}"; do
    code=$(curl -sS -o "$WORK/answer.json" -w '%{http_code}' -H "Cookie: $COOKIE" "$URL$f")
    [[ $code == 200 ]] || { log "$f answered $code: $(head -c 300 "$WORK/answer.json")"; exit 1; }
    log "$f: total $(sed -n 's/^{"total":\([0-9]*\).*/\1/p' "$WORK/answer.json"), $(wc -c <"$WORK/answer.json") bytes"
done

run_wrk() {  # run_wrk PATH|-  → prints "req/s p50_ms p99_ms"
    local out args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $COOKIE")
    if [[ $1 == - ]]; then
        out=$(UNIT="$UNIT" wrk "${args[@]}" -s "$ROOT/bench/ledger_filters.lua" "$URL")
    else
        out=$(wrk "${args[@]}" "$URL$1")
    fi
    echo "$out" >&2
    if grep -q 'Non-2xx' <<<"$out"; then log "non-2xx answers on $1"; exit 1; fi
    local ms='{v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}'
    echo "$(awk '/^Requests\/sec:/ {print $2}' <<<"$out") $(awk "\$1 == \"50%\" $ms" <<<"$out") $(awk "\$1 == \"99%\" $ms" <<<"$out")"
}

echo "| request | requests/s | p50 ms | p99 ms |"
echo "|---|---:|---:|---:|"
for f in "${FILTERS[@]}"; do
    read -r rps p50 p99 < <(run_wrk "$f")
    echo "| \`${f#/api/v1/ledger}\` | $rps | $p50 | $p99 |"
done
read -r rps p50 p99 < <(run_wrk -)
echo "| all of the above, rotating (ledger_filters.lua) | $rps | $p50 | $p99 |"
echo
echo "$TASKS tasks, $((TASKS * MILESTONES)) milestones; wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; $(nproc) CPUs; SQLite."
