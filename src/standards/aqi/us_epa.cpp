#include "standards/aqi/us_epa.hpp"

#include <algorithm>
#include <limits>
#include <span>

namespace ecogov::us_epa {

namespace {

/// One row of Table 6 in truncated EPA units (see to_epa_units).
struct Row {
    std::int64_t c_lo, c_hi;
    int i_lo, i_hi;
};

constexpr std::array<Row, 5> kO3_8h = {{{0, 54, 0, 50},
                                        {55, 70, 51, 100},
                                        {71, 85, 101, 150},
                                        {86, 105, 151, 200},
                                        {106, 200, 201, 300}}};
constexpr std::array<Row, 4> kO3_1h = {
    {{125, 164, 101, 150}, {165, 204, 151, 200}, {205, 404, 201, 300}, {405, 604, 301, 500}}};
constexpr std::array<Row, 6> kPm25 = {{{0, 90, 0, 50},
                                       {91, 354, 51, 100},
                                       {355, 554, 101, 150},
                                       {555, 1254, 151, 200},
                                       {1255, 2254, 201, 300},
                                       {2255, 3254, 301, 500}}};
constexpr std::array<Row, 6> kPm10 = {{{0, 54, 0, 50},
                                       {55, 154, 51, 100},
                                       {155, 254, 101, 150},
                                       {255, 354, 151, 200},
                                       {355, 424, 201, 300},
                                       {425, 604, 301, 500}}};
constexpr std::array<Row, 6> kCo = {{{0, 44, 0, 50},
                                     {45, 94, 51, 100},
                                     {95, 124, 101, 150},
                                     {125, 154, 151, 200},
                                     {155, 304, 201, 300},
                                     {305, 504, 301, 500}}};
constexpr std::array<Row, 4> kSo2_1h = {
    {{0, 35, 0, 50}, {36, 75, 51, 100}, {76, 185, 101, 150}, {186, 304, 151, 200}}};
constexpr std::array<Row, 2> kSo2_24h = {{{305, 604, 201, 300}, {605, 1004, 301, 500}}};
constexpr std::array<Row, 6> kNo2 = {{{0, 53, 0, 50},
                                      {54, 100, 51, 100},
                                      {101, 360, 101, 150},
                                      {361, 649, 151, 200},
                                      {650, 1249, 201, 300},
                                      {1250, 2049, 301, 500}}};

std::span<const Row> rows_of(EpaPollutant p) noexcept {
    switch (p) {
        case EpaPollutant::o3_8h:
            return kO3_8h;
        case EpaPollutant::o3_1h:
            return kO3_1h;
        case EpaPollutant::pm25_24h:
            return kPm25;
        case EpaPollutant::pm10_24h:
            return kPm10;
        case EpaPollutant::co_8h:
            return kCo;
        case EpaPollutant::so2_1h:
            return kSo2_1h;
        case EpaPollutant::so2_24h:
            return kSo2_24h;
        case EpaPollutant::no2_1h:
            return kNo2;
    }
    return {};
}

/// Whether the last row is open upwards (extrapolated); O3 8h and SO2 1h switch column instead.
bool extrapolates(EpaPollutant p) noexcept {
    return p != EpaPollutant::o3_8h && p != EpaPollutant::so2_1h;
}

/// I_lo + (i_hi - i_lo) * (c - c_lo) / (c_hi - c_lo), rounded half up (c >= c_lo); saturates
/// at INT_MAX for absurd extrapolations.
int linear(const Row& row, std::int64_t c) noexcept {
    const std::int64_t num = static_cast<std::int64_t>(row.i_hi - row.i_lo) * (c - row.c_lo);
    const std::int64_t den = row.c_hi - row.c_lo;
    const std::int64_t index = row.i_lo + (2 * num + den) / (2 * den);
    return static_cast<int>(std::min<std::int64_t>(index, std::numeric_limits<int>::max()));
}

/// Conversion factor numerator/denominator from the scaled Chinese unit to the EPA unit.
struct Factor {
    std::int64_t num, den;
};

Factor factor_of(EpaPollutant p) noexcept {
    switch (p) {
        case EpaPollutant::o3_8h:
        case EpaPollutant::o3_1h:
            return {24450, 47997};  // µg/m³ -> ppb
        case EpaPollutant::pm25_24h:
            return {10, 1};  // µg/m³ -> 0.1 µg/m³
        case EpaPollutant::pm10_24h:
            return {1, 1};
        case EpaPollutant::co_8h:
            return {24450, 28010};  // 0.1 mg/m³ -> 0.1 ppm
        case EpaPollutant::so2_1h:
        case EpaPollutant::so2_24h:
            return {24450, 64066};  // µg/m³ -> ppb
        case EpaPollutant::no2_1h:
            return {244500, 460055};  // µg/m³ -> ppb
    }
    return {1, 1};
}

constexpr std::int64_t kSo2SwitchPpb = 305;  // 1h SO2 defines no AQI above 200 (Table 6 note)

}  // namespace

std::string_view epa_name(EpaPollutant p) noexcept {
    constexpr std::array<std::string_view, kEpaPollutantCount> names = {
        "O3_8h", "O3_1h", "PM2.5", "PM10", "CO", "SO2_1h", "SO2_24h", "NO2"};
    return names[at(p)];
}

int epa_decimals(EpaPollutant p) noexcept {
    constexpr std::array<int, kEpaPollutantCount> decimals = {3, 3, 1, 0, 1, 0, 0, 0};
    return decimals[at(p)];
}

std::string_view epa_unit(EpaPollutant p) noexcept {
    constexpr std::array<std::string_view, kEpaPollutantCount> units = {
        "ppm", "ppm", "µg/m³", "µg/m³", "ppm", "ppb", "ppb", "ppb"};
    return units[at(p)];
}

std::optional<std::int64_t> to_epa_units(EpaPollutant p, std::int32_t scaled_cn) noexcept {
    if (scaled_cn < 0) return std::nullopt;
    const Factor f = factor_of(p);
    return static_cast<std::int64_t>(scaled_cn) * f.num / f.den;  // truncation (both >= 0)
}

std::optional<int> epa_sub_index(EpaPollutant p, std::int64_t c) noexcept {
    const std::span<const Row> rows = rows_of(p);
    if (c < rows.front().c_lo) return std::nullopt;
    for (const Row& row : rows)
        if (c <= row.c_hi) return linear(row, c);
    if (!extrapolates(p)) return std::nullopt;
    return linear(rows.back(), c);
}

const EpaCategory& epa_category_for(int aqi) noexcept {
    static constexpr std::array<EpaCategory, 6> kCategories = {{
        {1, "Good", "Green", "#00E400", 0, 228, 0},
        {2, "Moderate", "Yellow", "#FFFF00", 255, 255, 0},
        {3, "Unhealthy for Sensitive Groups", "Orange", "#FF7E00", 255, 126, 0},
        {4, "Unhealthy", "Red", "#FF0000", 255, 0, 0},
        {5, "Very Unhealthy", "Purple", "#8F3F97", 143, 63, 151},
        {6, "Hazardous", "Maroon", "#7E0023", 126, 0, 35},
    }};
    if (aqi <= 50) return kCategories[0];
    if (aqi <= 100) return kCategories[1];
    if (aqi <= 150) return kCategories[2];
    if (aqi <= 200) return kCategories[3];
    if (aqi <= 300) return kCategories[4];
    return kCategories[5];
}

namespace {

/// SO2 24h sub-index, including the 1h >= 305 ppb switch (see the header contract).
std::optional<int> so2_24h_index(const EpaAqi& out) noexcept {
    const auto& c24 = out.epa_units[at(EpaPollutant::so2_24h)];
    if (!c24) return std::nullopt;
    if (*c24 >= kSo2SwitchPpb) return epa_sub_index(EpaPollutant::so2_24h, *c24);
    const auto& c1 = out.epa_units[at(EpaPollutant::so2_1h)];
    if (c1 && *c1 >= kSo2SwitchPpb) return 200;
    return std::nullopt;
}

void pick_aqi(EpaAqi& out) noexcept {
    for (int i = 0; i < kEpaPollutantCount; ++i) {
        const auto& v = out.sub_index[static_cast<std::size_t>(i)];
        if (v && (!out.aqi || *v > *out.aqi)) {
            out.aqi = v;
            out.primary = static_cast<EpaPollutant>(i);
        }
    }
    if (out.aqi) out.category = epa_category_for(*out.aqi);
}

}  // namespace

EpaAqi epa_aqi(const EpaInput& input) noexcept {
    EpaAqi out;
    for (int i = 0; i < kEpaPollutantCount; ++i) {
        const auto p = static_cast<EpaPollutant>(i);
        const auto& c = input.conc[at(p)];
        if (c) out.epa_units[at(p)] = to_epa_units(p, *c);
    }
    for (int i = 0; i < kEpaPollutantCount; ++i) {
        const auto p = static_cast<EpaPollutant>(i);
        const auto& c = out.epa_units[at(p)];
        if (c && p != EpaPollutant::so2_24h) out.sub_index[at(p)] = epa_sub_index(p, *c);
    }
    out.sub_index[at(EpaPollutant::so2_24h)] = so2_24h_index(out);
    pick_aqi(out);
    return out;
}

}  // namespace ecogov::us_epa
