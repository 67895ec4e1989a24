#pragma once
// `ecogov air evaluate`: the period evaluation (HJ 663) per station or city. Internal to
// cli/air_*.
#include "cli/air_command.hpp"
#include "cli/air_run.hpp"
#include "cli/output.hpp"
#include "core/result.hpp"
#include "services/air_analysis.hpp"

namespace ecogov::cli::air {

/// The composite index weights and limits of --index-weights and --index-limits.
Result<EvaluationConfig> evaluation_config(const AirOptions& o);

int run_evaluate(RunContext& ctx, Output& out, const PeriodSpec& spec,
                 const EvaluationConfig& config);

}  // namespace ecogov::cli::air
