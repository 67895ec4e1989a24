#pragma once
// `ecogov air hourly`: the AQI of every station-hour, under HJ 633 or (for comparison) US EPA
// 2024. Internal to cli/air_*.
#include "cli/air_run.hpp"
#include "cli/output.hpp"

namespace ecogov::cli::air {

int run_hourly(RunContext& ctx, Output& out);

}  // namespace ecogov::cli::air
