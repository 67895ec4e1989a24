#pragma once
// Internal to the ledger services (services/ledger*.cpp): reading stored rows, the checks shared
// by create, change and import, and the audit JSON of a task.
#include <string>
#include <string_view>
#include <vector>

#include "services/ledger.hpp"

namespace ecogov::ledger_rows {

/// Columns of ledger_tasks in the order task_of() reads them (prefix `t.`).
extern const std::string_view kTaskColumns;
LedgerTask task_of(const storage::Row& r);

/// Milestones of the given tasks, attached to them in seq order.
Result<void> attach_milestones(storage::Connection& c, std::vector<LedgerTask>& tasks);

/// "a\nb" <-> {"a","b"}; "3,5" <-> {3,5}.
std::string join_lines(const std::vector<std::string>& v);
std::vector<std::string> split_lines(std::string_view s);
std::string join_ids(const std::vector<std::int64_t>& v);
std::vector<std::int64_t> split_ids(std::string_view s);

/// Checks every field of `t` (categories and units must exist; milestone order and dates).
Result<void> check_task(storage::Connection& c, const LedgerTask& t);
/// Inserts milestone `m` of task `task_id` (fields not checked here); sets m.id.
Result<void> insert_milestone(storage::Connection& c, std::int64_t task_id, LedgerMilestone& m);

/// Inserts `t` (fields checked) with its milestones; returns it with ids.
Result<LedgerTask> insert_task(storage::Connection& c, LedgerTask t, const std::string& at_iso);

/// A compact JSON object of the task (audit before/after).
std::string task_json(const LedgerTask& t);

/// `ledger::Milestone`s of a stored task (for the pure domain functions).
std::vector<ledger::Milestone> domain_milestones(const LedgerTask& t);

/// Bumps ledger_state.generation in the caller's transaction (every write that changes what the
/// ledger list shows: tasks, milestones, reports, cards).
Result<void> bump_generation(storage::Connection& c);

/// "$k, $k+1, ..." for n parameters.
std::string placeholders(std::size_t first, std::size_t n);

}  // namespace ecogov::ledger_rows
