// Hand-computed examples for every rule kind of the assessment engine (issue 6 acceptance 1).
#include <gtest/gtest.h>

#include "assessment/engine.hpp"
#include "assessment/scheme_parser.hpp"

namespace ecogov::assessment {
namespace {

Fixed f(std::string_view s) { return *parse_fixed(s); }

Scheme parse(std::string_view text) {
    auto s = parse_scheme(text, "test.toml");
    EXPECT_TRUE(s.has_value()) << (s ? "" : s.error().message);
    return s ? *s : Scheme{};
}

constexpr std::string_view kGrades = R"(
[[grade]]
name = "优秀"
min = 90
[[grade]]
name = "良好"
min = 70
[[grade]]
name = "合格"
min = 60
[[grade]]
name = "不合格"
min = -1000
)";

std::string with_grades(std::string_view body) {
    return "[scheme]\nname = \"t\"\nunit_kind = \"township\"\n" + std::string(body) + std::string(kGrades);
}

UnitInput unit(std::string code, std::map<std::string, std::optional<Fixed>> values) {
    return UnitInput{code, code, std::move(values)};
}

const UnitResult& find(const Ranking& r, std::string_view code) {
    for (const UnitResult& u : r.units)
        if (u.code == code) return u;
    throw std::runtime_error("no unit");
}

TEST(AssessmentFixed, ArithmeticRoundsHalfToEven) {
    EXPECT_EQ(fixed_text(fixed_mul(f("0.25"), f("3.3"))), "0.825");
    EXPECT_EQ(fixed_text(fixed_div(f("1"), f("3"))), "0.3333");
    EXPECT_EQ(fixed_text(fixed_muldiv(f("0.00005"), f("1"), f("1"))), "0");  // 0.00005 → 0.0000 (half to even)
    EXPECT_EQ(fixed_text(f("0.00015")), "0.0002");
    EXPECT_EQ(fixed_text(f("-2.50")), "-2.5");
    EXPECT_EQ(*fixed_from_double(0.1), 1000);
    EXPECT_FALSE(parse_fixed("1e3"));
}

TEST(AssessmentRules, PerUnitDeductionWithFloorAndCap) {
    // PM10: 3 points, 0.5 per µg/m³ above 35, 扣完为止 (floor 0), as §5.3(a).
    const Scheme s = parse(with_grades(R"(
[[item]]
id = "pm10"
indicator = "pm10_mean"
max = 3
rule = "per_unit"
target = 35
points_per_unit = 0.5
floor = 0
[[item]]
id = "capped"
indicator = "pm10_mean"
max = 3
rule = "per_unit"
target = 35
points_per_unit = 0.5
cap = 2
[[item]]
id = "nofloor"
indicator = "pm10_mean"
max = 3
rule = "per_unit"
target = 35
points_per_unit = 0.5
[[item]]
id = "good"
indicator = "good_ratio"
max = 1
rule = "per_unit"
better = "higher"
target = 80
points_per_unit = 0.25
)"));
    const Ranking r = score(s, "2026-10",
                            {unit("A", {{"pm10_mean", f("38.2")}, {"good_ratio", f("76.5")}}),
                             unit("B", {{"pm10_mean", f("45")}, {"good_ratio", f("85")}}),
                             unit("C", {{"pm10_mean", f("30")}, {"good_ratio", f("80")}})},
                            {});
    const UnitResult& a = find(r, "A");
    EXPECT_EQ(a.items[0].points, f("1.4"));    // 3 − 3.2 × 0.5
    EXPECT_EQ(a.items[1].points, f("1.4"));    // deduction 1.6 under the cap of 2
    EXPECT_EQ(a.items[3].points, f("0.125"));  // 1 − 3.5 × 0.25
    const UnitResult& b = find(r, "B");
    EXPECT_EQ(b.items[0].points, 0);          // 3 − 5 floored at 0 (扣完为止)
    EXPECT_EQ(b.items[1].points, f("1"));     // deduction 5 capped at 2
    EXPECT_EQ(b.items[2].points, f("-2"));    // 扣分不保底
    EXPECT_EQ(b.items[3].points, f("1"));
    EXPECT_NE(b.items[0].explanation.find("扣完为止"), std::string::npos);
    EXPECT_EQ(find(r, "C").items[0].points, f("3"));
    EXPECT_EQ(find(r, "C").items[3].points, f("1"));  // exactly on target
}

TEST(AssessmentRules, LinearBetweenThresholds) {
    // 下游交接断面达标率: 70 × rate − 63 between 90 % (0 points) and 100 % (7), §5.3(d).
    const Scheme s = parse(with_grades(R"(
[[item]]
id = "sections"
indicator = "water_attainment"
max = 7
rule = "linear"
x0 = 90
y0 = 0
x1 = 100
y1 = 7
)"));
    const Ranking r = score(s, "2026", {unit("A", {{"water_attainment", f("95")}}), unit("B", {{"water_attainment", f("85")}}),
                                        unit("C", {{"water_attainment", f("97.3")}}), unit("D", {{"water_attainment", f("100")}})},
                            {});
    EXPECT_EQ(find(r, "A").items[0].points, f("3.5"));
    EXPECT_EQ(find(r, "B").items[0].points, 0);
    EXPECT_EQ(find(r, "C").items[0].points, f("5.11"));  // 70 × 0.973 − 63
    EXPECT_EQ(find(r, "D").items[0].points, f("7"));
}

TEST(AssessmentRules, RatioTimesPoints) {
    const Scheme s = parse(with_grades(R"(
[[item]]
id = "tasks"
indicator = "task_completion_rate"
max = 10
rule = "ratio"
)"));
    const Ranking r = score(s, "2026-10", {unit("A", {{"task_completion_rate", f("87.5")}}), unit("B", {{"task_completion_rate", f("120")}})}, {});
    EXPECT_EQ(find(r, "A").items[0].points, f("8.75"));
    EXPECT_EQ(find(r, "B").items[0].points, f("10"));
}

TEST(AssessmentRules, PassFail) {
    const Scheme s = parse(with_grades(R"(
[[item]]
id = "no_heavy"
indicator = "heavy_days"
max = 5
rule = "pass_fail"
op = "<="
value = 0
fail_points = 1
)"));
    const Ranking r = score(s, "2026-10", {unit("A", {{"heavy_days", 0}}), unit("B", {{"heavy_days", f("2")}})}, {});
    EXPECT_EQ(find(r, "A").items[0].points, f("5"));
    EXPECT_EQ(find(r, "B").items[0].points, f("1"));
}

TEST(AssessmentRules, RankBasedPointsShareTiedRanks) {
    const Scheme s = parse(with_grades(R"(
[[item]]
id = "pm25_rank"
indicator = "pm25_mean"
max = 10
rule = "rank"
points_per_rank = 2
min = 3
)"));
    const Ranking r = score(s, "2026-10",
                            {unit("A", {{"pm25_mean", f("30")}}), unit("B", {{"pm25_mean", f("35")}}), unit("C", {{"pm25_mean", f("35")}}),
                             unit("D", {{"pm25_mean", f("40")}}), unit("E", {{"pm25_mean", f("50")}}), unit("F", {})},
                            {});
    EXPECT_EQ(find(r, "A").items[0].points, f("10"));
    EXPECT_EQ(find(r, "B").items[0].points, f("8"));
    EXPECT_EQ(find(r, "C").items[0].points, f("8"));
    EXPECT_EQ(find(r, "D").items[0].points, f("4"));  // rank 4 (1, 2, 2, 4)
    EXPECT_EQ(find(r, "E").items[0].points, f("3"));  // 10 − 8 = 2, floored at 3
    EXPECT_EQ(find(r, "F").items[0].points, 0);       // no data: missing = zero
    EXPECT_NE(find(r, "F").items[0].explanation.find("无数据"), std::string::npos);
}

TEST(AssessmentRanking, TiesShareARankCompetitionStyle) {
    const Scheme s = parse(with_grades(R"(
[[item]]
id = "score"
indicator = "x"
max = 100
rule = "ratio"
)"));
    const Ranking r = score(s, "2026-10", {unit("A", {{"x", f("80")}}), unit("B", {{"x", f("90")}}), unit("C", {{"x", f("90")}}),
                                           unit("D", {{"x", f("70")}})},
                            {});
    ASSERT_EQ(r.units.size(), 4U);
    EXPECT_EQ(r.units[0].code, "B");
    EXPECT_EQ(r.units[0].rank, 1);
    EXPECT_EQ(r.units[1].code, "C");
    EXPECT_EQ(r.units[1].rank, 1);
    EXPECT_EQ(r.units[2].code, "A");
    EXPECT_EQ(r.units[2].rank, 3);
    EXPECT_EQ(r.units[3].rank, 4);
    EXPECT_EQ(r.units[0].grade, "优秀");
    EXPECT_EQ(r.units[2].grade, "良好");
}

TEST(AssessmentRanking, VetoAndPreconditionAndBonus) {
    const Scheme s = parse(with_grades(R"(
[[item]]
id = "score"
indicator = "x"
max = 100
rule = "ratio"
[[bonus]]
id = "honours"
indicator = "honours"
points_per_unit = 1
cap = 2
[[precondition]]
id = "no_heavy_case"
name = "无重大污染事件"
indicator = "heavy_pollution_cases"
op = "=="
value = 0
blocks = "优秀"
missing = "met"
[[veto]]
id = "serious_damage"
name = "严重生态破坏案件被问责"
indicator = "serious_damage_accountable"
op = ">"
value = 0
effect = "fail"
)"));
    const Ranking r = score(s, "2026-10",
                            {unit("A", {{"x", f("95")}, {"serious_damage_accountable", f("1")}}),
                             unit("B", {{"x", f("92")}, {"heavy_pollution_cases", f("1")}}),
                             unit("C", {{"x", f("89")}, {"honours", f("3")}}), unit("D", {{"x", f("91")}})},
                            {});
    const UnitResult& a = find(r, "A");
    EXPECT_EQ(a.total, f("95"));
    EXPECT_EQ(a.grade, "不合格");
    ASSERT_EQ(a.vetoes.size(), 1U);
    EXPECT_NE(a.vetoes[0].cause.find("严重生态破坏案件被问责"), std::string::npos);
    EXPECT_TRUE(a.warned);
    const UnitResult& b = find(r, "B");
    EXPECT_EQ(b.grade, "良好");  // 92 would be 优秀; blocked by the precondition
    EXPECT_FALSE(b.preconditions[0].met);
    EXPECT_NE(b.grade_note.find("无重大污染事件"), std::string::npos);
    const UnitResult& c = find(r, "C");
    EXPECT_EQ(c.bonus_points, f("2"));  // 3 honours × 1, capped at 2
    EXPECT_EQ(c.total, f("91"));
    EXPECT_EQ(c.grade, "优秀");
    EXPECT_TRUE(c.preconditions[0].met);  // missing counts as met here
    EXPECT_EQ(find(r, "D").grade, "优秀");
}

TEST(AssessmentMoney, TieredPaymentAndMeanBase) {
    // 郑州 2020: 100,000 yuan per µg/m³ for the first 5 above the base, 200,000 beyond.
    const Scheme s = parse(with_grades(R"(
[[item]]
id = "score"
indicator = "pm25_mean"
max = 10
rule = "ratio"
[[money]]
id = "pm25_comp"
indicator = "pm25_mean"
base = "mean"
reward_per_unit = 20000
tiers = [{ from = 0, to = 5, yuan_per_unit = 100000 }, { from = 5, yuan_per_unit = 200000 }]
[[money]]
id = "pm25_fixed"
indicator = "pm25_mean"
base = 50
tiers = [{ from = 0, to = 5, yuan_per_unit = 100000 }, { from = 5, yuan_per_unit = 200000 }]
[[veto]]
id = "no_reward"
indicator = "x"
op = ">"
value = 0
effect = "no_reward"
)"));
    const Ranking r = score(s, "2026-10", {unit("A", {{"pm25_mean", f("40")}}), unit("B", {{"pm25_mean", f("52")}}),
                                           unit("C", {{"pm25_mean", f("58")}}), unit("D", {{"pm25_mean", f("42")}, {"x", f("1")}})},
                            {});
    // mean base = (40 + 52 + 58 + 42) / 4 = 48
    EXPECT_EQ(find(r, "A").money[0].base, f("48"));
    EXPECT_EQ(find(r, "A").money[0].yuan, f("160000"));      // 8 below × 20,000
    EXPECT_EQ(find(r, "B").money[0].yuan, f("-400000"));     // 4 above × 100,000
    EXPECT_EQ(find(r, "C").money[0].yuan, f("-1500000"));    // 10 above: 5 × 100,000 + 5 × 200,000
    EXPECT_EQ(find(r, "C").money[1].yuan, f("-1100000"));    // fixed base 50: 5 × 100,000 + 3 × 200,000
    EXPECT_EQ(find(r, "D").money[0].yuan, 0);                // reward cancelled by the veto
    EXPECT_NE(find(r, "D").money[0].explanation.find("取消奖励"), std::string::npos);
}

TEST(AssessmentRanking, MissingFullAndChangeAgainstPrevious) {
    const Scheme t = parse(with_grades(R"(
[[item]]
id = "complaints"
indicator = "complaints"
max = 10
rule = "per_unit"
target = 0
points_per_unit = 1
floor = 0
missing = "full"
)"));
    const Ranking r = score(t, "2026-10", {unit("A", {}), unit("B", {{"complaints", f("3")}})}, {{"A", f("8"), 2}, {"B", f("10"), 1}});
    EXPECT_EQ(find(r, "A").items[0].points, f("10"));
    EXPECT_NE(find(r, "A").items[0].explanation.find("missing = full"), std::string::npos);
    EXPECT_EQ(find(r, "A").rank, 1);
    EXPECT_EQ(*find(r, "A").previous_rank, 2);
    EXPECT_EQ(*find(r, "A").previous_total, f("8"));
    const std::string json = ranking_json(r);
    EXPECT_NE(json.find("\"code\":\"A\",\"name\":\"A\",\"group\":\"\",\"rank\":1,\"total\":10,\"grade\":\"不合格\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"previous_total\":8,\"previous_rank\":2,\"change\":2"), std::string::npos) << json;
    EXPECT_NE(json.find("\"previous_total\":10,\"previous_rank\":1,\"change\":-3"), std::string::npos) << json;
}

TEST(AssessmentRanking, GroupsRankSeparatelyAndJsonIsByteIdentical) {
    const Scheme s = parse("[scheme]\nname = \"t\"\nunit_kind = \"township\"\ntop = 1\nwarn_bottom = 1\n" + std::string(R"(
[[group]]
name = "街道"
units = ["S1", "S2"]
[[group]]
name = "乡镇"
units = ["T1", "T2", "T3"]
[[item]]
id = "score"
indicator = "x"
max = 100
rule = "ratio"
)") + std::string(kGrades));
    std::vector<UnitInput> in{unit("T3", {{"x", f("50")}}), unit("S1", {{"x", f("70")}}), unit("T1", {{"x", f("90")}}),
                              unit("S2", {{"x", f("80")}}), unit("T2", {{"x", f("60")}})};
    const Ranking r = score(s, "2026-10", in, {});
    ASSERT_EQ(r.groups.size(), 2U);
    EXPECT_EQ(r.units[0].code, "S2");
    EXPECT_EQ(r.units[0].rank, 1);
    EXPECT_TRUE(r.units[0].top);
    EXPECT_EQ(r.units[1].code, "S1");
    EXPECT_TRUE(r.units[1].warned);
    EXPECT_EQ(r.units[2].code, "T1");
    EXPECT_EQ(r.units[2].rank, 1);
    EXPECT_EQ(r.units[4].code, "T3");
    EXPECT_EQ(r.units[4].rank, 3);
    EXPECT_TRUE(r.units[4].warned);
    EXPECT_FALSE(r.units[3].warned);
    std::reverse(in.begin(), in.end());
    EXPECT_EQ(ranking_json(r), ranking_json(score(s, "2026-10", in, {})));
}

TEST(AssessmentScheme, ErrorsNameTheLine) {
    const std::string text = with_grades(R"(
[[item]]
id = "pm25"
indicator = "pm25_mean"
max = 0
rule = "ratio"
)");
    auto s = parse_scheme(text, "scheme.toml");
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().message, "scheme.toml:8: item 'pm25' max must be > 0");
    auto typo = parse_scheme(with_grades("[[item]]\nid = \"a\"\nindicator = \"b\"\nmax = 1\nrule = \"ratio\"\npoints = 3\n"), "s.toml");
    ASSERT_FALSE(typo);
    EXPECT_EQ(typo.error().message, "s.toml:9: item 'a' has an unknown key 'points'");
    auto syntax = parse_scheme("[scheme]\nname = \"x\n", "s.toml");
    ASSERT_FALSE(syntax);
    EXPECT_EQ(syntax.error().message.rfind("s.toml:2: ", 0), 0U) << syntax.error().message;
    auto rule = parse_scheme(with_grades("[[item]]\nid = \"a\"\nindicator = \"b\"\nmax = 1\nrule = \"magic\"\n"), "s.toml");
    ASSERT_FALSE(rule);
    EXPECT_EQ(rule.error().message, "s.toml:8: item 'a' 'rule' must be one of linear, per_unit, rank, ratio, pass_fail");
}

}  // namespace
}  // namespace ecogov::assessment

namespace ecogov::assessment {
namespace {

TEST(AssessmentFixed, HugeProductsSaturateInsteadOfOverflowing) {
    const Fixed big = *parse_fixed("900000000000");  // 9e11, the largest value read
    EXPECT_EQ(fixed_mul(big, big), kFixedLimit);
    EXPECT_EQ(fixed_mul(-big, big), -kFixedLimit);
    EXPECT_EQ(fixed_div(big, 1), kFixedLimit);
    EXPECT_FALSE(parse_fixed("9000000000000"));
}

}  // namespace
}  // namespace ecogov::assessment

namespace ecogov::assessment {
namespace {

TEST(AssessmentRanking, PreconditionsCascadeAndAVetoedFirstIsNotTop) {
    const Scheme s = parse("[scheme]\nname = \"t\"\nunit_kind = \"township\"\ntop = 1\n" + std::string(R"(
[[item]]
id = "score"
indicator = "x"
max = 100
rule = "ratio"
[[precondition]]
id = "good_blocked"
indicator = "b"
op = "=="
value = 0
blocks = "良好"
[[precondition]]
id = "top_blocked"
indicator = "a"
op = "=="
value = 0
blocks = "优秀"
[[veto]]
id = "v"
indicator = "damage"
op = ">"
value = 0
)") + std::string(kGrades));
    const Ranking r = score(s, "2026-10",
                            {unit("A", {{"x", f("95")}, {"a", f("1")}, {"b", f("1")}, {"damage", f("1")}}),
                             unit("B", {{"x", f("93")}, {"a", f("1")}, {"b", f("1")}}), unit("C", {{"x", f("91")}, {"a", 0}, {"b", 0}})},
                            {});
    EXPECT_EQ(find(r, "B").grade, "合格");  // 优秀 blocked, then 良好 blocked
    EXPECT_EQ(find(r, "C").grade, "优秀");
    EXPECT_EQ(find(r, "A").rank, 1);
    EXPECT_FALSE(find(r, "A").top);  // first, but vetoed
    EXPECT_TRUE(find(r, "A").warned);
    EXPECT_FALSE(find(r, "B").top);
}

}  // namespace
}  // namespace ecogov::assessment
