#pragma once
// The water and soil part of the demonstration database (issue 8 acceptance 4; called by
// services/demo_data.cpp): sections on the 颍河 through 登封 and three tributaries, one
// drinking-water source (a reservoir), monthly samples from 2025-01 through the month of
// `last_day`, five farmland soil plots with three samples each, and a `water_attainment` target
// for the bureau. Everything goes through the services (sample imports, audit trail included).
//
// Contract: deterministic (fixed seed); samples are seasonal — NH3-N, TP, COD and CODMn higher in
// the dry season (Nov–Apr) — so that some sections miss their target class in some months; one
// plot is 安全利用 and one 严格管控.
#include <cstdint>
#include <map>
#include <string>

#include "core/result.hpp"
#include "core/time.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct WaterDemoSummary {
    int sections = 0;
    std::int64_t water_samples = 0;
    int plots = 0;
    std::int64_t soil_samples = 0;
    int targets = 0;
};

Result<WaterDemoSummary> add_water_demo(storage::Connection& c, const Actor& cli,
                                        const std::string& at, std::int64_t bureau,
                                        const std::map<std::string, std::int64_t>& unit_by_name,
                                        Date last_day);

/// The monthly sample CSV the demo imports (exposed for tests).
std::string demo_water_csv(Date last_day);

}  // namespace ecogov
