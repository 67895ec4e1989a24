#pragma once
// Task ledger routes under /api/v1/ledger (docs/api.md "Task ledger"; issue 4): tasks with
// filters and paging, milestones, progress reports with attachments and review, cards,
// supervision notices, statistics, CSV/XLSX export and import. Rights are the services'
// (services/ledger.hpp); leaders are refused every write by Access::write.
#include "net/http/app_context.hpp"
#include "net/http/router.hpp"

namespace ecogov::http {

void register_ledger_routes(Router& router, AppContext& ctx);

}  // namespace ecogov::http
