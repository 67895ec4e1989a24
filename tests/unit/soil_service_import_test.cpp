// Soil sample import and plot classes (services/water_import.hpp, services/soil_assessment.hpp):
// all-or-nothing, idempotence, unit ownership; the plot class is the GB 15618 engine's.
#include <gtest/gtest.h>

#include "observations_test_db.hpp"
#include "services/soil_assessment.hpp"
#include "services/water_import.hpp"
#include "services/water_sections.hpp"

namespace ecogov {
namespace {

const std::string kAt = "2026-11-18T00:00:00Z";
const std::string kHeader = "plot,sample,date,ph,cd,hg,as,pb,cr,cu,ni,zn\n";

struct Fixture {
    testing::TempDb db;
    std::int64_t town_a = db.unit("town-a");
    std::int64_t town_b = db.unit("town-b");
    SoilPlot a = plot("PA01", town_a, "other");
    SoilPlot b = plot("PB01", town_b, "paddy");

    SoilPlot plot(const std::string& code, std::int64_t unit, const std::string& land_use) {
        auto lease = db.db().acquire();
        auto r = create_soil_plot(*lease, command_line_actor(),
                                  SoilPlot{0, code, code + " 地块", unit, land_use, {}, {}}, kAt);
        EXPECT_TRUE(r) << (r ? "" : r.error().message);
        return r ? *r : SoilPlot{};
    }
    Result<SampleImportReport> import(const std::string& csv,
                                      const Actor& who = command_line_actor()) {
        auto lease = db.db().acquire();
        return import_soil_samples(*lease, who, "s.csv", csv, kAt);
    }
    std::int64_t count(const std::string& sql) {
        auto lease = db.db().acquire();
        auto rows = lease->query(sql);
        return rows ? rows->front().integer(0) : -1;
    }
};

// PA01 (other, pH 8.1): Cd 0.85 > screening 0.6, <= control 4.0 → 安全利用.
// PB01 (paddy, pH 6.0): Cd 2.5 > control 2.0 → 严格管控.
const std::string kGood = kHeader +
                          "PA01,PA01-1,2025-05-12,8.10,0.21,0.05,10,22,62,24,28,71\n"
                          "PA01,PA01-2,2025-05-12,8.10,0.85,0.05,<0.5,22,62,24,28,71\n"
                          "PB01,PB01-1,2025-05-13,6.00,2.5,0.05,10,22,62,24,28,71\n";

TEST(SoilServiceImport, StoresThenReimportChangesNothingAndClassesComeFromTheEngine) {
    Fixture f;
    auto r = f.import(kGood);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_TRUE(r->errors.empty()) << r->errors.front().message;
    EXPECT_EQ(r->accepted, 3);
    EXPECT_EQ(r->changed, 3);
    auto again = f.import(kGood);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->changed, 0);
    auto lease = f.db.db().acquire();
    auto plots = soil_plot_summaries(*lease);
    ASSERT_TRUE(plots) << plots.error().message;
    ASSERT_EQ(plots->size(), 2u);
    EXPECT_EQ(plots->at(0).cls, SoilClass::safe_use);
    EXPECT_EQ(plots->at(0).samples, 2);
    EXPECT_EQ(plots->at(1).cls, SoilClass::strict_control);
    auto detail = soil_plot_detail(*lease, f.a.id);
    ASSERT_TRUE(detail);
    ASSERT_EQ(detail->samples.size(), 2u);
    EXPECT_EQ(detail->samples[0].assessment.soil_class(), SoilClass::priority_protection);
    EXPECT_EQ(detail->samples[1].assessment.at(Metal::cd).exceedance_centi, 42);  // (0.85-0.6)/0.6
    EXPECT_FALSE(soil_plot_detail(*lease, 9999));
}

TEST(SoilServiceImport, AnyBadRowStoresNothing) {
    Fixture f;
    const std::string bad =
        kGood +
        "PX01,PX01-1,2025-05-12,8.1,0.2,0.05,10,22,62,24,28,71\n"   // line 5: unknown plot
        "PA01,PA01-3,2025-05-12,15,0.2,0.05,10,22,62,24,28,71\n"    // line 6: pH
        "PA01,PA01-4,2025-05-12,8.1,abc,0.05,10,22,62,24,28,71\n"   // line 7: cd
        "PA01,PA01-1,2025-05-12,8.1,0.2,0.05,10,22,62,24,28,71\n";  // line 8: duplicate
    auto r = f.import(bad);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->errors.size(), 4u);
    EXPECT_EQ(r->errors[0].field, "plot");
    EXPECT_EQ(r->errors[1].field, "ph");
    EXPECT_EQ(r->errors[1].column, 4u);
    EXPECT_EQ(r->errors[2].field, "cd");
    EXPECT_EQ(r->errors[2].column, 5u);
    EXPECT_EQ(r->errors[3].field, "sample");
    EXPECT_EQ(f.count("SELECT COUNT(*) FROM soil_samples"), 0);
    ASSERT_TRUE(f.import(kGood));
    // a stored sample code may not move to another plot
    auto moved = f.import(kHeader + "PB01,PA01-1,2025-05-12,8.1,0.2,0.05,10,22,62,24,28,71\n");
    ASSERT_TRUE(moved);
    ASSERT_EQ(moved->errors.size(), 1u);
    EXPECT_EQ(moved->errors[0].field, "sample");
}

TEST(SoilServiceImport, UnitClerkWritesOnlyTheirPlots) {
    Fixture f;
    const Actor clerk_a{0, "clerk-a", Role::unit, f.town_a};
    auto forbidden =
        f.import(kHeader + "PB01,PB01-1,2025-05-13,6.00,2.5,0.05,10,22,62,24,28,71\n", clerk_a);
    ASSERT_FALSE(forbidden);
    EXPECT_EQ(forbidden.error().code, ErrorCode::forbidden);
    auto mixed = f.import(kGood, clerk_a);
    ASSERT_TRUE(mixed);
    ASSERT_EQ(mixed->errors.size(), 1u);
    EXPECT_EQ(mixed->errors[0].line, 4u);
    EXPECT_EQ(f.count("SELECT COUNT(*) FROM soil_samples"), 0);
}

}  // namespace
}  // namespace ecogov
