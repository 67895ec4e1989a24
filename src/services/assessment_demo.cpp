// The assessment part of the demo (services/assessment_demo.hpp). The two scheme texts are the
// files schemes/townships.toml and schemes/departments.toml verbatim (a unit test compares them).
#include "services/assessment_demo.hpp"

#include "assessment/period.hpp"
#include "services/assessment.hpp"

namespace ecogov {

std::string_view demo_township_scheme() {
    return R"scheme(# 登封市乡镇（街道）生态环境攻坚月度考核方案（示例） — example scheme shipped with ecogov.
# Each item and where its value comes from: docs/assessment.md "Shipped schemes".
[scheme]
name = "登封市乡镇（街道）生态环境攻坚月度考核"
period = "month"
unit_kind = "township"
max_score = 100
bonus_cap = 3
top = 3
warn_bottom = 2

[[group]]
name = "街道"
units = ["DF-T01", "DF-T02", "DF-T03"]

[[group]]
name = "镇"
units = ["DF-T04", "DF-T05", "DF-T06", "DF-T07", "DF-T08", "DF-T09", "DF-T10", "DF-T11", "DF-T12"]

[[group]]
name = "乡及园区"
units = ["DF-T13", "DF-T14", "DF-T15", "DF-T16", "DF-T17"]

# 环境质量 (air 60, water 10); 重点任务与问题整改 30
[[item]]
id = "pm25"
name = "PM2.5 月均浓度"
category = "环境质量"
indicator = "pm25_mean"
max = 15
rule = "per_unit"
better = "lower"
target = 35
points_per_unit = 0.25
floor = 0

[[item]]
id = "pm10"
name = "PM10 月均浓度"
category = "环境质量"
indicator = "pm10_mean"
max = 10
rule = "per_unit"
better = "lower"
target = 70
points_per_unit = 0.1
floor = 0

[[item]]
id = "good_ratio"
name = "优良天数比率"
category = "环境质量"
indicator = "good_ratio"
max = 10
rule = "per_unit"
better = "higher"
target = 80
points_per_unit = 0.25
floor = 0

[[item]]
id = "composite_rank"
name = "综合指数排名"
category = "环境质量"
indicator = "composite_index"
max = 15
rule = "rank"
better = "lower"
points_per_rank = 1
min = 5

[[item]]
id = "pm25_yoy"
name = "PM2.5 同比改善"
category = "环境质量"
indicator = "pm25_yoy"
max = 10
rule = "linear"
x0 = -10
y0 = 10
x1 = 10
y1 = 0

[[item]]
id = "water"
name = "断面水质达标率"
category = "环境质量"
indicator = "water_attainment"
max = 10
rule = "linear"
x0 = 80
y0 = 0
x1 = 100
y1 = 10
missing = "full"

# 重点任务与问题整改 (from the task ledger and problems; missing = full: nothing due, no problem)
[[item]]
id = "tasks"
name = "重点任务完成率"
category = "重点任务"
indicator = "task_completion_rate"
max = 10
rule = "ratio"
missing = "full"

[[item]]
id = "rectification"
name = "问题整改率"
category = "问题整改"
indicator = "rectification_rate"
max = 10
rule = "ratio"
missing = "full"

[[item]]
id = "complaints"
name = "群众信访投诉"
category = "问题整改"
indicator = "complaints"
max = 10
rule = "per_unit"
target = 0
points_per_unit = 1
floor = 0
missing = "full"

[[bonus]]
id = "honours"
name = "省级以上表彰"
indicator = "honours"
points_per_unit = 1
cap = 2

[[precondition]]
id = "no_major_incident"
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

# 郑州 2020 style eco-compensation against the mean of the townships
[[money]]
id = "pm25_compensation"
name = "PM2.5 生态补偿"
indicator = "pm25_mean"
base = "mean"
reward_per_unit = 50000
tiers = [{ from = 0, to = 5, yuan_per_unit = 100000 }, { from = 5, yuan_per_unit = 200000 }]
)scheme";
}

std::string_view demo_department_scheme() {
    return R"scheme(# 登封市市直部门生态环境攻坚考核方案（示例） — example scheme shipped with ecogov.
# Each item and where its value comes from: docs/assessment.md "Shipped schemes".
[scheme]
name = "登封市市直部门生态环境攻坚季度考核"
period = "quarter"
unit_kind = "department"
max_score = 100
bonus_cap = 3
top = 3
warn_bottom = 2

[[item]]
id = "tasks"
name = "牵头任务完成率"
category = "重点任务"
indicator = "task_completion_rate"
max = 30
rule = "ratio"
missing = "full"

[[item]]
id = "on_time"
name = "任务按时完成率"
category = "重点任务"
indicator = "task_on_time_rate"
max = 20
rule = "linear"
x0 = 60
y0 = 0
x1 = 100
y1 = 20
missing = "full"

[[item]]
id = "cards"
name = "黄牌警告"
category = "重点任务"
indicator = "yellow_cards"
max = 10
rule = "per_unit"
target = 0
points_per_unit = 2
floor = 0

[[item]]
id = "supervision"
name = "督办按时回复率"
category = "督办答复"
indicator = "supervision_answer_rate"
max = 15
rule = "ratio"
missing = "full"

[[item]]
id = "rectification"
name = "行业领域问题整改率"
category = "问题整改"
indicator = "rectification_rate"
max = 15
rule = "ratio"

[[item]]
id = "overdue"
name = "问题逾期率"
category = "问题整改"
indicator = "overdue_rate"
max = 10
rule = "per_unit"
target = 0
points_per_unit = 0.5
floor = 0

[[bonus]]
id = "honours"
name = "省级以上表彰"
indicator = "honours"
points_per_unit = 1
cap = 3

[[veto]]
id = "red_card"
name = "被亮红牌"
indicator = "red_cards"
op = ">"
value = 0
effect = "no_top_grade"

[[veto]]
id = "serious_damage"
name = "行业领域严重生态破坏案件被问责"
indicator = "serious_damage_accountable"
op = ">"
value = 0
effect = "fail"

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
)scheme";
}

Result<int> add_assessment_demo(storage::Connection& c, AirQueries& air, const Actor& cli, const std::string& at, Date last_day) {
    auto towns = save_scheme(c, cli, "townships", std::string(demo_township_scheme()), at);
    if (!towns) return std::unexpected(towns.error());
    auto depts = save_scheme(c, cli, "departments", std::string(demo_department_scheme()), at);
    if (!depts) return std::unexpected(depts.error());
    const assessment::Period current{assessment::PeriodKind::month, last_day.year(), last_day.month()};
    // Two values the bureau entered by hand for the last month (complaints, an honour).
    const std::pair<const char*, const char*> manual[] = {{"DF-T05", "complaints"}, {"DF-T02", "honours"}};
    for (const auto& [code, indicator] : manual) {
        const storage::SqlValue p[] = {std::string(code)};
        auto unit = c.query("SELECT id FROM units WHERE code = $1", p);
        if (!unit) return std::unexpected(unit.error());
        if (unit->empty()) continue;
        const std::string value = std::string(indicator) == "complaints" ? "2" : "1";
        auto in = set_manual_input(c, cli, ManualInput{unit->front().integer(0), code, current.previous().label(), indicator, value, "演示数据", "", ""}, at);
        if (!in) return std::unexpected(in.error());
    }
    int runs = 0;
    for (const assessment::Period& p : {current.previous().previous(), current.previous()}) {
        auto run = run_assessment(c, air, cli, towns->id, p.label(), at);
        if (!run) return std::unexpected(run.error());
        ++runs;
    }
    return runs;
}

}  // namespace ecogov
