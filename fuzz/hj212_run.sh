#!/usr/bin/env bash
# Builds and runs the HJ 212 framer+parser fuzz target (fuzz/hj212_fuzz.cpp) with libFuzzer +
# ASan + UBSan; seeds are the sample frames of ../shared/data/hj212 (read, never copied).
# Usage: fuzz/hj212_run.sh SECONDS [WORKDIR]
set -euo pipefail

seconds=${1:?usage: fuzz/hj212_run.sh SECONDS [WORKDIR]}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${2:-$root/build-fuzz}
data=$root/../shared/data/hj212
mkdir -p "$work/hj212_seeds" "$work/hj212_corpus"
work=$(cd "$work" && pwd)

clang++-14 -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    -I "$root/src" "$root/fuzz/hj212_fuzz.cpp" "$root"/src/hj212/*.cpp "$root/src/core/time.cpp" \
    -o "$work/hj212_fuzz"

if [[ -d "$data" ]]; then
    n=0
    for f in "$data"/packets_valid.txt "$data"/packets_invalid.txt; do
        while IFS= read -r line; do
            n=$((n + 1))
            { printf '\x07'; printf '%s\r\n' "$line"; } > "$work/hj212_seeds/frame_$n"
        done < "$f"
    done
    { printf '\x02'; sed 's/$/\r/' "$data/packets_valid.txt"; } > "$work/hj212_seeds/stream"
fi

"$work/hj212_fuzz" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/hj212_" "$work/hj212_corpus" "$work/hj212_seeds"
