// Demo problems (issue 5 acceptance 4): every kind across the townships, several states, some
// overdue, one serious damage case with its accountability record (veto), an inspection batch.
#include <gtest/gtest.h>

#include <set>

#include "observations_test_db.hpp"
#include "services/audit.hpp"
#include "services/demo_data.hpp"
#include "services/problems.hpp"
#include "services/problems_import.hpp"

namespace ecogov {
namespace {

TEST(CasesDemo, EveryKindSomeOverdueOneVetoedCaseAndABatch) {
    testing::TempDb db;
    const Date last = Date::from_ymd(2026, 11, 17);
    auto lease = db.db().acquire();
    auto built = build_demo_data(*lease, db.clock(), last);
    ASSERT_TRUE(built) << built.error().message;
    EXPECT_EQ(built->problems, 24);
    auto list = list_problems(*lease, {}, last);
    ASSERT_TRUE(list);
    std::set<std::string> kinds, states, townships;
    int overdue = 0, due_soon = 0;
    for (const auto& p : *list) {
        kinds.insert(p.kind);
        states.insert(p.state);
        townships.insert(std::to_string(p.township_unit_id));
        overdue += p.warning == "overdue";
        due_soon += p.warning == "due_soon";
    }
    EXPECT_EQ(kinds.size(), 12u);  // all seeded kinds but dust (opened only by dust monitors)
    // the online-monitoring demo's exceedance run opened one more (services/hj212_demo.cpp)
    EXPECT_EQ(list->size(), 25u);
    int monitoring = 0;
    for (const auto& p : *list)
        monitoring += p.source_reference.starts_with("hj212-alarm-") && p.source == "online_monitoring" &&
                      (p.kind == "dust" || p.kind == "illegal_discharge");
    EXPECT_EQ(monitoring, 1);
    EXPECT_EQ(states.size(), 10u);  // every state
    EXPECT_GE(townships.size(), 15u);
    EXPECT_GE(overdue, 2);
    EXPECT_GE(due_soon, 1);
    auto records = list_accountability(*lease, std::nullopt);
    ASSERT_TRUE(records);
    ASSERT_EQ(records->size(), 1u);
    auto stats = problem_unit_statistics(*lease, Date::from_ymd(2026, 1, 1), last);
    ASSERT_TRUE(stats);
    int vetoed = 0;
    for (const auto& s : *stats) vetoed += s.veto;
    EXPECT_EQ(vetoed, 1);
    auto batches = list_problem_batches(*lease);
    ASSERT_TRUE(batches);
    ASSERT_EQ(batches->size(), 1u);
    EXPECT_EQ(batches->front().problems, 6);
    auto audit = verify_audit(*lease);
    ASSERT_TRUE(audit);
    EXPECT_TRUE(audit->ok()) << audit->problem;
}

}  // namespace
}  // namespace ecogov
