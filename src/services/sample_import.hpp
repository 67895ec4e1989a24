#pragma once
// The all-or-nothing flow shared by the water and soil sample imports (services/water_import.hpp):
// internal to those two imports.
//
// import_file: a leader is refused; the import's known sections/plots are loaded; every CSV line
// is checked; a wrong header or a file without data lines is one error of line 1; a unit clerk
// whose file names only other units' sections/plots gets `forbidden`; any error returns the
// report with nothing stored; else one transaction opens the batch, stores the rows, closes the
// batch with its audit entry and commits.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.hpp"
#include "services/actor.hpp"
#include "services/water_csv.hpp"
#include "services/water_import.hpp"
#include "storage/database.hpp"

namespace ecogov::sample_batch {

/// What tells one import from the other.
struct Kind {
    std::string_view format;    // import_batches.format and the audit entry: "water", "soil"
    std::string_view entities;  // what the file's lines name, plural: "sections", "plots"
    std::string_view header;    // the CSV header line
    std::string_view upsert;    // stores one row; its parameters come from the import's `params`
};

/// Adds a problem (counts it; lists the first kSampleErrorsListed).
void add_error(SampleImportReport& r, std::size_t line, std::size_t column, std::string field,
               std::string message);

/// What the check of one file keeps besides its rows.
struct Tally {
    SampleImportReport report;
    std::int64_t own = 0;      // lines naming a section/plot of the clerk's unit
    std::int64_t foreign = 0;  // lines naming another unit's
    void error(const CsvIssue& i) { add_error(report, i.line, i.column, i.field, i.message); }
};

/// The batch row, its counts and its audit entry, in `c`'s open transaction.
Result<std::int64_t> open(storage::Connection& c, const Actor& who, const std::string& source,
                          const std::string& at_iso);
Result<void> close(storage::Connection& c, const Actor& who, const std::string& source,
                   std::string_view format, std::string_view text, const SampleImportReport& r,
                   const std::string& at_iso);

/// Refuses a leader (before anything is read).
Result<void> may_import(const Actor& who);
/// After the check: the result to return now (`forbidden` or the report of the errors), or
/// nothing when the rows are to be stored. `header` is the header problem, if any.
std::optional<Result<SampleImportReport>> verdict(const Actor& who, const Kind& kind,
                                                  const std::optional<CsvIssue>& header,
                                                  bool no_rows, Tally& check);

/// `Check` is built from the actor and what `load(c)` returns, derives from Tally, takes each data
/// line through `line(number, text)` and keeps its rows in `rows`; `params(row, batch_id)` gives
/// the parameters of `kind.upsert` for one row.
template <class Check, class Load, class Params>
Result<SampleImportReport> import_file(storage::Connection& c, const Actor& who,
                                       const std::string& source, std::string_view text,
                                       const std::string& at_iso, const Kind& kind, Load load,
                                       Params params) {
    if (auto ok = may_import(who); !ok) return std::unexpected(ok.error());
    auto known = load(c);
    if (!known) return std::unexpected(known.error());
    Check check(who, std::move(*known));
    const auto header =
        for_each_csv_line(text, kind.header, [&](int n, std::string_view l) { check.line(n, l); });
    if (auto done = verdict(who, kind, header, check.rows.empty(), check)) return std::move(*done);
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto batch = open(c, who, source, at_iso);
    if (!batch) return std::unexpected(batch.error());
    SampleImportReport& r = check.report;
    r.batch_id = *batch;
    auto st = c.prepare(kind.upsert);
    if (!st) return std::unexpected(st.error());
    for (const auto& row : check.rows) {
        const auto p = params(row, r.batch_id);
        auto n = (*st)->run(p);
        if (!n) return std::unexpected(n.error());
        ++r.accepted;
        r.changed += *n;
    }
    if (auto ok = close(c, who, source, kind.format, text, r, at_iso); !ok)
        return std::unexpected(ok.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return std::move(r);
}

}  // namespace ecogov::sample_batch
