// Station daily values: GB 3095-2012 Table 4, HJ 663-2013 Table A.1 and §6.1.2.
#include <gtest/gtest.h>

#include "standards/averaging/station_day.hpp"

namespace ecogov {
namespace {

const Date kDay = Date::from_ymd(2019, 7, 1);

/// A day with every pollutant at a constant value in every hour (CO in 0.1 mg/m³).
StationDayHours constant_day(std::int32_t so2, std::int32_t no2, std::int32_t co, std::int32_t o3,
                             std::int32_t pm10, std::int32_t pm25) {
    StationDayHours d;
    for (ConcSet& h : d.hours) h = {so2, no2, co, o3, pm10, pm25};
    return d;
}

void set_hour(StationDayHours& d, int label, Pollutant p, Conc v) {
    d.hours[static_cast<std::size_t>(label - 1)][index_of(p)] = v;
}

const CoveredConc& o3_8h(const DailyValues& v) {
    return v[DailyIndicator::o3_8h_max];
}

TEST(AveragingStationDay, TwentyValidHoursGiveA24HourMean) {
    StationDayHours d = constant_day(10, 20, 8, 50, 40, 20);
    for (int label = 21; label <= 24; ++label) set_hour(d, label, Pollutant::so2, std::nullopt);
    const DailyValues v = station_daily_values(kDay, d, RuleSet::hj633_2012);
    EXPECT_EQ(v[DailyIndicator::so2_24h].value, 10);
    EXPECT_EQ(v[DailyIndicator::so2_24h].coverage, (Coverage{20, 24}));
}

TEST(AveragingStationDay, NineteenValidHoursAreInvalid) {
    StationDayHours d = constant_day(10, 20, 8, 50, 40, 20);
    for (int label = 1; label <= 5; ++label) set_hour(d, label, Pollutant::pm25, std::nullopt);
    const DailyValues v = station_daily_values(kDay, d, RuleSet::hj633_2012);
    EXPECT_FALSE(v[DailyIndicator::pm25_24h].value.has_value());
    EXPECT_EQ(v[DailyIndicator::pm25_24h].coverage, (Coverage{19, 24}));
    EXPECT_FALSE(v.complete());
    EXPECT_TRUE(v.aqi.missing.contains(DailyIndicator::pm25_24h));
}

TEST(AveragingStationDay, CoMeanTieRoundsHalfToEven) {
    // 10 hours of 0.8 and 10 of 0.9 mg/m³: mean exactly 0.85 -> 0.8; 0.9/1.0 -> 0.95 -> 1.0.
    StationDayHours d = constant_day(10, 20, 8, 50, 40, 20);
    for (int label = 11; label <= 20; ++label) set_hour(d, label, Pollutant::co, 9);
    for (int label = 21; label <= 24; ++label) set_hour(d, label, Pollutant::co, std::nullopt);
    EXPECT_EQ(station_daily_values(kDay, d, RuleSet::hj633_2012)[DailyIndicator::co_24h].value, 8);
    for (int label = 1; label <= 20; ++label)
        set_hour(d, label, Pollutant::co, label <= 10 ? 9 : 10);
    EXPECT_EQ(station_daily_values(kDay, d, RuleSet::hj633_2012)[DailyIndicator::co_24h].value, 10);
}

TEST(AveragingStationDay, MeanIsRoundedOnTheExactRational) {
    // Exact halves of sum/24 round to even.
    StationDayHours d = constant_day(10, 20, 8, 50, 40, 20);
    set_hour(d, 24, Pollutant::no2, 32);   // (23*20+32)/24 = 20.5 -> 20
    set_hour(d, 24, Pollutant::pm10, 52);  // (23*40+52)/24 = 40.5 -> 40
    set_hour(d, 24, Pollutant::so2, 46);   // (23*10+46)/24 = 11.5 -> 12
    const DailyValues v = station_daily_values(kDay, d, RuleSet::hj633_2012);
    EXPECT_EQ(v[DailyIndicator::no2_24h].value, 20);
    EXPECT_EQ(v[DailyIndicator::pm10_24h].value, 40);
    EXPECT_EQ(v[DailyIndicator::so2_24h].value, 12);
}

TEST(AveragingStationDay, EightHourWindowNeedsSixHours) {
    std::array<Conc, 8> w = {100, 110, std::nullopt, std::nullopt, 100, 110, 100, 111};
    EXPECT_EQ(eight_hour_mean(w), 105);  // 631/6 = 105.17
    w[7] = std::nullopt;
    EXPECT_FALSE(eight_hour_mean(w).has_value());  // 5 of 8
    w = {101, 102, 101, 102, 101, 102, 101, 102};
    EXPECT_EQ(eight_hour_mean(w), 102);  // 101.5 -> 102
}

/// O3 at `value` in labels 1..last_valid, missing afterwards: windows 08..(last_valid+2) valid.
StationDayHours o3_until(int last_valid, std::int32_t value) {
    StationDayHours d = constant_day(10, 20, 8, value, 40, 20);
    for (int label = last_valid + 1; label <= 24; ++label)
        set_hour(d, label, Pollutant::o3, std::nullopt);
    return d;
}

TEST(AveragingStationDay, O3FourteenValidWindowsAreEnough) {
    const DailyValues v = station_daily_values(kDay, o3_until(19, 100), RuleSet::hj633_2026);
    EXPECT_EQ(o3_8h(v).value, 100);
    EXPECT_EQ(o3_8h(v).coverage, (Coverage{14, 17}));
}

TEST(AveragingStationDay, O3ThirteenValidWindowsWithoutExceedanceAreInvalid) {
    const DailyValues v = station_daily_values(kDay, o3_until(18, 160), RuleSet::hj633_2026);
    EXPECT_FALSE(o3_8h(v).value.has_value());
    EXPECT_EQ(o3_8h(v).coverage, (Coverage{13, 17}));
}

TEST(AveragingStationDay, O3ThirteenValidWindowsWithExceedanceAreValid) {
    const DailyValues v = station_daily_values(kDay, o3_until(18, 161), RuleSet::hj633_2026);
    EXPECT_EQ(o3_8h(v).value, 161);
    EXPECT_EQ(o3_8h(v).coverage, (Coverage{13, 17}));
    EXPECT_EQ(v.aqi.iaqi[static_cast<std::size_t>(DailyIndicator::o3_8h_max)], 101);
}

TEST(AveragingStationDay, O3MaxUsesOnlyWindowsLabelled08To24) {
    // Label 01 at 300, the rest 100. Window 08 (labels 01..08) = 1000/8 = 125. A window labelled
    // 06 built from labels 01..06 would give 133 and must not count.
    StationDayHours d = constant_day(10, 20, 8, 100, 40, 20);
    set_hour(d, 1, Pollutant::o3, 300);
    const DailyValues v = station_daily_values(kDay, d, RuleSet::hj633_2012);
    EXPECT_EQ(o3_8h(v).value, 125);
    EXPECT_EQ(o3_8h(v).coverage, (Coverage{17, 17}));
    EXPECT_EQ(v[DailyIndicator::o3_1h_max].value, 300);
}

TEST(AveragingStationDay, O3MaxIsTheLargestRoundedWindow) {
    StationDayHours d = constant_day(10, 20, 8, 100, 40, 20);
    set_hour(d, 24, Pollutant::o3, 204);  // window 24: (7*100+204)/8 = 113
    set_hour(d, 23, Pollutant::o3, 100);
    const DailyValues v = station_daily_values(kDay, d, RuleSet::hj633_2012);
    EXPECT_EQ(o3_8h(v).value, 113);
}

TEST(AveragingStationDay, O3OneHourMaxNeedsTwentyHours) {
    StationDayHours d = constant_day(10, 20, 8, 100, 40, 20);
    set_hour(d, 12, Pollutant::o3, 180);
    for (int label = 1; label <= 4; ++label) set_hour(d, label, Pollutant::o3, std::nullopt);
    EXPECT_EQ(station_daily_values(kDay, d, RuleSet::hj633_2012)[DailyIndicator::o3_1h_max].value,
              180);
    set_hour(d, 5, Pollutant::o3, std::nullopt);
    const DailyValues v = station_daily_values(kDay, d, RuleSet::hj633_2012);
    EXPECT_FALSE(v[DailyIndicator::o3_1h_max].value.has_value());
    EXPECT_EQ(v[DailyIndicator::o3_1h_max].coverage, (Coverage{19, 24}));
    // Under 2012 the O3 1-hour value is reported: the day is incomplete and its AQI <= 100 is NA.
    EXPECT_FALSE(v.complete());
    EXPECT_FALSE(v.aqi.aqi.has_value());
    // Under 2026 it is not reported.
    EXPECT_TRUE(station_daily_values(kDay, d, RuleSet::hj633_2026).complete());
}

TEST(AveragingStationDay, DailyAqiComesFromTheDailyValues) {
    const DailyValues v =
        station_daily_values(kDay, constant_day(10, 20, 8, 100, 40, 76), RuleSet::hj633_2026);
    EXPECT_TRUE(v.complete());
    EXPECT_EQ(v.date, kDay);
    EXPECT_EQ(v.rules, RuleSet::hj633_2026);
    ASSERT_TRUE(v.aqi.aqi.has_value());
    EXPECT_EQ(*v.aqi.aqi, 115);  // PM2.5 76 on the 2026 table: 100 + ceil(50*16/55)
    EXPECT_TRUE(v.aqi.primary.contains(DailyIndicator::pm25_24h));
    const DailyValues old =
        station_daily_values(kDay, constant_day(10, 20, 8, 100, 40, 76), RuleSet::hj633_2012);
    EXPECT_EQ(old.aqi.aqi, 102);  // 2012 table: 100 + ceil(50*1/40)
}

TEST(AveragingStationDay, EpaExtras) {
    StationDayHours d = constant_day(10, 20, 8, 100, 40, 20);
    set_hour(d, 3, Pollutant::so2, 90);
    set_hour(d, 17, Pollutant::no2, 120);
    set_hour(d, 1, Pollutant::co, 40);  // window 08: (40+7*8)/8 = 12
    const DailyValues v = station_daily_values(kDay, d, RuleSet::hj633_2012);
    EXPECT_EQ(v.so2_1h_max.value, 90);
    EXPECT_EQ(v.no2_1h_max.value, 120);
    EXPECT_EQ(v.co_8h_max.value, 12);
    // CO 8h has no exceedance exception: 13 windows are not enough whatever the value.
    StationDayHours e = constant_day(10, 20, 500, 100, 40, 20);
    for (int label = 19; label <= 24; ++label) set_hour(e, label, Pollutant::co, std::nullopt);
    EXPECT_FALSE(station_daily_values(kDay, e, RuleSet::hj633_2012).co_8h_max.value.has_value());
}

}  // namespace
}  // namespace ecogov
