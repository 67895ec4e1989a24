// Escalation of supervision notices (督办) at the day boundaries (issue 4 item 5, acceptance 1).
#include <gtest/gtest.h>

#include "ledger/supervision.hpp"

namespace ecogov::ledger {
namespace {

Date d(int y, int m, int day) {
    return Date::from_ymd(y, m, day);
}

TEST(LedgerSupervision, DeadlineDayIsStillInTime) {
    EXPECT_EQ(escalate_notice({1, d(2026, 6, 10), false}, d(2026, 6, 10)), std::nullopt);
    EXPECT_EQ(escalate_notice({1, d(2026, 6, 10), false}, d(2026, 6, 9)), std::nullopt);
}

TEST(LedgerSupervision, DayAfterDeadlineRisesOneLevelWithNewDeadline) {
    EXPECT_EQ(escalate_notice({1, d(2026, 6, 10), false}, d(2026, 6, 11)),
              (NoticeState{2, d(2026, 6, 14), false}));
    // many days late: still one level per sweep
    EXPECT_EQ(escalate_notice({1, d(2026, 6, 10), false}, d(2026, 7, 30)),
              (NoticeState{2, d(2026, 8, 2), false}));
}

TEST(LedgerSupervision, WeekendsCountLikeOtherDays) {
    // 2026-06-13 is a Saturday: a Sunday sweep escalates it
    EXPECT_EQ(escalate_notice({1, d(2026, 6, 13), false}, d(2026, 6, 14)),
              (NoticeState{2, d(2026, 6, 17), false}));
}

TEST(LedgerSupervision, AnsweredOrTopLevelNeverEscalates) {
    EXPECT_EQ(escalate_notice({1, d(2026, 6, 10), true}, d(2026, 7, 1)), std::nullopt);
    EXPECT_EQ(escalate_notice({3, d(2026, 6, 10), false}, d(2026, 7, 1)), std::nullopt);
    EXPECT_EQ(escalate_notice({2, d(2026, 6, 10), false}, d(2026, 7, 1), {2, 3}), std::nullopt);
    EXPECT_EQ(escalate_notice({1, d(2026, 6, 10), false}, d(2026, 6, 11), {5, 7}),
              (NoticeState{2, d(2026, 6, 18), false}));
}

TEST(LedgerSupervision, CodesRoundTrip) {
    for (auto p : {Priority::low, Priority::normal, Priority::high, Priority::urgent})
        EXPECT_EQ(parse_priority(priority_id(p)), p);
    for (auto s :
         {TaskStatus::not_started, TaskStatus::in_progress, TaskStatus::awaiting_acceptance,
          TaskStatus::accepted, TaskStatus::closed, TaskStatus::overdue, TaskStatus::relapsed})
        EXPECT_EQ(parse_status(status_id(s)), s);
    for (auto k : {WarningKind::due_soon, WarningKind::overdue, WarningKind::overdue_unreported})
        EXPECT_EQ(parse_warning(warning_id(k)), k);
    EXPECT_EQ(parse_status("done"), std::nullopt);
    EXPECT_LT(warning_severity(WarningKind::due_soon), warning_severity(WarningKind::overdue));
    EXPECT_LT(warning_severity(WarningKind::overdue),
              warning_severity(WarningKind::overdue_unreported));
}

}  // namespace
}  // namespace ecogov::ledger
