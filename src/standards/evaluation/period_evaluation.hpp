#pragma once
// Period evaluation of one station or city: HJ 663-2013 §5 and Appendix A, GB 3095 Table 4,
// the good-day ratio and heavy-pollution days (air.md §6.4), the ranking composite index (§6.2).
//
// Contract:
// - Input: the daily values of one station or city, one entry per date (any order; days outside
//   the period ignored). Sand-dust days are not removed: the inputs carry no such flag.
// - Means of SO2, NO2, PM10, PM2.5: arithmetic mean of the period's valid daily values, rounded
//   half-even (GB 3095 §3.11-3.13). Percentiles (A.6): SO2 and NO2 P98, PM10 and PM2.5 P95, CO P95
//   (24-hour means) and O3 P90 (daily max 8-hour). Every statistic is computed however few days
//   there are; its `valid` says whether the days meet GB 3095 Table 4 / HJ 663 §6.1.3:
//   for a month >= 27 valid days (February >= 25); for a year >= 324 and every month as above;
//   for a quarter every month as above; for another range every whole month as above and each
//   partial month >= ceil(days x 27/31) (ecogov's rule, docs/indicators.md).
// - Attainment and exceedance multiple (A.4, 2 decimals) against the grade-2 limits of the GB 3095
//   edition in force on the period's last day: means against annual limits, percentiles against
//   24-hour limits, O3 P90 against the 8-hour limit.
// - valid_days: days whose daily AQI is published; good days AQI <= 100; ratio = good/valid x 100
//   rounded half-even to 0.1 %; heavy days AQI > 200; days per category (levels 1..6).
// - Composite index from the rounded statistics (composite_index.hpp), whether valid or not;
//   nullopt when a weighted statistic has no value.
// - `valid`: every statistic above is valid.
#include <array>
#include <cstdint>
#include <optional>
#include <span>

#include "standards/averaging/station_day.hpp"
#include "standards/evaluation/composite_index.hpp"
#include "standards/evaluation/limits.hpp"

namespace ecogov {

struct Statistic {
    Conc value;                               // rounded, from the valid days however few
    Coverage coverage;                        // valid days used / days in the period
    bool valid = false;                       // meets the validity rule of the period
    std::optional<bool> attained;             // value <= its GB 3095 limit (set with `value`)
    std::optional<std::int32_t> exceedance;   // (C - S)/S x 100, when C > S (2 decimals)
};

/// The statistics of a period evaluation, in output order.
enum class PeriodStatistic : unsigned char {
    so2_mean, no2_mean, pm10_mean, pm25_mean, so2_p98, no2_p98, pm10_p95, pm25_p95, co_p95, o3_8h_p90
};
inline constexpr int kPeriodStatisticCount = 10;

struct EvaluationConfig {
    CompositeIndexConfig composite;
};

struct PeriodEvaluation {
    DateRange period;
    bool has_2012_days = false;  // some evaluated days fall under HJ 633-2012
    bool has_2026_days = false;  // some under HJ 633-2026
    Gb3095Edition limits = Gb3095Edition::gb3095_2012;
    std::array<Statistic, kPeriodStatisticCount> statistics{};  // indexed by PeriodStatistic
    int valid_days = 0;
    int good_days = 0;
    std::optional<std::int32_t> good_ratio;  // percent x 10 (0.1 % steps)
    int heavy_days = 0;
    std::array<int, 6> days_per_category{};  // level 1..6 at index 0..5
    std::optional<std::int64_t> composite_index;  // x 100
    bool valid = false;

    const Statistic& operator[](PeriodStatistic s) const noexcept {
        return statistics[static_cast<std::size_t>(s)];
    }
};

/// Whether `valid_dates` (the dates with a valid daily value; dates outside `period` and repeats
/// are ignored) meet the validity rule of the period (see contract). The period's kind is read from
/// its dates: a calendar year also needs >= 324 days; whole calendar months need 27 (February 25,
/// also in a leap year); a partial month needs ceil(days x 27/31).
bool period_days_sufficient(DateRange period, std::span<const Date> valid_dates) noexcept;

PeriodEvaluation evaluate_period(std::span<const DailyValues> days, DateRange period,
                                 const EvaluationConfig& config = {});

}  // namespace ecogov
