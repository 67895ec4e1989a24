#pragma once
// Opening a problem (整改问题) from an online-monitoring alarm (issue 7 item 4, acceptance 4): the
// seam between the HJ 212 ingest and the problems and cases service of issue 5
// (services/problems.hpp). `ecogov serve`, the demo and `ecogov hj212 ingest` use
// CasesProblemLink; PendingProblemLink remains for the benchmarks and receiver tests that measure
// the ingest alone.
//
// Contract:
// - open_problem runs inside the ingest transaction `tx` (so the alarm and its problem are stored
//   together or not at all) and returns the problem's id, or nullopt when the problem is only
//   recorded as pending (the alarm row keeps problem_status = 'pending_link').
// - kind is 违规排放 for enterprise outlets, 扬尘 for construction-site dust monitors; unit_id is
//   the township of the enterprise; source is "online monitoring" (在线监测).
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct ProblemRequest {
    std::string kind;                          // 违规排放 | 扬尘
    std::int64_t unit_id = 0;                  // township unit
    std::string title;
    std::string description;
    std::string source = "online monitoring";  // 在线监测
    std::int64_t alarm_id = 0;                 // hj212_alarms.id that asks for it
};

struct ProblemOpener {
    virtual ~ProblemOpener() = default;
    virtual Result<std::optional<std::int64_t>> open_problem(storage::Connection& tx,
                                                             const ProblemRequest& request) = 0;
};

/// No problem is created; the alarm stays "problem pending link" (待关联问题). For tests and
/// benchmarks of the ingest alone; the product uses CasesProblemLink.
struct PendingProblemLink final : ProblemOpener {
    Result<std::optional<std::int64_t>> open_problem(storage::Connection&,
                                                     const ProblemRequest&) override {
        return std::optional<std::int64_t>{};
    }
};

/// The system actor in whose name monitoring opens problems: a bureau-role actor without an account
/// (user_id 0, so audit_log.user_id and problem_events.user_id are NULL) named "在线监测"; that
/// name is what the problem's history (person and username) and the audit trail show.
Actor online_monitoring_actor();

/// The real opener: registers a problem through open_problem_in on the ingest transaction `tx`
/// (state reported, first history row `register`, audit entry `create problems`), so a rollback
/// of the ingest leaves neither alarm nor problem.
/// Mapping: kind "illegal_discharge" (违规排放) for outlets, "dust" (扬尘污染) when the request's
/// kind is 扬尘 (construction-site dust monitors); source "online_monitoring" (在线监测) with
/// source_reference "hj212-alarm-<id>"; township = the enterprise's unit (request.unit_id);
/// description = title, detail (CN, DataTime, value, limit) and the alarm id; discovered on the
/// clock's China date; severity general; responsible unit = the township (open_problem_in's default).
/// Returns the new problem's id; the ingest stores it on the alarm (problem_status 'linked').
/// When the problems service refuses the request by validation (invalid_argument, nothing
/// written: e.g. the enterprise's unit is not a township) it returns nullopt and the alarm stays
/// 'pending_link', so a registry mistake never makes the receiver drop a batch of frames.
class CasesProblemLink final : public ProblemOpener {
public:
    explicit CasesProblemLink(const Clock& clock) : clock_(clock) {}
    Result<std::optional<std::int64_t>> open_problem(storage::Connection& tx,
                                                     const ProblemRequest& request) override;

private:
    const Clock& clock_;
};

}  // namespace ecogov
