#!/usr/bin/env bash
# Issue 6: `ecogov assess run` saves a scheme file and runs it over a period; a scheme error is
# reported at its line and a period of the wrong kind refused (exit 2, nothing stored); the bureau
# unit without stations gets the item's missing-value points; running again adds version 2.
source "$(dirname "$0")/lib.bash"
S="$SCRATCH"
cat > "$S/pw.txt" <<<'Cli-pass-2026!'
"$ECOGOV" init --db "$S/a.db" --admin admin --password-file "$S/pw.txt" >/dev/null 2>&1 || fail "init"
cat > "$S/towns.toml" <<'TOML'
[scheme]
name = "cli test"
period = "month"
units = ["DF-SHJ"]
unit_kind = "bureau"

[[item]]
id = "pm25"
indicator = "pm25_mean"
max = 10
rule = "per_unit"
target = 35
points_per_unit = 0.5
missing = "full"

[[grade]]
name = "优秀"
min = 90
[[grade]]
name = "合格"
min = 0
TOML
expect_run run 0 'run 1: towns v1 2026-10' -- "$ECOGOV" assess run --db "$S/a.db" --scheme "$S/towns.toml" --period 2026-10
grep -q '"period":"2026-10"' "$S/run.out" && grep -q '"total":10' "$S/run.out" && grep -q 'missing = full' "$S/run.out" \
    && pass "run output" || fail "run output: $(head -c 300 "$S/run.out")"
sed 's/^max = 10$/max = 0/' "$S/towns.toml" > "$S/bad.toml"
expect_run bad 2 "bad.toml:10: item 'pm25' max must be > 0" -- "$ECOGOV" assess run --db "$S/a.db" --scheme "$S/bad.toml" --period 2026-10
expect_run period 2 'scored per month' -- "$ECOGOV" assess run --db "$S/a.db" --scheme "$S/towns.toml" --period 2026-Q4
expect_run again 0 'run 2: towns v2 2026-10' -- "$ECOGOV" assess run --db "$S/a.db" --scheme "$S/towns.toml" --period 2026-10
finish
