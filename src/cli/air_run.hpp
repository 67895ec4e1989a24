#pragma once
// What one run of `ecogov air hourly|daily|evaluate` shares: its options and rules, the issue
// log, the station ids; reading the input files into a record sink, and finishing the output.
// Internal to cli/air_*.
#include <optional>
#include <string>
#include <vector>

#include "cli/air_command.hpp"
#include "cli/air_issue_log.hpp"
#include "cli/output.hpp"
#include "core/result.hpp"
#include "ingest/hourly_reader.hpp"
#include "services/air_analysis.hpp"
#include "standards/aqi/hourly_aqi.hpp"
#include "standards/aqi/rules.hpp"

namespace ecogov::cli::air {

struct RunContext {
    const AirOptions& options;
    std::optional<RuleSet> forced_rules;
    PublicationPolicy policy;
    IssueLog log;
    StationIndex stations;
};

/// Reads every input file into `sink`. Returns false on a fatal problem (message printed).
bool read_inputs(RunContext& ctx, RecordSink& sink);

/// The station list at `path` (code, name, city, control); errors name the file and line.
Result<std::vector<StationInfo>> load_station_list(const std::string& path);

/// Commits the output and prints the issue summary: the exit status (0 clean, 1 input problems,
/// 2 output not written).
int finish_run(RunContext& ctx, Output& out);

}  // namespace ecogov::cli::air
