# Shared helpers for the command-line tests: each test script gets
#   $1 the ecogov binary, $2 a scratch directory (recreated), $3 the shared data directory.
set -uo pipefail
ECOGOV="$1"
SCRATCH="$2"
SHARED="$3"
rm -rf "$SCRATCH" && mkdir -p "$SCRATCH"
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# expect_run NAME EXPECTED_EXIT STDERR_PATTERN -- command...
expect_run() {
    local name="$1" want="$2" pattern="$3"; shift 4
    "$@" >"$SCRATCH/$name.out" 2>"$SCRATCH/$name.err"
    local got=$?
    if [ "$got" != "$want" ]; then
        fail "$name: exit $got, expected $want; stderr: $(head -c 400 "$SCRATCH/$name.err")"
    elif [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$SCRATCH/$name.err"; then
        fail "$name: stderr does not match /$pattern/: $(head -c 400 "$SCRATCH/$name.err")"
    else
        pass "$name"
    fi
}

finish() {
    if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
    echo "all passed"
}
