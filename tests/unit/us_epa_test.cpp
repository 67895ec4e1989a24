// US EPA AQI 2024 (EPA-454/B-24-002, Table 6): breakpoint rows, unit conversion and truncation,
// the TAD worked example, the O3 8h -> 1h and SO2 1h -> 24h switches, extrapolation, categories.
// Expected conversions were checked with exact rationals (24.45 / M, floor).
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "standards/aqi/us_epa.hpp"

namespace ecogov::us_epa {
namespace {

using P = EpaPollutant;

struct RowCase {
    P pollutant;
    std::int64_t c_lo, c_hi;  // truncated EPA units
    int i_lo, i_hi;
};

// Table 6, one line per row (O3 in ppb = 0.001 ppm, PM2.5 and CO in tenths).
constexpr RowCase kTable6[] = {
    {P::o3_8h, 0, 54, 0, 50},
    {P::o3_8h, 55, 70, 51, 100},
    {P::o3_8h, 71, 85, 101, 150},
    {P::o3_8h, 86, 105, 151, 200},
    {P::o3_8h, 106, 200, 201, 300},
    {P::o3_1h, 125, 164, 101, 150},
    {P::o3_1h, 165, 204, 151, 200},
    {P::o3_1h, 205, 404, 201, 300},
    {P::o3_1h, 405, 604, 301, 500},
    {P::pm25_24h, 0, 90, 0, 50},
    {P::pm25_24h, 91, 354, 51, 100},
    {P::pm25_24h, 355, 554, 101, 150},
    {P::pm25_24h, 555, 1254, 151, 200},
    {P::pm25_24h, 1255, 2254, 201, 300},
    {P::pm25_24h, 2255, 3254, 301, 500},
    {P::pm10_24h, 0, 54, 0, 50},
    {P::pm10_24h, 55, 154, 51, 100},
    {P::pm10_24h, 155, 254, 101, 150},
    {P::pm10_24h, 255, 354, 151, 200},
    {P::pm10_24h, 355, 424, 201, 300},
    {P::pm10_24h, 425, 604, 301, 500},
    {P::co_8h, 0, 44, 0, 50},
    {P::co_8h, 45, 94, 51, 100},
    {P::co_8h, 95, 124, 101, 150},
    {P::co_8h, 125, 154, 151, 200},
    {P::co_8h, 155, 304, 201, 300},
    {P::co_8h, 305, 504, 301, 500},
    {P::so2_1h, 0, 35, 0, 50},
    {P::so2_1h, 36, 75, 51, 100},
    {P::so2_1h, 76, 185, 101, 150},
    {P::so2_1h, 186, 304, 151, 200},
    {P::so2_24h, 305, 604, 201, 300},
    {P::so2_24h, 605, 1004, 301, 500},
    {P::no2_1h, 0, 53, 0, 50},
    {P::no2_1h, 54, 100, 51, 100},
    {P::no2_1h, 101, 360, 101, 150},
    {P::no2_1h, 361, 649, 151, 200},
    {P::no2_1h, 650, 1249, 201, 300},
    {P::no2_1h, 1250, 2049, 301, 500},
};

TEST(EpaTable6, EveryRowEndsOnItsIndexBounds) {
    for (const RowCase& r : kTable6) {
        SCOPED_TRACE(std::string(epa_name(r.pollutant)) + " " + std::to_string(r.c_lo));
        EXPECT_EQ(epa_sub_index(r.pollutant, r.c_lo), r.i_lo);
        EXPECT_EQ(epa_sub_index(r.pollutant, r.c_hi), r.i_hi);
    }
}

TEST(EpaTable6, RoundsHalfUp) {
    EXPECT_EQ(epa_sub_index(P::o3_8h, 78), 126);     // 125.5 -> 126 (TAD example)
    EXPECT_EQ(epa_sub_index(P::o3_8h, 72), 105);     // 104.5 -> 105
    EXPECT_EQ(epa_sub_index(P::co_8h, 11), 13);      // 12.5 -> 13
    EXPECT_EQ(epa_sub_index(P::no2_1h, 505), 176);   // 175.5 -> 176
    EXPECT_EQ(epa_sub_index(P::pm25_24h, 200), 71);  // 51 + 49*109/263 = 71.31 -> 71
    EXPECT_EQ(epa_sub_index(P::pm10_24h, 100), 73);  // 51 + 49*45/99 = 73.27 -> 73
}

TEST(EpaTable6, ColumnsWithoutIndex) {
    EXPECT_EQ(epa_sub_index(P::o3_8h, 201), std::nullopt);    // > 0.200 ppm: use 1h
    EXPECT_EQ(epa_sub_index(P::o3_1h, 124), std::nullopt);    // < 0.125 ppm: 8h only
    EXPECT_EQ(epa_sub_index(P::so2_1h, 305), std::nullopt);   // >= 305 ppb: use 24h
    EXPECT_EQ(epa_sub_index(P::so2_24h, 304), std::nullopt);  // 24h only defines >= 201
    EXPECT_EQ(epa_sub_index(P::pm25_24h, -1), std::nullopt);
}

TEST(EpaTable6, ExtrapolatesAbove500WithThe301To500Slope) {
    EXPECT_EQ(epa_sub_index(P::pm25_24h, 4000), 649);  // 301 + 199*1745/999 = 648.6
    EXPECT_EQ(epa_sub_index(P::pm10_24h, 700), 607);   // 301 + 199*275/179 = 606.7
    EXPECT_EQ(epa_sub_index(P::o3_1h, 662), 558);
    EXPECT_EQ(epa_sub_index(P::co_8h, 505), 501);
    EXPECT_EQ(epa_sub_index(P::pm25_24h, 20'000'000'000), std::numeric_limits<int>::max());
}

TEST(EpaConversion, TruncatesInExactArithmetic) {
    EXPECT_EQ(to_epa_units(P::o3_8h, 153), 77);    // 77.94 ppb: truncated, not rounded
    EXPECT_EQ(to_epa_units(P::o3_8h, 154), 78);    // 78.45 ppb
    EXPECT_EQ(to_epa_units(P::o3_1h, 796), 405);   // 405.49 ppb
    EXPECT_EQ(to_epa_units(P::so2_1h, 799), 304);  // 304.93 ppb
    EXPECT_EQ(to_epa_units(P::so2_1h, 800), 305);  // 305.31 ppb
    EXPECT_EQ(to_epa_units(P::so2_24h, 1000), 381);
    EXPECT_EQ(to_epa_units(P::no2_1h, 100), 53);  // 53.15 ppb
    EXPECT_EQ(to_epa_units(P::no2_1h, 101), 53);  // 53.68 ppb: rounding would give 54
    EXPECT_EQ(to_epa_units(P::no2_1h, 1000), 531);
    EXPECT_EQ(to_epa_units(P::co_8h, 10), 8);       // 1.0 mg/m³ = 0.873 ppm -> 0.8
    EXPECT_EQ(to_epa_units(P::co_8h, 100), 87);     // 10.0 mg/m³ = 8.729 ppm -> 8.7
    EXPECT_EQ(to_epa_units(P::co_8h, 574), 501);    // 57.4 mg/m³ = 50.10 ppm
    EXPECT_EQ(to_epa_units(P::pm25_24h, 35), 350);  // 35 µg/m³ = 35.0
    EXPECT_EQ(to_epa_units(P::pm10_24h, 150), 150);
    EXPECT_EQ(to_epa_units(P::o3_8h, -1), std::nullopt);
}

TEST(EpaConversion, UnitsAndDigits) {
    EXPECT_EQ(epa_decimals(P::o3_8h), 3);
    EXPECT_EQ(epa_decimals(P::pm25_24h), 1);
    EXPECT_EQ(epa_decimals(P::pm10_24h), 0);
    EXPECT_EQ(epa_decimals(P::co_8h), 1);
    EXPECT_EQ(epa_decimals(P::so2_1h), 0);
    EXPECT_EQ(epa_unit(P::co_8h), "ppm");
    EXPECT_EQ(epa_unit(P::no2_1h), "ppb");
}

EpaInput only(P p, std::int32_t scaled) {
    EpaInput in;
    in.conc[at(p)] = scaled;
    return in;
}

TEST(EpaAqi, TadWorkedExampleO3) {
    // 154 µg/m³ = 0.07845 ppm -> truncated 0.078 -> 125.5 -> 126 (TAD: 0.07853333 -> 126).
    const EpaAqi r = epa_aqi(only(P::o3_8h, 154));
    EXPECT_EQ(r.epa_units[at(P::o3_8h)], 78);
    EXPECT_EQ(r.aqi, 126);
    EXPECT_EQ(r.primary, P::o3_8h);
    ASSERT_TRUE(r.category.has_value());
    EXPECT_EQ(r.category->level, 3);
    EXPECT_EQ(r.category->name, "Unhealthy for Sensitive Groups");
}

TEST(EpaAqi, O3EightHourAbove0200UsesOneHour) {
    EpaInput in = only(P::o3_8h, 394);  // 0.200 ppm
    EXPECT_EQ(epa_aqi(in).aqi, 300);
    in.conc[at(P::o3_8h)] = 395;  // 0.201 ppm: no 8h index
    EXPECT_EQ(epa_aqi(in).aqi, std::nullopt);
    in.conc[at(P::o3_1h)] = 796;  // 0.405 ppm
    const EpaAqi r = epa_aqi(in);
    EXPECT_EQ(r.sub_index[at(P::o3_8h)], std::nullopt);
    EXPECT_EQ(r.aqi, 301);
    EXPECT_EQ(r.primary, P::o3_1h);
}

TEST(EpaAqi, O3OneHourBelow0125HasNoIndex) {
    EpaInput in = only(P::o3_8h, 154);
    in.conc[at(P::o3_1h)] = 245;  // 0.124 ppm
    EXPECT_EQ(epa_aqi(in).sub_index[at(P::o3_1h)], std::nullopt);
    EXPECT_EQ(epa_aqi(in).aqi, 126);
    in.conc[at(P::o3_1h)] = 246;  // 0.125 ppm -> 101; the 8h index (126) is larger
    EXPECT_EQ(epa_aqi(in).sub_index[at(P::o3_1h)], 101);
    EXPECT_EQ(epa_aqi(in).aqi, 126);
    EXPECT_EQ(epa_aqi(in).primary, P::o3_8h);
}

TEST(EpaAqi, So2OneHourAt305UsesTwentyFourHour) {
    EXPECT_EQ(epa_aqi(only(P::so2_1h, 799)).aqi, 200);           // 304 ppb on the 1h rows
    EXPECT_EQ(epa_aqi(only(P::so2_1h, 800)).aqi, std::nullopt);  // 305 ppb, no 24h value
    EpaInput in = only(P::so2_1h, 800);
    in.conc[at(P::so2_24h)] = 1000;  // 381 ppb
    const EpaAqi r = epa_aqi(in);
    EXPECT_EQ(r.sub_index[at(P::so2_1h)], std::nullopt);
    EXPECT_EQ(r.sub_index[at(P::so2_24h)], 226);  // 201 + 99*76/299 = 226.2
    EXPECT_EQ(r.aqi, 226);
    EXPECT_EQ(r.primary, P::so2_24h);
    in.conc[at(P::so2_24h)] = 400;  // 152 ppb: below the 24h rows -> 200
    EXPECT_EQ(epa_aqi(in).aqi, 200);
    in.conc[at(P::so2_24h)] = 2000;  // 763 ppb -> 301 + 199*158/399 = 379.8
    EXPECT_EQ(epa_aqi(in).aqi, 380);
    EXPECT_EQ(epa_aqi(in).category->level, 6);
    in.conc[at(P::so2_1h)] = 799;  // below the switch: the 1h index counts too
    EXPECT_EQ(epa_aqi(in).sub_index[at(P::so2_1h)], 200);
    EXPECT_EQ(epa_aqi(in).aqi, 380);
}

TEST(EpaAqi, PrimaryIsTheLargestAndMissingIsIgnored) {
    EpaInput in;
    in.conc[at(P::pm25_24h)] = 35;   // 35.0 -> 51 + 49*259/263 = 99.3 -> 99
    in.conc[at(P::pm10_24h)] = 150;  // 51 + 49*95/99 = 98.0 -> 98
    in.conc[at(P::no2_1h)] = -5;     // negative: ignored
    const EpaAqi r = epa_aqi(in);
    EXPECT_EQ(r.sub_index[at(P::pm25_24h)], 99);
    EXPECT_EQ(r.sub_index[at(P::pm10_24h)], 98);
    EXPECT_EQ(r.epa_units[at(P::no2_1h)], std::nullopt);
    EXPECT_EQ(r.aqi, 99);
    EXPECT_EQ(r.primary, P::pm25_24h);
    EXPECT_EQ(epa_aqi(EpaInput{}).aqi, std::nullopt);
    EXPECT_FALSE(epa_aqi(EpaInput{}).category.has_value());
}

TEST(EpaAqi, CategoriesAndUsColours) {
    const int bounds[][2] = {{0, 1},   {50, 1},  {51, 2},  {100, 2}, {101, 3}, {150, 3},
                             {151, 4}, {200, 4}, {201, 5}, {300, 5}, {301, 6}, {600, 6}};
    for (const auto& b : bounds) EXPECT_EQ(epa_category_for(b[0]).level, b[1]) << b[0];
    const EpaCategory& purple = epa_category_for(250);
    EXPECT_EQ(purple.name, "Very Unhealthy");
    EXPECT_EQ(purple.colour_hex, "#8F3F97");
    EXPECT_EQ((std::array<int, 3>{purple.r, purple.g, purple.b}),
              (std::array<int, 3>{143, 63, 151}));
    EXPECT_EQ(epa_category_for(0).colour_hex, "#00E400");
    EXPECT_EQ(epa_category_for(120).colour_hex, "#FF7E00");
    EXPECT_EQ(epa_category_for(301).name, "Hazardous");
    EXPECT_EQ(epa_category_for(301).colour_hex, "#7E0023");
}

}  // namespace
}  // namespace ecogov::us_epa
