// Milestone warnings and escalation cards at the day boundaries (issue 4 item 4, acceptance 1;
// water-soil-assessment.md §7.4).
#include <gtest/gtest.h>

#include <vector>

#include "ledger/warnings.hpp"

namespace ecogov::ledger {
namespace {

Date d(int y, int m, int day) {
    return Date::from_ymd(y, m, day);
}

Milestone node(int order, Date due) {
    Milestone m;
    m.order = order;
    m.due = due;
    m.deliverable = "deliverable";
    m.responsible_unit_id = 7;
    return m;
}

Milestone done_node(int order, Date due, Date done_on) {
    Milestone m = node(order, due);
    m.state = MilestoneState::done;
    m.completion = Completion{"report:42", done_on};
    return m;
}

const std::vector<Date> kNoReports;

// --- warnings ---------------------------------------------------------------------------------

TEST(LedgerWarnings, DueTodayIsDueSoonWithZeroDays) {
    const std::vector<Milestone> ms{node(1, d(2025, 6, 10))};
    EXPECT_EQ(milestone_warnings(ms, kNoReports, d(2025, 6, 10)),
              (std::vector<Warning>{{WarningKind::due_soon, 1, d(2025, 6, 10), 0}}));
}

TEST(LedgerWarnings, DueInSevenDaysWarnsEightDoesNot) {
    const std::vector<Milestone> ms{node(1, d(2025, 6, 17)), node(2, d(2025, 6, 18))};
    EXPECT_EQ(milestone_warnings(ms, kNoReports, d(2025, 6, 10)),
              (std::vector<Warning>{{WarningKind::due_soon, 1, d(2025, 6, 17), 7}}));
}

TEST(LedgerWarnings, DueSoonDaysAreConfigurable) {
    const std::vector<Milestone> ms{node(1, d(2025, 6, 13)), node(2, d(2025, 6, 14))};
    EXPECT_EQ(milestone_warnings(ms, kNoReports, d(2025, 6, 10), WarningPolicy{3}),
              (std::vector<Warning>{{WarningKind::due_soon, 1, d(2025, 6, 13), 3}}));
}

TEST(LedgerWarnings, OverdueByOneDayUnreported) {
    const std::vector<Milestone> ms{node(1, d(2025, 6, 9))};
    EXPECT_EQ(milestone_warnings(ms, kNoReports, d(2025, 6, 10)),
              (std::vector<Warning>{{WarningKind::overdue_unreported, 1, d(2025, 6, 9), 1}}));
}

TEST(LedgerWarnings, ReportOnDueDateMakesItPlainOverdue) {
    const std::vector<Milestone> ms{node(1, d(2025, 6, 9))};
    const std::vector<Date> reports{d(2025, 6, 9)};
    EXPECT_EQ(milestone_warnings(ms, reports, d(2025, 6, 10)),
              (std::vector<Warning>{{WarningKind::overdue, 1, d(2025, 6, 9), 1}}));
}

TEST(LedgerWarnings, ReportBeforeDueOrAfterTodayDoesNotCount) {
    const std::vector<Milestone> ms{node(1, d(2025, 6, 9))};
    const std::vector<Date> reports{d(2025, 6, 8), d(2025, 6, 11)};
    EXPECT_EQ(milestone_warnings(ms, reports, d(2025, 6, 10)),
              (std::vector<Warning>{{WarningKind::overdue_unreported, 1, d(2025, 6, 9), 1}}));
}

TEST(LedgerWarnings, DoneMilestonesNeverWarnEvenWhenDoneLate) {
    const std::vector<Milestone> ms{done_node(1, d(2025, 6, 1), d(2025, 6, 5)),
                                    done_node(2, d(2025, 6, 12), d(2025, 6, 9))};
    EXPECT_TRUE(milestone_warnings(ms, kNoReports, d(2025, 6, 10)).empty());
}

TEST(LedgerWarnings, LateStateStillWarns) {
    Milestone m = node(3, d(2025, 6, 1));
    m.state = MilestoneState::late;
    const std::vector<Milestone> ms{m};
    EXPECT_EQ(milestone_warnings(ms, kNoReports, d(2025, 6, 10)),
              (std::vector<Warning>{{WarningKind::overdue_unreported, 3, d(2025, 6, 1), 9}}));
}

TEST(LedgerWarnings, WeekendsAreCalendarDays) {
    // 2025-06-14 is a Saturday.
    const std::vector<Milestone> ms{node(1, d(2025, 6, 14))};
    EXPECT_EQ(milestone_warnings(ms, kNoReports, d(2025, 6, 13)),
              (std::vector<Warning>{{WarningKind::due_soon, 1, d(2025, 6, 14), 1}}));
    EXPECT_EQ(milestone_warnings(ms, kNoReports, d(2025, 6, 16)),
              (std::vector<Warning>{{WarningKind::overdue_unreported, 1, d(2025, 6, 14), 2}}));
}

TEST(LedgerWarnings, OneWarningPerMilestoneInOrder) {
    const std::vector<Milestone> ms{node(1, d(2025, 6, 1)), node(2, d(2025, 6, 12)),
                                    node(3, d(2025, 7, 1))};
    const std::vector<Date> reports{d(2025, 6, 3)};
    EXPECT_EQ(milestone_warnings(ms, reports, d(2025, 6, 10)),
              (std::vector<Warning>{{WarningKind::overdue, 1, d(2025, 6, 1), 9},
                                    {WarningKind::due_soon, 2, d(2025, 6, 12), 2}}));
}

// --- cards ------------------------------------------------------------------------------------

TEST(LedgerCards, DefaultYellowFromFirstOverdueDay) {
    const std::vector<Milestone> ms{node(1, d(2025, 6, 1))};
    EXPECT_TRUE(task_cards(ms, d(2025, 6, 1)).empty());
    EXPECT_EQ(task_cards(ms, d(2025, 6, 2)),
              (std::vector<Card>{{CardColor::yellow, d(2025, 6, 2), 1,
                                  "milestone overdue: milestone 1 due 2025-06-01 overdue by more "
                                  "than 0 days"}}));
}

TEST(LedgerCards, OverdueMoreThanNDaysBoundary) {
    EscalationPolicy p;
    p.rules.push_back(CardRule{CardTrigger::overdue_more_than, CardColor::yellow, 3, 2,
                               CardColor::yellow, "overdue > 3 days"});
    const std::vector<Milestone> ms{node(1, d(2025, 6, 1))};
    EXPECT_TRUE(task_cards(ms, d(2025, 6, 4), p).empty());
    EXPECT_EQ(task_cards(ms, d(2025, 6, 5), p),
              (std::vector<Card>{{CardColor::yellow, d(2025, 6, 5), 1,
                                  "overdue > 3 days: milestone 1 due 2025-06-01 overdue by more "
                                  "than 3 days"}}));
}

TEST(LedgerCards, MilestoneDoneAfterCardDayKeepsItsCard) {
    const std::vector<Milestone> late{done_node(1, d(2025, 6, 1), d(2025, 6, 2))};
    const std::vector<Milestone> on_time{done_node(1, d(2025, 6, 1), d(2025, 6, 1))};
    ASSERT_EQ(task_cards(late, d(2025, 6, 20)).size(), 1U);
    EXPECT_EQ(task_cards(late, d(2025, 6, 20))[0].issued_on, d(2025, 6, 2));
    EXPECT_TRUE(task_cards(on_time, d(2025, 6, 20)).empty());
}

TEST(LedgerCards, TwoYellowsWithinThirtyDaysMakeRed) {
    // Yellows on 2025-05-02 and 2025-05-31: 29 days apart, inside a 30-day window.
    const std::vector<Milestone> ms{node(1, d(2025, 5, 1)), node(2, d(2025, 5, 30))};
    const std::vector<Card> expected{
        {CardColor::yellow, d(2025, 5, 2), 1,
         "milestone overdue: milestone 1 due 2025-05-01 overdue by more than 0 days"},
        {CardColor::yellow, d(2025, 5, 31), 2,
         "milestone overdue: milestone 2 due 2025-05-30 overdue by more than 0 days"},
        {CardColor::red, d(2025, 5, 31), std::nullopt,
         "two yellow cards within 30 days: cards on 2025-05-02, 2025-05-31"}};
    EXPECT_EQ(task_cards(ms, d(2025, 5, 31)), expected);
    // The day before, only the first yellow exists.
    EXPECT_EQ(task_cards(ms, d(2025, 5, 30)), (std::vector<Card>{expected[0]}));
}

TEST(LedgerCards, TwoYellowsOneDayOutsideWindowStayYellow) {
    // Yellows on 2025-05-02 and 2025-06-01: 30 days apart, one day outside the window.
    const std::vector<Milestone> ms{node(1, d(2025, 5, 1)), node(2, d(2025, 5, 31))};
    const std::vector<Card> cards = task_cards(ms, d(2025, 6, 30));
    ASSERT_EQ(cards.size(), 2U);
    EXPECT_EQ(cards[0].color, CardColor::yellow);
    EXPECT_EQ(cards[0].issued_on, d(2025, 5, 2));
    EXPECT_EQ(cards[1].color, CardColor::yellow);
    EXPECT_EQ(cards[1].issued_on, d(2025, 6, 1));
}

TEST(LedgerCards, YellowsAreConsumedByOneRed) {
    const std::vector<Milestone> ms{node(1, d(2025, 5, 1)), node(2, d(2025, 5, 5)),
                                    node(3, d(2025, 5, 9))};
    const std::vector<Card> cards = task_cards(ms, d(2025, 6, 1));
    ASSERT_EQ(cards.size(), 4U);
    EXPECT_EQ(cards[3].color, CardColor::red);
    EXPECT_EQ(cards[3].issued_on, d(2025, 5, 6));
    EXPECT_EQ(cards[3].reason, "two yellow cards within 30 days: cards on 2025-05-02, 2025-05-06");
}

TEST(LedgerCards, RulesAreData) {
    // Three yellows within 7 days make a red; overdue > 10 days is itself a red.
    EscalationPolicy p;
    p.rules.push_back(
        CardRule{CardTrigger::overdue_more_than, CardColor::yellow, 0, 2, CardColor::yellow, "Y"});
    p.rules.push_back(
        CardRule{CardTrigger::overdue_more_than, CardColor::red, 10, 2, CardColor::yellow, "R"});
    p.rules.push_back(
        CardRule{CardTrigger::cards_within, CardColor::red, 7, 3, CardColor::yellow, "3Y"});
    const std::vector<Milestone> ms{node(1, d(2025, 5, 1)), node(2, d(2025, 5, 3)),
                                    node(3, d(2025, 5, 7))};
    const std::vector<Card> cards = task_cards(ms, d(2025, 5, 12), p);
    ASSERT_EQ(cards.size(), 5U);
    EXPECT_EQ(cards[3], (Card{CardColor::red, d(2025, 5, 12), 1,
                              "R: milestone 1 due 2025-05-01 overdue by more than 10 days"}));
    EXPECT_EQ(cards[4], (Card{CardColor::red, d(2025, 5, 8), std::nullopt,
                              "3Y: cards on 2025-05-02, 2025-05-04, 2025-05-08"}));
}

}  // namespace
}  // namespace ecogov::ledger
