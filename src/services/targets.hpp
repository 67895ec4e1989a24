#pragma once
// Annual targets of units and their progress (issue 3 item 8; docs/api.md "Targets",
// docs/schema.md `targets`). The arithmetic is standards/evaluation/target_progress (pure).
//
// Contract:
// - Reads: anyone signed in. Writes: admin and bureau (can_write_campaign), each in one
//   transaction with its audit entry; (unit, year, indicator) is unique (`conflict`).
// - Indicators: pm25_mean, pm10_mean (µg/m³), good_ratio (%), heavy_days (days),
//   composite_index (index), or any further name of [a-z0-9_] (1-40 characters). `value` is held
//   scaled (target_decimals(): ratio ×10, index ×100, free names ×100) and must be >= 0.
// - Progress of a unit's target: from the daily values of the unit's group of stations (a
//   township: its own non-control stations; the bureau: every non-control station) over the year
//   up to `as_of` (the last day with data, never after `today` nor outside the year).
// - `water_attainment` (‰ of the unit's water sections meeting their target class): from the
//   water samples of the year up to `today` (services/water_targets.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "services/actor.hpp"
#include "services/air_queries.hpp"
#include "standards/evaluation/target_progress.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct Target {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    int year = 0;
    std::string indicator;
    std::int64_t value = 0;  // scaled, see target_decimals()
    std::string note;
};

struct TargetProgress {
    Target target;
    int days_elapsed = 0;
    int days_remaining = 0;
    TargetProgressResult result;
    std::optional<std::int64_t> sections_to_attain;  // water_attainment (services/water_targets.hpp)
};

Result<std::vector<Target>> list_targets(storage::Connection& c, std::optional<int> year);
Result<Target> get_target(storage::Connection& c, std::int64_t id);
Result<Target> create_target(storage::Connection& c, const Actor& who, Target t, const std::string& at_iso);
Result<Target> update_target(storage::Connection& c, const Actor& who, std::int64_t id,
                             std::optional<std::int64_t> value, std::optional<std::string> note,
                             const std::string& at_iso);
Result<void> delete_target(storage::Connection& c, const Actor& who, std::int64_t id, const std::string& at_iso);

/// Progress of the targets of `year` (of one unit, or all), with data up to `as_of_limit`.
Result<std::vector<TargetProgress>> targets_progress(storage::Connection& c, AirQueries& air, int year,
                                                     std::optional<std::int64_t> unit_id, Date as_of_limit);

/// The calendar day (CST) of a Unix time in milliseconds.
Date cst_date_of_ms(std::int64_t unix_ms);

}  // namespace ecogov
