// Evaluation periods: labels, calendar periods covering a span, period specs.
#include <gtest/gtest.h>

#include "standards/evaluation/periods.hpp"

namespace ecogov {
namespace {

Date ymd(int y, int m, int d) {
    return Date::from_ymd(y, m, d);
}

TEST(EvaluationPeriods, Labels) {
    EXPECT_EQ((Period{PeriodKind::year, {ymd(2019, 1, 1), ymd(2019, 12, 31)}}.label()), "2019");
    EXPECT_EQ((Period{PeriodKind::quarter, {ymd(2019, 1, 1), ymd(2019, 3, 31)}}.label()),
              "2019-Q1");
    EXPECT_EQ((Period{PeriodKind::quarter, {ymd(2019, 10, 1), ymd(2019, 12, 31)}}.label()),
              "2019-Q4");
    EXPECT_EQ((Period{PeriodKind::month, {ymd(2019, 1, 1), ymd(2019, 1, 31)}}.label()), "2019-01");
    EXPECT_EQ((Period{PeriodKind::month, {ymd(2019, 11, 1), ymd(2019, 11, 30)}}.label()),
              "2019-11");
    EXPECT_EQ((Period{PeriodKind::range, {ymd(2019, 1, 1), ymd(2019, 3, 31)}}.label()),
              "2019-01-01..2019-03-31");
}

TEST(EvaluationPeriods, QuartersCoveringASpanAreWhole) {
    const auto q = periods_covering({ymd(2019, 2, 15), ymd(2019, 8, 1)}, PeriodKind::quarter);
    ASSERT_EQ(q.size(), 3u);
    EXPECT_EQ(q[0].label(), "2019-Q1");
    EXPECT_EQ(q[0].days, (DateRange{ymd(2019, 1, 1), ymd(2019, 3, 31)}));
    EXPECT_EQ(q[1].days, (DateRange{ymd(2019, 4, 1), ymd(2019, 6, 30)}));
    EXPECT_EQ(q[2].days, (DateRange{ymd(2019, 7, 1), ymd(2019, 9, 30)}));
}

TEST(EvaluationPeriods, MonthsAcrossAYearAndLeapFebruary) {
    const auto m = periods_covering({ymd(2019, 12, 31), ymd(2020, 2, 1)}, PeriodKind::month);
    ASSERT_EQ(m.size(), 3u);
    EXPECT_EQ(m[0].label(), "2019-12");
    EXPECT_EQ(m[1].label(), "2020-01");
    EXPECT_EQ(m[2].days, (DateRange{ymd(2020, 2, 1), ymd(2020, 2, 29)}));
    EXPECT_EQ(m[2].kind, PeriodKind::month);
}

TEST(EvaluationPeriods, YearsAndRange) {
    const auto y = periods_covering({ymd(2025, 6, 1), ymd(2026, 3, 1)}, PeriodKind::year);
    ASSERT_EQ(y.size(), 2u);
    EXPECT_EQ(y[1].label(), "2026");
    EXPECT_EQ(y[1].days.day_count(), 365);
    const auto r = periods_covering({ymd(2025, 6, 1), ymd(2026, 3, 1)}, PeriodKind::range);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].label(), "2025-06-01..2026-03-01");
    EXPECT_TRUE(periods_covering({ymd(2019, 2, 1), ymd(2019, 1, 1)}, PeriodKind::month).empty());
}

TEST(EvaluationPeriods, ParseSpec) {
    EXPECT_EQ(parse_period_spec("year")->kind, PeriodKind::year);
    EXPECT_EQ(parse_period_spec("quarter")->kind, PeriodKind::quarter);
    EXPECT_EQ(parse_period_spec("month")->kind, PeriodKind::month);
    const auto r = parse_period_spec("2019-01-01..2019-03-31");
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->kind, PeriodKind::range);
    EXPECT_EQ(r->range, (DateRange{ymd(2019, 1, 1), ymd(2019, 3, 31)}));
    EXPECT_FALSE(parse_period_spec("2019-03-31..2019-01-01").has_value());
    EXPECT_FALSE(parse_period_spec("2019-02-30..2019-03-31").has_value());
    EXPECT_FALSE(parse_period_spec("week").has_value());
    EXPECT_FALSE(parse_period_spec("2019-01-01").has_value());
}

}  // namespace
}  // namespace ecogov
