-- wrk script for bench/ledger_bench.sh: each request takes the next ledger list filter in turn.
local unit = os.getenv("UNIT") or "2"
local paths = {
  "/api/v1/ledger/tasks",
  "/api/v1/ledger/tasks?unit_id=" .. unit,
  "/api/v1/ledger/tasks?category=dust_control&status=in_progress",
  "/api/v1/ledger/tasks?warning=overdue_unreported",
  "/api/v1/ledger/tasks?warning=due_soon&unit_id=" .. unit,
  "/api/v1/ledger/tasks?warning=late&category=river_outfalls&offset=100&limit=50",
  "/api/v1/ledger/tasks?q=B-0999&milestones=1",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
