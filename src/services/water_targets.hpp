#pragma once
// The `water_attainment` target indicator (issue 8 item 5; docs/api.md "Targets", "Water and
// soil"): the share of a unit's water sections whose class over the year so far meets their
// target class, in ‰ (value ×10 like `good_ratio`: 850 = 85.0 %).
//
// Contract (kept simple on purpose):
// - The unit's sections: a bureau's are all sections, any other unit's those with its unit_id.
// - `assessed` = those sections with a class over [1 January, as-of] (services/water_classes:
//   period values of the year's samples, then the GB 3838 engine); sections without data are
//   left out of the share. `attaining` = assessed sections whose class is their target or better.
// - to_date = round_half_even(1000 · attaining / assessed); none when nothing is assessed.
// - on_track = to_date >= target. `sections_to_attain` = the least number of further assessed
//   sections that must come into attainment for the share to reach the target (0 when on
//   track); out_of_reach when that exceeds the assessed sections not yet attaining.
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/result.hpp"
#include "core/time.hpp"
#include "services/targets.hpp"
#include "standards/evaluation/target_progress.hpp"
#include "storage/database.hpp"

namespace ecogov {

inline constexpr std::string_view kWaterAttainment = "water_attainment";

struct WaterAttainmentFacts {
    int sections = 0;
    int assessed = 0;
    int attaining = 0;
};

/// Pure: progress of a target of `target_permille` from the facts.
TargetProgressResult water_attainment_result(std::int64_t target_permille,
                                             const WaterAttainmentFacts& f,
                                             std::int64_t& sections_to_attain);

/// The facts of `unit_id` (all sections when `bureau`) over `so_far` (may be empty: last < first).
Result<WaterAttainmentFacts> water_attainment_facts(storage::Connection& c, std::int64_t unit_id,
                                                    bool bureau, DateRange so_far);

}  // namespace ecogov
