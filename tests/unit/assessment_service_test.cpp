// Assessment on the platform: shipped schemes, stored runs and their reproducibility
// (issue 6 acceptance 3), manual inputs with audit.
#include <gtest/gtest.h>

#include <cmath>

#include <fstream>
#include <sstream>

#include <boost/json.hpp>

#include "assessment/scheme_parser.hpp"
#include "observations_test_db.hpp"
#include "services/assessment.hpp"
#include "services/assessment_demo.hpp"
#include "services/assessment_indicators.hpp"
#include "services/observations.hpp"

namespace ecogov {
namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string shipped(const std::string& name) { return read_text(std::string(ECOGOV_VECTORS_DIR) + "/../../schemes/" + name); }

TEST(AssessmentSchemes, ShippedSchemesParse) {
    for (const char* name : {"townships.toml", "departments.toml"}) {
        auto s = assessment::parse_scheme(shipped(name), name);
        ASSERT_TRUE(s) << s.error().message;
        EXPECT_FALSE(s->items.empty());
        EXPECT_EQ(s->grades.front().name, "优秀");
    }
}

constexpr const char* kScheme = R"(
[scheme]
name = "小方案"
period = "month"
unit_kind = "township"
[[item]]
id = "work"
indicator = "work_rate"
max = 100
rule = "ratio"
missing = "zero"
[[veto]]
id = "damage"
name = "严重破坏"
indicator = "serious_damage_accountable"
op = ">"
value = 0
[[grade]]
name = "优秀"
min = 90
[[grade]]
name = "不合格"
min = 0
)";

boost::json::array units_of(const std::string& results) { return boost::json::parse(results).at("units").as_array(); }

std::string order(const std::string& results) {
    std::string out;
    for (const auto& u : units_of(results))
        out += std::string(u.at("code").as_string()) + ":" + std::to_string(u.at("rank").as_int64()) + " ";
    return out;
}

TEST(AssessmentRuns, OldRunKeepsItsInputsAfterACorrection) {
    testing::TempDb db;
    const auto a = db.unit("TA"), b = db.unit("TB");
    db.unit("TC");
    auto lease = db.db().acquire();
    const Actor bureau{1, "bureau", Role::bureau, 0};
    AirQueries air;
    auto scheme = save_scheme(*lease, bureau, "small", kScheme, "2026-11-01T00:00:00Z");
    ASSERT_TRUE(scheme) << scheme.error().message;
    EXPECT_EQ(scheme->version, 1);
    ASSERT_TRUE(set_manual_input(*lease, bureau, {a, "", "2026-10", "work_rate", "95", "", "", ""}, "2026-11-01T00:00:00Z"));
    ASSERT_TRUE(set_manual_input(*lease, bureau, {b, "", "2026-10", "work_rate", "80.5", "", "", ""}, "2026-11-01T00:00:00Z"));
    auto first = run_assessment(*lease, air, bureau, scheme->id, "2026-10", "2026-11-02T00:00:00Z");
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(order(first->results_json), "TA:1 TB:2 TC:3 ");
    EXPECT_NE(first->inputs_json.find("\"work_rate\":{\"value\":80.5,\"source\":\"manual\"}"), std::string::npos) << first->inputs_json;

    // The correction: TB's rate was 98, and TA had a damage case.
    ASSERT_TRUE(set_manual_input(*lease, bureau, {b, "", "2026-10", "work_rate", "98", "", "", ""}, "2026-11-03T00:00:00Z"));
    ASSERT_TRUE(set_manual_input(*lease, bureau, {a, "", "2026-10", "serious_damage_accountable", "1", "", "", ""}, "2026-11-03T00:00:00Z"));
    auto second = run_assessment(*lease, air, bureau, scheme->id, "2026-10", "2026-11-04T00:00:00Z");
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_NE(second->summary.id, first->summary.id);
    EXPECT_EQ(order(second->results_json), "TB:1 TA:2 TC:3 ");
    const auto second_units = units_of(second->results_json);
    EXPECT_EQ(second_units[1].at("grade").as_string(), "不合格");  // TA: 95 points, vetoed
    EXPECT_EQ(second_units[1].at("vetoes").as_array().size(), 1U);

    auto again = get_run(*lease, first->summary.id);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->results_json, first->results_json);
    EXPECT_EQ(again->inputs_json, first->inputs_json);
    EXPECT_EQ(order(again->results_json), "TA:1 TB:2 TC:3 ");
    EXPECT_NE(again->inputs_json.find("\"value\":80.5"), std::string::npos);
    auto runs = list_runs(*lease, std::string("small"));
    ASSERT_TRUE(runs);
    EXPECT_EQ(runs->size(), 2U);

    // The next month's run compares with the latest run of October.
    ASSERT_TRUE(set_manual_input(*lease, bureau, {b, "", "2026-11", "work_rate", "90", "", "", ""}, "2026-12-01T00:00:00Z"));
    auto november = run_assessment(*lease, air, bureau, scheme->id, "2026-11", "2026-12-02T00:00:00Z");
    ASSERT_TRUE(november);
    const auto nu = units_of(november->results_json);
    EXPECT_EQ(nu[0].at("code").as_string(), "TB");
    EXPECT_EQ(nu[0].at("previous_rank").as_int64(), 1);
    EXPECT_EQ(boost::json::serialize(nu[0].at("change")), "-8");

    // A fractional total (Boost.JSON writes 90.35 as 9.035E1) is read back exactly as the next
    // period's previous total.
    ASSERT_TRUE(set_manual_input(*lease, bureau, {b, "", "2026-11", "work_rate", "90.35", "", "", ""}, "2026-12-03T00:00:00Z"));
    auto november2 = run_assessment(*lease, air, bureau, scheme->id, "2026-11", "2026-12-04T00:00:00Z");
    ASSERT_TRUE(november2);
    auto december = run_assessment(*lease, air, bureau, scheme->id, "2026-12", "2027-01-02T00:00:00Z");
    ASSERT_TRUE(december);
    auto total_of = [](const boost::json::array& units, std::string_view code, const char* key) {
        for (const auto& u : units)
            if (u.at("code").as_string() == code) return u.at(key).to_number<double>();
        return -1.0;
    };
    const double tb_november = total_of(units_of(november2->results_json), "TB", "total");
    ASSERT_NE(tb_november, std::floor(tb_november)) << "the test needs a fractional total";
    EXPECT_DOUBLE_EQ(total_of(units_of(december->results_json), "TB", "previous_total"), tb_november);

    auto audit = lease->query("SELECT COUNT(*) FROM audit_log WHERE entity LIKE 'assessment_%'");
    ASSERT_TRUE(audit);
    EXPECT_EQ(audit->front().integer(0), 1 + 5 + 3 + 3);  // + the fractional check's input and 2 runs
}

TEST(AssessmentRuns, RightsAndValidation) {
    testing::TempDb db;
    const auto a = db.unit("TA");
    auto lease = db.db().acquire();
    const Actor clerk{2, "clerk", Role::unit, a};
    const Actor bureau{1, "bureau", Role::bureau, 0};
    EXPECT_EQ(save_scheme(*lease, clerk, "small", kScheme, "2026-11-01T00:00:00Z").error().code, ErrorCode::forbidden);
    auto bad = save_scheme(*lease, bureau, "small", std::string(kScheme) + "[[item]]\nid = \"w2\"\nindicator = \"x\"\nmax = -1\nrule = \"ratio\"\n",
                           "2026-11-01T00:00:00Z");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message, "small.toml:27: item 'w2' max must be > 0");
    EXPECT_FALSE(set_manual_input(*lease, bureau, {a, "", "2026-13", "x", "1", "", "", ""}, "2026-11-01T00:00:00Z"));
    EXPECT_FALSE(set_manual_input(*lease, bureau, {a, "", "2026-10", "x", "abc", "", "", ""}, "2026-11-01T00:00:00Z"));
    auto s = save_scheme(*lease, bureau, "small", kScheme, "2026-11-01T00:00:00Z");
    ASSERT_TRUE(s);
    AirQueries air;
    EXPECT_EQ(run_assessment(*lease, air, bureau, s->id, "2026-Q3", "2026-11-01T00:00:00Z").error().code, ErrorCode::invalid_argument);
    auto v2 = save_scheme(*lease, bureau, "small", kScheme, "2026-11-02T00:00:00Z");
    ASSERT_TRUE(v2);
    EXPECT_EQ(v2->version, 2);
    auto list = list_schemes(*lease);
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 1U);
    EXPECT_EQ(list->front().version, 2);
}

}  // namespace
}  // namespace ecogov

namespace ecogov {
namespace {

TEST(AssessmentSchemes, DemoSchemesAreTheShippedFiles) {
    EXPECT_EQ(std::string(demo_township_scheme()), shipped("townships.toml"));
    EXPECT_EQ(std::string(demo_department_scheme()), shipped("departments.toml"));
}

}  // namespace
}  // namespace ecogov

namespace ecogov {
namespace {

// Indicator providers: a township's air values come from its own stations, the bureau's from all;
// a unit without stations has none; a rate with nothing due has no value, a count of nothing is 0
// (problem counts for townships only); a manual value replaces a computed one for its unit and
// period only.
TEST(AssessmentIndicators, SourcesAndManualOverride) {
    testing::TempDb db;
    const auto town = db.unit("T1"), other = db.unit("T2"), bureau = db.unit("B", "bureau");
    db.station("DF001", town);
    db.station("DF002", town);
    const DateRange days{Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 2, 28)};
    const std::string csv = testing::generated_csv(2, days, 5);
    auto lease = db.db().acquire();
    ASSERT_TRUE(import_observations(*lease, command_line_actor(), {"t.csv", std::nullopt}, csv, "2026-03-01T00:00:00Z"));
    const Actor admin{1, "admin", Role::admin, 0};
    AirQueries air;
    const std::vector<AssessedUnit> units{{town, "T1", "T1 name", "township"}, {other, "T2", "T2 name", "township"},
                                          {bureau, "B", "B name", "bureau"}};
    const auto period = *assessment::parse_period("2026-02");
    const std::vector<std::string> wanted{"pm25_mean", "good_ratio", "pm25_yoy", "task_completion_rate", "complaints"};
    auto table = compute_indicators(*lease, air, units, period, wanted);
    ASSERT_TRUE(table) << table.error().message;
    const auto& t1 = table->at("T1");
    ASSERT_TRUE(t1.at("pm25_mean").value);
    EXPECT_EQ(t1.at("pm25_mean").source, "air");
    EXPECT_TRUE(t1.at("good_ratio").value);
    EXPECT_FALSE(t1.at("pm25_yoy").value);  // no data a year earlier
    EXPECT_FALSE(t1.at("task_completion_rate").value);  // no milestone due
    EXPECT_EQ(t1.at("task_completion_rate").source, "none");
    EXPECT_EQ(t1.at("complaints").value, assessment::fixed_int(0));
    EXPECT_EQ(t1.at("complaints").source, "cases");
    EXPECT_FALSE(table->at("B").at("complaints").value);  // problems are located in townships
    EXPECT_EQ(table->at("B").at("complaints").source, "none");
    EXPECT_FALSE(table->at("T2").at("pm25_mean").value);  // no station of its own
    EXPECT_EQ(table->at("T2").at("pm25_mean").source, "none");
    EXPECT_EQ(table->at("B").at("pm25_mean").value, t1.at("pm25_mean").value);  // the bureau: every station

    ASSERT_TRUE(set_manual_input(*lease, admin, {town, "", "2026-02", "pm25_mean", "12.5", "复核修正", "", ""}, "2026-03-02T00:00:00Z"));
    ASSERT_TRUE(set_manual_input(*lease, admin, {other, "", "2026-02", "complaints", "3", "", "", ""}, "2026-03-02T00:00:00Z"));
    ASSERT_TRUE(set_manual_input(*lease, admin, {other, "", "2026-01", "complaints", "9", "", "", ""}, "2026-03-02T00:00:00Z"));
    auto again = compute_indicators(*lease, air, units, period, wanted);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->at("T1").at("pm25_mean").value, assessment::parse_fixed("12.5"));
    EXPECT_EQ(again->at("T1").at("pm25_mean").source, "manual");
    EXPECT_EQ(again->at("T2").at("complaints").value, assessment::fixed_int(3));
    EXPECT_EQ(again->at("B").at("pm25_mean").source, "air");
}

}  // namespace
}  // namespace ecogov
