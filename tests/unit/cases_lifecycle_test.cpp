// Problem lifecycle state machine (issue 5 item 2): every legal transition, every illegal one
// refused (all state x event pairs), each guard's missing field, return and resubmit.
#include "cases/lifecycle.hpp"

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ecogov::cases {
namespace {

using S = CaseState;

constexpr std::array<CaseState, 10> kStates{
    S::reported,  S::verified,      S::dismissed,       S::assigned,      S::rectifying,
    S::submitted, S::self_accepted, S::bureau_accepted, S::public_notice, S::closed};

RectificationPlan good_plan() {
    return RectificationPlan{
        "停止排放, 达标", {"封堵暗管", "安装在线监测"}, Date::from_ymd(2024, 6, 30), 12, "张三"};
}

Acceptance good_acceptance() {
    return Acceptance{"李四", {"att:101", "att:102"}};
}

// One valid instance of every event, in variant order.
std::vector<CaseEvent> all_events() {
    return {Verify{},
            Dismiss{"重复举报"},
            Assign{good_plan()},
            StartRectification{},
            Submit{},
            SelfAccept{good_acceptance()},
            BureauAccept{good_acceptance(), 0, {}},
            Return{"证据不足"},
            PublishNotice{},
            Close{},
            ReportProgress{"暗管已封堵一半"}};
}

// The legal transitions: (from, event index) -> to.
const std::map<std::pair<CaseState, std::size_t>, CaseState>& legal() {
    static const std::map<std::pair<CaseState, std::size_t>, CaseState> table{
        {{S::reported, 0}, S::verified},
        {{S::reported, 1}, S::dismissed},
        {{S::verified, 2}, S::assigned},
        {{S::assigned, 3}, S::rectifying},
        {{S::rectifying, 4}, S::submitted},
        {{S::submitted, 5}, S::self_accepted},
        {{S::self_accepted, 6}, S::bureau_accepted},
        {{S::submitted, 7}, S::rectifying},
        {{S::self_accepted, 7}, S::rectifying},
        {{S::bureau_accepted, 8}, S::public_notice},
        {{S::public_notice, 9}, S::closed},
        {{S::rectifying, 10}, S::rectifying},
    };
    return table;
}

TEST(CasesLifecycle, EveryStateEventPairIsLegalOrRefusedWithConflict) {
    const auto events = all_events();
    int legal_count = 0;
    int refused_count = 0;
    for (CaseState from : kStates) {
        for (std::size_t i = 0; i < events.size(); ++i) {
            SCOPED_TRACE(std::string(state_id(from)) + " x " + std::string(event_id(events[i])));
            const auto result = transition(from, events[i]);
            const auto it = legal().find({from, i});
            if (it != legal().end()) {
                ASSERT_TRUE(result.has_value()) << result.error().message;
                EXPECT_EQ(*result, it->second);
                ++legal_count;
            } else {
                ASSERT_FALSE(result.has_value());
                EXPECT_EQ(result.error().code, ErrorCode::conflict);
                EXPECT_NE(result.error().message.find(state_id(from)), std::string::npos)
                    << result.error().message;
                EXPECT_NE(result.error().message.find(event_id(events[i])), std::string::npos)
                    << result.error().message;
                ++refused_count;
            }
        }
    }
    EXPECT_EQ(legal_count, 12);
    EXPECT_EQ(refused_count, 98);
}

TEST(CasesLifecycle, HappyPathReachesClosed) {
    CaseState s = S::reported;
    for (const CaseEvent& e :
         std::vector<CaseEvent>{Verify{}, Assign{good_plan()}, StartRectification{}, Submit{},
                                SelfAccept{good_acceptance()}, BureauAccept{good_acceptance(), 0, {}},
                                PublishNotice{}, Close{}}) {
        auto next = transition(s, e);
        ASSERT_TRUE(next.has_value()) << next.error().message;
        s = *next;
    }
    EXPECT_EQ(s, S::closed);
}

TEST(CasesLifecycle, NoSkippingNamesAllowedState) {
    auto r = transition(S::rectifying, Close{});
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::conflict);
    EXPECT_EQ(r.error().message,
              "cannot close a case in state rectifying; close is allowed only from public_notice");
    auto b = transition(S::submitted, BureauAccept{good_acceptance(), 0, {}});
    ASSERT_FALSE(b.has_value());
    EXPECT_NE(b.error().message.find("self_accepted"), std::string::npos);
}

TEST(CasesLifecycle, ReturnAndResubmitAtBothAcceptanceSteps) {
    CaseState s = S::submitted;
    auto r1 = transition(s, Return{"整改不到位"});
    ASSERT_TRUE(r1.has_value());
    EXPECT_EQ(*r1, S::rectifying);
    auto sub = transition(*r1, Submit{});
    ASSERT_TRUE(sub.has_value());
    auto self = transition(*sub, SelfAccept{good_acceptance()});
    ASSERT_TRUE(self.has_value());
    auto r2 = transition(*self, Return{"局验收: 水质未达标"});
    ASSERT_TRUE(r2.has_value());
    EXPECT_EQ(*r2, S::rectifying);
    auto sub2 = transition(*r2, Submit{});
    ASSERT_TRUE(sub2.has_value());
    auto self2 = transition(*sub2, SelfAccept{good_acceptance()});
    ASSERT_TRUE(self2.has_value());
    auto bureau = transition(*self2, BureauAccept{good_acceptance(), 0, {}});
    ASSERT_TRUE(bureau.has_value());
    EXPECT_EQ(*bureau, S::bureau_accepted);
    // Once accepted by the bureau, it can no longer be returned.
    auto late = transition(*bureau, Return{"迟到的退回"});
    ASSERT_FALSE(late.has_value());
    EXPECT_EQ(late.error().code, ErrorCode::conflict);
}

void expect_missing(CaseState from, const CaseEvent& event, const std::string& field) {
    SCOPED_TRACE(field);
    auto r = transition(from, event);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(r.error().field, field);
    EXPECT_NE(r.error().message.find(field), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find(state_id(from)), std::string::npos) << r.error().message;
}

TEST(CasesLifecycle, DismissAndReturnRequireReason) {
    expect_missing(S::reported, Dismiss{""}, "reason");
    expect_missing(S::reported, Dismiss{"  "}, "reason");
    expect_missing(S::submitted, Return{""}, "reason");
    expect_missing(S::self_accepted, Return{"\t"}, "reason");
}

TEST(CasesLifecycle, AssignRequiresEveryPlanField) {
    auto p = good_plan();
    p.goal = "";
    expect_missing(S::verified, Assign{p}, "plan.goal");
    p = good_plan();
    p.measures.clear();
    expect_missing(S::verified, Assign{p}, "plan.measures");
    p = good_plan();
    p.measures.push_back(" ");
    expect_missing(S::verified, Assign{p}, "plan.measures");
    p = good_plan();
    p.deadline.reset();
    expect_missing(S::verified, Assign{p}, "plan.deadline");
    p = good_plan();
    p.responsible_unit_id = 0;
    expect_missing(S::verified, Assign{p}, "plan.responsible_unit_id");
    p = good_plan();
    p.responsible_person = "";
    expect_missing(S::verified, Assign{p}, "plan.responsible_person");
}

TEST(CasesLifecycle, AcceptanceRequiresPersonAndEvidenceAtBothSteps) {
    Acceptance no_person = good_acceptance();
    no_person.person = "";
    Acceptance no_evidence = good_acceptance();
    no_evidence.evidence_refs.clear();
    Acceptance blank_evidence = good_acceptance();
    blank_evidence.evidence_refs.push_back("");
    expect_missing(S::submitted, SelfAccept{no_person}, "acceptance.person");
    expect_missing(S::submitted, SelfAccept{no_evidence}, "acceptance.evidence_refs");
    expect_missing(S::submitted, SelfAccept{blank_evidence}, "acceptance.evidence_refs");
    expect_missing(S::self_accepted, BureauAccept{no_person, 0, {}}, "acceptance.person");
    expect_missing(S::self_accepted, BureauAccept{no_evidence, 0, {}}, "acceptance.evidence_refs");
    expect_missing(S::self_accepted, BureauAccept{blank_evidence, 0, {}}, "acceptance.evidence_refs");
}

TEST(CasesLifecycle, IllegalStateIsReportedBeforeGuard) {
    // An event with bad data in the wrong state is a conflict, not a missing field.
    auto r = transition(S::closed, Dismiss{""});
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::conflict);
}

TEST(CasesLifecycle, ProgressReportKeepsRectifyingAndNeedsANote) {
    auto r = transition(S::rectifying, ReportProgress{"已完成 60%"});
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(*r, S::rectifying);
    expect_missing(S::rectifying, ReportProgress{" "}, "note");
}

TEST(CasesLifecycle, NobodyAcceptsTheirOwnRectification) {
    BureauAccept own{good_acceptance(), 7, {5, 7}};
    auto r = transition(S::self_accepted, own);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::forbidden);
    EXPECT_NE(r.error().message.find("own rectification"), std::string::npos);
    BureauAccept other{good_acceptance(), 9, {5, 7}};
    auto ok = transition(S::self_accepted, other);
    ASSERT_TRUE(ok.has_value()) << ok.error().message;
    EXPECT_EQ(*ok, S::bureau_accepted);
    // The state check comes first: the same event from the wrong state is a conflict.
    auto wrong = transition(S::submitted, own);
    ASSERT_FALSE(wrong.has_value());
    EXPECT_EQ(wrong.error().code, ErrorCode::conflict);
}

TEST(CasesLifecycle, CloseNeedsBothAcceptancesWithEvidenceSinceTheLastReturn) {
    using H = std::vector<PastEvent>;
    const H both{{"submit", 0}, {"self_accept", 1}, {"bureau_accept", 2}, {"publish_notice", 0}};
    EXPECT_TRUE(check_acceptances(both).has_value());
    auto none = check_acceptances(H{{"submit", 0}});
    ASSERT_FALSE(none.has_value());
    EXPECT_EQ(none.error().field, "self_accept");
    auto no_bureau = check_acceptances(H{{"self_accept", 1}});
    ASSERT_FALSE(no_bureau.has_value());
    EXPECT_EQ(no_bureau.error().field, "bureau_accept");
    auto bare_self = check_acceptances(H{{"self_accept", 0}, {"bureau_accept", 1}});
    ASSERT_FALSE(bare_self.has_value());
    EXPECT_EQ(bare_self.error().field, "self_accept");
    auto bare_bureau = check_acceptances(H{{"self_accept", 1}, {"bureau_accept", 0}});
    ASSERT_FALSE(bare_bureau.has_value());
    EXPECT_EQ(bare_bureau.error().field, "bureau_accept");
    // A return voids the acceptances before it.
    auto returned = check_acceptances(H{{"self_accept", 1}, {"bureau_accept", 1}, {"return", 0}});
    ASSERT_FALSE(returned.has_value());
    EXPECT_EQ(returned.error().field, "self_accept");
    EXPECT_TRUE(check_acceptances(H{{"self_accept", 1}, {"return", 0}, {"self_accept", 1},
                                    {"bureau_accept", 1}})
                    .has_value());
}

TEST(CasesLifecycle, DeadlineWarningsOnlyWhileTheUnitMustAct) {
    const Date deadline = Date::from_ymd(2026, 6, 30);
    EXPECT_EQ(deadline_warning(S::rectifying, deadline, Date::from_ymd(2026, 7, 1)),
              DeadlineWarning::overdue);
    EXPECT_EQ(deadline_warning(S::assigned, deadline, Date::from_ymd(2026, 6, 30)),
              DeadlineWarning::due_soon);
    EXPECT_EQ(deadline_warning(S::assigned, deadline, Date::from_ymd(2026, 6, 23)),
              DeadlineWarning::due_soon);
    EXPECT_EQ(deadline_warning(S::assigned, deadline, Date::from_ymd(2026, 6, 22)),
              DeadlineWarning::none);
    EXPECT_EQ(deadline_warning(S::submitted, deadline, Date::from_ymd(2026, 8, 1)),
              DeadlineWarning::none);
    EXPECT_EQ(deadline_warning(S::closed, deadline, Date::from_ymd(2026, 8, 1)),
              DeadlineWarning::none);
    EXPECT_EQ(deadline_warning(S::rectifying, std::nullopt, Date::from_ymd(2026, 8, 1)),
              DeadlineWarning::none);
    EXPECT_EQ(warning_id(DeadlineWarning::overdue), "overdue");
}

TEST(CasesLifecycle, StateIdsRoundTrip) {
    for (CaseState s : kStates) {
        auto back = parse_state(state_id(s));
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(*back, s);
    }
    EXPECT_FALSE(parse_state("open").has_value());
    EXPECT_EQ(all_states().size(), kStates.size());
    EXPECT_TRUE(is_rectified(S::closed));
    EXPECT_FALSE(is_rectified(S::self_accepted));
}

}  // namespace
}  // namespace ecogov::cases
