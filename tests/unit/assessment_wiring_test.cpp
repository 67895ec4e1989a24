// The assessment's task-ledger indicators (issue 6 item 1, wired to issue 4): a department's
// milestones due in the month give task_completion_rate and task_on_time_rate, its supervision
// notices (督办) due in the month give supervision_answer_rate (answered in time by the CST day of
// the answer), cards count; a unit with nothing due has no rate; problem indicators exist for
// townships only (docs/assessment.md "Indicators").
#include <gtest/gtest.h>

#include "observations_test_db.hpp"
#include "services/assessment_indicators.hpp"
#include "services/ledger.hpp"

namespace ecogov {
namespace {

Date d(int y, int m, int day) {
    return Date::from_ymd(y, m, day);
}

LedgerTask task(std::int64_t lead, std::vector<Date> dues) {
    LedgerTask t;
    t.code = "W-001";
    t.title = "扬尘治理";
    t.category = "dust_control";
    t.content = "内容";
    t.measures = {"围挡"};
    t.lead_unit_id = lead;
    t.responsible_leader = "张三";
    t.responsible_person = "李四";
    t.start = d(2026, 1, 1);
    t.due = d(2026, 12, 31);
    t.priority = "high";
    t.source_document = "登政办〔2026〕1号";
    for (Date due : dues) {
        LedgerMilestone m;
        m.due = due;
        m.deliverable = "成果 " + due.iso();
        t.milestones.push_back(m);
    }
    return t;
}

TEST(AssessmentWiring, LedgerRatesCardsAndSupervisionAnswers) {
    testing::TempDb db;
    const auto town = db.unit("T-A"), dept = db.unit("D-1", "department");
    auto c = db.db().acquire();
    const Actor cli = command_line_actor();
    const std::string at = "2026-09-20T00:00:00Z";
    auto made = create_ledger_task(*c, cli, task(dept, {d(2026, 10, 5), d(2026, 10, 20), d(2026, 10, 28), d(2026, 11, 10)}), at);
    ASSERT_TRUE(made) << made.error().message;
    // Fixture: the first milestone done in time, the second late, the third still pending.
    const storage::SqlValue ok[] = {made->id, std::int64_t{d(2026, 10, 3).days}, std::int64_t{1}};
    ASSERT_TRUE(c->execute("UPDATE ledger_milestones SET state = 'done', done_on = $2 WHERE task_id = $1 AND seq = $3", ok));
    const storage::SqlValue late[] = {made->id, std::int64_t{d(2026, 10, 25).days}, std::int64_t{2}};
    ASSERT_TRUE(c->execute("UPDATE ledger_milestones SET state = 'done', done_on = $2 WHERE task_id = $1 AND seq = $3", late));
    // Notices: one answered 23:00 CST on its deadline day (in time), one 01:00 CST the day after
    // (late), one open and past due, one due next month (not counted).
    auto notice = [&](Date deadline) {
        auto n = create_ledger_notice(*c, cli, {std::nullopt, dept, 1, deadline, "请按期报送"}, d(2026, 10, 1), at);
        EXPECT_TRUE(n) << n.error().message;
        return n->id;
    };
    const auto n1 = notice(d(2026, 10, 10)), n2 = notice(d(2026, 10, 12));
    notice(d(2026, 10, 15));
    notice(d(2026, 11, 5));
    ASSERT_TRUE(answer_ledger_notice(*c, cli, n1, "已报送", "2026-10-10T15:00:00Z"));
    ASSERT_TRUE(answer_ledger_notice(*c, cli, n2, "已报送", "2026-10-12T17:00:00Z"));

    AirQueries air;
    const std::vector<AssessedUnit> units{{town, "T-A", "T-A name", "township"}, {dept, "D-1", "D-1 name", "department"}};
    const std::vector<std::string> wanted{"task_completion_rate", "task_on_time_rate", "yellow_cards", "red_cards",
                                          "supervision_answer_rate", "rectification_rate", "serious_damage_accountable"};
    auto table = compute_indicators(*c, air, units, *assessment::parse_period("2026-10"), wanted);
    ASSERT_TRUE(table) << table.error().message;
    const auto& dv = table->at("D-1");
    // 3 milestones due in October: 2 done (completion 66.6667 %), 1 of them on time (33.3333 %).
    EXPECT_EQ(dv.at("task_completion_rate").value, assessment::parse_fixed("66.6667"));
    EXPECT_EQ(dv.at("task_completion_rate").source, "ledger");
    EXPECT_EQ(dv.at("task_on_time_rate").value, assessment::parse_fixed("33.3333"));
    EXPECT_EQ(dv.at("yellow_cards").value, assessment::fixed_int(0));
    EXPECT_EQ(dv.at("red_cards").value, assessment::fixed_int(0));
    // 3 notices due in October, 1 answered in time.
    EXPECT_EQ(dv.at("supervision_answer_rate").value, assessment::parse_fixed("33.3333"));
    EXPECT_EQ(dv.at("supervision_answer_rate").source, "ledger");
    // Problems are counted per township: a department has no value, a township without problems no rate.
    EXPECT_FALSE(dv.at("rectification_rate").value);
    EXPECT_FALSE(dv.at("serious_damage_accountable").value);
    const auto& tv = table->at("T-A");
    EXPECT_FALSE(tv.at("task_completion_rate").value);  // nothing due
    EXPECT_EQ(tv.at("task_completion_rate").source, "none");
    EXPECT_FALSE(tv.at("supervision_answer_rate").value);
    EXPECT_FALSE(tv.at("rectification_rate").value);
    EXPECT_EQ(tv.at("serious_damage_accountable").value, assessment::fixed_int(0));
    EXPECT_EQ(tv.at("serious_damage_accountable").source, "cases");

    // November: one milestone due, pending at the month's end → 0 %; one notice, open → 0 %.
    auto nov = compute_indicators(*c, air, units, *assessment::parse_period("2026-11"), wanted);
    ASSERT_TRUE(nov);
    EXPECT_EQ(nov->at("D-1").at("task_completion_rate").value, assessment::fixed_int(0));
    EXPECT_EQ(nov->at("D-1").at("supervision_answer_rate").value, assessment::fixed_int(0));
}

}  // namespace
}  // namespace ecogov
