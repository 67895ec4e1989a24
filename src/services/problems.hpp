#pragma once
// Problems and cases on the platform (issue 5 items 1-4; docs/cases.md, docs/schema.md migration
// 0004): registering problems, driving them through the lifecycle (src/cases/lifecycle.hpp) with an
// append-only history, evidence files, the responsibility matrix (三管三必须) and accountability
// records (党政同责).
//
// Contract:
// - Reading: every signed-in role reads everything.
// - Writing (403 `forbidden` otherwise):
//   * register a problem, verify, dismiss, assign, bureau_accept, return from self_accepted,
//     publish_notice, close, matrix, accountability, batch import: admin and bureau only;
//   * start_rectification, report_progress, submit, self_accept, return from submitted: the
//     responsible unit's clerk (and admin/bureau), i.e. can_write_unit(responsible_unit_id);
//   * evidence upload: the responsible unit or admin/bureau; leaders write nothing.
// - Nothing is deleted or overwritten: each state change appends one `problem_events` row (person,
//   time, reason, evidence); the problem row only caches the current state, the plan and a
//   `version` that every transition increments.
// - Optimistic versioning: a transition names the version it was decided on; when the row has
//   moved on, the transition is refused with `conflict` (409) and nothing is written.
// - The pure state machine decides (illegal event → `conflict` naming the state and event, a
//   missing guard field → `invalid_argument` naming it; own rectification → `forbidden`); close
//   additionally checks the history (cases::check_acceptances).
// - Every write appends its audit entry in the same transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "services/actor.hpp"
#include "services/attachments.hpp"
#include "storage/database.hpp"

namespace ecogov {

/// A new problem (issue 5 item 1). `code` empty → generated (P<year>-<id>); `responsible_unit_id`
/// 0 → the township; `supervising_unit_ids` nullopt → proposed by the responsibility matrix from
/// `sector`.
struct NewProblem {
    std::string code;
    std::string kind = "other";     // problem_kinds.id
    std::string source = "patrol";  // problem_sources.id
    std::string source_reference;
    std::int64_t township_unit_id = 0;
    std::string address;
    std::optional<double> longitude;
    std::optional<double> latitude;
    Date discovered_on;
    std::string description;
    std::string severity = "general";  // general | serious
    std::string sector;                // responsibility_matrix.sector, may be empty
    std::int64_t responsible_unit_id = 0;
    std::optional<std::vector<std::int64_t>> supervising_unit_ids;
    std::optional<std::int64_t> batch_id;  // set by the batch import
};

/// A stored problem with its current state and rectification plan.
struct ProblemRecord {
    std::int64_t id = 0;
    std::string code;
    std::string kind;
    std::string source;
    std::string source_reference;
    std::optional<std::int64_t> batch_id;
    std::int64_t township_unit_id = 0;
    std::string address;
    std::optional<double> longitude;
    std::optional<double> latitude;
    Date discovered_on;
    std::string description;
    std::string severity;
    std::string sector;
    std::int64_t responsible_unit_id = 0;
    std::vector<std::int64_t> supervising_unit_ids;
    std::string state;
    std::int64_t version = 1;
    std::string plan_goal;
    std::vector<std::string> plan_measures;
    std::optional<Date> deadline;
    std::string responsible_person;
    std::string created_at;
    std::string updated_at;
    std::string warning = "none";  // none | due_soon | overdue (cases::deadline_warning at today)
};

/// One row of a problem's history (problem_events), oldest first.
struct ProblemEvent {
    std::int64_t id = 0;
    std::int64_t seq = 0;
    std::string event;  // cases::event_id, or "register" / "add_evidence"
    std::string from_state;
    std::string to_state;
    std::string reason;
    std::string person;
    std::string detail_json;
    std::vector<std::int64_t> evidence_ids;  // attachments the event relies on
    std::optional<std::int64_t> user_id;
    std::string username;
    std::string at;
    std::vector<AttachmentMeta> files;  // files uploaded with this event (add_evidence)
};

/// A transition as requested (issue 5 item 2). Which fields matter depends on `event`:
/// dismiss/return `reason`; assign the plan fields; report_progress `note`; self_accept and
/// bureau_accept `person` (default: the user's display name) and `evidence_ids` (attachments of
/// this problem).
struct TransitionRequest {
    std::string event;
    std::int64_t version = 0;
    std::string reason;
    std::string note;
    std::string person;
    std::vector<std::int64_t> evidence_ids;
    std::string goal;
    std::vector<std::string> measures;
    std::optional<Date> deadline;
    std::int64_t responsible_unit_id = 0;
    std::string responsible_person;
};

struct ProblemFilter {
    std::optional<std::string> kind;
    std::optional<std::int64_t> township_unit_id;
    std::optional<std::string> state;
    std::optional<bool> overdue;
    std::optional<std::int64_t> batch_id;
};

/// Registers a problem (state `reported`, first history row `register`). Callable by other services
/// (HJ 212 monitoring opens 违规排放 problems with source "online_monitoring").
Result<ProblemRecord> open_problem(storage::Connection& c, const Clock& clock, const Actor& who,
                                   NewProblem p);
/// The same on the caller's open transaction `tx` (insert, first history row `register`, audit
/// entry; no begin/commit): the HJ 212 ingest opens a problem inside its ingest transaction so the
/// alarm and its problem are stored together or not at all. On an error the caller rolls back.
Result<ProblemRecord> open_problem_in(storage::Connection& tx, const Clock& clock,
                                      const Actor& who, NewProblem p);

Result<std::vector<ProblemRecord>> list_problems(storage::Connection& c, const ProblemFilter& f,
                                                 Date today);
Result<ProblemRecord> get_problem(storage::Connection& c, std::int64_t id, Date today);
Result<std::vector<ProblemEvent>> problem_history(storage::Connection& c, std::int64_t id);

/// Applies one lifecycle event (see the contract above); returns the problem after it.
Result<ProblemRecord> apply_transition(storage::Connection& c, const Clock& clock,
                                       const Actor& who, std::int64_t id,
                                       const TransitionRequest& t);

/// Stores an evidence file on a new `add_evidence` history row of the problem (state unchanged,
/// version unchanged).
Result<AttachmentMeta> add_problem_evidence(storage::Connection& c, const Clock& clock,
                                            const Actor& who, std::int64_t id,
                                            const UploadedFile& file,
                                            const AttachmentPolicy& policy,
                                            const std::string& note);

/// The events `who` may fire now on `p` (state and rights; guards are checked when fired).
std::vector<std::string> allowed_events(const Actor& who, const ProblemRecord& p);

/// Configurable kinds and sources (seeded by migration 4).
struct ProblemCategory {
    std::string id;
    std::string name_zh;
    std::string name_en;
    bool damage = false;  // kinds only: one of the seven damage kinds
};
Result<std::vector<ProblemCategory>> list_problem_kinds(storage::Connection& c);
Result<std::vector<ProblemCategory>> list_problem_sources(storage::Connection& c);
/// Adds a kind (admin, bureau); id 1-40 of [a-z0-9_], unique.
Result<ProblemCategory> add_problem_kind(storage::Connection& c, const Clock& clock,
                                         const Actor& who, const ProblemCategory& k);

/// Responsibility matrix (三管三必须, issue 5 item 3): sector → responsible departments.
struct MatrixEntry {
    std::string sector;  // id, e.g. "construction"
    std::string sector_zh;
    std::vector<std::int64_t> unit_ids;
};
Result<std::vector<MatrixEntry>> list_matrix(storage::Connection& c);
/// Replaces one sector's departments (admin, bureau); an empty list removes the sector.
Result<MatrixEntry> set_matrix_entry(storage::Connection& c, const Clock& clock, const Actor& who,
                                     const MatrixEntry& e);
/// The departments the matrix proposes to supervise a problem of `sector` (empty when unknown).
Result<std::vector<std::int64_t>> propose_supervisors(storage::Connection& c,
                                                      const std::string& sector);

/// Accountability record of a serious damage case (issue 5 item 4; cases::AccountabilityRecord).
struct AccountabilityEntry {
    std::int64_t id = 0;
    std::int64_t problem_id = 0;
    std::string problem_code;
    std::int64_t township_unit_id = 0;  // the problem's township
    std::string party_secretary;
    std::string township_head;
    std::vector<std::int64_t> supervising_unit_ids;
    std::string decision;
    std::optional<Date> decided_on;
    std::string document;
    std::string created_at;
};
/// Adds a record (admin, bureau) for a serious damage case (else `conflict`); validated by
/// cases::validate (党政同责: secretary and head together).
Result<AccountabilityEntry> add_accountability(storage::Connection& c, const Clock& clock,
                                               const Actor& who, AccountabilityEntry e);
Result<std::vector<AccountabilityEntry>> list_accountability(
    storage::Connection& c, std::optional<std::int64_t> problem_id);

/// Per-township statistics the assessment engine reads (issue 5 item 4, issue 6).
/// Over the problems discovered in [from, to] located in the township (属地), dismissed ones
/// excluded: `problems`; `rectified` (bureau_accepted, public_notice, closed);
/// `overdue` (still assigned/rectifying with a deadline before `to`); `rectification_rate` =
/// rectified / problems (nullopt when no problems); `complaints` (kind complaint);
/// `serious_damage_cases` (damage kind, severity serious); `accountable_cases` (those with a valid
/// accountability record); `veto` = accountable_cases > 0 (cases::veto_applies).
struct UnitProblemStatistics {
    std::int64_t unit_id = 0;
    std::int64_t problems = 0;
    std::int64_t rectified = 0;
    std::int64_t overdue = 0;
    std::optional<double> rectification_rate;
    std::int64_t complaints = 0;
    std::int64_t serious_damage_cases = 0;
    std::int64_t accountable_cases = 0;
    bool veto = false;
};
/// One entry per township unit (every township, zero counts included), by unit id.
Result<std::vector<UnitProblemStatistics>> problem_unit_statistics(storage::Connection& c,
                                                                   Date from, Date to);

/// Counts for the statistics page (issue 5 item 6) over the problems discovered in [from, to]
/// (dismissed excluded): by kind, by state and by month ("YYYY-MM"), with rectified and overdue
/// (warning at `today`) totals.
struct ProblemCount {
    std::string key;
    std::int64_t problems = 0;
    std::int64_t rectified = 0;
    std::int64_t overdue = 0;
};
struct ProblemSummary {
    std::int64_t problems = 0;
    std::int64_t rectified = 0;
    std::int64_t overdue = 0;
    std::int64_t due_soon = 0;
    std::optional<double> rectification_rate;
    std::vector<ProblemCount> by_kind;
    std::vector<ProblemCount> by_state;
    std::vector<ProblemCount> by_month;
};
Result<ProblemSummary> summarize_problems(storage::Connection& c, Date from, Date to, Date today);

/// China Standard Time date of `clock`'s now (the deadline clock of rectifications).
Date problems_today(const Clock& clock);

}  // namespace ecogov
