#pragma once
// `ecogov air daily`: daily values and the daily AQI per station or city, under HJ 633 or (for
// comparison) US EPA 2024; and the daily series that `ecogov air evaluate` builds on. Internal to
// cli/air_*.
#include <vector>

#include "cli/air_run.hpp"
#include "cli/output.hpp"
#include "core/result.hpp"
#include "services/air_analysis.hpp"

namespace ecogov::cli::air {

/// The daily values of the input, per station or (with --group city) per city.
Result<std::vector<DailySeries>> daily_series(RunContext& ctx);

int run_daily(RunContext& ctx, Output& out);

}  // namespace ecogov::cli::air
