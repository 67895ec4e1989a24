// Problems opened by online-monitoring alarms (services/hj212_problems.hpp).
#include "services/hj212_problems.hpp"

#include "services/problems.hpp"

namespace ecogov {

Actor online_monitoring_actor() { return Actor{0, "在线监测", Role::bureau, 0}; }

Result<std::optional<std::int64_t>> CasesProblemLink::open_problem(storage::Connection& tx,
                                                                   const ProblemRequest& request) {
    NewProblem p;
    p.kind = request.kind == "扬尘" || request.kind == "dust" ? "dust" : "illegal_discharge";
    p.source = "online_monitoring";
    p.source_reference = "hj212-alarm-" + std::to_string(request.alarm_id);
    p.township_unit_id = request.unit_id;
    p.discovered_on = problems_today(clock_);
    p.description = request.title + "。" + request.description + "。在线监测报警 #" +
                    std::to_string(request.alarm_id) + " (HJ 212 alarm " +
                    std::to_string(request.alarm_id) + ")";
    p.sector = "industry";
    if (p.kind == "dust") p.sector = "construction";
    auto rec = open_problem_in(tx, clock_, online_monitoring_actor(), std::move(p));
    if (!rec) {
        // A registry the problems service refuses (e.g. the enterprise's unit is not a township)
        // is refused by validation before anything is written: the alarm stays pending link
        // rather than the frames being lost with a rolled-back batch.
        if (rec.error().code == ErrorCode::invalid_argument) return std::optional<std::int64_t>{};
        return std::unexpected(rec.error());
    }
    return std::optional<std::int64_t>{rec->id};
}

}  // namespace ecogov
