#pragma once
// US EPA Air Quality Index, 2024 revision, as a secondary scheme for Chinese monitoring data.
// Source: EPA-454/B-24-002 (May 2024), "Technical Assistance Document for the Reporting of Daily
// Air Quality - the Air Quality Index (AQI)", Table 6 (breakpoints) and its truncation and
// rounding rules (standards/air.md §8). Pure: no I/O, no clock, no globals.
//
// Contract:
// - Inputs are the scaled Chinese integers of core/pollutant.hpp (µg/m³ integer; CO 0.1 mg/m³).
//   Gases are converted at 25 °C and 1 atm (molar volume 24.45 L/mol; the Chinese reference state
//   since 2018-09-01): ppb = µg/m³ × 24.45 / M with M = SO2 64.066, NO2 46.0055, O3 47.997,
//   CO 28.010 g/mol (CO: mg/m³ to ppm). The result is TRUNCATED to the EPA digits (O3 0.001 ppm,
//   PM2.5 0.1 µg/m³, PM10 1 µg/m³, CO 0.1 ppm, SO2 and NO2 1 ppb) in exact integer arithmetic.
// - Sub-index: I = I_Lo + (I_Hi − I_Lo)/(BP_Hi − BP_Lo) × (C − BP_Lo), rounded half up to an
//   integer (exact integer arithmetic). Table 6 rows leave no gaps at the truncated digits.
// - O3: the 8-hour value defines the index only up to 0.200 ppm (AQI 300); above that the O3
//   index comes from the 1-hour value, and the 8-hour value gives none. The 1-hour value defines
//   an index only from 0.125 ppm (AQI 101) up; below that it gives none (the 8-hour one counts).
//   When both give an index, both count and the larger one wins (TAD: report the maximum).
// - SO2: the 1-hour value defines the index only below 305 ppb (AQI <= 200). At 305 ppb and above
//   the 24-hour value is used on its rows (305-604 ppb -> 201-300, 605-1004 -> 301-500); if that
//   24-hour value is below 305 ppb the SO2 index is 200 (the highest the 1-hour value can define);
//   if it is missing there is no SO2 index. A 24-hour value >= 305 ppb always gives an index.
// - Above the AQI-500 concentration (O3 1h 0.604 ppm, PM2.5 325.4, PM10 604, CO 50.4 ppm,
//   SO2 24h 1004 ppb, NO2 2049 ppb) the index is extrapolated with the 301-500 slope (so it
//   exceeds 500; China caps at 500, the EPA does not).
// - AQI = largest sub-index; the primary pollutant is the one that gives it (on a tie the first
//   in EpaPollutant order). Category 1..6 from the AQI, with the US colours (purple 143,63,151).
// - Negative or missing inputs give no converted value and no sub-index.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ecogov::us_epa {

/// The averaging-time columns of Table 6 (O3 and SO2 have two).
enum class EpaPollutant : unsigned char {
    o3_8h,
    o3_1h,
    pm25_24h,
    pm10_24h,
    co_8h,
    so2_1h,
    so2_24h,
    no2_1h
};
inline constexpr int kEpaPollutantCount = 8;

/// Index of `p` in the per-pollutant arrays below.
constexpr std::size_t at(EpaPollutant p) noexcept {
    return static_cast<std::size_t>(p);
}

/// "O3_8h", "O3_1h", "PM2.5", "PM10", "CO", "SO2_1h", "SO2_24h", "NO2".
std::string_view epa_name(EpaPollutant p) noexcept;

/// Digits after the point of the EPA reporting unit of `p` (O3 3 in ppm, PM2.5 1, CO 1, others 0).
int epa_decimals(EpaPollutant p) noexcept;

/// "ppm" (O3, CO), "µg/m³" (PM), "ppb" (SO2, NO2).
std::string_view epa_unit(EpaPollutant p) noexcept;

/// Converts a scaled Chinese concentration (>= 0) into the truncated EPA value, as an integer
/// count of the last EPA digit: O3 in 0.001 ppm (= ppb), PM2.5 in 0.1 µg/m³, PM10 in µg/m³,
/// CO in 0.1 ppm, SO2 and NO2 in ppb. Negative input gives nullopt.
std::optional<std::int64_t> to_epa_units(EpaPollutant p, std::int32_t scaled_cn) noexcept;

/// Sub-index of a truncated EPA value (units of to_epa_units) on the Table 6 rows of `p`, rounded
/// half up; extrapolated above AQI 500. nullopt where the column defines none: O3 8h above
/// 0.200 ppm, O3 1h below 0.125 ppm, SO2 1h at or above 305 ppb, SO2 24h below 305 ppb, negative.
std::optional<int> epa_sub_index(EpaPollutant p, std::int64_t epa_units) noexcept;

/// An AQI category of Table 6 with its colour (TAD colour table, RGB).
struct EpaCategory {
    int level;                    // 1..6
    std::string_view name;        // "Good" ... "Hazardous"
    std::string_view colour;      // "Green" ... "Maroon"
    std::string_view colour_hex;  // "#00E400" ...
    unsigned char r, g, b;
};

/// Category of an AQI >= 0 (anything above 300 is Hazardous).
const EpaCategory& epa_category_for(int aqi) noexcept;

/// Concentrations in the scaled Chinese units, indexed by `at(EpaPollutant)`; nullopt = missing.
/// O3 8h/1h are the daily max 8-hour and 1-hour values, PM the 24-hour means, CO the 8-hour
/// value, SO2 1h the 1-hour (daily max) value and SO2 24h the 24-hour mean, NO2 the 1-hour value.
struct EpaInput {
    std::array<std::optional<std::int32_t>, kEpaPollutantCount> conc{};
};

/// The EPA AQI of one EpaInput (see the contract above).
struct EpaAqi {
    std::array<std::optional<std::int64_t>, kEpaPollutantCount> epa_units{};  // truncated values
    std::array<std::optional<int>, kEpaPollutantCount> sub_index{};
    std::optional<int> aqi;               // nullopt when no sub-index exists
    std::optional<EpaPollutant> primary;  // the pollutant giving the AQI
    std::optional<EpaCategory> category;  // from `aqi`
};

EpaAqi epa_aqi(const EpaInput& input) noexcept;

}  // namespace ecogov::us_epa
