// Period evaluation: HJ 663-2013 §5/§6 and Appendix A, GB 3095 Table 4, good days (air.md §6.4),
// limits by edition and the composite index (air.md §6.2).
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "standards/evaluation/composite_index.hpp"
#include "standards/evaluation/limits.hpp"
#include "standards/evaluation/period_evaluation.hpp"

namespace ecogov {
namespace {

Date ymd(int y, int m, int d) {
    return Date::from_ymd(y, m, d);
}

struct DaySpec {
    std::int32_t so2, no2, co, pm10, pm25, o3_8h;
};

/// A complete day with the given daily values and its HJ 633 daily AQI.
DailyValues day(Date date, const DaySpec& s) {
    DailyValues v;
    v.date = date;
    v.rules = rules_for_day(date);
    const std::array<std::int32_t, kDailyIndicatorCount> values = {s.so2,  s.no2,   s.co,   s.pm10,
                                                                   s.pm25, s.o3_8h, s.o3_8h};
    DailyConcSet conc{};
    for (std::size_t i = 0; i < values.size(); ++i) {
        v.values[i] = {values[i], {24, 24}};
        conc[i] = values[i];
    }
    v.aqi = daily_aqi(conc, v.rules);
    return v;
}

/// January 2019 with day d (1..31): SO2 10d, NO2 20, CO d (0.1 mg/m³), PM10 50, PM2.5 d, O3 100+d.
std::vector<DailyValues> january() {
    std::vector<DailyValues> out;
    for (int d = 1; d <= 31; ++d)
        out.push_back(day(ymd(2019, 1, d), {10 * d, 20, d, 50, d, 100 + d}));
    return out;
}

const DateRange kJanuary{ymd(2019, 1, 1), ymd(2019, 1, 31)};

TEST(EvaluationPeriod, MeansAndPercentilesOfAMonth) {
    const PeriodEvaluation e = evaluate_period(january(), kJanuary);
    EXPECT_EQ(e[PeriodStatistic::so2_mean].value, 160);
    EXPECT_EQ(e[PeriodStatistic::pm25_mean].value, 16);
    EXPECT_EQ(e[PeriodStatistic::no2_mean].value, 20);
    EXPECT_EQ(e[PeriodStatistic::so2_p98].value, 304);    // k = 30.4: 300 + 0.4*10
    EXPECT_EQ(e[PeriodStatistic::pm25_p95].value, 30);    // k = 29.5: 29.5 -> 30
    EXPECT_EQ(e[PeriodStatistic::co_p95].value, 30);      // 3.0 mg/m³
    EXPECT_EQ(e[PeriodStatistic::o3_8h_p90].value, 128);  // k = 28
    EXPECT_EQ(e[PeriodStatistic::so2_mean].coverage, (Coverage{31, 31}));
    EXPECT_TRUE(e.valid);
    EXPECT_TRUE(e.has_2012_days);
    EXPECT_FALSE(e.has_2026_days);
    EXPECT_EQ(e.limits, Gb3095Edition::gb3095_2012);
}

TEST(EvaluationPeriod, AttainmentAndExceedanceMultiple) {
    const PeriodEvaluation e = evaluate_period(january(), kJanuary);
    const Statistic& so2 = e[PeriodStatistic::so2_mean];  // 160 vs annual 60
    EXPECT_EQ(so2.attained, false);
    EXPECT_EQ(so2.exceedance, 167);                      // 100/60 = 1.6667 -> 1.67
    const Statistic& p98 = e[PeriodStatistic::so2_p98];  // 304 vs 24h 150
    EXPECT_EQ(p98.exceedance, 103);                      // 154/150 = 1.0267 -> 1.03
    EXPECT_EQ(e[PeriodStatistic::pm25_mean].attained, true);
    EXPECT_EQ(e[PeriodStatistic::pm25_mean].exceedance, std::nullopt);
    EXPECT_EQ(e[PeriodStatistic::o3_8h_p90].attained, true);
}

TEST(EvaluationPeriod, ExceedanceMultipleTiesRoundToEven) {
    // NO2 annual limit 40: mean 41 -> 0.025 -> 0.02; mean 43 -> 0.075 -> 0.08.
    std::vector<DailyValues> days = january();
    for (auto& d : days) d.values[static_cast<std::size_t>(DailyIndicator::no2_24h)].value = 41;
    const PeriodEvaluation e41 = evaluate_period(days, kJanuary);
    EXPECT_EQ(e41[PeriodStatistic::no2_mean].exceedance, 2);
    for (auto& d : days) d.values[static_cast<std::size_t>(DailyIndicator::no2_24h)].value = 43;
    const PeriodEvaluation e43 = evaluate_period(days, kJanuary);
    EXPECT_EQ(e43[PeriodStatistic::no2_mean].exceedance, 8);
    for (auto& d : days) d.values[static_cast<std::size_t>(DailyIndicator::no2_24h)].value = 40;
    const PeriodEvaluation e = evaluate_period(days, kJanuary);
    const Statistic& at_limit = e[PeriodStatistic::no2_mean];
    EXPECT_EQ(at_limit.attained, true);
    EXPECT_EQ(at_limit.exceedance, std::nullopt);
}

TEST(EvaluationPeriod, StatisticsFromFewDaysAreComputedButInvalid) {
    std::vector<DailyValues> days = january();
    days.resize(26);
    const PeriodEvaluation e = evaluate_period(days, kJanuary);
    EXPECT_EQ(e[PeriodStatistic::pm25_mean].value, 14);  // 351/26 = 13.5 -> 14
    EXPECT_FALSE(e[PeriodStatistic::pm25_mean].valid);
    EXPECT_EQ(e[PeriodStatistic::pm25_mean].coverage, (Coverage{26, 31}));
    EXPECT_FALSE(e.valid);
    days.push_back(day(ymd(2019, 1, 31), {10, 20, 5, 50, 40, 100}));
    EXPECT_TRUE(evaluate_period(days, kJanuary).valid);
}

TEST(EvaluationPeriod, PercentilesUseOnlyValidDays) {
    std::vector<DailyValues> days = january();
    // Days 29..31 have no valid O3: P90 over 28 days 101..128: k = 25.3 -> 125.3 -> 125.
    for (int i = 28; i < 31; ++i)
        days[static_cast<std::size_t>(i)]
            .values[static_cast<std::size_t>(DailyIndicator::o3_8h_max)]
            .value = std::nullopt;
    const PeriodEvaluation e = evaluate_period(days, kJanuary);
    const Statistic& o3 = e[PeriodStatistic::o3_8h_p90];
    EXPECT_EQ(o3.value, 125);
    EXPECT_EQ(o3.coverage, (Coverage{28, 31}));
    EXPECT_TRUE(o3.valid);
}

TEST(EvaluationPeriod, DaysOutsideThePeriodAreIgnored) {
    std::vector<DailyValues> days = january();
    days.push_back(day(ymd(2019, 2, 1), {900, 20, 5, 50, 40, 100}));
    days.push_back(day(ymd(2018, 12, 31), {900, 20, 5, 50, 40, 100}));
    const PeriodEvaluation e = evaluate_period(days, kJanuary);
    EXPECT_EQ(e[PeriodStatistic::so2_mean].value, 160);
}

TEST(EvaluationPeriod, GoodHeavyAndCategoryDays) {
    std::vector<DailyValues> days;
    const std::array<int, 7> aqis = {30, 80, 120, 180, 250, 350, 0};
    for (std::size_t i = 0; i < aqis.size(); ++i) {
        DailyValues v;
        v.date = ymd(2019, 3, 1) + static_cast<int>(i);
        if (aqis[i] > 0) v.aqi.aqi = aqis[i];  // the last day's AQI is NA
        days.push_back(v);
    }
    const PeriodEvaluation e = evaluate_period(days, {ymd(2019, 3, 1), ymd(2019, 3, 31)});
    EXPECT_EQ(e.valid_days, 6);
    EXPECT_EQ(e.good_days, 2);
    EXPECT_EQ(e.good_ratio, 333);
    EXPECT_EQ(e.heavy_days, 2);
    EXPECT_EQ(e.days_per_category, (std::array<int, 6>{1, 1, 1, 1, 1, 1}));
}

TEST(EvaluationPeriod, HeavyDaysStartAbove200) {
    std::vector<DailyValues> days(3);
    const std::array<int, 3> aqis = {200, 201, 100};
    for (std::size_t i = 0; i < days.size(); ++i) {
        days[i].date = ymd(2019, 3, 1) + static_cast<int>(i);
        days[i].aqi.aqi = aqis[i];
    }
    const PeriodEvaluation e = evaluate_period(days, {ymd(2019, 3, 1), ymd(2019, 3, 31)});
    EXPECT_EQ(e.heavy_days, 1);
    EXPECT_EQ(e.good_days, 1);
    EXPECT_EQ(e.good_ratio, 333);
    EXPECT_EQ(e.days_per_category, (std::array<int, 6>{0, 1, 0, 1, 1, 0}));
}

TEST(EvaluationPeriod, NoValidDaysGiveNoRatio) {
    std::vector<DailyValues> days(1);
    days[0].date = ymd(2019, 3, 1);
    const PeriodEvaluation e = evaluate_period(days, {ymd(2019, 3, 1), ymd(2019, 3, 31)});
    EXPECT_EQ(e.valid_days, 0);
    EXPECT_EQ(e.good_ratio, std::nullopt);
    EXPECT_EQ(e.composite_index, std::nullopt);
    EXPECT_FALSE(e.valid);
}

TEST(EvaluationPeriod, EditionChosenByTheLastDay) {
    // PM10 mean 65: within the 2012 annual limit 70, over the 2026 transition limit 60.
    std::vector<DailyValues> days;
    for (Date d = ymd(2026, 2, 1); d <= ymd(2026, 3, 1); d = d + 1)
        days.push_back(day(d, {10, 20, 8, 65, 30, 100}));
    const PeriodEvaluation feb = evaluate_period(days, {ymd(2026, 2, 1), ymd(2026, 2, 28)});
    EXPECT_EQ(feb.limits, Gb3095Edition::gb3095_2012);
    EXPECT_EQ(feb[PeriodStatistic::pm10_mean].attained, true);
    EXPECT_FALSE(feb.has_2026_days);
    const PeriodEvaluation span = evaluate_period(days, {ymd(2026, 2, 1), ymd(2026, 3, 1)});
    EXPECT_EQ(span.limits, Gb3095Edition::gb3095_2026);
    EXPECT_EQ(span[PeriodStatistic::pm10_mean].attained, false);
    EXPECT_EQ(span[PeriodStatistic::pm10_mean].exceedance, 8);  // 5/60 = 0.0833 -> 0.08
    EXPECT_TRUE(span.has_2012_days);
    EXPECT_TRUE(span.has_2026_days);
}

TEST(EvaluationLimits, EditionInForce) {
    EXPECT_EQ(edition_in_force(ymd(2026, 2, 28)), Gb3095Edition::gb3095_2012);
    EXPECT_EQ(edition_in_force(ymd(2026, 3, 1)), Gb3095Edition::gb3095_2026);
    EXPECT_EQ(edition_in_force(ymd(2030, 12, 31)), Gb3095Edition::gb3095_2026);
    EXPECT_EQ(grade2_limits(Gb3095Edition::gb3095_2026).pm25_24h, 60);
    EXPECT_EQ(grade2_limits(Gb3095Edition::gb3095_2012).pm25_24h, 75);
}

TEST(EvaluationPeriod, CompositeIndexFromTheRoundedStatistics) {
    std::vector<DailyValues> days;
    for (int d = 1; d <= 31; ++d) days.push_back(day(ymd(2019, 1, d), {10, 30, 12, 70, 40, 150}));
    const PeriodEvaluation e = evaluate_period(days, kJanuary);
    EXPECT_EQ(e.composite_index, 430);  // 10/60+30/40+1.2/4+150/160+70/70+40/35 = 4.297
    EvaluationConfig weighted;
    weighted.composite.weight_centi = {100, 200, 100, 200, 100, 300};
    EXPECT_EQ(evaluate_period(days, kJanuary, weighted).composite_index, 827);
}

/// Dates of `range` except those listed.
std::vector<Date> dates_except(DateRange range, const std::vector<Date>& missing) {
    std::vector<Date> out;
    for (Date d = range.first; d <= range.last; d = d + 1)
        if (std::find(missing.begin(), missing.end(), d) == missing.end()) out.push_back(d);
    return out;
}

/// The first `n` days of every month of `year` are missing.
std::vector<Date> missing_first_days(int year, int first_month, int last_month, int n) {
    std::vector<Date> out;
    for (int m = first_month; m <= last_month; ++m)
        for (int d = 1; d <= n; ++d) out.push_back(ymd(year, m, d));
    return out;
}

TEST(EvaluationPeriod, YearNeeds324DaysAndEveryMonth) {
    const DateRange y2019{ymd(2019, 1, 1), ymd(2019, 12, 31)};
    // Days 1..3 of every month missing: 329 valid, February 25, 30-day months 27, others 28.
    std::vector<Date> missing = missing_first_days(2019, 1, 12, 3);
    for (int m : {1, 3, 5, 7, 8}) missing.push_back(ymd(2019, m, 4));  // 324, every month >= 27
    EXPECT_TRUE(period_days_sufficient(y2019, dates_except(y2019, missing)));
    missing.push_back(ymd(2019, 10, 4));  // 323, October still 27
    EXPECT_FALSE(period_days_sufficient(y2019, dates_except(y2019, missing)));
    // 361 days but June with 26: invalid; June with 27: valid.
    std::vector<Date> june = {ymd(2019, 6, 1), ymd(2019, 6, 2), ymd(2019, 6, 3), ymd(2019, 6, 4)};
    EXPECT_FALSE(period_days_sufficient(y2019, dates_except(y2019, june)));
    june.pop_back();
    EXPECT_TRUE(period_days_sufficient(y2019, dates_except(y2019, june)));
}

TEST(EvaluationPeriod, FebruaryNeeds25InLeapAndCommonYears) {
    const DateRange feb2019{ymd(2019, 2, 1), ymd(2019, 2, 28)};
    const DateRange feb2020{ymd(2020, 2, 1), ymd(2020, 2, 29)};
    EXPECT_TRUE(
        period_days_sufficient(feb2019, dates_except(feb2019, missing_first_days(2019, 2, 2, 3))));
    EXPECT_FALSE(
        period_days_sufficient(feb2019, dates_except(feb2019, missing_first_days(2019, 2, 2, 4))));
    EXPECT_TRUE(
        period_days_sufficient(feb2020, dates_except(feb2020, missing_first_days(2020, 2, 2, 4))));
    EXPECT_FALSE(
        period_days_sufficient(feb2020, dates_except(feb2020, missing_first_days(2020, 2, 2, 5))));
}

TEST(EvaluationPeriod, QuarterNeedsEveryMonth) {
    const DateRange q1{ymd(2019, 1, 1), ymd(2019, 3, 31)};
    EXPECT_TRUE(period_days_sufficient(q1, dates_except(q1, missing_first_days(2019, 1, 3, 3))));
    std::vector<Date> missing = missing_first_days(2019, 1, 3, 3);
    missing.push_back(ymd(2019, 2, 28));  // February 24
    EXPECT_FALSE(period_days_sufficient(q1, dates_except(q1, missing)));
}

TEST(EvaluationPeriod, PartialMonthsNeedTheirShare) {
    // 2019-01-10..2019-02-10: January part 22 days needs ceil(22*27/31) = 20; February part 10
    // days needs ceil(270/31) = 9.
    const DateRange r{ymd(2019, 1, 10), ymd(2019, 2, 10)};
    EXPECT_TRUE(period_days_sufficient(
        r, dates_except(r, {ymd(2019, 1, 10), ymd(2019, 1, 11), ymd(2019, 2, 1)})));
    EXPECT_FALSE(period_days_sufficient(
        r, dates_except(r, {ymd(2019, 1, 10), ymd(2019, 1, 11), ymd(2019, 1, 12)})));
    EXPECT_FALSE(period_days_sufficient(r, dates_except(r, {ymd(2019, 2, 1), ymd(2019, 2, 2)})));
    // A range of whole months keeps the monthly rule (27 of 31 days).
    const DateRange two{ymd(2019, 3, 1), ymd(2019, 4, 30)};
    EXPECT_TRUE(period_days_sufficient(two, dates_except(two, missing_first_days(2019, 3, 4, 3))));
    EXPECT_FALSE(period_days_sufficient(two, dates_except(two, missing_first_days(2019, 3, 4, 4))));
}

TEST(EvaluationComposite, DefaultAndCustomWeights) {
    ConcSet s{};
    s[index_of(Pollutant::so2)] = 10;
    s[index_of(Pollutant::no2)] = 30;
    s[index_of(Pollutant::co)] = 12;
    s[index_of(Pollutant::o3)] = 150;
    s[index_of(Pollutant::pm10)] = 70;
    s[index_of(Pollutant::pm25)] = 40;
    EXPECT_EQ(composite_index(s, {}), 430);
    CompositeIndexConfig weighted;
    weighted.weight_centi = {100, 200, 100, 200, 100, 300};
    EXPECT_EQ(composite_index(s, weighted), 827);
}

TEST(EvaluationComposite, MissingStatisticOnlyMattersWithWeight) {
    ConcSet s{};
    s[index_of(Pollutant::pm25)] = 3;
    EXPECT_EQ(composite_index(s, {}), std::nullopt);
    CompositeIndexConfig only_pm25;
    only_pm25.weight_centi = {0, 0, 0, 0, 0, 100};
    only_pm25.limit[index_of(Pollutant::pm25)] = 8;
    EXPECT_EQ(composite_index(s, only_pm25), 38);  // 3/8 = 0.375 -> 0.38
    s[index_of(Pollutant::pm25)] = 1;
    EXPECT_EQ(composite_index(s, only_pm25), 12);  // 0.125 -> 0.12
}

}  // namespace
}  // namespace ecogov
