// Demo task ledger (services/ledger_demo.hpp).
#include "services/ledger_demo.hpp"

#include <optional>
#include <vector>

#include "services/ledger.hpp"

namespace ecogov {

namespace {

struct DemoMilestone {
    int due;  // days from today
    std::string_view deliverable;
    std::string_view unit;    // "" = the lead unit
    std::optional<int> done;  // days from today of the accepted report, if done
};

struct DemoTask {
    std::string_view code;
    std::string_view title;
    std::string_view category;
    std::string_view content;
    std::vector<std::string_view> measures;
    std::string_view lead;
    std::vector<std::string_view> coop;
    std::string_view leader;
    std::string_view person;
    int start;
    int due;
    std::string_view priority;
    std::string_view source;
    std::vector<DemoMilestone> milestones;
    std::optional<double> planned = std::nullopt;
    std::optional<double> completed = std::nullopt;
    std::optional<int> physical = std::nullopt;
};

constexpr std::string_view kHousing = "登封市住房和城乡建设局";
constexpr std::string_view kTransport = "登封市交通运输局";
constexpr std::string_view kPolice = "登封市公安局";
constexpr std::string_view kResources = "登封市自然资源和规划局";
constexpr std::string_view kWater = "登封市水利局";
constexpr std::string_view kCity = "登封市城市管理局";
constexpr std::string_view kIndustry = "登封市工业和信息化局";
constexpr std::string_view kReform = "登封市发展和改革委员会";
constexpr std::string_view kForest = "登封市林业局";
constexpr std::string_view kSource = "登封市生态环境保护攻坚战实施方案（2026年）";

std::vector<DemoTask> demo_tasks() {
    return {
        {"DF-2026-001",
         "建筑工地扬尘“六个百分百”专项整治",
         "dust_control",
         "城区在建工地围挡、覆盖、冲洗、湿法作业、渣土车密闭运输、硬化全部达标",
         {"建立在建工地清单并逐一建档", "安装视频监控和扬尘在线监测", "每周联合住建局暗查暗访"},
         "嵩阳街道",
         {kHousing},
         "分管副市长",
         "嵩阳街道环保所所长",
         -120,
         45,
         "high",
         kSource,
         {{-60, "工地清单与档案", "", -62},
          {5, "问题工地整改台账（附整改前后照片）", "", {}},
          {40, "长效管控机制文件", "", {}}}},
        {"DF-2026-002",
         "城区道路机械化清扫与渣土车管控",
         "dust_control",
         "主次干道机械化清扫率不低于90%，渣土车全部密闭运输",
         {"洒水降尘每日不少于4次", "渣土车定线定时"},
         kCity,
         {"嵩阳街道", "少林街道", "中岳街道"},
         "分管副市长",
         "市城管局副局长",
         -200,
         30,
         "normal",
         kSource,
         {{-150, "清扫保洁方案", "", -152},
          {-30, "渣土车管控专项检查报告", "", -28},
          {25, "年度清扫考核", "", {}}}},
        {"DF-2026-003",
         "夏季臭氧污染防控（VOCs 和 NOx 协同减排）",
         "summer_ozone",
         "5-9 月对涉 VOCs 企业错峰生产，加油站夜间加油优惠，工业涂装源头替代",
         {"涉 VOCs 企业清单化管理", "加油站油气回收检测", "臭氧预警期间错峰施工"},
         "阳城工业区",
         {kIndustry},
         "分管副市长",
         "阳城工业区安环部部长",
         -210,
         -60,
         "high",
         kSource,
         {{-180, "涉 VOCs 企业清单", "", -181},
          {-120, "油气回收检测报告", "", -112},
          {-70, "夏季攻坚总结", "", -69}}},
        {"DF-2026-004",
         "柴油货车和非道路移动机械排放监管",
         "diesel_trucks",
         "重型柴油货车路检路查、入户抽测，非道路移动机械编码登记",
         {"路检路查每月不少于2次", "非道路机械编码登记"},
         kPolice,
         {kTransport},
         "公安局副局长",
         "交警大队大队长",
         -150,
         60,
         "normal",
         kSource,
         {{-90, "路检路查台账（一季度）", "", -91},
          {-10, "非道路机械编码登记完成", kTransport, {}},
          {50, "年度监管报告", "", {}}}},
        {"DF-2026-005",
         "入河排污口排查整治",
         "river_outfalls",
         "颍河、少林河沿线入河排污口“查、测、溯、治”",
         {"无人机+人工排查", "逐一监测溯源", "分类整治销号"},
         "大冶镇",
         {kWater},
         "分管副市长",
         "大冶镇副镇长",
         -100,
         40,
         "urgent",
         "河南省入河排污口排查整治工作方案",
         {{-45, "排污口排查清单", "", {}},
          {-25, "监测溯源报告", "", {}},
          {35, "整治销号", "", {}}}},
        {"DF-2026-006",
         "土壤和地下水污染风险管控",
         "soil_groundwater",
         "重点监管单位土壤污染隐患排查，地下水型饮用水源保护区环境状况调查",
         {"隐患排查报告审核", "地块用途变更联动监管"},
         kResources,
         {"告成镇"},
         "分管副市长",
         "自然资源局科长",
         -180,
         90,
         "normal",
         kSource,
         {{-90, "重点单位隐患排查", "", -95}, {20, "地下水调查报告", "", {}}}},
        {"DF-2026-007",
         "节水型社会建设达标",
         "water_saving",
         "公共机构节水改造，工业用水重复利用率提升",
         {"公共机构节水器具改造", "高耗水企业水平衡测试"},
         kWater,
         {},
         "分管副市长",
         "水利局科长",
         -160,
         60,
         "normal",
         kSource,
         {{-60, "节水器具改造清单", "", -60}, {6, "水平衡测试报告", "", {}}}},
        {"DF-2026-008",
         "登封抽水蓄能电站",
         "key_project",
         "装机 120 万千瓦抽水蓄能电站前期工作和主体工程",
         {"用地预审和环评批复", "上下水库施工"},
         kReform,
         {"大金店镇", kResources},
         "市长",
         "发改委副主任",
         -330,
         1500,
         "high",
         "河南省“十四五”重点项目",
         {{-200, "环评批复", "", -205}, {60, "主体工程开工", "", {}}},
         780000.0,
         95000.0,
         12},
        {"DF-2026-009",
         "登封风电场（唐庄、君召）",
         "key_project",
         "分散式风电项目建设及生态恢复",
         {"风机基础和道路施工", "施工迹地植被恢复"},
         kReform,
         {"唐庄镇", "君召乡"},
         "分管副市长",
         "发改委科长",
         -300,
         120,
         "normal",
         "郑州市能源发展规划",
         {{-120, "风机吊装完成", "", -118},
          {-15, "并网发电", "", {}},
          {100, "施工迹地生态恢复验收", kForest, {}}},
         62000.0,
         48500.0,
         78},
        {"DF-2026-010",
         "嵩山周边废弃矿山生态修复",
         "ecological_restoration",
         "送表矿区、大冶镇废弃矿山复绿，边坡治理",
         {"边坡治理", "覆土复绿", "第三方验收"},
         "送表矿区",
         {kResources, kForest},
         "分管副市长",
         "矿区管委会主任",
         -240,
         60,
         "high",
         "黄河流域生态保护和高质量发展规划",
         {{-150, "修复方案批复", "", -150},
          {-20, "边坡治理完成", "", {}},
          {55, "复绿验收", "", {}}}},
        {"DF-2026-011",
         "城市公园和口袋公园提升",
         "ecological_restoration",
         "新建口袋公园 6 处，提升公园 2 处",
         {"选址和设计", "施工"},
         "中岳街道",
         {kCity},
         "分管副市长",
         "中岳街道副主任",
         -150,
         30,
         "low",
         kSource,
         {{-100, "设计方案", "", -99}, {25, "竣工", "", {}}}},
        {"DF-2026-012",
         "颍河登封段河道清淤疏浚",
         "ecological_restoration",
         "颍河告成段清淤 12 公里，两岸缓冲带建设",
         {"汛前清淤", "缓冲带种植"},
         "告成镇",
         {kWater},
         "分管副市长",
         "告成镇镇长",
         -130,
         50,
         "normal",
         kSource,
         {{-40, "清淤 6 公里", "", {}}, {45, "清淤完成并验收", "", {}}}},
        {"DF-2026-013",
         "秸秆和垃圾露天焚烧管控",
         "emission_control",
         "城郊结合部网格化巡查，露天焚烧零发生",
         {"网格员每日巡查", "高空视频监控"},
         "嵩阳街道",
         {},
         "分管副市长",
         "嵩阳街道网格办主任",
         -90,
         35,
         "normal",
         kSource,
         {{-30, "网格巡查制度", "", -33}, {3, "秋冬季巡查台账", "", {}}}},
    };
}

Result<std::int64_t> unit_id(const std::map<std::string, std::int64_t>& units,
                             std::string_view name) {
    const auto it = units.find(std::string(name));
    if (it == units.end())
        return fail(ErrorCode::internal, "demo ledger: no unit " + std::string(name));
    return it->second;
}

Result<LedgerTask> to_task(const DemoTask& d, const std::map<std::string, std::int64_t>& units,
                           Date today) {
    LedgerTask t;
    t.code = d.code;
    t.title = d.title;
    t.category = d.category;
    t.content = d.content;
    for (auto m : d.measures) t.measures.emplace_back(m);
    auto lead = unit_id(units, d.lead);
    if (!lead) return std::unexpected(lead.error());
    t.lead_unit_id = *lead;
    for (auto u : d.coop) {
        auto id = unit_id(units, u);
        if (!id) return std::unexpected(id.error());
        t.cooperating_unit_ids.push_back(*id);
    }
    t.responsible_leader = d.leader;
    t.responsible_person = d.person;
    t.start = today + d.start;
    t.due = today + d.due;
    t.priority = d.priority;
    t.source_document = d.source;
    t.key_project = d.category == "key_project";
    t.investment_planned = d.planned;
    t.investment_completed = d.completed;
    t.physical_progress = d.physical;
    for (const DemoMilestone& m : d.milestones) {
        LedgerMilestone x;
        x.due = today + m.due;
        x.deliverable = m.deliverable;
        if (!m.unit.empty()) {
            auto id = unit_id(units, m.unit);
            if (!id) return std::unexpected(id.error());
            x.responsible_unit_id = *id;
        }
        t.milestones.push_back(std::move(x));
    }
    return t;
}

/// Files a report on the first open milestone as `who`; accepts it when `accept`.
Result<void> report(storage::Connection& c, const Actor& who, const Actor& cli, std::int64_t task,
                    Date on, int percent, std::string body, bool accept, const std::string& at,
                    Date today) {
    auto r =
        create_ledger_report(c, who, task, {std::nullopt, on, percent, std::move(body)}, today, at);
    if (!r) return std::unexpected(r.error());
    if (accept) {
        auto ok = review_ledger_report(c, cli, r->id, true, "", at);
        if (!ok) return std::unexpected(ok.error());
    }
    return {};
}

}  // namespace

Result<LedgerDemoSummary> add_ledger_demo(storage::Connection& c, const Actor& cli,
                                          const std::string& at,
                                          const std::map<std::string, std::int64_t>& unit_by_name,
                                          const Actor& clerk, Date today) {
    LedgerDemoSummary s;
    std::map<std::string, std::int64_t> ids;
    for (const DemoTask& d : demo_tasks()) {
        auto t = to_task(d, unit_by_name, today);
        if (!t) return std::unexpected(t.error());
        auto made = create_ledger_task(c, cli, std::move(*t), at);
        if (!made) return std::unexpected(made.error());
        ids[made->code] = made->id;
        ++s.tasks;
        const Actor& who = made->lead_unit_id == clerk.unit_id ? clerk : cli;
        for (const DemoMilestone& m : d.milestones) {
            if (!m.done) break;
            if (auto ok = report(c, who, cli, made->id, today + *m.done, 100,
                                 "已完成：" + std::string(m.deliverable), true, at, today);
                !ok)
                return std::unexpected(ok.error());
            ++s.reports;
        }
    }
    // reports waiting for the bureau's review
    if (auto ok =
            report(c, cli, cli, ids.at("DF-2026-012"), today - 2, 60,
                   "已完成清淤 4.2 公里，受汛期影响进度滞后，计划增加两台挖掘机", false, at, today);
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = report(c, clerk, cli, ids.at("DF-2026-013"), today - 1, 80,
                         "11 月网格巡查 312 人次，发现并制止焚烧 3 起", false, at, today);
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = report(c, cli, cli, ids.at("DF-2026-010"), today - 5, 70,
                         "边坡治理完成 70%，剩余部分受雨季影响", false, at, today);
        !ok)
        return std::unexpected(ok.error());
    s.reports += 3;
    // supervision notices: on the late outfall task, on 嵩阳街道's dust task, on a unit
    const std::int64_t dayezhen = unit_by_name.at("大冶镇");
    auto n1 = create_ledger_notice(
        c, cli,
        {ids.at("DF-2026-005"), std::nullopt, 1, today, "入河排污口排查清单逾期未报，请于今日报送"},
        today, at);
    if (!n1) return std::unexpected(n1.error());
    auto n2 = create_ledger_notice(c, cli,
                                   {ids.at("DF-2026-001"), std::nullopt, 1, today + 3,
                                    "问题工地整改进度偏慢，请于 3 日内书面说明"},
                                   today, at);
    if (!n2) return std::unexpected(n2.error());
    auto n3 = create_ledger_notice(
        c, cli, {std::nullopt, dayezhen, 2, today + 7, "秋冬季大气污染防治工作约谈提醒"}, today,
        at);
    if (!n3) return std::unexpected(n3.error());
    auto sweep = ledger_sweep(c, cli, today, at);
    if (!sweep) return std::unexpected(sweep.error());
    s.cards = sweep->cards_recorded;
    return s;
}

}  // namespace ecogov
