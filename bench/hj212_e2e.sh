#!/usr/bin/env bash
# End-to-end HJ 212 throughput (issue 7 acceptance 5): DEVICES simulated devices on loopback send
# FRAMES uploads each (CN mix 2011:7,2051:2,2061:1, Flag=5) to `ecogov serve --hj212-port 0` on a
# fresh SQLite database; each device keeps WINDOW frames awaiting their 9014. Prints the
# simulator's summary (acked frames per second = frames durably stored and acknowledged per
# second; p50/p99 from write to 9014 in ms) and the rows stored.
# Usage: bench/hj212_e2e.sh BIN [DEVICES] [FRAMES] [WINDOW] [THREADS]
set -euo pipefail
bin=$(realpath "${1:?usage: hj212_e2e.sh BIN [DEVICES] [FRAMES] [WINDOW] [THREADS]}")
devices=${2:-1000}
frames=${3:-100}
window=${4:-8}
threads=${5:-1}
dir=$(mktemp -d /tmp/ecogov-hj212-bench.XXXXXX)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
"$bin" hj212 register-sim --db "$dir/e.db" --devices "$devices" >/dev/null
"$bin" serve --db "$dir/e.db" --port 0 --hj212-port 0 >"$dir/out.txt" 2>"$dir/err.txt" &
pid=$!
for _ in $(seq 1 200); do
    port=$(grep -o 'tcp://[^ ]*' "$dir/out.txt" 2>/dev/null | sed 's/.*://' || true)
    [ -n "$port" ] && break
    sleep 0.05
done
"$bin" hj212-sim --port "$port" --devices "$devices" --frames "$frames" --window "$window" \
    --threads "$threads" --cn-mix 2011:7,2051:2,2061:1
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
echo "uploads stored: $(sqlite3 "$dir/e.db" 'SELECT count(*) FROM hj212_uploads'), values: $(sqlite3 "$dir/e.db" 'SELECT count(*) FROM hj212_values')"
