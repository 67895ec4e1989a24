// City daily values: HJ 663-2013 §6.1.4 and Table A.2.
#include <gtest/gtest.h>

#include <vector>

#include "standards/averaging/city_day.hpp"

namespace ecogov {
namespace {

const Date kDay = Date::from_ymd(2019, 7, 1);

/// A station day with valid values on every indicator (scaled; CO in 0.1 mg/m³).
DailyValues station(std::int32_t so2, std::int32_t no2, std::int32_t co, std::int32_t pm10,
                    std::int32_t pm25, std::int32_t o3_8h, std::int32_t o3_1h) {
    DailyValues v;
    v.date = kDay;
    const std::array<std::int32_t, kDailyIndicatorCount> values = {so2,  no2,   co,   pm10,
                                                                   pm25, o3_8h, o3_1h};
    for (std::size_t i = 0; i < values.size(); ++i) v.values[i] = {values[i], {24, 24}};
    v.co_8h_max = {co, {17, 17}};
    v.so2_1h_max = {so2, {24, 24}};
    v.no2_1h_max = {no2, {24, 24}};
    return v;
}

DailyValues station_pm25(std::optional<std::int32_t> pm25) {
    DailyValues v = station(10, 20, 8, 40, 0, 100, 120);
    v.values[static_cast<std::size_t>(DailyIndicator::pm25_24h)] = {
        pm25, {static_cast<std::uint16_t>(pm25 ? 24 : 10), 24}};
    return v;
}

std::vector<const DailyValues*> pointers(const std::vector<DailyValues>& v) {
    std::vector<const DailyValues*> out;
    for (const DailyValues& d : v) out.push_back(&d);
    return out;
}

Conc city_pm25(const std::vector<DailyValues>& stations, int count) {
    const auto ptrs = pointers(stations);
    return city_daily_values(kDay, ptrs, count, RuleSet::hj633_2012)[DailyIndicator::pm25_24h]
        .value;
}

TEST(AveragingCityDay, SeventyFivePercentOfFourOrMoreStations) {
    // 4 stations: 3 valid are enough, 2 are not.
    EXPECT_EQ(
        city_pm25(
            {station_pm25(30), station_pm25(31), station_pm25(33), station_pm25(std::nullopt)}, 4),
        31);  // 94/3 = 31.3
    EXPECT_EQ(city_pm25({station_pm25(30), station_pm25(31), station_pm25(std::nullopt),
                         station_pm25(std::nullopt)},
                        4),
              std::nullopt);
    // 5 stations need 4 (3.75 rounded up).
    EXPECT_EQ(city_pm25({station_pm25(30), station_pm25(31), station_pm25(33)}, 5), std::nullopt);
}

TEST(AveragingCityDay, FiftyPercentBelowFourStations) {
    EXPECT_EQ(city_pm25({station_pm25(30), station_pm25(std::nullopt), station_pm25(31)}, 3), 30);
    EXPECT_EQ(
        city_pm25({station_pm25(30), station_pm25(std::nullopt), station_pm25(std::nullopt)}, 3),
        std::nullopt);
    EXPECT_EQ(city_pm25({station_pm25(41), station_pm25(std::nullopt)}, 2), 41);
}

TEST(AveragingCityDay, StationsWithoutDataStillCountInTheDenominator) {
    // Three stations report, but the city has four: 3 >= 3, valid; with six stations, 3 < 5.
    const std::vector<DailyValues> s = {station_pm25(30), station_pm25(32), station_pm25(34)};
    EXPECT_EQ(city_pm25(s, 4), 32);
    EXPECT_EQ(city_pm25(s, 6), std::nullopt);
    const auto ptrs = pointers(s);
    const DailyValues c = city_daily_values(kDay, ptrs, 6, RuleSet::hj633_2012);
    EXPECT_EQ(c[DailyIndicator::pm25_24h].coverage, (Coverage{3, 6}));
}

TEST(AveragingCityDay, MeanRoundsHalfToEven) {
    EXPECT_EQ(city_pm25({station_pm25(35), station_pm25(36)}, 2), 36);  // 35.5
    EXPECT_EQ(city_pm25({station_pm25(34), station_pm25(35)}, 2), 34);  // 34.5
}

TEST(AveragingCityDay, ControlPointExcludedByTheCaller) {
    // Four city stations plus a control point (对照点) at 5: the caller passes only the four.
    const std::vector<DailyValues> city = {station_pm25(40), station_pm25(42), station_pm25(44),
                                           station_pm25(46)};
    const DailyValues control = station_pm25(5);
    EXPECT_EQ(city_pm25(city, 4), 43);
    std::vector<DailyValues> with_control = city;
    with_control.push_back(control);
    EXPECT_EQ(city_pm25(with_control, 5), 35);  // 177/5 = 35.4: what including it would give
}

TEST(AveragingCityDay, O3IsTheMeanOfStationMaxima) {
    const std::vector<DailyValues> s = {station(10, 20, 8, 40, 20, 150, 190),
                                        station(12, 22, 9, 44, 22, 171, 210)};
    const auto ptrs = pointers(s);
    const DailyValues c = city_daily_values(kDay, ptrs, 2, RuleSet::hj633_2012);
    EXPECT_EQ(c[DailyIndicator::o3_8h_max].value, 160);  // 160.5 -> 160
    EXPECT_EQ(c[DailyIndicator::o3_1h_max].value, 200);
    EXPECT_EQ(c[DailyIndicator::co_24h].value, 8);  // 0.85 -> 0.8 mg/m³
    EXPECT_EQ(c[DailyIndicator::so2_24h].value, 11);
    EXPECT_EQ(c.co_8h_max.value, 8);
    EXPECT_EQ(c.no2_1h_max.value, 21);
    EXPECT_EQ(c.date, kDay);
}

TEST(AveragingCityDay, AqiFromCityConcentrationsNotFromStationAqis) {
    // PM2.5 74 and 76 (IAQI 99 and 102 under 2012): the city mean 75 gives exactly 100.
    const std::vector<DailyValues> s = {station(10, 20, 8, 40, 74, 100, 120),
                                        station(10, 20, 8, 40, 76, 100, 120)};
    const auto ptrs = pointers(s);
    const DailyValues c = city_daily_values(kDay, ptrs, 2, RuleSet::hj633_2012);
    EXPECT_EQ(c[DailyIndicator::pm25_24h].value, 75);
    EXPECT_EQ(c.aqi.aqi, 100);
    EXPECT_EQ(c.rules, RuleSet::hj633_2012);
    EXPECT_TRUE(c.complete());
}

}  // namespace
}  // namespace ecogov
