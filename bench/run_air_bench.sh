#!/usr/bin/env bash
# Times `ecogov air daily|evaluate|hourly` against the pandas peer (bench/peer_pandas.py) on a
# synthetic year of hourly data in the wide china_sites layout. Results: a Markdown table on stdout.
#
# Usage: bench/run_air_bench.sh            (from anywhere; paths are relative to the repository)
# Environment (all optional):
#   BUILD_DIR=build        build directory (configured with Ninja if it does not exist)
#   STATIONS=1000 YEAR=2025 SEED=1       what `ecogov air generate` writes
#   WORK=/tmp/ecogov-bench               scratch directory for the data and outputs
#   RUNS=3                 runs per ecogov command (best wall time is reported)
#   PANDAS_RUNS=1          runs per pandas command
#   PYTHON=/usr/bin/python3              interpreter with pandas (Debian's: pandas 1.5)
#   SKIP_PANDAS=1          time ecogov only
#   KEEP_DATA=1            reuse an existing data file in WORK instead of regenerating it
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-build}"
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$ROOT/$BUILD_DIR" ;; esac
STATIONS="${STATIONS:-1000}"
YEAR="${YEAR:-2025}"
SEED="${SEED:-1}"
WORK="${WORK:-${TMPDIR:-/tmp}/ecogov-bench}"
RUNS="${RUNS:-3}"
PANDAS_RUNS="${PANDAS_RUNS:-1}"
PYTHON="${PYTHON:-/usr/bin/python3}"
ECOGOV="$BUILD_DIR/ecogov"
DATA="$WORK/air_${STATIONS}_${YEAR}.csv"
TIME=/usr/bin/time

die() { echo "run_air_bench: $*" >&2; exit 2; }
[ -x "$TIME" ] || die "$TIME (GNU time) is needed for wall time and peak RSS"

echo "building ($BUILD_DIR) ..." >&2
if [ ! -f "$BUILD_DIR/build.ninja" ] && [ ! -f "$BUILD_DIR/Makefile" ]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
fi
cmake --build "$BUILD_DIR" --target ecogov >&2
mkdir -p "$WORK"

if [ "${KEEP_DATA:-0}" = 1 ] && [ -s "$DATA" ]; then
    echo "reusing $DATA" >&2
else
    echo "generating $STATIONS stations x $YEAR ..." >&2
    "$ECOGOV" air generate --stations "$STATIONS" --year "$YEAR" --seed "$SEED" --layout full \
        --output "$DATA" --stations-output "$WORK/stations_${STATIONS}.csv" --quiet \
        || die "'ecogov air generate' failed (is it wired into the air command?)"
fi
BYTES=$(stat -c %s "$DATA")
MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')

# measure NAME RUNS CMD... : best wall seconds and the largest peak RSS over the runs.
declare -A SECS RSS
measure() {
    local name=$1 runs=$2
    shift 2
    local best="" peak=0 i out s r
    for ((i = 1; i <= runs; i++)); do
        out="$WORK/time_${name// /_}_$i.txt"
        if ! "$TIME" -f "%e %M" -o "$out" "$@" >"$WORK/stdout_${name// /_}.txt" 2>"$WORK/stderr_${name// /_}.txt"; then
            echo "run_air_bench: '$name' failed; see $WORK/stderr_${name// /_}.txt" >&2
            SECS[$name]="failed"
            RSS[$name]=""
            return 0
        fi
        read -r s r < <(tail -n 1 "$out")
        if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$s; fi
        [ "$r" -gt "$peak" ] && peak=$r
    done
    SECS[$name]=$best
    RSS[$name]=$peak
    echo "  $name: ${best} s, peak RSS $((peak / 1024)) MB" >&2
}

echo "timing ..." >&2
measure "ecogov daily" "$RUNS" "$ECOGOV" air daily --input "$DATA" --output "$WORK/ecogov_daily.csv" --quiet
measure "ecogov evaluate" "$RUNS" "$ECOGOV" air evaluate --period year --input "$DATA" \
    --output "$WORK/ecogov_evaluate.csv" --quiet
measure "ecogov hourly" "$RUNS" "$ECOGOV" air hourly --input "$DATA" --output "$WORK/ecogov_hourly.csv" --quiet
if [ "${SKIP_PANDAS:-0}" != 1 ]; then
    "$PYTHON" -c 'import pandas' 2>/dev/null || die "$PYTHON has no pandas"
    measure "pandas daily" "$PANDAS_RUNS" "$PYTHON" "$ROOT/bench/peer_pandas.py" "$DATA" \
        --daily-output "$WORK/pandas_daily.csv"
    measure "pandas evaluate" "$PANDAS_RUNS" "$PYTHON" "$ROOT/bench/peer_pandas.py" "$DATA" \
        --evaluate-output "$WORK/pandas_evaluate.csv"
fi

mbps() { awk -v mb="$MB" -v s="$1" 'BEGIN { if (s == "failed" || s == "" || s == 0) print "–"; else printf "%.0f", mb / s }'; }
ratio() { awk -v p="$1" -v e="$2" 'BEGIN { if (p == "" || e == "" || p == "failed" || e == "failed" || e == 0) print "–"; else printf "%.0f×", p / e }'; }
rss() { [ -n "$1" ] && echo "$(($1 / 1024))" || echo "–"; }

echo
echo "Input: \`$(basename "$DATA")\`, $STATIONS stations × $YEAR (full layout, 15 types), $MB MB of CSV."
echo "Machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); best of $RUNS runs (ecogov), $PANDAS_RUNS (pandas)."
echo
echo "| command | seconds | MB/s | peak RSS (MB) | pandas / ecogov |"
echo "|---|---:|---:|---:|---:|"
for name in "ecogov daily" "ecogov evaluate" "ecogov hourly" "pandas daily" "pandas evaluate"; do
    [ -n "${SECS[$name]+x}" ] || continue
    peer=""
    case "$name" in
        "ecogov daily") peer="${SECS[pandas daily]:-}" ;;
        "ecogov evaluate") peer="${SECS[pandas evaluate]:-}" ;;
    esac
    r="–"
    [ -n "$peer" ] && r=$(ratio "$peer" "${SECS[$name]}")
    echo "| \`$name\` | ${SECS[$name]} | $(mbps "${SECS[$name]}") | $(rss "${RSS[$name]}") | $r |"
done
