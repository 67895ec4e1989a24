#pragma once
// Water and soil sample imports (issue 8 item 5; docs/api.md "Water and soil").
//
// Contract (both imports):
// - Input: the CSV of services/water_csv.hpp (water: `section,water_body,date,item,value` with
//   `section` = a section code; soil: `plot,sample,date,ph,cd,hg,as,pb,cr,cu,ni,zn` with `plot`
//   = a plot code).
// - All or nothing: every line is checked first; any bad line (malformed, unknown section or plot,
//   a water_body other than the section's, a duplicate of an earlier line of the file, a soil
//   sample code already stored for another plot, a unit clerk's line for another unit's
//   section/plot) makes the whole request fail with every problem listed in `errors` (line,
//   column, field, message; at most kSampleErrorsListed, `error_count` counts all) and nothing
//   stored. A wrong header or a file without data lines is one error of line 1.
// - Roles: a leader may not import (`forbidden`); a unit clerk whose file names only other units'
//   sections/plots gets `forbidden` for the whole request.
// - Idempotent: rows are keyed (water: section, date, item; soil: sample code) and updated only
//   when a stored text differs, so re-importing the same file reports changed = 0.
// - Atomic: one transaction holds the import_batches row (format `water` or `soil`, sha256 of the
//   body), the rows and the audit entry (`import`, `import_batches`).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "services/actor.hpp"
#include "services/observations.hpp"
#include "storage/database.hpp"

namespace ecogov {

inline constexpr std::size_t kSampleErrorsListed = 1000;

struct SampleImportReport {
    std::int64_t batch_id = 0;  // 0 when nothing was stored
    std::int64_t accepted = 0;  // rows stored (changed or identical)
    std::int64_t changed = 0;   // rows inserted or updated
    std::int64_t error_count = 0;
    std::vector<ImportRowError> errors;  // non-empty: nothing was stored
};

Result<SampleImportReport> import_water_samples(storage::Connection& c, const Actor& who,
                                                const std::string& source, std::string_view text,
                                                const std::string& at_iso);

Result<SampleImportReport> import_soil_samples(storage::Connection& c, const Actor& who,
                                               const std::string& source, std::string_view text,
                                               const std::string& at_iso);

}  // namespace ecogov
