// Sections and rivers (《地表水环境质量评价办法（试行）》, CWQI) against
// tests/vectors/water_sections.csv and water_river_proportion.csv, and a worked month of four
// sections on the Ying river (颍河) computed by hand from GB 3838-2002 Table 1. A missing vector
// file fails.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aqi_vector_csv.hpp"
#include "core/decimal.hpp"
#include "standards/water/river.hpp"
#include "standards/water/section.hpp"

namespace ecogov::water {
namespace {

/// Adds the samples "ITEM=VALUE;ITEM=VALUE" to `samples` (one list per item).
bool add_samples(std::string_view text,
                 std::array<std::vector<WaterValue>, kWaterItemCount>& samples) {
    for (const std::string& pair : test::split_csv_line(text, ';')) {
        const auto eq = pair.find('=');
        if (eq == std::string::npos) return false;
        const auto item = find_item(pair.substr(0, eq));
        if (!item) return false;
        auto v = parse_value(*item, pair.substr(eq + 1));
        if (!v) return false;
        samples[index_of(*item)].push_back(*v);
    }
    return true;
}

/// Period values of a section from its samples (each string: one sampling day).
ItemValues period_of(std::initializer_list<std::string_view> days) {
    std::array<std::vector<WaterValue>, kWaterItemCount> samples;
    for (std::string_view d : days) EXPECT_TRUE(add_samples(d, samples)) << d;
    ItemValues out;
    for (std::size_t k = 0; k < out.size(); ++k)
        if (!samples[k].empty()) out[k] = period_value(static_cast<WaterItem>(k), samples[k]);
    return out;
}

std::string text_or_na(const std::optional<std::int64_t>& centi) {
    return centi ? format_scaled(*centi, 2) : "NA";
}

TEST(WaterSectionVectors, ClassLabelMainPollutantsCwqi) {
    const auto file = test::read_vectors("water_sections.csv");
    ASSERT_TRUE(file.error.empty()) << file.error;
    for (const auto& row : file.rows) {
        SCOPED_TRACE(file.path + ":" + std::to_string(row.line) + " " + row.at("case"));
        const auto body = parse_water_body(row.at("water_body"));
        ASSERT_TRUE(body.has_value());
        std::array<std::vector<WaterValue>, kWaterItemCount> samples;
        ASSERT_TRUE(add_samples(row.at("values"), samples));
        ItemValues values;
        for (std::size_t k = 0; k < values.size(); ++k)
            if (!samples[k].empty()) values[k] = samples[k].front();
        const SectionAssessment a = assess_section(*body, values);
        EXPECT_EQ(a.cls ? class_text(*a.cls) : "NA", row.at("class"));
        EXPECT_EQ(a.cls ? label_of(*a.cls) : "NA", row.at("label"));
        EXPECT_EQ(main_pollutants_text(a.main_pollutants), row.at("main_pollutants"));
        EXPECT_EQ(a.worst_item ? info(*a.worst_item).id : "", row.at("worst_item"));
        EXPECT_EQ(text_or_na(a.cwqi_centi), row.at("cwqi"));
    }
}

/// "I*9;IV*1" → nine I and one IV.
std::vector<WaterClass> expand(std::string_view text) {
    std::vector<WaterClass> out;
    for (const std::string& part : test::split_csv_line(text, ';')) {
        const auto star = part.find('*');
        const auto cls = parse_class(part.substr(0, star));
        EXPECT_TRUE(cls.has_value()) << part;
        if (!cls) return out;
        out.insert(out.end(), static_cast<std::size_t>(std::stoi(part.substr(star + 1))), *cls);
    }
    return out;
}

TEST(WaterRiverVectors, ClassProportionThresholds) {
    const auto file = test::read_vectors("water_river_proportion.csv");
    ASSERT_TRUE(file.error.empty()) << file.error;
    for (const auto& row : file.rows) {
        SCOPED_TRACE(file.path + ":" + std::to_string(row.line) + " " + row.at("case"));
        const std::vector<WaterClass> classes = expand(row.at("classes"));
        ASSERT_GE(classes.size(), 5u);
        const RiverStatus s = status_by_proportion(classes);
        EXPECT_EQ(std::to_string(s.good_sections), row.at("good"));
        EXPECT_EQ(std::to_string(s.worse_than_v_sections), row.at("worse_than_v"));
        EXPECT_EQ(s.label, row.at("label"));
    }
}

// A worked month (2024-05) of four sections, classes by hand from GB 3838-2002 Table 1.
class WaterWorkedMonth : public ::testing::Test {
  protected:
    // 白沙水库 (reservoir): two samplings.
    // TP (0.04+0.07)/2 = 0.055 → lake IV (0.05 < 0.055 <= 0.1); multiple (0.055-0.05)/0.05 = 0.10.
    // COD (14+16)/2 = 15.0 → I; NH3-N 0.30 → II; DO (8.1+7.3)/2 = 7.7 → I; pH (7.6+8.2)/2 = 7.90 →
    // I. CWQI = 0.055/0.05 + 15/20 + 0.3/1 + 5/7.7 + (7.9-7)/2 = 1.1+0.75+0.3+0.649351+0.45
    // = 3.249351 → 3.25.
    ItemValues baisha = period_of({"TP=0.04;COD=14;NH3-N=0.30;DO=8.1;pH=7.6",  //
                                   "TP=0.07;COD=16;DO=7.3;pH=8.2"});
    // 告成 (river): COD 22 → IV (0.10); NH3-N 1.62 → V (0.62); TP 0.18 → III; DO 4.6 → IV (3 <= 4.6
    // < 5); CODMn 5.5 → III. Class V. Main: V NH3-N, then IV COD (ratio 1.1) before DO (no
    // multiple). CWQI = 1.1 + 1.62 + 0.9 + 5/4.6 + 5.5/6 = 3.62 + 1.086957 + 0.916667 = 5.623623
    // → 5.62.
    ItemValues gaocheng = period_of({"COD=22;NH3-N=1.62;TP=0.18;DO=4.6;CODMn=5.5"});
    // 阳城 (river): Hg <0.00004 and 0.00003 → (0.00002 + 0.00003)/2 = 0.000025 → half-even
    // 0.00002 → I; NH3-N ND and 0.10 → (0 + 0.10)/2 = 0.05 → I; COD 12 → I. Class I.
    // CWQI = 0.00002/0.0001 + 0.05/1 + 12/20 = 0.2 + 0.05 + 0.6 = 0.85.
    ItemValues yangcheng = period_of({"Hg=<0.00004;NH3-N=ND;COD=12", "Hg=0.00003;NH3-N=0.10"});
    // 化窑 (river): COD 45 → 劣V (1.25); NH3-N 2.4 → 劣V (1.40); TP 0.45 → 劣V (1.25); BOD5 8 → V.
    // Main: 劣V by ratio NH3-N 2.4 > COD 2.25 = TP 2.25 (Table 1 order). CWQI 2.25+2.4+2.25+2
    // = 8.90.
    ItemValues huayao = period_of({"COD=45;NH3-N=2.4;TP=0.45;BOD5=8"});
};

TEST_F(WaterWorkedMonth, SectionClasses) {
    const SectionAssessment a = assess_section(WaterBody::lake, baisha);
    EXPECT_EQ(a.cls, WaterClass::iv);
    EXPECT_EQ(label_of(*a.cls), "轻度污染");
    EXPECT_EQ(main_pollutants_text(a.main_pollutants), "总磷(0.10)");
    EXPECT_EQ(text_or_na(a.cwqi_centi), "3.25");
    EXPECT_EQ(value_text(WaterItem::ph, *baisha[index_of(WaterItem::ph)]), "7.90");

    const SectionAssessment b = assess_section(WaterBody::river, gaocheng);
    EXPECT_EQ(b.cls, WaterClass::v);
    EXPECT_EQ(main_pollutants_text(b.main_pollutants), "氨氮(0.62)、化学需氧量(0.10)、溶解氧");
    EXPECT_EQ(text_or_na(b.cwqi_centi), "5.62");
    EXPECT_FALSE(attains(*b.cls, WaterClass::iii));

    const SectionAssessment c = assess_section(WaterBody::river, yangcheng);
    EXPECT_EQ(c.cls, WaterClass::i);
    EXPECT_EQ(label_of(*c.cls), "优");
    EXPECT_EQ(value_text(WaterItem::hg, *yangcheng[index_of(WaterItem::hg)]), "0.00002");
    EXPECT_EQ(value_text(WaterItem::nh3n, *yangcheng[index_of(WaterItem::nh3n)]), "0.05");
    EXPECT_EQ(c.below_detection, (std::vector<WaterItem>{WaterItem::nh3n, WaterItem::hg}));
    EXPECT_EQ(text_or_na(c.cwqi_centi), "0.85");

    const SectionAssessment d = assess_section(WaterBody::river, huayao);
    EXPECT_EQ(d.cls, WaterClass::worse_than_v);
    EXPECT_EQ(main_pollutants_text(d.main_pollutants), "氨氮(1.40)、化学需氧量(1.25)、总磷(1.25)");
    EXPECT_EQ(text_or_na(d.cwqi_centi), "8.90");
}

TEST_F(WaterWorkedMonth, RiverOfThreeSectionsUsesTheMean) {
    // Fewer than 5 sections: mean per item over 告成, 阳城, 化窑, then single factor.
    // COD (22+12+45)/3 = 26.33 → 26.3 → IV; NH3-N (1.62+0.05+2.4)/3 = 1.3567 → 1.36 → IV;
    // TP (0.18+0.45)/2 = 0.315 → V; BOD5 8 → V; DO 4.6 → IV; Hg 0.00002 → I. Class V (not 劣V,
    // the worst section's class).
    const std::vector<ItemValues> river = {gaocheng, yangcheng, huayao};
    const RiverStatus s = river_status(WaterBody::river, river);
    EXPECT_EQ(s.method, RiverMethod::section_mean);
    EXPECT_EQ(s.sections, 3);
    EXPECT_EQ(s.cls, WaterClass::v);
    EXPECT_EQ(s.label, "中度污染");
}

TEST(WaterRiver, FiveOrMoreSectionsUseProportions) {
    // COD only: five sections at 10 (I) and one at 45 (劣V): G = 5/6 = 83% → 良好 (no class).
    std::vector<ItemValues> river;
    for (const char* cod : {"COD=10", "COD=10", "COD=10", "COD=10", "COD=10", "COD=45"})
        river.push_back(period_of({cod}));
    const RiverStatus s = river_status(WaterBody::river, river);
    EXPECT_EQ(s.method, RiverMethod::class_proportion);
    EXPECT_EQ(s.cls, std::nullopt);
    EXPECT_EQ(s.label, "良好");
    // Four of them: the mean (10*3+45)/4 = 18.75 → 18.8 → III → 良好 by the mean method.
    river.erase(river.begin(), river.begin() + 2);
    const RiverStatus four = river_status(WaterBody::river, river);
    EXPECT_EQ(four.method, RiverMethod::section_mean);
    EXPECT_EQ(four.cls, WaterClass::iii);
}

TEST(WaterPeriod, MeansRoundHalfEvenAndKeepDetectionLimits) {
    // All below the limit: stays "<max limit", class of the limit.
    const ItemValues all_nd = period_of({"Cd=<0.0005", "Cd=<0.001", "Cd=ND"});
    EXPECT_EQ(value_text(WaterItem::cd, *all_nd[index_of(WaterItem::cd)]), "<0.001");
    EXPECT_EQ(all_nd[index_of(WaterItem::cd)]->samples, 3);
    // COD 15.0 and 15.1: mean 15.05 → half-even 15.0 → I (not III).
    const ItemValues cod = period_of({"COD=15.0", "COD=15.1"});
    EXPECT_EQ(class_of(WaterItem::cod, WaterBody::river, *cod[index_of(WaterItem::cod)]),
              WaterClass::i);
    // COD 15.1 and 15.2: 15.15 → 15.2 → III.
    const ItemValues cod2 = period_of({"COD=15.1", "COD=15.2"});
    EXPECT_EQ(class_of(WaterItem::cod, WaterBody::river, *cod2[index_of(WaterItem::cod)]),
              WaterClass::iii);
}

}  // namespace
}  // namespace ecogov::water
