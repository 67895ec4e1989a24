// Air queries over stored observations (services/air_queries.hpp) give exactly what the engine
// computes from the same file directly (make_reader + DailyBuilder + by_city + hourly_aqi).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "observations_test_db.hpp"
#include "services/air_queries.hpp"
#include "services/air_queries_overview.hpp"
#include "services/observations.hpp"
#include "services/targets.hpp"

namespace ecogov {
namespace {

using testing::TempDb;

const DateRange kDays{Date::from_ymd(2025, 12, 20), Date::from_ymd(2026, 1, 10)};

struct Direct final : RecordSink {
    StationIndex names;
    DailyBuilder builder;
    std::vector<std::pair<std::string, HourlyRecord>> first_hours;
    void on_record(const HourlyRecord& r) override { builder.add(names.id_of(r.station), r.label, r.one_hour); }
    void on_issue(const ReadIssue&) override {}
};

std::vector<DailySeries> direct_daily(const std::string& csv) {
    Direct sink;
    auto reader = make_reader(InputFormat::china_sites, sink);
    reader->feed(csv);
    reader->finish();
    return sink.builder.finish(sink.names);
}

void expect_same(const std::vector<DailyValues>& got, const std::vector<DailyValues>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].date, want[i].date);
        EXPECT_EQ(got[i].values, want[i].values) << got[i].date.iso();
        EXPECT_EQ(got[i].aqi.aqi, want[i].aqi.aqi) << got[i].date.iso();
        EXPECT_EQ(got[i].aqi.primary, want[i].aqi.primary);
    }
}

class AirQueriesStored : public ::testing::Test {
protected:
    void SetUp() override {
        const auto u = t.unit("U1");
        for (int i = 1; i <= 3; ++i) stations.push_back(t.station("DF00" + std::to_string(i), u, i == 3));
        csv = testing::generated_csv(3, kDays, 11);
        auto lease = t.db().acquire();
        auto r = import_observations(*lease, command_line_actor(), {"t.csv", std::nullopt}, csv, "2026-01-11T00:00:00Z");
        ASSERT_TRUE(r) << r.error().message;
    }
    TempDb t;
    std::vector<Station> stations;
    std::string csv;
    AirQueries air;
};

TEST_F(AirQueriesStored, StationDailyEqualsEngine) {
    const auto want = direct_daily(csv);
    auto lease = t.db().acquire();
    for (std::size_t i = 0; i < stations.size(); ++i) {
        auto got = air.station_daily(*lease, stations[i], kDays);
        ASSERT_TRUE(got);
        ASSERT_EQ(want[i].name, stations[i].code);
        expect_same(*got, want[i].days);
        auto cached = air.station_daily(*lease, stations[i], kDays);  // from the cache, across the year end
        expect_same(*cached, want[i].days);
    }
}

TEST_F(AirQueriesStored, CityDailyExcludesControlPoint) {
    const auto series = direct_daily(csv);
    std::vector<StationInfo> infos;
    for (const Station& s : stations) infos.push_back(StationInfo{s.code, s.name, s.city, s.control});
    const CityGrouping want = by_city(series, infos, std::nullopt);
    auto lease = t.db().acquire();
    auto got = air.city_daily(*lease, "登封市", kDays);
    ASSERT_TRUE(got);
    ASSERT_EQ(want.cities.size(), 1u);
    expect_same(*got, want.cities[0].days);
    auto missing = air.city_daily(*lease, "nowhere", kDays);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

TEST_F(AirQueriesStored, HourlyAqiEqualsEngine) {
    auto lease = t.db().acquire();
    const DateRange day{Date::from_ymd(2026, 1, 5), Date::from_ymd(2026, 1, 5)};
    auto rows = air.hourly(*lease, stations[0], day);
    ASSERT_TRUE(rows);
    EXPECT_GE(rows->size(), 20u);
    for (const HourlyAqiRow& r : *rows) {
        const HourlyAqi want = hourly_aqi(HourlyInput{r.values, r.aqi.computed_aqi ? Conc{} : Conc{}, {}},
                                          rules_for_hour(r.label));
        EXPECT_EQ(r.aqi.computed_aqi, want.computed_aqi);  // SO2 < 800 here: the 24-hour mean is not used
        EXPECT_EQ(r.label.day(), day.first);
    }
}

TEST_F(AirQueriesStored, EvaluationAndCacheInvalidation) {
    auto lease = t.db().acquire();
    auto days = air.station_daily(*lease, stations[0], kDays);
    ASSERT_TRUE(days);
    const auto spec = parse_period_spec("month");
    const auto rows = air.evaluation("DF001", *days, *spec);
    ASSERT_EQ(rows.size(), 2u);  // December 2025 and January 2026
    EXPECT_EQ(rows[0].evaluation.valid_days, evaluate_period(*days, rows[0].period.days).valid_days);

    // A new batch from another process (the command line: nobody calls data_changed()) changes a
    // value: once the batch check interval (250 ms) has passed, the cached day is recomputed.
    const std::string patch = "date,hour,type,DF001\n20260105,12,PM2.5,900\n";
    auto r = import_observations(*lease, command_line_actor(), {"p.csv", std::nullopt}, patch, "2026-01-12T00:00:00Z");
    ASSERT_TRUE(r);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto after = air.station_daily(*lease, stations[0], DateRange{Date::from_ymd(2026, 1, 5), Date::from_ymd(2026, 1, 5)});
    ASSERT_TRUE(after);
    ASSERT_EQ(after->size(), 1u);
    const auto before = std::find_if(days->begin(), days->end(), [](const DailyValues& d) { return d.date == Date::from_ymd(2026, 1, 5); });
    EXPECT_GT(*(*after)[0][DailyIndicator::pm25_24h].value, *(*before)[DailyIndicator::pm25_24h].value);
}

TEST_F(AirQueriesStored, OverviewAndTargets) {
    auto lease = t.db().acquire();
    const Actor cli = command_line_actor();
    auto target = create_target(*lease, cli, Target{0, stations[0].unit_id, 2026, "pm25_mean", 35, ""}, "2026-01-11T00:00:00Z");
    ASSERT_TRUE(target) << target.error().message;
    auto o = air_overview(*lease, air, std::nullopt);
    ASSERT_TRUE(o) << o.error().message;
    ASSERT_TRUE(o->date);
    EXPECT_EQ(*o->date, kDays.last);
    EXPECT_EQ(o->stations.size(), 3u);
    EXPECT_EQ(o->ranking.size(), 2u);  // the control point is not ranked
    ASSERT_EQ(o->targets.size(), 1u);
    const TargetProgress& p = o->targets[0];
    EXPECT_EQ(p.days_elapsed, 10);
    EXPECT_EQ(p.days_remaining, 355);
    ASSERT_TRUE(p.result.max_mean);
    // The unit's group mean over 1..10 January, by the engine directly.
    auto group = air.group_daily(*lease, stations, DateRange{Date::from_ymd(2026, 1, 1), kDays.last});
    std::int64_t sum = 0, n = 0;
    for (const DailyValues& d : *group)
        if (d[DailyIndicator::pm25_24h].value) sum += *d[DailyIndicator::pm25_24h].value, ++n;
    EXPECT_EQ(*p.result.max_mean, max_remaining_mean(35, sum, n, 355));
}

}  // namespace
}  // namespace ecogov
