#pragma once
// Internal helpers shared by the problem services (services/problems*.cpp): row mapping, id lists,
// the history writer. Not for other areas: use services/problems.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "services/problems.hpp"

namespace ecogov::problem_store {

/// "1,2,3" ↔ ids (the evidence_ids column).
std::string join_ids(const std::vector<std::int64_t>& ids);
std::vector<std::int64_t> split_ids(std::string_view text);
/// JSON array of ids ("[1,2]") ↔ ids (supervising_unit_ids column of accountability_records).
std::string json_ids(const std::vector<std::int64_t>& ids);
std::vector<std::int64_t> parse_json_ids(std::string_view text);

/// The problems matching `where` (SQL after FROM problems, with `$N` parameters), supervisors
/// and warnings filled in.
Result<std::vector<ProblemRecord>> select_problems(storage::Connection& c, std::string_view where,
                                                   std::span<const storage::SqlValue> params,
                                                   Date today);

/// Appends a history row (next seq) on the caller's open transaction; returns its id.
struct NewEvent {
    std::int64_t problem_id = 0;
    std::string event;
    std::string from_state;
    std::string to_state;
    std::string reason;
    std::string person;
    std::string detail_json = "{}";
    std::vector<std::int64_t> evidence_ids;
};
Result<std::int64_t> append_event(storage::Connection& c, const Actor& who, const NewEvent& e,
                                  const std::string& at_iso);

/// The display name of `who` (users.display_name), else the username.
Result<std::string> display_name(storage::Connection& c, const Actor& who);

/// Checks that unit `id` exists (invalid_argument naming `field` otherwise).
Result<void> unit_exists(storage::Connection& c, std::int64_t id, std::string_view field);

/// Checks and inserts a problem with its supervisors and `register` history row on the caller's
/// open transaction (no rights check, no audit entry: the callers do both).
Result<ProblemRecord> insert_problem(storage::Connection& c, const Actor& who, NewProblem p,
                                     const std::string& at, Date today);

/// Compact JSON of a problem for audit entries.
std::string audit_json(const ProblemRecord& p);

}  // namespace ecogov::problem_store
