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
            BureauAccept{good_acceptance()},
            Return{"证据不足"},
            PublishNotice{},
            Close{}};
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
    EXPECT_EQ(legal_count, 11);
    EXPECT_EQ(refused_count, 89);
}

TEST(CasesLifecycle, HappyPathReachesClosed) {
    CaseState s = S::reported;
    for (const CaseEvent& e :
         std::vector<CaseEvent>{Verify{}, Assign{good_plan()}, StartRectification{}, Submit{},
                                SelfAccept{good_acceptance()}, BureauAccept{good_acceptance()},
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
    auto b = transition(S::submitted, BureauAccept{good_acceptance()});
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
    auto bureau = transition(*self2, BureauAccept{good_acceptance()});
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
    expect_missing(S::self_accepted, BureauAccept{no_person}, "acceptance.person");
    expect_missing(S::self_accepted, BureauAccept{no_evidence}, "acceptance.evidence_refs");
    expect_missing(S::self_accepted, BureauAccept{blank_evidence}, "acceptance.evidence_refs");
}

TEST(CasesLifecycle, IllegalStateIsReportedBeforeGuard) {
    // An event with bad data in the wrong state is a conflict, not a missing field.
    auto r = transition(S::closed, Dismiss{""});
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ErrorCode::conflict);
}

}  // namespace
}  // namespace ecogov::cases
