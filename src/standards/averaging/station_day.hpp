#pragma once
// Daily values of one station: GB 3095-2012 §3.9/§3.10 and Table 4, HJ 663-2013 Table A.1 and
// §6.1.2, HJ 633-2012 §5.1.2 / HJ 633-2026 §4.2.2.
//
// Contract:
// - Input: the 24 hourly values of natural day D, index h-1 for label h (01:00 ... 24:00; label
//   24:00 is D+1 00:00 on the clock). Values are scaled and already rounded (pollutant.hpp).
// - 24-hour means (SO2, NO2, CO, PM10, PM2.5): valid with >= 20 valid hours; mean of the valid
//   hours rounded half-even to the pollutant's unit. Coverage = hours used / 24.
// - O3 8-hour moving mean at label X: mean of labels X-7 ... X, valid with >= 6 of 8, rounded
//   half-even. Daily max 8-hour: max over the windows labelled 08:00 ... 24:00 (17 windows,
//   all inside the day); valid with >= 14 valid windows, or with fewer when the max exceeds
//   160 µg/m³ (HJ 663-2013 §6.1.2). Coverage = valid windows / 17.
// - O3 daily max 1-hour (HJ 633-2012 daily report): max of the valid hours, valid with >= 20 valid
//   hours (ecogov's rule; no standard states one). Coverage = hours used / 24.
// - Extra daily statistics for the US EPA comparison (not HJ 633): CO max 8-hour (same 17 windows,
//   >= 6 of 8 hours each, >= 14 valid windows; no exceedance exception since GB 3095 has no CO
//   8-hour limit), SO2 and NO2 max 1-hour (>= 20 valid hours).
// - Each mean is computed on the exact rational sum/count and rounded once (no rounding of a
//   rounded value); the 8-hour means are rounded before their maximum is taken.
// - Invalid values carry no value, only their coverage. The daily AQI is daily_aqi() of the values.
#include <array>
#include <cstdint>
#include <span>

#include "core/pollutant.hpp"
#include "core/time.hpp"
#include "standards/aqi/daily_aqi.hpp"

namespace ecogov {

/// How many inputs a derived value used, of how many expected.
struct Coverage {
    std::uint16_t used = 0;
    std::uint16_t expected = 0;
    bool operator==(const Coverage&) const = default;
};

/// A derived concentration with its coverage; `value` is set only when the value is valid.
struct CoveredConc {
    Conc value;
    Coverage coverage;
    bool operator==(const CoveredConc&) const = default;
};

/// The hourly values of a station's natural day: index h-1 holds label h.
struct StationDayHours {
    std::array<ConcSet, 24> hours{};
};

struct DailyValues {
    Date date;
    RuleSet rules = RuleSet::hj633_2012;
    std::array<CoveredConc, kDailyIndicatorCount> values{};  // indexed by DailyIndicator
    CoveredConc co_8h_max;                                    // US EPA comparison only
    CoveredConc so2_1h_max;                                   // US EPA comparison only
    CoveredConc no2_1h_max;                                   // US EPA comparison only
    DailyAqi aqi;

    const CoveredConc& operator[](DailyIndicator d) const noexcept {
        return values[static_cast<std::size_t>(d)];
    }
    /// Every indicator reported under `rules` is valid.
    bool complete() const noexcept;
};

/// Mean of the valid values when at least `min_valid` are present, rounded half-even.
CoveredConc covered_mean(std::span<const Conc> values, int min_valid) noexcept;

/// 8-hour moving mean of 8 consecutive hourly values (>= 6 valid).
Conc eight_hour_mean(std::span<const Conc, 8> window) noexcept;

/// Daily values and AQI of one station-day under `rules` (normally rules_for_day(day)).
DailyValues station_daily_values(Date day, const StationDayHours& hours, RuleSet rules) noexcept;

}  // namespace ecogov
