#!/usr/bin/env bash
# ecogov air on the real Zhengzhou 2019 data: city values are the rounded means of the city
# stations' daily values (control point 1324A excluded), outputs are deterministic, JSON parses.
source "$(dirname "$0")/lib.bash"
S="$SCRATCH"
data="$SHARED/air/china_sites_2019_zhengzhou_1316A-1324A.csv.gz"
list="$SHARED/air/StationList-2020.01.01.csv"
if [ ! -f "$data" ] || [ ! -f "$list" ]; then
    if [ -n "${CI:-}" ]; then echo "FAIL: official data missing under $SHARED"; exit 1; fi
    echo "official data missing: skipped"; exit 0
fi
{ head -1 "$list"; grep -E '^13(1[6-9]|2[0-4])A,' "$list"; } > "$S/zhengzhou_stations.csv"

expect_run station_daily 0 "" -- "$ECOGOV" air daily --input "$data" --output "$S/daily.csv" --quiet
expect_run city_daily 0 "" -- "$ECOGOV" air daily --input "$data" --group city \
    --stations "$S/zhengzhou_stations.csv" --output "$S/city.csv" --quiet

# Independent recomputation of the city PM2.5 (column 11) from the 8 evaluation stations:
# mean of the valid values, half-even rounding, valid with >= 6 of 8 stations (75 %).
awk -F, '
NR == FNR { if (FNR > 1 && $1 != "1324A" && $11 != "") { s[$2] += $11; n[$2]++ } next }
FNR > 1 {
    d = $2; want = ""
    if (n[d] >= 6) { q = int(s[d] / n[d]); r = s[d] - q * n[d]
        if (2 * r > n[d] || (2 * r == n[d] && q % 2 == 1)) q++; want = q }
    checked++; if ($11 != want) { bad++; if (bad < 5) print "city PM2.5 " d ": got " $11 ", expected " want }
}
END { print "checked " checked " city-days, " bad + 0 " differ"; exit bad > 0 }' "$S/daily.csv" "$S/city.csv" \
    && pass "city PM2.5 = rounded mean of the evaluation stations" || fail "city PM2.5 aggregation"

# The control point is excluded: a list marking 1323A as control changes the city values.
sed 's/^1323A,河医大,/1323A,河医大(对照点),/' "$S/zhengzhou_stations.csv" > "$S/alt_stations.csv"
"$ECOGOV" air daily --input "$data" --group city --stations "$S/alt_stations.csv" --output "$S/city_alt.csv" --quiet
cmp -s "$S/city.csv" "$S/city_alt.csv" && fail "control flag had no effect" || pass "control point excluded"

# Evaluation: one row for the city's 2019, twelve months per station; deterministic; JSON parses.
expect_run evaluate_year 0 "" -- "$ECOGOV" air evaluate --input "$data" --group city \
    --stations "$S/zhengzhou_stations.csv" --period year --output "$S/year.csv" --quiet
[ "$(tail -n +2 "$S/year.csv" | cut -d, -f1,2)" = "郑州,2019" ] && pass "one city-year row" || fail "city-year rows: $(cat "$S/year.csv")"
"$ECOGOV" air evaluate --input "$data" --period month --output "$S/months.csv" --quiet
[ "$(tail -n +2 "$S/months.csv" | wc -l)" = 108 ] && pass "9 stations x 12 months" || fail "month rows $(tail -n +2 "$S/months.csv" | wc -l)"
"$ECOGOV" air evaluate --input "$data" --period month --output "$S/months2.csv" --quiet
cmp -s "$S/months.csv" "$S/months2.csv" && pass "deterministic output" || fail "two runs differ"
for mode in hourly daily evaluate; do
    "$ECOGOV" air $mode --input "$data" --output "$S/$mode.json" --quiet
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d,list) and d' "$S/$mode.json" \
        && pass "$mode JSON parses" || fail "$mode JSON"
done
# Good days never exceed valid days; the ratio is good/valid to 0.1 %.
awk -F, 'NR>1 && $14>0 { r = sprintf("%.1f", 100*$15/$14); if ($15 > $14) bad++ } END { exit bad > 0 }' "$S/months.csv" \
    && pass "good_days <= valid_days" || fail "good_days > valid_days"
finish
