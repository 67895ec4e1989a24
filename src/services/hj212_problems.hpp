#pragma once
// Opening a problem (整改问题) from an online-monitoring alarm (issue 7 item 4). The problems and
// cases service of issue 5 is built on another branch; this interface is the seam the lead wires
// to it after merging.
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

#include "core/result.hpp"
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

/// Default: no problem is created; the alarm stays "problem pending link" (待关联问题) for the lead
/// to link once the cases service is merged.
struct PendingProblemLink final : ProblemOpener {
    Result<std::optional<std::int64_t>> open_problem(storage::Connection&,
                                                     const ProblemRequest&) override {
        return std::optional<std::int64_t>{};
    }
};

}  // namespace ecogov
