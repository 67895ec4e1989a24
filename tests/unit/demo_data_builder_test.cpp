// The demo database builder (services/demo_data.hpp) is deterministic and complete.
#include <gtest/gtest.h>

#include "observations_test_db.hpp"
#include "services/demo_data.hpp"
#include "services/soil_assessment.hpp"
#include "services/water_classes.hpp"
#include "services/water_demo.hpp"

namespace ecogov {
namespace {

std::int64_t count(storage::Database& db, const std::string& sql) {
    auto lease = db.acquire();
    auto rows = lease->query(sql);
    return rows ? rows->front().integer(0) : -1;
}

TEST(DemoDataBuilder, DeterministicCounts) {
    const Date last = Date::from_ymd(2025, 2, 28);
    testing::TempDb a;
    testing::TempDb b;
    DemoSummary sa, sb;
    {
        auto lease = a.db().acquire();
        auto r = build_demo_data(*lease, a.clock(), last);
        ASSERT_TRUE(r) << r.error().message;
        sa = *r;
        EXPECT_TRUE(*demo_data_present(*lease));
    }
    {
        auto lease = b.db().acquire();
        auto r = build_demo_data(*lease, b.clock(), last);
        ASSERT_TRUE(r);
        sb = *r;
    }
    EXPECT_EQ(sa.units, 28);  // bureau + 17 streets/towns/townships/areas + 10 departments
    EXPECT_EQ(sa.stations, 21);  // >= 20 (issue 3 acceptance 5): 17 towns/streets + 3 + control
    EXPECT_EQ(sa.users, 4);
    EXPECT_EQ(sa.targets, 86);  // bureau + 16 townships with a station, 5 indicators each; water_attainment
    EXPECT_EQ(sa.people, 56);
    EXPECT_EQ(sa.observations, sb.observations);
    EXPECT_GT(sa.observations, 59 * 24 * 21 * 9 / 10);
    EXPECT_EQ(count(a.db(), "SELECT COUNT(*) FROM units"), 28);
    EXPECT_EQ(count(a.db(), "SELECT COUNT(*) FROM stations WHERE control = 1"), 1);
    EXPECT_EQ(count(a.db(), "SELECT COUNT(*) FROM observations"), sa.observations);
    EXPECT_EQ(count(a.db(), "SELECT SUM(pm25) FROM observations"), count(b.db(), "SELECT SUM(pm25) FROM observations"));
    EXPECT_EQ(count(a.db(), "SELECT COUNT(*) FROM users WHERE role = 'unit'"), 1);
}

TEST(DemoDataBuilder, WaterAndSoil) {
    const Date last = Date::from_ymd(2026, 2, 28);
    testing::TempDb a;
    auto lease = a.db().acquire();
    auto r = build_demo_data(*lease, a.clock(), last);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->water_sections, 7);  // 颍河 x3, 少林河, 书院河, 五渡河, 1 drinking-water source
    EXPECT_EQ(r->soil_plots, 5);
    EXPECT_EQ(r->soil_samples, 15);
    EXPECT_EQ(r->water_samples, count(a.db(), "SELECT COUNT(*) FROM water_samples"));
    EXPECT_EQ(count(a.db(), "SELECT COUNT(DISTINCT sampled_on) FROM water_samples"), 14);  // 2025-01 .. 2026-02
    EXPECT_EQ(count(a.db(), "SELECT COUNT(*) FROM water_sections WHERE kind = 'drinking_source' AND water_body = 'lake'"), 1);
    EXPECT_EQ(count(a.db(), "SELECT COUNT(*) FROM targets WHERE indicator = 'water_attainment'"), 1);
    auto plots = soil_plot_summaries(*lease);
    ASSERT_TRUE(plots);
    int safe = 0, strict = 0;
    for (const PlotSummary& p : *plots) {
        safe += p.cls == SoilClass::safe_use;
        strict += p.cls == SoilClass::strict_control;
    }
    EXPECT_GE(safe, 1);
    EXPECT_GE(strict, 1);
    auto classes = water_classes(*lease, DateRange{Date::from_ymd(2025, 1, 1), Date::from_ymd(2025, 12, 31)});
    ASSERT_TRUE(classes);
    int missed_months = 0, missed_years = 0;
    for (const SectionYear& y : *classes) {
        EXPECT_EQ(y.months.size(), 12u) << y.section.code;
        for (const PeriodClass& m : y.months) missed_months += !m.attains;
        missed_years += y.annual && !y.annual->attains;
    }
    EXPECT_GT(missed_months, 5);  // dry-season months miss their target
    EXPECT_GE(missed_years, 1);
    EXPECT_EQ(demo_water_csv(last), demo_water_csv(last));
}

}  // namespace
}  // namespace ecogov
