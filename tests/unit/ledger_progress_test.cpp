// Task progress from milestones (issue 4 item 2, acceptance 1: "and of progress computation").
#include <gtest/gtest.h>

#include <vector>

#include "ledger/task.hpp"

namespace ecogov::ledger {
namespace {

Milestone node(int order, MilestoneState state) {
    Milestone m;
    m.order = order;
    m.due = Date::from_ymd(2025, 6, order);
    m.deliverable = "deliverable " + std::to_string(order);
    m.responsible_unit_id = 7;
    m.state = state;
    if (state == MilestoneState::done) m.completion = Completion{"report:1", m.due};
    return m;
}

TEST(LedgerProgress, NoMilestonesIsZero) {
    const std::vector<Milestone> none;
    const TaskProgress p = task_progress(none);
    EXPECT_EQ(p, (TaskProgress{0, 0}));
    EXPECT_EQ(p.fraction(), 0.0);
    EXPECT_EQ(p.percent(), 0);
}

TEST(LedgerProgress, EqualWeightsLateAndPendingCountAsNotDone) {
    const std::vector<Milestone> ms{node(1, MilestoneState::done), node(2, MilestoneState::late),
                                    node(3, MilestoneState::pending)};
    const TaskProgress p = task_progress(ms);
    EXPECT_EQ(p, (TaskProgress{1, 3}));
    EXPECT_DOUBLE_EQ(p.fraction(), 1.0 / 3.0);
    EXPECT_EQ(p.percent(), 33);
}

TEST(LedgerProgress, HundredOnlyWhenAllDone) {
    std::vector<Milestone> ms{node(1, MilestoneState::done), node(2, MilestoneState::done),
                              node(3, MilestoneState::done)};
    EXPECT_EQ(task_progress(ms).percent(), 100);
    EXPECT_EQ(task_progress(ms).fraction(), 1.0);
    ms.push_back(node(4, MilestoneState::pending));
    EXPECT_EQ(task_progress(ms).percent(), 75);
}

TEST(LedgerProgress, TaskCarriesItsFields) {
    Task t;
    t.code = "DC-2025-01";
    t.title = "Construction-site dust control";
    t.category = "dust_control";
    t.measures = {"cover bare soil", "wash truck wheels"};
    t.lead_unit_id = 3;
    t.cooperating_unit_ids = {4, 5};
    t.start = Date::from_ymd(2025, 3, 1);
    t.due = Date::from_ymd(2025, 12, 31);
    t.priority = Priority::high;
    t.milestones = {node(1, MilestoneState::done), node(2, MilestoneState::pending)};
    EXPECT_EQ(task_progress(t.milestones), (TaskProgress{1, 2}));
    EXPECT_EQ(t.status, TaskStatus::not_started);
    EXPECT_LT(Priority::normal, t.priority);
}

}  // namespace
}  // namespace ecogov::ledger
