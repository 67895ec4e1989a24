#pragma once
// JSON of the task ledger API (docs/api.md "Task ledger"): rendering of tasks, reports, cards,
// notices and statistics, and strict reading of task bodies (unknown fields and wrong types are
// 400 naming the field).
#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "services/ledger.hpp"

namespace ecogov::http {

boost::json::object ledger_view_json(const LedgerTaskView& v, Date today);
boost::json::object ledger_report_json(const LedgerReport& r);
boost::json::object ledger_card_json(const LedgerCard& c);
boost::json::object ledger_notice_json(const LedgerNotice& n);
boost::json::object ledger_stat_json(const LedgerStatRow& s);
boost::json::object ledger_detail_json(const LedgerTaskDetail& d, Date today);

/// POST /api/v1/ledger/tasks body.
Result<LedgerTask> ledger_task_from_body(const boost::json::object& o);
/// PATCH /api/v1/ledger/tasks/{id} body (`version` required).
Result<LedgerTaskPatch> ledger_patch_from_body(const boost::json::object& o);

}  // namespace ecogov::http
