#!/usr/bin/env bash
# HJ 212 no-loss test (issue 7 acceptance 3), SQLite: 500 simulated devices send at full speed
# to `ecogov serve --hj212-port 0`; the server is killed with SIGKILL mid-stream and restarted on
# the same database; every frame that received a 9014 is stored exactly once (hj212_uploads),
# PRAGMA integrity_check is ok, and resending the acknowledged frames stores nothing twice.
# Usage: tests/crash/hj212_noloss.sh BIN [DEVICES]
set -euo pipefail
bin=$(realpath "${1:?usage: hj212_noloss.sh BIN [DEVICES]}")
devices=${2:-500}
dir=$(mktemp -d /tmp/ecogov-hj212-crash.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
db=$dir/ecogov.db
q() { sqlite3 -batch -noheader "$db" "$1"; }

"$bin" hj212 register-sim --db "$db" --devices "$devices" >/dev/null

start_server() {
    "$bin" serve --db "$db" --port 0 --hj212-port 0 >"$dir/out.txt" 2>"$dir/err.txt" &
    pid=$!
    for _ in $(seq 1 200); do
        port=$(grep -o 'tcp://[^ ]*' "$dir/out.txt" 2>/dev/null | sed 's/.*://' || true)
        [ -n "$port" ] && return 0
        sleep 0.05
    done
    echo "FAIL: server did not start"; cat "$dir/err.txt"; exit 1
}

start_server
"$bin" hj212-sim --port "$port" --devices "$devices" --frames 1000000 --window 8 --threads 2 \
    --cn-mix 2011:8,2051:2 --acked "$dir/acked.txt" --timeout 60 >"$dir/sim1.json" &
sim=$!
sleep 2.5
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
pid=
wait "$sim"
cat "$dir/sim1.json"
acked=$(wc -l < "$dir/acked.txt")
[ "$acked" -gt 1000 ] || { echo "FAIL: only $acked frames acknowledged before the kill"; exit 1; }

start_server
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=

[ "$(q 'PRAGMA integrity_check')" = ok ] || { echo "FAIL: integrity_check"; exit 1; }
q "CREATE TABLE acked (mn TEXT, cn TEXT, t TEXT)"
sed 's/ /,/g' "$dir/acked.txt" > "$dir/acked.csv"
sqlite3 -batch "$db" ".mode csv" ".import $dir/acked.csv acked"
missing=$(q "SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM hj212_uploads u JOIN hj212_devices d ON d.id = u.device_id
              WHERE d.mn = a.mn AND u.cn = a.cn AND strftime('%Y%m%d%H%M%S', u.data_time, 'unixepoch') = a.t)")
stored=$(q "SELECT count(*) FROM hj212_uploads")
values=$(q "SELECT count(*) FROM hj212_values")
echo "acknowledged $acked, stored $stored, values $values, acknowledged but missing $missing"
[ "$missing" = 0 ] || { echo "FAIL: $missing acknowledged frames are not stored"; exit 1; }
[ "$stored" -ge "$acked" ] || { echo "FAIL: fewer uploads than acknowledgements"; exit 1; }
[ "$values" = $((stored * 3)) ] || { echo "FAIL: values of some upload missing or doubled"; exit 1; }

# Devices resend their first frames after the restart: acknowledged, stored once.
start_server
"$bin" hj212-sim --port "$port" --devices "$devices" --frames 3 --acked "$dir/acked2.txt" >"$dir/sim2.json"
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=
cat "$dir/sim2.json"
[ "$(wc -l < "$dir/acked2.txt")" = $((devices * 3)) ] || { echo "FAIL: resent frames not acknowledged"; exit 1; }
again=$(q "SELECT count(*) FROM hj212_uploads")
dups=$(q "SELECT count(*) FROM hj212_frames WHERE status = 'duplicate'")
echo "after resending: uploads $again, duplicate frames $dups"
[ "$again" -ge "$stored" ] && [ "$again" -le $((stored + devices * 3)) ] || { echo "FAIL: uploads count"; exit 1; }
[ "$dups" -ge 1 ] || { echo "FAIL: no duplicate detected"; exit 1; }
echo "ok: no loss"
