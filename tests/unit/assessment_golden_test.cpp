// Golden test (issue 6 acceptance 2): the demo database and the shipped township scheme give the
// ranking this test computes on its own. The test reads the demo's stations from SQL, takes the
// stations' HJ 633 daily values from the platform (AirQueries, the standards engine) and the
// composite index and water attainment from the standards/water services, then computes every
// mean, ratio, change, item's points, bonus, grade, rank and money amount by its own arithmetic
// (doubles) from the scheme's published rules — never through src/assessment. For townships with
// one station the PM2.5 mean is also recomputed from the stored hours with the test's own SQL.
// The task and problem inputs come from the test's own SQL over ledger_milestones, problems and
// accountability_records (docs/assessment.md "Indicators"), not from the ledger or problem services.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <boost/json.hpp>

#include "observations_test_db.hpp"
#include "services/assessment.hpp"
#include "services/demo_data.hpp"
#include "services/water_targets.hpp"
#include "standards/evaluation/period_evaluation.hpp"

namespace ecogov {
namespace {

std::string shipped_townships() {
    std::ifstream in(std::string(ECOGOV_VECTORS_DIR) + "/../../schemes/townships.toml");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

long long half_even(long long num, long long den) {
    long long q = num / den;
    const long long twice = 2 * (num - q * den);
    if (twice > den || (twice == den && q % 2 != 0)) ++q;
    return q;
}

struct Expected {
    std::string code, group;
    std::optional<double> pm25, pm10, good, composite, yoy, water;
    double total = 0;
    double yuan = 0;
    int rank = 0;
    std::string grade;
    bool vetoed = false, blocked = false;
    double complaints = 0, honours = 0;
    int computed_complaints = 0;
    std::optional<double> tasks, rectification;  // %, none: nothing due / no problem
    int accountable = 0;
};

/// task_completion_rate on the test's own SQL: milestones the unit is responsible for due in
/// `days`, done ones × 100 / all; none when none is due.
std::optional<double> task_rate(storage::Connection& c, std::int64_t unit, DateRange days) {
    const storage::SqlValue p[] = {unit, std::int64_t{days.first.days}, std::int64_t{days.last.days}};
    auto rows = c.query("SELECT state FROM ledger_milestones WHERE responsible_unit_id = $1 AND due_on >= $2 AND due_on <= $3", p);
    if (!rows || rows->empty()) return std::nullopt;
    long long done = 0;
    for (const auto& r : *rows) done += r.text(0) == "done" ? 1 : 0;
    return 100.0 * static_cast<double>(done) / static_cast<double>(rows->size());
}

struct ProblemFigures {
    std::optional<double> rectification;  // %, over the problems discovered in `days`
    int complaints = 0;
    int accountable = 0;  // serious damage cases with an accountability record (secretary and head)
};

/// Problems located in the township, discovered in `days`, dismissed ones left out (own SQL).
ProblemFigures problem_figures(storage::Connection& c, std::int64_t unit, DateRange days) {
    static const std::set<std::string> rectified{"bureau_accepted", "public_notice", "closed"};
    static const std::set<std::string> damage{"mountain_destruction", "illegal_land_occupation", "illegal_mining", "illegal_villa",
                                              "river_reservoir_enclosure", "illegal_discharge", "forest_destruction"};
    const storage::SqlValue p[] = {unit, std::int64_t{days.first.days}, std::int64_t{days.last.days}};
    auto rows = c.query(
        "SELECT p.state, p.kind, p.severity, (SELECT COUNT(*) FROM accountability_records a WHERE a.problem_id = p.id AND "
        "a.township_unit_id = p.township_unit_id AND a.party_secretary <> '' AND a.township_head <> '') "
        "FROM problems p WHERE p.township_unit_id = $1 AND p.discovered_on >= $2 AND p.discovered_on <= $3 AND p.state <> 'dismissed'",
        p);
    ProblemFigures f;
    if (!rows || rows->empty()) return f;
    long long fixed = 0;
    for (const auto& r : *rows) {
        fixed += rectified.contains(r.text(0)) ? 1 : 0;
        f.complaints += r.text(1) == "complaint" ? 1 : 0;
        f.accountable += damage.contains(r.text(1)) && r.text(2) == "serious" && r.integer(3) > 0 ? 1 : 0;
    }
    f.rectification = 100.0 * static_cast<double>(fixed) / static_cast<double>(rows->size());
    return f;
}

std::string group_of(const std::string& code) {
    const int n = std::stoi(code.substr(4));
    return n <= 3 ? "街道" : n <= 12 ? "镇" : "乡及园区";
}

/// PM2.5 mean of one station over `days` straight from the stored hours (own SQL): a day counts
/// when it has >= 20 hourly values (GB 3095 Table 4), its value their mean rounded half-even;
/// the period mean is the mean of the day values, rounded half-even.
std::optional<double> pm25_from_hours(storage::Connection& c, std::int64_t station, DateRange days) {
    const storage::SqlValue p[] = {station, HourLabel::of(days.first, 1).hours, HourLabel::of(days.last, 24).hours};
    auto rows = c.query("SELECT label, pm25 FROM observations WHERE station_id = $1 AND label BETWEEN $2 AND $3 AND pm25 IS NOT NULL", p);
    if (!rows) return std::nullopt;
    std::map<long long, std::pair<long long, long long>> per_day;  // day → (sum, count)
    for (const auto& r : *rows) {
        auto& d = per_day[(r.integer(0) - 1) / 24];
        d.first += r.integer(1);
        ++d.second;
    }
    long long sum = 0, n = 0;
    for (const auto& [day, v] : per_day)
        if (v.second >= 20) {
            sum += half_even(v.first, v.second);
            ++n;
        }
    if (n == 0) return std::nullopt;
    return static_cast<double>(half_even(sum, n));
}

/// Mean of the valid values of one daily indicator, rounded half-even to an integer (GB 3095).
std::optional<double> monthly_mean(const std::vector<DailyValues>& days, DailyIndicator ind) {
    long long sum = 0, n = 0;
    for (const DailyValues& d : days)
        if (d[ind].value) {
            sum += *d[ind].value;
            ++n;
        }
    if (n == 0) return std::nullopt;
    return static_cast<double>(half_even(sum, n));
}

std::optional<double> good_ratio(const std::vector<DailyValues>& days) {
    long long valid = 0, good = 0;
    for (const DailyValues& d : days)
        if (d.aqi.aqi) {
            ++valid;
            if (*d.aqi.aqi <= 100) ++good;
        }
    if (valid == 0) return std::nullopt;
    return static_cast<double>(half_even(good * 1000, valid)) / 10.0;
}

double air_points(const Expected& e) {
    double p = 0;
    if (e.pm25) p += std::max(0.0, 15 - 0.25 * std::max(0.0, *e.pm25 - 35));
    if (e.pm10) p += std::max(0.0, 10 - 0.1 * std::max(0.0, *e.pm10 - 70));
    if (e.good) p += std::max(0.0, 10 - 0.25 * std::max(0.0, 80 - *e.good));
    if (e.yoy) p += std::clamp(10 - (*e.yoy + 10) / 2, 0.0, 10.0);
    p += e.water ? std::clamp((*e.water - 80) / 2, 0.0, 10.0) : 10;  // missing = full
    return p;
}

TEST(AssessmentGolden, DemoTownshipsSeptember2026) {
    testing::TempDb db;
    auto lease = db.db().acquire();
    ASSERT_TRUE(build_demo_data(*lease, db.clock(), Date::from_ymd(2026, 9, 30)));
    const Actor bureau{1, "bureau", Role::bureau, 0};
    // Manual inputs the bureau entered: complaints overriding the computed count (嵩阳街道 has one
    // complaint problem in September), an incident, honours (5, capped at 2).
    auto unit_id = [&](const std::string& code) {
        const storage::SqlValue p[] = {code};
        return lease->query("SELECT id FROM units WHERE code = $1", p)->front().integer(0);
    };
    const std::string at = "2026-10-02T00:00:00Z";
    ASSERT_TRUE(set_manual_input(*lease, bureau, {unit_id("DF-T01"), "", "2026-09", "complaints", "3", "", "", ""}, at));
    ASSERT_TRUE(set_manual_input(*lease, bureau, {unit_id("DF-T10"), "", "2026-09", "heavy_pollution_cases", "1", "", "", ""}, at));
    ASSERT_TRUE(set_manual_input(*lease, bureau, {unit_id("DF-T13"), "", "2026-09", "honours", "5", "", "", ""}, at));
    ASSERT_TRUE(set_manual_input(*lease, bureau, {unit_id("DF-T10"), "", "2026-09", "honours", "2", "", "", ""}, at));
    auto scheme = save_scheme(*lease, bureau, "townships", shipped_townships(), at);
    ASSERT_TRUE(scheme) << scheme.error().message;
    AirQueries air;
    auto run = run_assessment(*lease, air, bureau, scheme->id, "2026-09", at);
    ASSERT_TRUE(run) << run.error().message;

    // The test's own figures.
    const DateRange sep{Date::from_ymd(2026, 9, 1), Date::from_ymd(2026, 9, 30)};
    const DateRange sep_last_year{Date::from_ymd(2025, 9, 1), Date::from_ymd(2025, 9, 30)};
    auto units = lease->query("SELECT id, code FROM units WHERE kind = 'township' ORDER BY code");
    ASSERT_TRUE(units);
    ASSERT_EQ(units->size(), 17U);
    std::vector<Expected> expected;
    int with_air = 0, single_station = 0;
    for (const auto& u : *units) {
        Expected e;
        e.code = u.text(1);
        e.group = group_of(e.code);
        const storage::SqlValue p[] = {u.integer(0)};
        auto rows = lease->query("SELECT id, code, name, kind, unit_id, city FROM stations WHERE unit_id = $1 AND control = 0", p);
        ASSERT_TRUE(rows);
        std::vector<Station> own;
        for (const auto& r : *rows) own.push_back(Station{r.integer(0), r.text(1), r.text(2), r.text(3), r.integer(4), r.text(5), {}, {}, false});
        if (!own.empty()) {
            auto days = air.group_daily(*lease, own, sep);
            auto last = air.group_daily(*lease, own, sep_last_year);
            ASSERT_TRUE(days && last);
            e.pm25 = monthly_mean(*days, DailyIndicator::pm25_24h);
            if (own.size() == 1) {
                EXPECT_EQ(pm25_from_hours(*lease, own.front().id, sep), e.pm25) << e.code;
                ++single_station;
            }
            e.pm10 = monthly_mean(*days, DailyIndicator::pm10_24h);
            e.good = good_ratio(*days);
            if (auto ci = evaluate_period(*days, sep).composite_index) e.composite = static_cast<double>(*ci) / 100.0;
            const auto pm25_last = monthly_mean(*last, DailyIndicator::pm25_24h);
            if (e.pm25 && pm25_last) e.yoy = (*e.pm25 - *pm25_last) / *pm25_last * 100.0;
            ++with_air;
        }
        auto water = water_attainment_facts(*lease, u.integer(0), false, sep);
        ASSERT_TRUE(water);
        if (water->assessed > 0) e.water = 100.0 * water->attaining / water->assessed;
        // Tasks: the month's milestones; problems: complaints of the month, rectification and the
        // veto over the year to the month's end (累计).
        e.tasks = task_rate(*lease, u.integer(0), sep);
        const ProblemFigures month = problem_figures(*lease, u.integer(0), sep);
        const ProblemFigures year = problem_figures(*lease, u.integer(0), {Date::from_ymd(2026, 1, 1), sep.last});
        e.rectification = year.rectification;
        e.accountable = year.accountable;
        e.computed_complaints = month.complaints;
        e.complaints = e.code == "DF-T01" ? 3 : month.complaints;  // the manual input wins
        e.honours = e.code == "DF-T13" ? 5 : e.code == "DF-T10" ? 2 : 0;
        e.vetoed = e.accountable > 0;
        e.blocked = e.code == "DF-T10";
        expected.push_back(e);
    }
    EXPECT_EQ(with_air, 16);
    EXPECT_GT(single_station, 10);
    double pm25_sum = 0;
    int pm25_n = 0;
    for (const Expected& e : expected)
        if (e.pm25) pm25_sum += *e.pm25, ++pm25_n;
    const double base = pm25_sum / pm25_n;
    for (Expected& e : expected) {
        // composite rank within the group (lower better), 15 − (rank − 1), at least 5
        double rank_points = 0;
        if (e.composite) {
            int better = 0;
            for (const Expected& o : expected)
                if (o.group == e.group && o.composite && *o.composite < *e.composite) ++better;
            rank_points = std::max(5.0, 15.0 - better);
        }
        const double ledger = (e.tasks ? std::clamp(*e.tasks / 10, 0.0, 10.0) : 10) +  // ratio, missing = full
                              (e.rectification ? std::clamp(*e.rectification / 10, 0.0, 10.0) : 10) +
                              std::max(0.0, 10 - e.complaints);
        e.total = air_points(e) + rank_points + ledger + std::min(2.0, e.honours);
        e.grade = e.total >= 90 ? "优秀" : e.total >= 70 ? "良好" : e.total >= 60 ? "合格" : "不合格";
        if (e.blocked && e.grade == "优秀") e.grade = "良好";
        if (e.vetoed) e.grade = "不合格";
        if (e.pm25) {
            const double gap = *e.pm25 - base;
            e.yuan = gap > 0 ? -(std::min(gap, 5.0) * 100000 + std::max(0.0, gap - 5) * 200000) : -gap * 50000;
        }
    }
    for (Expected& e : expected) {
        int better = 0;
        for (const Expected& o : expected)
            if (o.group == e.group && o.total > e.total + 1e-6) ++better;
        e.rank = better + 1;
    }

    // The stored run says the same.
    const auto result = boost::json::parse(run->results_json);
    const auto& got = result.at("units").as_array();
    ASSERT_EQ(got.size(), expected.size());
    int compared = 0;
    for (const Expected& e : expected) {
        const boost::json::object* g = nullptr;
        for (const auto& u : got)
            if (u.at("code").as_string() == e.code) g = &u.as_object();
        ASSERT_NE(g, nullptr) << e.code;
        SCOPED_TRACE(e.code);
        EXPECT_NEAR(g->at("total").to_number<double>(), e.total, 0.001);
        EXPECT_EQ(g->at("rank").as_int64(), e.rank);
        EXPECT_EQ(g->at("group").as_string(), e.group);
        EXPECT_EQ(g->at("grade").as_string(), e.grade);
        EXPECT_NEAR(g->at("money").as_array()[0].at("yuan").to_number<double>(), e.yuan, 1.0);
        const auto& items = g->at("items").as_array();
        if (e.pm25) {
            EXPECT_EQ(items[0].at("value").to_number<double>(), *e.pm25);
        }
        if (e.good) {
            EXPECT_NEAR(items[2].at("value").to_number<double>(), *e.good, 1e-9);
        }
        auto value_of = [&](std::size_t i) -> std::optional<double> {
            EXPECT_LT(i, items.size());
            if (i >= items.size() || items[i].at("value").is_null()) return std::nullopt;
            return items[i].at("value").to_number<double>();
        };
        EXPECT_EQ(items[6].at("indicator").as_string(), "task_completion_rate");
        EXPECT_EQ(value_of(6).has_value(), e.tasks.has_value());
        if (e.tasks && value_of(6)) {
            EXPECT_NEAR(*value_of(6), *e.tasks, 0.0001);
        }
        EXPECT_EQ(items[7].at("indicator").as_string(), "rectification_rate");
        EXPECT_EQ(value_of(7).has_value(), e.rectification.has_value());
        if (e.rectification && value_of(7)) {
            EXPECT_NEAR(*value_of(7), *e.rectification, 0.0001);
        }
        EXPECT_EQ(items[8].at("indicator").as_string(), "complaints");
        EXPECT_EQ(value_of(8), std::optional<double>(e.complaints));
        ++compared;
    }
    EXPECT_EQ(compared, 17);
    // The month shows every outcome: a top grade, a precondition that blocks it, a veto.
    auto of = [&](const std::string& code) -> const Expected& {
        return *std::find_if(expected.begin(), expected.end(), [&](const Expected& e) { return e.code == code; });
    };
    EXPECT_EQ(of("DF-T13").grade, "优秀");
    EXPECT_GE(of("DF-T10").total, 90.0);
    EXPECT_EQ(of("DF-T10").grade, "良好");
    // The veto comes from the problems: the demo's serious 私挖滥采 case in 送表矿区 with its
    // accountability record (discovered in April, so counted over the year to September).
    const std::string songbiao = lease->query("SELECT code FROM units WHERE name = '送表矿区'")->front().text(0);
    EXPECT_EQ(of(songbiao).accountable, 1);
    EXPECT_TRUE(of(songbiao).vetoed);
    EXPECT_EQ(of(songbiao).grade, "不合格");
    EXPECT_EQ(std::count_if(expected.begin(), expected.end(), [](const Expected& e) { return e.vetoed; }), 1);
    // The wiring has something to check: some township has tasks due, some has problems, a complaint
    // was counted from the problems.
    EXPECT_TRUE(std::any_of(expected.begin(), expected.end(), [](const Expected& e) { return e.tasks && *e.tasks < 100; }));
    EXPECT_TRUE(std::any_of(expected.begin(), expected.end(), [](const Expected& e) { return e.rectification && *e.rectification < 100; }));
    EXPECT_EQ(of("DF-T01").computed_complaints, 1);  // overridden by the manual 3
    // The ranking has spread (not all equal) and the veto shows its cause.
    EXPECT_NE(run->results_json.find("严重生态破坏案件被问责"), std::string::npos);
    // Sources: the ledger and problems are wired (nothing "pending"); a manual input still wins;
    // a unit with nothing due scores the scheme's `missing = full` and says so.
    EXPECT_EQ(run->inputs_json.find("pending"), std::string::npos);
    EXPECT_NE(run->inputs_json.find("\"serious_damage_accountable\":{\"value\":1,\"source\":\"cases\"}"), std::string::npos);
    EXPECT_NE(run->inputs_json.find("\"task_completion_rate\":{\"value\":"), std::string::npos);
    EXPECT_NE(run->inputs_json.find("\"source\":\"ledger\""), std::string::npos);
    EXPECT_NE(run->inputs_json.find("\"complaints\":{\"value\":3,\"source\":\"manual\"}"), std::string::npos);
    EXPECT_NE(run->results_json.find("无数据（no data）：按方案 missing = full 计满分"), std::string::npos);
}

}  // namespace
}  // namespace ecogov
