#pragma once
// Daily AQI of a station, county or city: HJ 633-2012 §5.1.2 (seven indicators) and
// HJ 633-2026 §4.2.2 (six indicators: O3 daily max 1-hour no longer counts).
//
// Contract:
// - IAQIs: SO2, NO2, CO, PM10, PM2.5 24-hour means on the 24-hour columns; O3 daily max 8-hour on
//   the 8-hour column; 2012 also O3 daily max 1-hour on the 1-hour column.
// - O3 8h above 800 µg/m³: 2012 reports the O3 IAQI from the 1-hour value (Table 1 note 3), i.e.
//   the O3_8h IAQI is replaced by the O3_1h IAQI; 2026 counts it as 300 (Table 3 note c).
// - AQI = max IAQI; primary indicators when AQI > 50 (ties all listed).
// - Publication (HJ 633-2026 §5.3.1, applied to both editions, see docs/indicators.md): the AQI is
//   published when every indicator of the edition is valid, or when the AQI from the valid ones
//   is > 100. Only a published daily AQI counts as a valid day for the good-day ratio.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/pollutant.hpp"
#include "standards/aqi/rules.hpp"

namespace ecogov {

/// The daily indicators, in output order.
enum class DailyIndicator : unsigned char { so2_24h, no2_24h, co_24h, pm10_24h, pm25_24h, o3_8h_max, o3_1h_max };
inline constexpr int kDailyIndicatorCount = 7;

/// "SO2", "NO2", "CO", "PM10", "PM2.5", "O3_8h", "O3_1h" (the `primary` vocabulary of daily output).
std::string_view daily_indicator_name(DailyIndicator d) noexcept;
/// Whether the indicator is part of the daily report of `rules` (O3_1h only under 2012).
bool is_reported(RuleSet rules, DailyIndicator d) noexcept;

/// Scaled daily concentrations, indexed by DailyIndicator; nullopt = invalid or missing.
using DailyConcSet = std::array<Conc, kDailyIndicatorCount>;

/// A set of daily indicators.
class DailySet {
public:
    constexpr void add(DailyIndicator d) noexcept { bits_ = static_cast<std::uint8_t>(bits_ | (1u << static_cast<int>(d))); }
    constexpr bool contains(DailyIndicator d) const noexcept { return (bits_ >> static_cast<int>(d)) & 1u; }
    constexpr bool empty() const noexcept { return bits_ == 0; }
    constexpr bool operator==(const DailySet&) const = default;

private:
    std::uint8_t bits_ = 0;
};

struct DailyAqi {
    RuleSet rules = RuleSet::hj633_2012;
    std::array<std::optional<int>, kDailyIndicatorCount> iaqi{};
    std::optional<int> computed_aqi;  // from the valid indicators
    std::optional<int> aqi;           // published (see contract); nullopt = NA
    DailySet primary;                 // when the published AQI > 50
    DailySet over_standard;           // HJ 633-2012 only: IAQI > 100
    DailySet missing;                 // reported indicators without a valid value
};

DailyAqi daily_aqi(const DailyConcSet& concentrations, RuleSet rules) noexcept;

/// `primary` joined with "+" in DailyIndicator order, e.g. "PM10+PM2.5"; empty when none.
std::string join_names(const DailySet& set);

}  // namespace ecogov
