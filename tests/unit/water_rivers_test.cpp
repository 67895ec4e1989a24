// River status from stored samples (services/water_rivers.hpp): grouping by river name, lake
// sections left out, the mean method under five sections and the class-proportion method from
// five, with the expected statuses computed by hand from GB 3838-2002 Table 1 (COD limits
// I-V: 15, 15, 20, 30, 40 mg/L, ties to the better class).
#include <gtest/gtest.h>

#include "observations_test_db.hpp"
#include "services/water_import.hpp"
#include "services/water_rivers.hpp"
#include "services/water_sections.hpp"

namespace ecogov {
namespace {

using namespace ecogov::water;

const std::string kAt = "2026-11-18T00:00:00Z";

struct Fixture {
    testing::TempDb db;
    std::int64_t unit = db.unit("town-a");

    void section(const std::string& code, const std::string& body, const std::string& river) {
        auto lease = db.db().acquire();
        WaterSection s{0, code, code + " 断面", body, river, unit, "III", "county", 113.0, 34.4};
        auto r = create_water_section(*lease, command_line_actor(), s, kAt);
        ASSERT_TRUE(r) << r.error().message;
    }
    void import(const std::string& rows) {
        auto lease = db.db().acquire();
        auto r = import_water_samples(*lease, command_line_actor(), "t.csv",
                                      "section,water_body,date,item,value\n" + rows, kAt);
        ASSERT_TRUE(r) << r.error().message;
        ASSERT_TRUE(r->errors.empty());
    }
    std::vector<RiverYear> rivers(int year) {
        auto lease = db.db().acquire();
        auto r = water_rivers(*lease,
                              DateRange{Date::from_ymd(year, 1, 1), Date::from_ymd(year, 12, 31)});
        EXPECT_TRUE(r) << r.error().message;
        return r ? *r : std::vector<RiverYear>{};
    }
};

const RiverYear* find(const std::vector<RiverYear>& list, const std::string& river) {
    for (const RiverYear& r : list)
        if (r.river == river) return &r;
    return nullptr;
}

TEST(WaterRivers, MeanUnderFiveSectionsLakesLeftOut) {
    Fixture f;
    f.section("YH01", "river", "颍河");
    f.section("YH02", "river", "颍河");
    f.section("YHK1", "lake", "颍河");
    f.section("SY01", "river", "书院河");
    f.section("WD01", "river", "五渡河");
    // 颍河: YH01 COD (12+16)/2 = 14 → I, YH02 COD 26 → IV; the river's COD mean (14+26)/2 = 20
    // → III (tie to the better class), 良好; a class of the worst section alone would be IV.
    // The lake's COD 60 (劣V) is not part of the river. 书院河: COD 30 → IV, 轻度污染.
    // 五渡河: no samples in 2026 (one in 2025) → 0 sections, no class.
    f.import(
        "YH01,river,2026-01-05,COD,12\nYH01,river,2026-02-05,COD,16\n"
        "YH02,river,2026-01-05,COD,26\nYHK1,lake,2026-01-05,COD,60\n"
        "SY01,river,2026-03-05,COD,30\nWD01,river,2025-03-05,COD,30\n");
    const auto list = f.rivers(2026);
    ASSERT_EQ(list.size(), 3U);
    EXPECT_EQ(list[0].river, "书院河");  // byte order of the UTF-8 names
    const RiverYear* yh = find(list, "颍河");
    ASSERT_NE(yh, nullptr);
    EXPECT_EQ(yh->status.method, RiverMethod::section_mean);
    EXPECT_EQ(yh->status.sections, 2);
    EXPECT_EQ(yh->status.cls, WaterClass::iii);
    EXPECT_EQ(yh->status.label, "良好");
    EXPECT_EQ(yh->status.good_sections, 1);
    const RiverYear* sy = find(list, "书院河");
    ASSERT_NE(sy, nullptr);
    EXPECT_EQ(sy->status.cls, WaterClass::iv);
    EXPECT_EQ(sy->status.label, "轻度污染");
    const RiverYear* wd = find(list, "五渡河");
    ASSERT_NE(wd, nullptr);
    EXPECT_EQ(wd->status.sections, 0);
    EXPECT_FALSE(wd->status.cls);
    EXPECT_EQ(wd->status.label, "");
    EXPECT_EQ(find(f.rivers(2025), "五渡河")->status.cls, WaterClass::iv);
}

TEST(WaterRivers, ClassProportionFromFiveSections) {
    Fixture f;
    for (const char* code : {"SH01", "SH02", "SH03", "SH04", "SH05", "SH06"})
        f.section(code, "river", "沙河");
    // COD 10, 10, 10 → I; 25 → IV; 45 → 劣V; SH06 has no samples and is not counted.
    // n = 5: G = 3/5 = 60% < 75%, D = 1/5 = 20% → 20% <= D < 40% → 中度污染, no class.
    f.import(
        "SH01,river,2026-01-05,COD,10\nSH02,river,2026-01-05,COD,10\n"
        "SH03,river,2026-01-05,COD,10\nSH04,river,2026-01-05,COD,25\n"
        "SH05,river,2026-01-05,COD,45\n");
    const auto list = f.rivers(2026);
    ASSERT_EQ(list.size(), 1U);
    const RiverStatus& s = list[0].status;
    EXPECT_EQ(s.method, RiverMethod::class_proportion);
    EXPECT_EQ(s.sections, 5);
    EXPECT_FALSE(s.cls);
    EXPECT_EQ(s.good_sections, 3);
    EXPECT_EQ(s.worse_than_v_sections, 1);
    EXPECT_EQ(s.label, "中度污染");
}

}  // namespace
}  // namespace ecogov
