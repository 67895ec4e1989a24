// Problem services on a migrated SQLite database (issue 5 items 1-4): the lifecycle with rights,
// the append-only history, optimistic versioning, evidence, the close and own-acceptance guards,
// the matrix proposal, accountability and the per-township statistics.
#include <gtest/gtest.h>

#include "observations_test_db.hpp"
#include "services/accounts.hpp"
#include "services/audit.hpp"
#include "services/problems.hpp"

namespace ecogov {
namespace {

using testing::TempDb;

class CasesService : public ::testing::Test {
protected:
    void SetUp() override {
        bureau_unit = db.unit("bureau-x", "bureau");
        town = db.unit("town-a");
        other_town = db.unit("town-b");
        dept = db.unit("dept-a", "department");
        bureau1 = user("b1", "bureau", bureau_unit);
        bureau2 = user("b2", "bureau", bureau_unit);
        clerk = user("clerk", "unit", town);
        other_clerk = user("clerk2", "unit", other_town);
    }

    Actor user(const std::string& name, const std::string& role, std::int64_t unit) {
        auto c = db.db().acquire();
        auto u = create_user(*c, db.clock(), command_line_actor(),
                             NewUser{name, name + " 名", role, unit, "Test-pass-2026!"});
        EXPECT_TRUE(u) << (u ? "" : u.error().message);
        return Actor{u ? u->id : 0, name, *parse_role(role), unit};
    }

    ProblemRecord open(const std::string& kind = "illegal_discharge",
                       const std::string& severity = "general") {
        auto c = db.db().acquire();
        NewProblem p;
        p.kind = kind;
        p.township_unit_id = town;
        p.discovered_on = Date::from_ymd(2026, 10, 1);
        p.description = "夜间偷排";
        p.severity = severity;
        auto r = open_problem(*c, db.clock(), bureau1, p);
        EXPECT_TRUE(r) << (r ? "" : r.error().message);
        return r ? *r : ProblemRecord{};
    }

    Result<ProblemRecord> fire(const Actor& who, std::int64_t id, TransitionRequest t) {
        auto c = db.db().acquire();
        if (t.version == 0) {
            auto p = get_problem(*c, id, Date::from_ymd(2026, 11, 18));
            t.version = p->version;
        }
        return apply_transition(*c, db.clock(), who, id, t);
    }

    std::int64_t evidence(const Actor& who, std::int64_t id) {
        auto c = db.db().acquire();
        auto m = add_problem_evidence(*c, db.clock(), who, id,
                                      UploadedFile{"photo.txt", "text/plain", "整改后照片说明"},
                                      AttachmentPolicy{}, "整改后");
        EXPECT_TRUE(m) << (m ? "" : m.error().message);
        return m ? m->id : 0;
    }

    TransitionRequest assign() {
        TransitionRequest t;
        t.event = "assign";
        t.goal = "停止偷排";
        t.measures = {"封堵暗管"};
        t.deadline = Date::from_ymd(2026, 11, 10);
        t.responsible_person = "王明";
        return t;
    }

    TempDb db;
    std::int64_t bureau_unit = 0, town = 0, other_town = 0, dept = 0;
    Actor bureau1, bureau2, clerk, other_clerk;
};

TransitionRequest ev(std::string name) {
    TransitionRequest t;
    t.event = std::move(name);
    return t;
}

TEST_F(CasesService, FullLifecycleWithRightsHistoryAndAudit) {
    const ProblemRecord p = open();
    EXPECT_EQ(p.state, "reported");
    EXPECT_EQ(p.responsible_unit_id, town);
    ASSERT_TRUE(fire(bureau1, p.id, ev("verify")));
    // A clerk cannot assign; a clerk of another township cannot rectify.
    auto clerk_assign = fire(clerk, p.id, assign());
    ASSERT_FALSE(clerk_assign);
    EXPECT_EQ(clerk_assign.error().code, ErrorCode::forbidden);
    auto assigned = fire(bureau1, p.id, assign());
    ASSERT_TRUE(assigned) << assigned.error().message;
    EXPECT_EQ(assigned->warning, "overdue");  // deadline 2026-11-10, today 2026-11-18
    auto foreign = fire(other_clerk, p.id, ev("start_rectification"));
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().code, ErrorCode::forbidden);
    ASSERT_TRUE(fire(clerk, p.id, ev("start_rectification")));
    ASSERT_TRUE(fire(clerk, p.id, ev("submit")));
    const std::int64_t e1 = evidence(clerk, p.id);
    TransitionRequest self = ev("self_accept");
    self.evidence_ids = {e1};
    ASSERT_TRUE(fire(clerk, p.id, self));
    TransitionRequest back = ev("return");
    back.reason = "证据不足";
    auto clerk_return = fire(clerk, p.id, back);  // only the bureau returns at self_accepted
    ASSERT_FALSE(clerk_return);
    EXPECT_EQ(clerk_return.error().code, ErrorCode::forbidden);
    ASSERT_TRUE(fire(bureau1, p.id, back));
    ASSERT_TRUE(fire(clerk, p.id, ev("submit")));
    ASSERT_TRUE(fire(clerk, p.id, self));
    TransitionRequest accept = ev("bureau_accept");
    auto no_evidence = fire(bureau1, p.id, accept);
    ASSERT_FALSE(no_evidence);
    EXPECT_EQ(no_evidence.error().field, "acceptance.evidence_refs");
    accept.evidence_ids = {evidence(bureau1, p.id)};
    ASSERT_TRUE(fire(bureau1, p.id, accept));
    ASSERT_TRUE(fire(bureau1, p.id, ev("publish_notice")));
    auto closed = fire(bureau1, p.id, ev("close"));
    ASSERT_TRUE(closed) << closed.error().message;
    EXPECT_EQ(closed->state, "closed");
    EXPECT_EQ(closed->warning, "none");

    auto c = db.db().acquire();
    auto history = problem_history(*c, p.id);
    ASSERT_TRUE(history);
    std::vector<std::string> events;
    for (const auto& e : *history) events.push_back(e.event);
    EXPECT_EQ(events, (std::vector<std::string>{
                          "register", "verify", "assign", "start_rectification", "submit",
                          "add_evidence", "self_accept", "return", "submit", "self_accept",
                          "add_evidence", "bureau_accept", "publish_notice", "close"}));
    EXPECT_EQ(history->at(7).reason, "证据不足");
    EXPECT_EQ(history->at(7).username, "b1");
    EXPECT_EQ(history->at(5).files.size(), 1u);
    auto verified = verify_audit(*c);
    ASSERT_TRUE(verified);
    EXPECT_TRUE(verified->ok()) << verified->problem;
}

TEST_F(CasesService, StaleVersionIsAConflictAndWritesNothing) {
    const ProblemRecord p = open();
    TransitionRequest verify = ev("verify");
    verify.version = p.version;
    TransitionRequest dismiss = ev("dismiss");
    dismiss.reason = "重复";
    dismiss.version = p.version;
    ASSERT_TRUE(fire(bureau1, p.id, verify));
    auto second = fire(bureau2, p.id, dismiss);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::conflict);
    EXPECT_EQ(second.error().field, "version");
    auto c = db.db().acquire();
    auto history = problem_history(*c, p.id);
    ASSERT_TRUE(history);
    EXPECT_EQ(history->size(), 2u);
}

TEST_F(CasesService, IllegalTransitionNamesStateAndEvent) {
    const ProblemRecord p = open();
    auto r = fire(bureau1, p.id, ev("close"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::conflict);
    EXPECT_NE(r.error().message.find("reported"), std::string::npos);
    EXPECT_NE(r.error().message.find("close"), std::string::npos);
}

TEST_F(CasesService, NobodyAcceptsTheirOwnRectification) {
    const ProblemRecord p = open();
    ASSERT_TRUE(fire(bureau1, p.id, ev("verify")));
    ASSERT_TRUE(fire(bureau1, p.id, assign()));
    ASSERT_TRUE(fire(bureau1, p.id, ev("start_rectification")));
    ASSERT_TRUE(fire(bureau1, p.id, ev("submit")));
    TransitionRequest self = ev("self_accept");
    self.evidence_ids = {evidence(bureau1, p.id)};
    ASSERT_TRUE(fire(bureau1, p.id, self));
    TransitionRequest accept = ev("bureau_accept");
    accept.evidence_ids = self.evidence_ids;
    auto own = fire(bureau1, p.id, accept);
    ASSERT_FALSE(own);
    EXPECT_EQ(own.error().code, ErrorCode::forbidden);
    auto other = fire(bureau2, p.id, accept);
    ASSERT_TRUE(other) << other.error().message;
    EXPECT_EQ(other->state, "bureau_accepted");
}

TEST_F(CasesService, MatrixProposesSupervisorsAndAccountabilityVetoes) {
    auto c = db.db().acquire();
    ASSERT_TRUE(set_matrix_entry(*c, db.clock(), bureau1, MatrixEntry{"mining", "矿山", {dept}}));
    auto refused = set_matrix_entry(*c, db.clock(), clerk, MatrixEntry{"mining", "矿山", {}});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
    NewProblem np;
    np.kind = "illegal_mining";
    np.township_unit_id = town;
    np.discovered_on = Date::from_ymd(2026, 3, 2);
    np.description = "私挖滥采, 破坏山体约 3000 平方米";
    np.severity = "serious";
    np.sector = "mining";
    auto p = open_problem(*c, db.clock(), bureau1, np);
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_EQ(p->supervising_unit_ids, std::vector<std::int64_t>{dept});
    AccountabilityEntry a;
    a.problem_id = p->id;
    a.party_secretary = "张书记";
    a.township_head = "";
    a.decision = "约谈";
    a.decided_on = Date::from_ymd(2026, 4, 1);
    a.document = "登环委〔2026〕3号";
    auto alone = add_accountability(*c, db.clock(), bureau1, a);
    ASSERT_FALSE(alone);
    EXPECT_EQ(alone.error().field, "township_head");
    a.township_head = "李镇长";
    a.supervising_unit_ids = {dept};
    ASSERT_TRUE(add_accountability(*c, db.clock(), bureau1, a));
    auto stats = problem_unit_statistics(*c, Date::from_ymd(2026, 1, 1),
                                         Date::from_ymd(2026, 12, 31));
    ASSERT_TRUE(stats);
    ASSERT_EQ(stats->size(), 2u);
    const auto& s = stats->at(0).unit_id == town ? stats->at(0) : stats->at(1);
    EXPECT_EQ(s.problems, 1);
    EXPECT_EQ(s.serious_damage_cases, 1);
    EXPECT_EQ(s.accountable_cases, 1);
    EXPECT_TRUE(s.veto);
    EXPECT_EQ(s.rectification_rate, 0.0);
    const auto& o = stats->at(0).unit_id == town ? stats->at(1) : stats->at(0);
    EXPECT_FALSE(o.veto);
    EXPECT_FALSE(o.rectification_rate.has_value());
    // A general problem cannot carry an accountability record.
    const ProblemRecord general = open("complaint");
    a.problem_id = general.id;
    auto not_serious = add_accountability(*c, db.clock(), bureau1, a);
    ASSERT_FALSE(not_serious);
    EXPECT_EQ(not_serious.error().code, ErrorCode::conflict);
}

TEST_F(CasesService, AllowedEventsFollowStateAndRole) {
    const ProblemRecord p = open();
    auto c = db.db().acquire();
    EXPECT_EQ(allowed_events(bureau1, p), (std::vector<std::string>{"verify", "dismiss"}));
    EXPECT_TRUE(allowed_events(clerk, p).empty());
    ProblemRecord r = p;
    r.state = "rectifying";
    EXPECT_EQ(allowed_events(clerk, r), (std::vector<std::string>{"report_progress", "submit"}));
    EXPECT_TRUE(allowed_events(other_clerk, r).empty());
    EXPECT_TRUE(allowed_events(Actor{0, "l", Role::leader, bureau_unit}, r).empty());
}

}  // namespace
}  // namespace ecogov
