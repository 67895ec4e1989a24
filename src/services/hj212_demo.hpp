#pragma once
// Online-monitoring part of the demonstration database (issue 7 item 7): four monitored sites in
// Dengfeng townships — a power plant stack (告成镇) whose SO2 exceeds its limit for the last four
// hours (exceedance records and an open alarm, problem pending link), a cement kiln (大冶镇), the
// sewage plant outfall (嵩阳街道) that fell silent five hours ago (outage alarm) and a construction
// site dust monitor (中岳街道) with its PM10 threshold — and 48 hours of hourly (2061) uploads each,
// stored through the same ingest as the receiver (raw frames, values, alarms).
//
// Contract: deterministic for a given clock; "now" is clock.now(); the units named must exist.
#include <cstdint>
#include <map>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct Hj212DemoSummary {
    int devices = 0;
    std::int64_t frames = 0;
};

Result<Hj212DemoSummary> add_hj212_demo(storage::Connection& c, const Clock& clock, const Actor& cli,
                                        const std::string& at,
                                        const std::map<std::string, std::int64_t>& unit_by_name);

}  // namespace ecogov
