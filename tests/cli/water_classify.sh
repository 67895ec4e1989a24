#!/usr/bin/env bash
# Issue 8 item 6: `ecogov water classify` on a long CSV (GB 3838-2002 classes, CWQI); bad rows are
# reported as file:line:column (field): why and counted (exit 1); a wrong header is fatal (exit 2)
# with nothing written. Expected values are the hand-computed ones of
# tests/unit/water_section_vectors_test.cpp (WaterWorkedMonth).
source "$(dirname "$0")/lib.bash"
S="$SCRATCH"
header='section,water_body,date,item,value'
cat > "$S/month.csv" <<'CSV'
section,water_body,date,item,value
白沙水库,lake,2024-05-06,TP,0.04
白沙水库,lake,2024-05-06,COD,14
白沙水库,lake,2024-05-06,氨氮,0.30
白沙水库,lake,2024-05-06,w01009,8.1
白沙水库,lake,2024-05-06,pH,7.6
白沙水库,lake,2024-05-20,TP,0.07
白沙水库,lake,2024-05-20,COD,16
白沙水库,lake,2024-05-20,DO,7.3
白沙水库,lake,2024-05-20,pH,8.2
告成,river,2024-05-08,COD,22
告成,river,2024-05-08,NH3-N,1.62
告成,river,2024-05-08,w21011,0.18
告成,river,2024-05-08,DO,4.6
告成,river,2024-05-08,CODMn,5.5
阳城,river,2024-05-08,Hg,<0.00004
阳城,river,2024-05-08,NH3-N,ND
阳城,river,2024-05-08,COD,12
阳城,river,2024-05-22,Hg,0.00003
阳城,river,2024-05-22,NH3-N,0.10
化窑,river,2024-05-09,COD,45
化窑,river,2024-05-09,NH3-N,2.4
化窑,river,2024-05-09,TP,0.45
化窑,river,2024-05-09,BOD5,8
化窑,river,2024-05-09,TN,6.1
CSV
expect_run good 0 "" -- "$ECOGOV" water classify --input "$S/month.csv" --output "$S/month_out.csv"
out="$S/month_out.csv"
head -1 "$out" | grep -q '^section,period,class,label,main_pollutants,cwqi,' && pass "column order" \
    || fail "header: $(head -1 "$out")"
check_row() {  # NAME EXPECTED-PREFIX
    grep -q "^$2" "$out" && pass "$1" || fail "$1: $(grep "^${2%%,*}," "$out")"
}
check_row baisha '白沙水库,2024-05,IV,轻度污染,总磷(0.10),3.25,lake,5,TP,'
check_row gaocheng '告成,2024-05,V,中度污染,氨氮(0.62)、化学需氧量(0.10)、溶解氧,5.62,river,5,NH3-N,'
check_row yangcheng '阳城,2024-05,I,优,,0.85,river,3,,,,,NH3-N;Hg,5'
check_row huayao '化窑,2024-05,劣V,重度污染,氨氮(1.40)、化学需氧量(1.25)、总磷(1.25),8.90,river,4,NH3-N,,'
[ "$(wc -l < "$out")" = 5 ] && pass "four sections" || fail "rows: $(wc -l < "$out")"

# The same file by year, as JSON.
expect_run json 0 "" -- "$ECOGOV" water classify --input "$S/month.csv" --period year --output "$S/year.json"
grep -q '"section":"告成","period":"2024","class":"V"' "$S/year.json" && pass "json year row" \
    || fail "json: $(head -c 300 "$S/year.json")"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==4 and d[0]["cwqi"] is not None' \
    "$S/year.json" && pass "json parses" || fail "json does not parse"

# gzip input.
gzip -c "$S/month.csv" > "$S/month.csv.gz"
expect_run gzip 0 "" -- "$ECOGOV" water classify --input "$S/month.csv.gz" --output "$S/gz_out.csv"
cmp -s "$S/gz_out.csv" "$out" && pass "gzip same output" || fail "gzip output differs"

# Bad rows: each named by file:line:column (field), skipped and counted; exit 1, output written.
cat > "$S/bad.csv" <<CSV
$header
S1,river,2024-05-01,COD,18
S1,river,2024-05-01,XYZ,1
S1,river,2024-13-01,COD,18
S1,sea,2024-05-01,COD,18
S1,river,2024-05-01,COD,abc
S1,river,2024-05-01,COD,-3
S1,river,2024-05-01,pH,ND
S1,river,2024-05-01,COD
S1,lake,2024-05-02,COD,18
CSV
expect_run bad_rows 1 "bad.csv:3:4 \(item\): unknown item 'XYZ'" -- \
    "$ECOGOV" water classify --input "$S/bad.csv" --output "$S/bad_out.csv"
err="$S/bad_rows.err"
for want in "bad.csv:4:3 \(date\): bad date '2024-13-01'" "bad.csv:5:2 \(water_body\): unknown water_body 'sea'" \
            "bad.csv:6:5 \(value\): .*'abc'" "bad.csv:7:5 \(value\): .*negative" "bad.csv:8:5 \(value\): pH" \
            "bad.csv:9:1 \(row\): expected 5 fields" "bad.csv:10:2 \(water_body\): section S1 is a river on line 2" \
            "8 bad rows"; do
    grep -Eq -- "$want" "$err" && pass "reports /$want/" || fail "missing /$want/ in: $(cat "$err")"
done
grep -q '^S1,2024-05,III,良好,,0.90,river,1,COD,' "$S/bad_out.csv" && pass "good row kept" \
    || fail "bad-rows output: $(cat "$S/bad_out.csv")"

# A wrong header: fatal, exit 2, nothing written.
printf 'station,date,pollutant,value\nS1,2024-05-01,COD,18\n' > "$S/header.csv"
expect_run wrong_header 2 "header.csv:1: expected the header" -- \
    "$ECOGOV" water classify --input "$S/header.csv" --output "$S/header_out.csv"
[ ! -e "$S/header_out.csv" ] && pass "nothing written on a wrong header" || fail "output written despite fatal error"

# An empty file, a missing file and a bad period.
: > "$S/empty.csv"
expect_run empty 2 "empty.csv" -- "$ECOGOV" water classify --input "$S/empty.csv" --output "$S/e.csv"
[ ! -e "$S/e.csv" ] && pass "nothing written for an empty file" || fail "output written for an empty file"
expect_run missing_file 2 "" -- "$ECOGOV" water classify --input "$S/nope.csv" --output "$S/x.csv"
expect_run bad_period 2 "period" -- "$ECOGOV" water classify --input "$S/month.csv" --period week --output "$S/x.csv"
finish
