// Per-metal classes of GB 15618-2018 against tests/vectors/soil_metal_class.csv (each metal, land
// use and pH band: at the screening value, one step above, at the control value, one step above;
// every pH edge; GB/T 8170 rounding of the text) and soil_detection_limits.csv.
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "aqi_vector_csv.hpp"
#include "core/decimal.hpp"
#include "standards/soil/sample_assessment.hpp"

namespace ecogov {
namespace {

std::string centi_text(const std::optional<std::int64_t>& v) {
    return v ? format_scaled(*v, 2) : std::string("NA");
}

struct MetalCase {
    Metal metal;
    LandUse use;
    PhBand band;
    MetalAssessment result;
};

std::optional<MetalCase> run_row(const test::VectorRow& row) {
    const auto metal = parse_metal(row.at("metal"));
    const auto use = parse_land_use(row.at("land_use"));
    const auto ph = parse_ph(row.at("ph"));
    const auto m = parse_measurement(row.at("value"));
    if (!metal || !use || !ph || !m) return std::nullopt;
    const PhBand band = ph_band(*ph);
    return MetalCase{*metal, *use, band, assess_metal(*metal, *m, band, *use)};
}

/// Cases required for each metal × land use × band: at / one step above the screening value and,
/// where Table 3 has one, at / one step above the control value; else a far-above value.
int required_cases_missing(const std::set<std::string>& covered) {
    int missing = 0;
    for (Metal m : kAllMetals)
        for (std::string_view use : {"paddy", "other", "orchard", "rotation"})
            for (PhBand b : {PhBand::le_5_5, PhBand::le_6_5, PhBand::le_7_5, PhBand::gt_7_5}) {
                const std::string key = std::string(metal_symbol(m)) + "|" + std::string(use) +
                                        "|" + std::string(ph_band_label(b)) + "|";
                std::vector<std::string_view> kinds = {"at screening", "screening + step"};
                if (control_value(m, b)) {
                    kinds.insert(kinds.end(), {"at control", "control + step"});
                } else {
                    kinds.push_back("10x screening no control");
                }
                for (std::string_view kind : kinds) {
                    if (covered.contains(key + std::string(kind))) continue;
                    ADD_FAILURE() << "no vector for " << key << kind;
                    ++missing;
                }
            }
    return missing;
}

TEST(SoilClassVectors, EveryMetalBandAndLandUse) {
    const test::VectorFile file = test::read_vectors("soil_metal_class.csv");
    ASSERT_TRUE(file.error.empty()) << file.error;
    std::set<std::string> covered;
    for (const auto& row : file.rows) {
        SCOPED_TRACE(file.path + ":" + std::to_string(row.line) + " " + row.at("case"));
        const auto c = run_row(row);
        ASSERT_TRUE(c.has_value()) << "malformed vector row";
        const auto cls = c->result.soil_class();
        ASSERT_TRUE(cls.has_value());
        EXPECT_EQ(soil_class_name_zh(*cls), row.at("class"));
        EXPECT_EQ(centi_text(c->result.pollution_index_centi), row.at("pi"));
        EXPECT_EQ(centi_text(c->result.exceedance_centi), row.at("exceedance"));
        covered.insert(row.at("metal") + "|" + row.at("land_use") + "|" +
                       std::string(ph_band_label(c->band)) + "|" + row.at("case"));
    }
    EXPECT_EQ(required_cases_missing(covered), 0);
}

TEST(SoilClassVectors, DetectionLimits) {
    const test::VectorFile file = test::read_vectors("soil_detection_limits.csv");
    ASSERT_TRUE(file.error.empty()) << file.error;
    std::set<std::string> metals;
    for (const auto& row : file.rows) {
        SCOPED_TRACE(file.path + ":" + std::to_string(row.line) + " " + row.at("case"));
        const auto c = run_row(row);
        ASSERT_TRUE(c.has_value()) << "malformed vector row";
        EXPECT_EQ(soil_class_name_zh(c->result.range.lowest), row.at("lowest"));
        EXPECT_EQ(soil_class_name_zh(c->result.range.highest), row.at("highest"));
        EXPECT_EQ(c->result.pollution_index_centi, std::nullopt);
        EXPECT_EQ(c->result.exceedance_centi, std::nullopt);
        metals.insert(row.at("metal"));
    }
    EXPECT_EQ(metals.size(), std::size_t{kMetalCount});
}

// Hand checks against water-soil-assessment.md §3 (Tables 1 and 3).
TEST(SoilClass, HandCheckedAgainstTheReference) {
    // Cd in 水田 at pH 6.0: S 0.4, C 2.0. 0.4 → 优先保护; 0.401 → 安全利用 (Pi 1.0025 → 1.00,
    // multiple 0.0025 → 0.00); 2.0 → 安全利用 (Pi 5.00, multiple 4.00); 2.001 → 严格管控.
    const auto cd = [](std::int32_t v) {
        return assess_metal(Metal::cd, Measurement::of(v), PhBand::le_6_5, LandUse::paddy);
    };
    EXPECT_EQ(cd(400).soil_class(), SoilClass::priority_protection);
    EXPECT_EQ(cd(401).soil_class(), SoilClass::safe_use);
    EXPECT_EQ(cd(401).exceedance_centi, 0);
    EXPECT_EQ(cd(2000).soil_class(), SoilClass::safe_use);
    EXPECT_EQ(cd(2000).exceedance_centi, 400);
    EXPECT_EQ(cd(2001).soil_class(), SoilClass::strict_control);
    // As in 其他 at pH 8.0: S 25, C 100. 62.5 → Pi 2.50, multiple 1.50 (exact).
    const auto as =
        assess_metal(Metal::as, Measurement::of(62'500), PhBand::gt_7_5, LandUse::other);
    EXPECT_EQ(as.pollution_index_centi, 250);
    EXPECT_EQ(as.exceedance_centi, 150);
    // Half-even on the multiple: Hg 其他 pH≤5.5, S 1.3: C 1.3065 → 1.306 (half-even of the text);
    // Pi 1.306/1.3 = 1.004615… → 1.00. Zn S 200: C 201 → Pi 1.005 exactly → 1.00 (5 after even 0).
    const auto hg_text = parse_measurement("1.3065");
    ASSERT_TRUE(hg_text.has_value());
    EXPECT_EQ(hg_text->scaled, 1'306);
    const auto hg = assess_metal(Metal::hg, *hg_text, PhBand::le_5_5, LandUse::other);
    EXPECT_EQ(hg.soil_class(), SoilClass::safe_use);
    EXPECT_EQ(hg.pollution_index_centi, 100);
    const auto zn =
        assess_metal(Metal::zn, Measurement::of(201'000), PhBand::le_5_5, LandUse::other);
    EXPECT_EQ(zn.pollution_index_centi, 100);
    EXPECT_EQ(zn.exceedance_centi, 0);  // 0.005 → 0.00
    const auto zn2 =
        assess_metal(Metal::zn, Measurement::of(203'000), PhBand::le_5_5, LandUse::other);
    EXPECT_EQ(zn2.pollution_index_centi, 102);  // 1.015 → 1.02 (5 after odd 1)
    // Zn 100× its screening value is still only 安全利用 (no control value).
    const auto zn3 =
        assess_metal(Metal::zn, Measurement::of(20'000'000), PhBand::le_5_5, LandUse::other);
    EXPECT_EQ(zn3.soil_class(), SoilClass::safe_use);
    EXPECT_EQ(zn3.control, std::nullopt);
}

TEST(SoilClass, NamesAndRanges) {
    EXPECT_EQ(soil_class_name_zh(SoilClass::priority_protection), "优先保护");
    EXPECT_EQ(soil_class_name_zh(SoilClass::safe_use), "安全利用");
    EXPECT_EQ(soil_class_name_zh(SoilClass::strict_control), "严格管控");
    EXPECT_EQ(soil_class_colour(SoilClass::strict_control), "red");
    EXPECT_EQ(parse_soil_class("safe_use"), SoilClass::safe_use);
    EXPECT_EQ(parse_soil_class("严格管控"), SoilClass::strict_control);
    const ClassRange a{SoilClass::priority_protection, SoilClass::strict_control};
    const ClassRange b{SoilClass::safe_use, SoilClass::safe_use};
    EXPECT_EQ(a.exact(), std::nullopt);
    EXPECT_EQ(a.worst_with(b), (ClassRange{SoilClass::safe_use, SoilClass::strict_control}));
}

}  // namespace
}  // namespace ecogov
