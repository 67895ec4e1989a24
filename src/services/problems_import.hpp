#pragma once
// Bulk import of an inspection batch of problems (issue 5 item 5; docs/cases.md "Batch import"):
// a CSV text (an XLSX sheet is converted first, so CSV line N is spreadsheet row N).
//
// Contract:
// - admin and bureau only (else `forbidden`).
// - Header (line 1), exactly: code,kind,township,address,discovered_on,description,severity,sector
//   kind: a problem_kinds id or its Chinese name; township: a township unit's name or code;
//   discovered_on YYYY-MM-DD; severity general|serious|一般|严重 (empty = general); code and
//   sector may be empty (a code is generated; supervisors come from the matrix by sector).
// - All or nothing: every line is checked first; any error → the report lists every bad line
//   (line, column, field, message) and nothing is stored. Else one transaction stores the batch
//   (problem_batches), its problems (state reported, source_reference = batch code) and one
//   audit entry.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "services/observations.hpp"
#include "services/problems.hpp"

namespace ecogov {

/// The batch the rows belong to (from the request).
struct ProblemBatchInfo {
    std::string code;   // e.g. 中央第二轮督察反馈-2026-03, 1-80 bytes, unique
    std::string title;  // free text; empty → code
    std::string source = "inspection_batch";
    Date received_on;
};

struct ProblemImportReport {
    std::int64_t batch_id = 0;  // 0 when nothing was stored
    std::int64_t imported = 0;
    std::int64_t error_count = 0;
    std::vector<ImportRowError> errors;  // non-empty: nothing was stored
};

inline constexpr std::string_view kProblemCsvHeader =
    "code,kind,township,address,discovered_on,description,severity,sector";

Result<ProblemImportReport> import_problem_batch(storage::Connection& c, const Clock& clock,
                                                 const Actor& who, const ProblemBatchInfo& batch,
                                                 std::string_view csv);

/// A stored batch with its progress (for the rectification report).
struct ProblemBatch {
    std::int64_t id = 0;
    std::string code;
    std::string title;
    std::string source;
    Date received_on;
    std::int64_t problems = 0;
    std::string imported_at;
};
Result<std::vector<ProblemBatch>> list_problem_batches(storage::Connection& c);
Result<ProblemBatch> get_problem_batch(storage::Connection& c, std::int64_t id);

}  // namespace ecogov
