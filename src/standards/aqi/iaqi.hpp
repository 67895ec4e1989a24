#pragma once
// Individual AQI (IAQI): HJ 633-2012 §4.2 formula (1) with Table 1, HJ 633-2026 §4.2 with Table 3.
//
// Contract: the concentration is the scaled integer of pollutant.hpp (µg/m³, CO in 0.1 mg/m³),
// already rounded per GB/T 8170. IAQI = IAQI_Lo + ceil((IAQI_Hi-IAQI_Lo)*(C-BP_Lo)/(BP_Hi-BP_Lo))
// in exact integer arithmetic (§6.2 / §4.2.6 "全部进位取整数"), so CO 1h 65.4 gives 218, not 219.
// Above the column's top breakpoint the IAQI is 500, as officially published.
#include <cstdint>
#include <optional>

#include "standards/aqi/rules.hpp"

namespace ecogov {

/// A concentration column of the IAQI table.
enum class IaqiColumn : unsigned char {
    so2_24h,
    so2_1h,
    no2_24h,
    no2_1h,
    co_24h,
    co_1h,
    o3_1h,
    o3_8h,
    pm10_24h,  // 24-hour / 日平均 column; also used for 1-hour PM10 (2026 §4.2.3, and 2012 practice)
    pm25_24h,  // likewise for PM2.5
};

/// IAQI on `column` of the `rules` table for a scaled concentration >= 0.
/// Returns nullopt where the table defines no value: SO2 1h above 800 µg/m³ and O3 8h above
/// 800 µg/m³ (notes 2 and 3 of 2012 Table 1, b and c of 2026 Table 3); callers apply the rule
/// set's special case. Negative concentrations also give nullopt.
std::optional<int> iaqi(RuleSet rules, IaqiColumn column, std::int32_t scaled) noexcept;

/// Concentration at IAQI 100 on `column` (the grade-2 limit the AQI is built on), scaled.
std::int32_t breakpoint_at_100(RuleSet rules, IaqiColumn column) noexcept;

}  // namespace ecogov
