#!/usr/bin/env bash
# Acceptance 3 of issue 2: bad input gets a clear message naming file, line and column; bad cells
# are counted and reported, never used; the exit code says whether the run was clean.
source "$(dirname "$0")/lib.bash"
S="$SCRATCH"
header='date,hour,type,1001A,1002A'
good_rows='20190101,1,PM2.5,30,40
20190101,1,PM10,50,60
20190101,1,SO2,5,6
20190101,1,NO2,20,30
20190101,1,O3,40,50
20190101,1,CO,0.5,0.6'

printf '%s\n%s\n' "$header" "$good_rows" > "$S/clean.csv"
expect_run clean 0 "" -- "$ECOGOV" air hourly --input "$S/clean.csv" --output "$S/clean_out.csv" --quiet
# PM10 50 -> IAQI 50, PM2.5 30 -> ceil(30*50/35) = 43: AQI 50, no primary pollutant (AQI <= 50), 优.
grep -q '^1001A,2019-01-01T01:00+08:00,hj633-2012,50,,优,5,20,0.5,40,50,30,2,10,5,13,50,43,1,#00E400,' "$S/clean_out.csv" \
    && pass "clean row values" || fail "clean row: $(sed -n 2p "$S/clean_out.csv")"
[ "$(wc -l < "$S/clean_out.csv")" = 3 ] && pass "clean output has 2 rows" || fail "clean output rows"

# A non-numeric cell: line 3 (header is line 1), column 5 (1002A).
printf '%s\n%s\n' "$header" "$good_rows" | sed '3s/,60$/,abc/' > "$S/nonnum.csv"
expect_run nonnumeric 1 "nonnum.csv:3:5.*abc" -- "$ECOGOV" air hourly --input "$S/nonnum.csv" --output "$S/nonnum_out.csv" --quiet
# The bad cell is not used: 1002A PM10 must be empty in the output.
awk -F, '$1=="1002A"{ if ($11 != "") exit 1 }' "$S/nonnum_out.csv" && pass "bad cell left missing" || fail "bad cell was used"

# A negative cell.
printf '%s\n%s\n' "$header" "$good_rows" | sed '4s/,5,/,-5,/' > "$S/negative.csv"
expect_run negative 1 "negative.csv:4:4.*-5" -- "$ECOGOV" air hourly --input "$S/negative.csv" --output "$S/neg_out.csv" --quiet

# A malformed line (missing a field).
printf '%s\n%s\n' "$header" "$good_rows" | sed '5s/,30$//' > "$S/short.csv"
expect_run malformed_line 1 "short.csv:5" -- "$ECOGOV" air hourly --input "$S/short.csv" --output "$S/short_out.csv" --quiet

# An unknown type.
printf '%s\n%s\n20190101,1,XYZ,1,2\n' "$header" "$good_rows" > "$S/type.csv"
expect_run unknown_type 1 "type.csv:8.*XYZ" -- "$ECOGOV" air hourly --input "$S/type.csv" --output "$S/type_out.csv" --quiet

# A wrong header: fatal, exit 2, nothing written.
printf 'when,where,what\n1,2,3\n' > "$S/header.csv"
expect_run wrong_header 2 "header.csv:1" -- "$ECOGOV" air daily --input "$S/header.csv" --output "$S/header_out.csv" --quiet
[ ! -e "$S/header_out.csv" ] && pass "nothing written on fatal error" || fail "output written despite fatal error"

# An empty file and an empty gzip file.
: > "$S/empty.csv"
expect_run empty 2 "empty.csv.*empty" -- "$ECOGOV" air hourly --input "$S/empty.csv" --output "$S/e.csv" --quiet
gzip -c < /dev/null > "$S/empty.csv.gz"
expect_run empty_gzip 2 "empty.csv.gz" -- "$ECOGOV" air hourly --input "$S/empty.csv.gz" --output "$S/e.csv" --quiet

# A truncated gzip file.
printf '%s\n%s\n' "$header" "$good_rows" | gzip -c > "$S/full.csv.gz"
head -c 60 "$S/full.csv.gz" > "$S/trunc.csv.gz"
expect_run truncated_gzip 2 "trunc.csv.gz.*truncated" -- "$ECOGOV" air hourly --input "$S/trunc.csv.gz" --output "$S/t.csv" --quiet
[ ! -e "$S/t.csv" ] && pass "nothing written for a truncated gzip" || fail "output written for truncated gzip"

# A corrupt gzip body.
{ head -c 20 "$S/full.csv.gz"; printf 'garbage-garbage-garbage-garbage'; } > "$S/corrupt.csv.gz"
expect_run corrupt_gzip 2 "corrupt.csv.gz" -- "$ECOGOV" air hourly --input "$S/corrupt.csv.gz" --output "$S/c.csv" --quiet

# Usage errors.
expect_run missing_file 2 "" -- "$ECOGOV" air hourly --input "$S/nope.csv" --output "$S/x.csv"
expect_run bad_period 2 "period" -- "$ECOGOV" air evaluate --input "$S/clean.csv" --period 2019-13 --output "$S/x.csv"
expect_run city_without_list 2 "stations" -- "$ECOGOV" air daily --input "$S/clean.csv" --group city --output "$S/x.csv"
finish
