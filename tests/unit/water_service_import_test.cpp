// Water sample import (services/water_import.hpp): all-or-nothing, idempotence, unit ownership,
// and the stored monthly classes equal the GB 3838 engine's (services/water_classes.hpp).
#include <gtest/gtest.h>

#include "observations_test_db.hpp"
#include "services/water_classes.hpp"
#include "services/water_csv.hpp"
#include "services/water_import.hpp"
#include "services/water_sections.hpp"

namespace ecogov {
namespace {

using namespace ecogov::water;

const std::string kAt = "2026-11-18T00:00:00Z";

struct Fixture {
    testing::TempDb db;
    std::int64_t town_a = db.unit("town-a");
    std::int64_t town_b = db.unit("town-b");
    WaterSection a = section("WA01", "river", town_a, "III");
    WaterSection b = section("WB01", "river", town_b, "II");
    WaterSection lake = section("WL01", "lake", town_a, "II");

    WaterSection section(const std::string& code, const std::string& body, std::int64_t unit,
                         const std::string& target) {
        auto lease = db.db().acquire();
        WaterSection s{0,    code,   code + " 断面", body,  body == "river" ? "颍河" : "",
                       unit, target, "county",       113.0, 34.4};
        auto r = create_water_section(*lease, command_line_actor(), s, kAt);
        EXPECT_TRUE(r) << (r ? "" : r.error().message);
        return r ? *r : s;
    }
    Result<SampleImportReport> import(const std::string& csv,
                                      const Actor& who = command_line_actor()) {
        auto lease = db.db().acquire();
        return import_water_samples(*lease, who, "t.csv", csv, kAt);
    }
    std::int64_t count(const std::string& sql) {
        auto lease = db.db().acquire();
        auto rows = lease->query(sql);
        return rows ? rows->front().integer(0) : -1;
    }
};

const std::string kGood =
    "section,water_body,date,item,value\n"
    "WA01,river,2026-01-05,COD,18\n"
    "WA01,river,2026-01-20,COD,24\n"
    "WA01,river,2026-01-05,NH3-N,0.52\n"
    "WA01,river,2026-01-20,氨氮,<0.025\n"
    "WA01,river,2026-01-05,DO,6.2\n"
    "WA01,river,2026-02-05,TP,0.21\n"
    "WL01,lake,2026-01-05,TP,0.03\n"
    "WL01,lake,2026-01-05,CODMn,ND\n"
    "WB01,river,2026-01-05,COD,12\n";

TEST(WaterServiceImport, StoresEverythingThenReimportChangesNothing) {
    Fixture f;
    auto r = f.import(kGood);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_TRUE(r->errors.empty());
    EXPECT_GT(r->batch_id, 0);
    EXPECT_EQ(r->accepted, 9);
    EXPECT_EQ(r->changed, 9);
    auto again = f.import(kGood);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->accepted, 9);
    EXPECT_EQ(again->changed, 0);
    EXPECT_EQ(f.count("SELECT COUNT(*) FROM water_samples"), 9);
    EXPECT_EQ(f.count("SELECT COUNT(*) FROM import_batches WHERE format = 'water'"), 2);
    EXPECT_EQ(f.count("SELECT COUNT(*) FROM audit_log WHERE action = 'import'"), 2);
    std::string one = kGood;
    one.replace(one.find("COD,18"), 6, "COD,19");
    auto changed = f.import(one);
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->changed, 1);
}

TEST(WaterServiceImport, AnyBadRowStoresNothingAndListsEveryError) {
    Fixture f;
    const std::string bad = kGood +
                            "WX99,river,2026-01-05,COD,12\n"   // line 11: unknown section
                            "WA01,river,2026-13-05,COD,12\n"   // line 12: bad date
                            "WA01,river,2026-01-06,XYZ,12\n"   // line 13: unknown item
                            "WA01,river,2026-01-07,COD,-1\n"   // line 14: bad value
                            "WA01,lake,2026-01-08,COD,12\n"    // line 15: wrong water body
                            "WA01,river,2026-01-05,COD,18\n";  // line 16: duplicate of line 2
    auto r = f.import(bad);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->errors.size(), 6u);
    EXPECT_EQ(r->error_count, 6);
    EXPECT_EQ(r->batch_id, 0);
    const std::array<std::pair<std::size_t, std::string>, 6> expected = {{{11, "section"},
                                                                          {12, "date"},
                                                                          {13, "item"},
                                                                          {14, "value"},
                                                                          {15, "water_body"},
                                                                          {16, "item"}}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(r->errors[i].line, expected[i].first);
        EXPECT_EQ(r->errors[i].field, expected[i].second) << r->errors[i].message;
        EXPECT_FALSE(r->errors[i].message.empty());
    }
    EXPECT_EQ(r->errors[0].column, 1u);
    EXPECT_EQ(r->errors[1].column, 3u);
    EXPECT_EQ(f.count("SELECT COUNT(*) FROM water_samples"), 0);
    EXPECT_EQ(f.count("SELECT COUNT(*) FROM import_batches"), 0);
    auto header = f.import("station,date,value\nWA01,2026-01-01,1\n");
    ASSERT_TRUE(header);
    ASSERT_EQ(header->errors.size(), 1u);
    EXPECT_EQ(header->errors[0].line, 1u);
    auto empty = f.import("section,water_body,date,item,value\n");
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->errors.size(), 1u);
}

TEST(WaterServiceImport, UnitClerkWritesOnlyTheirSections) {
    Fixture f;
    const Actor clerk_a{0, "clerk-a", Role::unit, f.town_a};
    const std::string only_b = "section,water_body,date,item,value\nWB01,river,2026-01-05,COD,12\n";
    auto forbidden = f.import(only_b, clerk_a);
    ASSERT_FALSE(forbidden);
    EXPECT_EQ(forbidden.error().code, ErrorCode::forbidden);
    const std::string mixed =
        "section,water_body,date,item,value\nWA01,river,2026-01-05,COD,12\n"
        "WB01,river,2026-01-05,COD,12\n";
    auto r = f.import(mixed, clerk_a);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->errors.size(), 1u);
    EXPECT_EQ(r->errors[0].line, 3u);
    EXPECT_EQ(r->errors[0].field, "section");
    EXPECT_EQ(f.count("SELECT COUNT(*) FROM water_samples"), 0);
    auto own =
        f.import("section,water_body,date,item,value\nWA01,river,2026-01-05,COD,12\n", clerk_a);
    ASSERT_TRUE(own);
    EXPECT_EQ(own->changed, 1);
    auto leader = f.import(mixed, Actor{0, "leader", Role::leader, f.town_a});
    ASSERT_FALSE(leader);
    EXPECT_EQ(leader.error().code, ErrorCode::forbidden);
}

/// The engine on the same rows, as `ecogov water classify` groups them.
SectionAssessment engine_month(WaterBody body, const std::string& csv, const std::string& section,
                               const std::string& month) {
    PeriodSamples samples;
    for_each_csv_line(csv, kWaterCsvHeader, [&](int n, std::string_view line) {
        auto row = parse_water_line(n, line);
        if (row && row->section == section && row->date.iso().substr(0, 7) == month)
            samples[index_of(row->item)].push_back(row->value);
    });
    ItemValues values;
    for (std::size_t k = 0; k < values.size(); ++k)
        if (!samples[k].empty()) values[k] = period_value(static_cast<WaterItem>(k), samples[k]);
    return assess_section(body, values);
}

TEST(WaterServiceClasses, MonthlyClassesEqualTheEngine) {
    Fixture f;
    ASSERT_TRUE(f.import(kGood));
    auto lease = f.db.db().acquire();
    auto years =
        water_classes(*lease, DateRange{Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 12, 31)});
    ASSERT_TRUE(years) << years.error().message;
    ASSERT_EQ(years->size(), 3u);
    const SectionYear& a = years->at(0);
    ASSERT_EQ(a.section.code, "WA01");
    ASSERT_EQ(a.months.size(), 2u);
    EXPECT_EQ(a.months[0].period, "2026-01");
    const SectionAssessment jan = engine_month(WaterBody::river, kGood, "WA01", "2026-01");
    EXPECT_EQ(a.months[0].assessment.cls, jan.cls);
    EXPECT_EQ(a.months[0].assessment.cwqi_centi, jan.cwqi_centi);
    // COD mean (18+24)/2 = 21 → IV; NH3-N (0.52 + 0.0125)/2 → II; DO 6.2 → II: the month is IV.
    EXPECT_EQ(jan.cls, WaterClass::iv);
    EXPECT_FALSE(a.months[0].attains);
    EXPECT_EQ(a.months[1].assessment.cls, WaterClass::iv);  // TP 0.21 river → IV
    ASSERT_TRUE(a.annual);
    EXPECT_EQ(a.annual->period, "2026");
    const SectionYear& lake = years->at(2);
    ASSERT_EQ(lake.section.code, "WL01");
    ASSERT_EQ(lake.months.size(), 1u);
    EXPECT_EQ(lake.months[0].assessment.cls, WaterClass::iii);  // lake TP: 0.025 < 0.03 <= 0.05
    EXPECT_FALSE(lake.months[0].attains);                       // target II
    EXPECT_EQ(lake.months[0].assessment.cls,
              engine_month(WaterBody::lake, kGood, "WL01", "2026-01").cls);
    EXPECT_TRUE(years->at(1).months.at(0).attains);  // WB01: COD 12 → I, target II
}

}  // namespace
}  // namespace ecogov
