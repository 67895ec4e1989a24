#!/usr/bin/env bash
# Issue 4: `ecogov ledger import|export|sweep`: a CSV in the documented layout imports; a file
# with one bad row imports nothing and names the row (exit 1); the export gives the same rows
# back; the sweep records the cards of an overdue milestone once.
source "$(dirname "$0")/lib.bash"
S="$SCRATCH"
DB="$S/ledger.db"
"$ECOGOV" init --admin admin --password 'Cli-pass-2026!' --db "$DB" >/dev/null 2>&1 || fail "init"
header='编号,任务名称,类别,任务内容,工作措施,牵头单位,配合单位,责任领导,责任人,关联目标,开始日期,完成时限,优先级,来源文件,状态,重点项目,计划投资(万元),完成投资(万元),形象进度(%),节点1完成时限,节点1成果,节点1责任单位,节点1状态,节点1完成日期'
bureau=bureau  # the unit `ecogov init` creates, named by its code
printf '%s\n' "$header" \
  "C-1,扬尘治理,扬尘管控,内容,围挡,$bureau,,副市长,科长,,2025-01-01,2025-12-31,high,文件,in_progress,否,,,,2025-03-01,清单,,pending," \
  "C-2,臭氧防控,summer_ozone,内容,,$bureau,,副市长,科长,,2025-01-01,2025-12-31,normal,文件,not_started,否,,,,2025-06-01,总结,,done,2025-06-03" \
  > "$S/good.csv"
sed 's/2025-06-01,总结/2025-16-01,总结/' "$S/good.csv" > "$S/bad.csv"
expect_run bad_row 1 'row 3 \(节点1完成时限\)' -- "$ECOGOV" ledger import --db "$DB" "$S/bad.csv"
"$ECOGOV" ledger export --db "$DB" --output "$S/after_bad.csv" >/dev/null 2>&1
n=$(tail -n +2 "$S/after_bad.csv" | wc -l)
[ "$n" = 0 ] && pass "bad file stored nothing" || fail "bad file stored $n tasks"
expect_run good 0 '' -- "$ECOGOV" ledger import --db "$DB" "$S/good.csv"
grep -q '2 task(s), 2 milestone(s)' "$S/good.out" && pass "import counts" || fail "import counts: $(cat "$S/good.out")"
expect_run export 0 '' -- "$ECOGOV" ledger export --db "$DB" --output "$S/out.csv"
tail -n +2 "$S/out.csv" | tr -d '\r' | grep -q '^C-2,臭氧防控,夏季臭氧防控,内容,,生态环境局,' && pass "export row" || fail "export: $(cat "$S/out.csv")"
expect_run xlsx 0 '' -- "$ECOGOV" ledger export --db "$DB" --output "$S/out.xlsx"
[ "$(head -c 2 "$S/out.xlsx")" = "PK" ] && pass "xlsx export" || fail "xlsx export is not a zip"
expect_run sweep 0 '' -- "$ECOGOV" ledger sweep --db "$DB" --day 2025-04-01
grep -q '1 card(s) recorded' "$S/sweep.out" && pass "sweep card" || fail "sweep: $(cat "$S/sweep.out")"
expect_run sweep_again 0 '' -- "$ECOGOV" ledger sweep --db "$DB" --day 2025-04-01
grep -q '0 card(s) recorded' "$S/sweep_again.out" && pass "sweep records once" || fail "sweep again: $(cat "$S/sweep_again.out")"
expect_run sweep_year_end 0 '' -- "$ECOGOV" ledger sweep --db "$DB" --day 2026-01-05
grep -q '2 task(s) now overdue' "$S/sweep_year_end.out" && pass "tasks overdue" || fail "sweep year end: $(cat "$S/sweep_year_end.out")"
finish
