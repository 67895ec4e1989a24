// Problem kinds, severity, accountability records and the veto fact (issue 5 items 1 and 4).
#include "cases/problem.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace ecogov::cases {
namespace {

TEST(CasesProblem, KindsHaveUniqueIdsAndChineseNamesAndRoundTrip) {
    std::set<std::string_view> ids;
    std::set<std::string_view> names;
    for (ProblemKind k : all_problem_kinds()) {
        EXPECT_TRUE(ids.insert(kind_id(k)).second) << kind_id(k);
        EXPECT_TRUE(names.insert(kind_name_zh(k)).second) << kind_name_zh(k);
        EXPECT_EQ(parse_kind(kind_id(k)), k);
    }
    EXPECT_EQ(ids.size(), 13u);
    EXPECT_EQ(parse_kind("dust"), ProblemKind::dust);
    EXPECT_FALSE(parse_kind("no_such_kind").has_value());
}

TEST(CasesProblem, SevenDamageKindsWithTheirNames) {
    const std::vector<std::string_view> expected{"破坏山体",     "违法占地", "私挖滥采", "违建别墅",
                                                 "围河(库)造地", "违规排放", "毁坏森林"};
    std::vector<std::string_view> damage;
    for (ProblemKind k : all_problem_kinds()) {
        if (is_damage_kind(k)) damage.push_back(kind_name_zh(k));
    }
    EXPECT_EQ(damage, expected);
    EXPECT_FALSE(is_damage_kind(ProblemKind::complaint));
    EXPECT_EQ(kind_id(ProblemKind::illegal_discharge), "illegal_discharge");
    EXPECT_EQ(severity_id(Severity::serious), "serious");
}

Problem serious_case() {
    Problem p;
    p.code = "P-2024-001";
    p.kind = ProblemKind::illegal_mining;
    p.location.township_unit_id = 7;
    p.discovered_on = Date::from_ymd(2024, 3, 1);
    p.severity = Severity::serious;
    return p;
}

AccountabilityRecord record_for(const Problem& p) {
    return AccountabilityRecord{
        p.code,           p.location.township_unit_id, "王书记",           "赵镇长", {21, 22},
        "约谈并通报批评", Date::from_ymd(2024, 5, 10), "登纪发〔2024〕3号"};
}

TEST(CasesVeto, SeriousDamageCaseWithRecordVetoesTownship) {
    const Problem p = serious_case();
    const std::vector<AccountabilityRecord> records{record_for(p)};
    EXPECT_TRUE(is_serious_damage_case(p));
    EXPECT_TRUE(veto_applies(p, records));
}

TEST(CasesVeto, NoVetoWithoutRecordOrSeriousnessOrDamageKind) {
    Problem p = serious_case();
    const std::vector<AccountabilityRecord> records{record_for(p)};
    EXPECT_FALSE(veto_applies(p, {}));

    Problem general = p;
    general.severity = Severity::general;
    EXPECT_FALSE(veto_applies(general, records));

    Problem complaint = p;
    complaint.kind = ProblemKind::complaint;
    EXPECT_FALSE(veto_applies(complaint, records));

    Problem other_case = p;
    other_case.code = "P-2024-999";
    EXPECT_FALSE(veto_applies(other_case, records));

    Problem other_town = p;
    other_town.location.township_unit_id = 8;
    EXPECT_FALSE(veto_applies(other_town, records));
}

TEST(CasesVeto, IncompleteRecordDoesNotVeto) {
    const Problem p = serious_case();
    auto r = record_for(p);
    r.township_head = "";  // 党政同责 needs both
    const std::vector<AccountabilityRecord> records{r};
    EXPECT_FALSE(veto_applies(p, records));
}

TEST(CasesAccountability, ValidateNamesEachMissingField) {
    const Problem p = serious_case();
    EXPECT_TRUE(validate(record_for(p)).has_value());
    auto check = [&](auto mutate, const std::string& field) {
        auto r = record_for(p);
        mutate(r);
        auto v = validate(r);
        ASSERT_FALSE(v.has_value()) << field;
        EXPECT_EQ(v.error().code, ErrorCode::invalid_argument);
        EXPECT_EQ(v.error().field, field);
    };
    check([](AccountabilityRecord& r) { r.case_code = ""; }, "case_code");
    check([](AccountabilityRecord& r) { r.township_unit_id = 0; }, "township_unit_id");
    check([](AccountabilityRecord& r) { r.party_secretary = " "; }, "party_secretary");
    check([](AccountabilityRecord& r) { r.township_head = ""; }, "township_head");
    check([](AccountabilityRecord& r) { r.decision = ""; }, "decision");
    check([](AccountabilityRecord& r) { r.decided_on.reset(); }, "decided_on");
    check([](AccountabilityRecord& r) { r.document = ""; }, "document");
    // Supervising departments are optional.
    auto r = record_for(p);
    r.supervising_unit_ids.clear();
    EXPECT_TRUE(validate(r).has_value());
}

}  // namespace
}  // namespace ecogov::cases
