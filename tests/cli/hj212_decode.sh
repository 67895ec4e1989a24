#!/usr/bin/env bash
# Issue 7 item 5/6: `ecogov hj212 decode` on the shared sample frames (one per line), on a raw
# byte stream with garbage and frames split across lines, and on stdin; `ecogov hj212-sim
# --output` writes frames that decode cleanly; damaged frames are reported, not dropped.
source "$(dirname "$0")/lib.bash"
S="$SCRATCH"
D="$SHARED/hj212"

expect_run valid 0 "24 frame\(s\), 0 not ok" -- "$ECOGOV" hj212 decode --input "$D/packets_valid.txt"
[ "$(wc -l < "$S/valid.out")" = 24 ] || fail "valid: expected 24 JSON lines"
grep -q '^{"ok":true,"crc":"hj212","qn":"20160801085857223","st":"32","cn":"1062","mn":"010000A8900016F000169DC0","flag":5' "$S/valid.out" \
    || fail "valid: Appendix A frame fields"
grep -q '"values":{"a21005":{"Rtd":0,"Flag":"N"},"a21004":{"Rtd":0,"Flag":"N"},"a21007":{"Rtd":0.033,"Flag":"N"}' "$S/valid.out" \
    || fail "valid: typed values of the 2011 air frame"
grep -q '"cn":"2051","mn":"23040281003022".*"w01018":{"Avg":27.3,"Min":27.299999,"Max":27.299999,"Cou":0,"Flag":"N"}' "$S/valid.out" \
    || fail "valid: minute averages"

expect_run invalid 1 "10 frame\(s\), 4 not ok" -- "$ECOGOV" hj212 decode --input "$D/packets_invalid.txt"
[ "$(grep -c '"crc":"modbus"' "$S/invalid.out")" = 3 ] || fail "invalid: 3 MODBUS frames"
[ "$(grep -c '"crc":"modbus-swapped"' "$S/invalid.out")" = 3 ] || fail "invalid: 3 byte-swapped frames"
[ "$(grep -c '"ok":false,"crc":"bad","error":"CRC ' "$S/invalid.out")" = 4 ] || fail "invalid: 4 bad CRCs named"

expect_run strict 1 "" -- "$ECOGOV" hj212 decode --max-length 1024 --input "$D/packets_invalid.txt"
grep -q 'declared data-segment length exceeds the limit (1623 > 1024)' "$S/strict.out" || fail "strict: oversize named"

# A raw stream: garbage, CR LF tails, two frames glued, one frame cut over two lines.
{ printf '\x00\xffnoise##12'; head -3 "$D/packets_valid.txt" | tr -d '\n' ; printf '\r\n'; } > "$S/raw.bin"
expect_run raw 0 "3 frame\(s\), 0 not ok, 11 garbage" -- "$ECOGOV" hj212 decode --input "$S/raw.bin"

head -2 "$D/packets_valid.txt" | "$ECOGOV" hj212 decode --input - > "$S/stdin.out" 2>/dev/null \
    && [ "$(wc -l < "$S/stdin.out")" = 2 ] && pass stdin || fail "stdin decode"

expect_run missing 2 "cannot open" -- "$ECOGOV" hj212 decode --input "$S/nope.txt"

expect_run sim 0 "40 frame\(s\) written" -- "$ECOGOV" hj212-sim --devices 4 --frames 10 --cn-mix 2011:3,2051:1 --output "$S/sim.txt"
expect_run simdecode 0 "40 frame\(s\), 0 not ok" -- "$ECOGOV" hj212 decode --input "$S/sim.txt"
[ "$(grep -c '"cn":"2051"' "$S/simdecode.out")" = 8 ] || fail "sim: CN mix 3:1"
expect_run simbad 0 "" -- "$ECOGOV" hj212-sim --devices 1 --frames 10 --bad-every 5 --output "$S/bad.txt"
expect_run badecode 1 "not ok" -- "$ECOGOV" hj212 decode --input "$S/bad.txt"
[ "$(grep -c '"ok":true' "$S/badecode.out")" = 8 ] || fail "sim: 8 of 10 frames intact"
expect_run simmix 2 "cn-mix" -- "$ECOGOV" hj212-sim --cn-mix 9999:1 --output "$S/x.txt"
finish
