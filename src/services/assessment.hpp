#pragma once
// Assessment on the platform (issue 6 items 1-3; docs/api.md "Assessment", docs/schema.md
// "Assessment"): versioned schemes, the bureau's manual indicator inputs, and runs.
//
// Contract:
// - Reads: anyone signed in. Writes (schemes, inputs, runs): admin and bureau
//   (can_write_campaign), each in one transaction with its audit entry.
// - A scheme is stored only when it parses (assessment/scheme_parser.hpp; the error names the
//   line). Saving text under an existing code adds version N+1; old versions stay.
// - A run scores the scheme version over one period (its kind must be the scheme's) for the
//   covered units (scheme unit_kind and/or codes, ordered by code), with the indicator values
//   of services/assessment_indicators.hpp and the previous period's latest run of the same
//   scheme code for the change. It stores a copy of the scheme text, every input value used
//   (with its source) and the results JSON (assessment::ranking_json). Runs are never changed:
//   correcting data and running again adds a new run.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "services/actor.hpp"
#include "services/air_queries.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct SchemeVersion {
    std::int64_t id = 0;
    std::string code;
    std::int64_t version = 0;
    std::string name;
    std::string body;
    std::string created_by;
    std::string created_at;
};

/// Parses `body` (named `code`.toml in errors); stores it as the next version of `code`.
Result<SchemeVersion> save_scheme(storage::Connection& c, const Actor& who, const std::string& code, const std::string& body,
                                  const std::string& at_iso);
/// The latest version of each code, by code.
Result<std::vector<SchemeVersion>> list_schemes(storage::Connection& c);
/// Every version of `code`, newest first.
Result<std::vector<SchemeVersion>> scheme_versions(storage::Connection& c, const std::string& code);
Result<SchemeVersion> get_scheme(storage::Connection& c, std::int64_t id);
/// Checks text without storing it (the editor's validation): ok or the line-numbered error.
Result<void> check_scheme_text(const std::string& code, const std::string& body);

struct ManualInput {
    std::int64_t unit_id = 0;
    std::string unit_code;
    std::string period;
    std::string indicator;
    std::string value;  // decimal text as stored
    std::string note;
    std::string updated_by;
    std::string updated_at;
};

/// Sets (creates or replaces) one manual value; `value` a decimal number.
Result<ManualInput> set_manual_input(storage::Connection& c, const Actor& who, ManualInput in, const std::string& at_iso);
Result<void> delete_manual_input(storage::Connection& c, const Actor& who, std::int64_t unit_id, const std::string& period,
                                 const std::string& indicator, const std::string& at_iso);
Result<std::vector<ManualInput>> list_manual_inputs(storage::Connection& c, const std::string& period);

struct RunSummary {
    std::int64_t id = 0;
    std::int64_t scheme_id = 0;
    std::string scheme_code;
    std::string period;
    std::string created_by;
    std::string created_at;
};

struct StoredRun {
    RunSummary summary;
    std::string scheme_body;
    std::string inputs_json;
    std::string results_json;
};

Result<StoredRun> run_assessment(storage::Connection& c, AirQueries& air, const Actor& who, std::int64_t scheme_id,
                                 const std::string& period, const std::string& at_iso);
/// Newest first; of one scheme code when given.
Result<std::vector<RunSummary>> list_runs(storage::Connection& c, const std::optional<std::string>& scheme_code);
Result<StoredRun> get_run(storage::Connection& c, std::int64_t id);

}  // namespace ecogov
