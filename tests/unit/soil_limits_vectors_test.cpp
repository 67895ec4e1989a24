// GB 15618-2018 Table 1 / Table 3 lookups against tests/vectors/soil_limits.csv: every metal, land
// use and pH band, and each pH band edge with one step (0.01) either side.
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "aqi_vector_csv.hpp"
#include "core/decimal.hpp"
#include "standards/soil/limits.hpp"
#include "standards/soil/measurement.hpp"

namespace ecogov {
namespace {

std::optional<std::int32_t> mg_per_kg(std::string_view text) {
    if (text == "NA") return std::nullopt;
    const ParsedCell cell = parse_rounded(text, kSoilDecimals);
    EXPECT_EQ(cell.status, CellStatus::value) << text;
    return static_cast<std::int32_t>(cell.scaled);
}

TEST(SoilLimitsVectors, MatchTables1And3) {
    const test::VectorFile file = test::read_vectors("soil_limits.csv");
    ASSERT_TRUE(file.error.empty()) << file.error;
    std::set<std::string> covered;
    for (const auto& row : file.rows) {
        SCOPED_TRACE(file.path + ":" + std::to_string(row.line));
        const auto metal = parse_metal(row.at("metal"));
        const auto use = parse_land_use(row.at("land_use"));
        const auto ph = parse_ph(row.at("ph"));
        ASSERT_TRUE(metal && use && ph) << "malformed vector row";
        const PhBand band = ph_band(*ph);
        EXPECT_EQ(ph_band_label(band), row.at("band"));
        EXPECT_EQ(screening_value(*metal, *use, band), mg_per_kg(row.at("screening")));
        EXPECT_EQ(control_value(*metal, band), mg_per_kg(row.at("control")));
        covered.insert(row.at("metal") + "|" + row.at("land_use") + "|" + row.at("band"));
    }
    EXPECT_EQ(covered.size(), std::size_t{kMetalCount * 4 * 4});  // metals × land uses × bands
}

// Hand checks against water-soil-assessment.md §3.
TEST(SoilLimits, HandCheckedAgainstTheReference) {
    // Edges go to the lower band: "pH≤5.5" includes 5.50, "5.5<pH≤6.5" starts above it.
    EXPECT_EQ(ph_band(550), PhBand::le_5_5);
    EXPECT_EQ(ph_band(551), PhBand::le_6_5);
    EXPECT_EQ(ph_band(650), PhBand::le_6_5);
    EXPECT_EQ(ph_band(750), PhBand::le_7_5);
    EXPECT_EQ(ph_band(751), PhBand::gt_7_5);
    // Cd 水田 0.3 / 0.4 / 0.6 / 0.8; 其他 0.3 / 0.3 / 0.3 / 0.6.
    EXPECT_EQ(screening_value(Metal::cd, LandUse::paddy, PhBand::le_6_5), 400);
    EXPECT_EQ(screening_value(Metal::cd, LandUse::other, PhBand::gt_7_5), 600);
    // 果园 is "其他" for Cd, but has its own Cu row (150 / 150 / 200 / 200).
    EXPECT_EQ(screening_value(Metal::cd, LandUse::orchard, PhBand::le_7_5), 300);
    EXPECT_EQ(screening_value(Metal::cu, LandUse::orchard, PhBand::le_7_5), 200'000);
    EXPECT_EQ(screening_value(Metal::cu, LandUse::paddy, PhBand::le_7_5), 100'000);
    // 水旱轮作: the stricter of 水田 (Pb 140) and 其他 (Pb 120) at 6.5<pH≤7.5.
    EXPECT_EQ(screening_value(Metal::pb, LandUse::rotation, PhBand::le_7_5), 120'000);
    EXPECT_EQ(screening_value(Metal::as, LandUse::rotation, PhBand::le_5_5), 30'000);
    // As control value falls as pH rises: 200 / 150 / 120 / 100.
    EXPECT_EQ(control_value(Metal::as, PhBand::le_5_5), 200'000);
    EXPECT_EQ(control_value(Metal::as, PhBand::gt_7_5), 100'000);
    EXPECT_EQ(control_value(Metal::hg, PhBand::le_6_5), 2'500);
    EXPECT_EQ(control_value(Metal::zn, PhBand::le_5_5), std::nullopt);
}

TEST(SoilLimits, NamesRoundTrip) {
    for (Metal m : kAllMetals) {
        EXPECT_EQ(parse_metal(metal_symbol(m)), m);
        EXPECT_EQ(parse_metal(metal_name_zh(m)), m);
    }
    for (LandUse u : {LandUse::paddy, LandUse::other, LandUse::orchard, LandUse::rotation}) {
        EXPECT_EQ(parse_land_use(land_use_id(u)), u);
        EXPECT_EQ(parse_land_use(land_use_name_zh(u)), u);
    }
    EXPECT_EQ(parse_land_use("旱地"), LandUse::other);
    EXPECT_EQ(parse_land_use("菜地"), LandUse::other);
    EXPECT_EQ(parse_metal("CD"), Metal::cd);
    EXPECT_EQ(parse_metal("Fe"), std::nullopt);
    EXPECT_EQ(parse_land_use("forest"), std::nullopt);
}

}  // namespace
}  // namespace ecogov
