#pragma once
// Hourly observations: import (issue 3 item 6) and read-back (docs/api.md "Monitoring data").
//
// Import contract:
// - Input: any file `ecogov air` reads (china_sites, CNEMC, PRSA; format from the header unless
//   given), fed in chunks split anywhere. Station codes map to `stations.code`; a record of an
//   unknown station is rejected ("unknown station X"); a unit clerk may import only the stations of
//   their unit (else "station X belongs to another unit"; `forbidden` when none of the batch's
//   stations is theirs); a leader may not import at all.
// - A record whose six values are all missing is skipped (not stored, not counted). A bad cell is
//   reported and stored as missing; a malformed line is reported and rejected; a bad header fails
//   the batch (`bad_data`).
// - Idempotent: INSERT ... ON CONFLICT (station_id, label) DO UPDATE only WHERE a value differs,
//   so re-importing the same data reports changed = 0.
// - Atomic per batch: one transaction holds the import_batches row, the observations and the audit
//   entry; any storage error rolls everything back. The report lists the first 100 problems
//   (line, column, field, message); `error_count` counts them all.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/pollutant.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "ingest/hourly_reader.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

inline constexpr std::size_t kImportErrorsListed = 100;

struct ImportRowError {
    std::size_t line = 0;
    std::size_t column = 0;
    std::string field;
    std::string message;
};

struct ImportReport {
    std::int64_t batch_id = 0;
    std::string format;
    std::int64_t accepted = 0;  // records stored (changed or identical)
    std::int64_t rejected = 0;  // records or lines refused
    std::int64_t changed = 0;   // rows inserted or updated
    std::int64_t error_count = 0;
    std::vector<ImportRowError> errors;  // the first kImportErrorsListed
};

struct ImportOptions {
    std::string source;                 // file name recorded in import_batches
    std::optional<InputFormat> format;  // nullopt: recognised from the header
};

/// One batch in progress. Holds an open transaction on `c` until finish() or destruction
/// (which rolls back).
class ObservationImport {
public:
    static Result<std::unique_ptr<ObservationImport>> start(storage::Connection& c, const Actor& who,
                                                            ImportOptions options, std::string at_iso);
    virtual ~ObservationImport() = default;
    /// Feeds the next chunk; an error (storage, bad header) ends the batch.
    virtual Result<void> feed(std::string_view chunk) = 0;
    /// Flushes, records the batch and its audit entry and commits.
    virtual Result<ImportReport> finish() = 0;
};

/// The whole import of `text` as one batch.
Result<ImportReport> import_observations(storage::Connection& c, const Actor& who, const ImportOptions& options,
                                         std::string_view text, const std::string& at_iso);

/// One stored station-hour.
struct StoredHour {
    HourLabel label;
    ConcSet values;
};

/// The stored hours of a station with first <= label <= last, ascending.
Result<std::vector<StoredHour>> load_hours(storage::Connection& c, std::int64_t station_id, HourLabel first,
                                           HourLabel last);

/// The latest stored label (any station), nullopt when there are no observations.
Result<std::optional<HourLabel>> latest_label(storage::Connection& c);

}  // namespace ecogov
