#!/usr/bin/env bash
# Builds and runs the readers fuzz target with libFuzzer + ASan + UBSan, then the HJ 212 framer
# and parser one (fuzz/hj212_run.sh), each for SECONDS (CI: 60 s each).
# Usage: fuzz/run.sh SECONDS [WORKDIR]   (WORKDIR defaults to build-fuzz in the repository)
# Exits non-zero when the build fails or the fuzzer finds a crash (artifacts land in WORKDIR).
set -euo pipefail

seconds=${1:?usage: fuzz/run.sh SECONDS [WORKDIR]}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${2:-$root/build-fuzz}
air=$root/../shared/data/air
mkdir -p "$work/seeds" "$work/corpus"
work=$(cd "$work" && pwd)

clang++-14 -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    -I "$root/src" "$root/fuzz/readers_fuzz.cpp" "$root"/src/ingest/*.cpp \
    "$root/src/core/decimal.cpp" "$root/src/core/time.cpp" "$root/src/core/pollutant.cpp" \
    -lz -o "$work/readers_fuzz"

# A seed is the 3-byte prefix (format, cut fractions) followed by CSV text.
seed() {  # seed NAME FORMAT_BYTE  < text
    { printf "\\x$2\\x40\\xb0"; cat; } > "$work/seeds/$1"
}

printf 'date,hour,type,1001A,1002A,1003A\r\n20190101,0,AQI,152,,\r\n20190101,0,PM2.5,116,12.5,abc\r\n20190101,0,CO,0.8,1.25,-3\r\n20190101,0,O3_8h_24h,45,,\r\n20190102,0,SO2_24h,3,4,5\r\n20190230,24,FOO,1\r\n' | seed wide 03
printf '\xef\xbb\xbfdate,hour,type,1316A\n20190101,1,PM10,184\n\n20190101,1,PM10,1\n20190101,2,O3_8h,9' | seed wide_bom 00
printf 'timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h\n2022-01-01T00:00:00,1316A,113.69,34.76,郑州市,烟厂,细颗粒物(PM2.5),92,98,102,68,53,43,12,22,15,68,76,15,23,0.8,1.1\n2026-03-02T1200,1318A,113.669,34.8034,郑州市,银行学校,NA,NA,NA,34,NA,38,NA,NA,52,NA,NA,28,NA,3,NA,1.0\n2026-03-01T0000,1761A,1,2,本溪市,大峪,"颗粒物(PM10),细颗粒物(PM2.5)",99,147,167,74,80,23,23,81,52,46,27,/,/,/,/\n' | seed cnemc 04
printf '"No","year","month","day","hour","PM2.5","PM10","SO2","NO2","CO","O3","TEMP","PRES","DEWP","RAIN","wd","WSPM","station"\n1,2013,3,1,0,9,9,3,17,300,89,-0.5,1024.5,-21.4,0,"NNW",5.7,"Dongsi"\n3,2013,2,30,24,7,7,NA,17,1250,60,-1.2,1025.3,-24.6,0,"NNW",5.3,"Dongsi"\n' | seed prsa 05

# XLSX seeds (format byte >= 0xF0): a small workbook with shared strings and numbers.
if command -v python3 >/dev/null; then
    python3 - "$work/seeds/xlsx.tmp" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/sharedStrings.xml", '<sst><si><t>section</t></si><si><r><t>YH</t></r><r><t>01</t></r></si></sst>')
    z.writestr("xl/styles.xml", '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')
    z.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3" s="1"><v>46027</v></c><c><v>1E-3</v></c><c t="inlineStr"><is><t>&amp;&#x6C34;</t></is></c></row></sheetData></worksheet>')
PY
    seed xlsx f0 < "$work/seeds/xlsx.tmp"
    rm -f "$work/seeds/xlsx.tmp"
fi

if [[ -d "$air" ]]; then
    for f in "$air"/*.csv "$air"/cnemc_2026/*.csv "$air"/*.csv.gz; do
        [[ -f "$f" ]] || continue
        name=$(basename "$f")
        case "$name" in
            china_sites*) fmt=00 ;;
            cnemc*|20*T*) fmt=01 ;;
            PRSA*) fmt=02 ;;
            *) continue ;;
        esac
        if [[ "$f" == *.gz ]]; then
            (zcat "$f" || true) | head -n 30 | seed "real_$name" "$fmt"
        else
            head -n 30 "$f" | seed "real_$name" "$fmt"
        fi
    done
fi

"$work/readers_fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" "$work/seeds"
"$root/fuzz/hj212_run.sh" "$seconds" "$work"
