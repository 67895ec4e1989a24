#pragma once
// Air-quality answers over stored observations (issue 3 item 5/9; docs/api.md "Air quality").
// Every number comes from src/standards through the `ecogov air` pipeline pieces (DailyBuilder,
// by_city, evaluate): nothing of a standard is re-implemented here.
//
// Contract:
// - Hourly rows: hourly_aqi() of each stored hour under rules_for_hour(), with the SO2 24-hour
//   moving mean (>= 20 of the last 24 hours) for the HJ 633-2012 SO2 > 800 case.
// - Station daily values: DailyBuilder over the station's stored hours, per natural day.
// - Group (city or unit) daily values: city_daily_values() over the group's non-control stations
//   (via by_city), the station count being the group's non-control stations.
// - Evaluation: evaluate() (HJ 663 period evaluation) of a station's or city's daily values.
// - Cache: daily values per (station, year) are kept in memory, shared by all threads, and dropped
//   when the data version changes: data_changed() (called after every import or station change
//   through the API) or a new import batch in the database (a command-line import), which is
//   looked for at most every 250 ms so that a cached answer costs no query.
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "services/air_analysis.hpp"
#include "services/stations.hpp"
#include "standards/aqi/hourly_aqi.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct HourlyAqiRow {
    HourLabel label;
    ConcSet values;
    HourlyAqi aqi;
};

class AirQueries {
public:
    AirQueries() = default;
    AirQueries(const AirQueries&) = delete;
    AirQueries& operator=(const AirQueries&) = delete;

    /// Bumps the data version: cached daily values and answers are recomputed on next use.
    /// Called after every import, station or target change made through the API.
    void data_changed();
    std::uint64_t version() const;
    /// The cache generation after checking the database for import batches made by another
    /// process: it changes whenever cached answers must be recomputed.
    Result<std::uint64_t> generation(storage::Connection& c);
    /// A rendered answer (e.g. the overview JSON) cached under `key` for `generation`.
    std::optional<std::string> cached_answer(const std::string& key, std::uint64_t generation) const;
    void store_answer(const std::string& key, std::uint64_t generation, std::string body);

    Result<std::vector<HourlyAqiRow>> hourly(storage::Connection& c, const Station& s, DateRange days);
    Result<std::vector<DailyValues>> station_daily(storage::Connection& c, const Station& s, DateRange days);
    /// Daily values of the group formed by `stations` (control points excluded).
    Result<std::vector<DailyValues>> group_daily(storage::Connection& c, const std::vector<Station>& stations,
                                                 DateRange days);
    /// The stations of `city` (not_found when it has none) and their group daily values.
    Result<std::vector<DailyValues>> city_daily(storage::Connection& c, const std::string& city, DateRange days);
    /// Period evaluation of one named series; `days` bounds the data used (a year, or the range).
    std::vector<SeriesEvaluation> evaluation(const std::string& name, std::vector<DailyValues> days,
                                             const PeriodSpec& spec) const;

private:
    using Days = std::shared_ptr<const std::vector<DailyValues>>;
    Result<Days> station_year(storage::Connection& c, const Station& s, int year);
    Result<void> check_version(storage::Connection& c);

    mutable std::mutex mutex_;
    std::uint64_t counter_ = 0;
    std::uint64_t cached_counter_ = 0;
    std::int64_t cached_batch_ = -1;
    std::map<std::pair<std::int64_t, int>, Days> cache_;
    std::uint64_t generation_ = 0;
    static constexpr std::chrono::milliseconds kBatchCheckInterval{250};
    std::chrono::steady_clock::time_point last_batch_check_{};
    std::map<std::string, std::pair<std::uint64_t, std::string>> answers_;
};

/// The days of `range` clipped to the calendar year `year`.
std::optional<DateRange> clip_to_year(DateRange range, int year);

}  // namespace ecogov
