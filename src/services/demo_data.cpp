#include "services/demo_data.hpp"

#include <array>
#include <map>

#include "services/accounts.hpp"
#include "services/ledger_demo.hpp"
#include "services/observations.hpp"
#include "services/organisation.hpp"
#include "services/stations.hpp"
#include "services/targets.hpp"
#include "services/assessment_demo.hpp"
#include "services/cases_demo.hpp"
#include "services/hj212_demo.hpp"
#include "services/water_demo.hpp"
#include "simulation/air_generator.hpp"

namespace ecogov {

namespace {

constexpr std::string_view kBureauCode = "DF-SHJ";
constexpr std::string_view kBureauName = "登封市生态环境局";

// Streets (街道), towns (镇), townships (乡) and the two township-level areas of 登封市.
constexpr std::array<std::string_view, 17> kTownships = {
    "嵩阳街道", "少林街道", "中岳街道", "大金店镇", "颍阳镇", "卢店镇",   "告成镇",   "大冶镇",   "宣化镇",
    "徐庄镇",   "东华镇",   "唐庄镇",   "君召乡",   "石道乡", "白坪乡", "阳城工业区", "送表矿区"};

constexpr std::array<std::string_view, 10> kDepartments = {
    "登封市住房和城乡建设局", "登封市交通运输局",     "登封市公安局",     "登封市自然资源和规划局",
    "登封市水利局",           "登封市城市管理局",     "登封市工业和信息化局", "登封市发展和改革委员会",
    "登封市农业农村局",       "登封市林业局"};

// Fictitious contact names (demo only).
constexpr std::array<std::string_view, 12> kNames = {"王明", "李强", "张丽", "刘洋", "陈静", "杨帆",
                                                     "赵磊", "黄敏", "周杰", "吴霞", "徐斌", "孙婷"};

std::string code_of(std::string_view prefix, std::size_t i) {
    std::string n = std::to_string(i + 1);
    if (n.size() < 2) n.insert(0, "0");
    return std::string(prefix) + n;
}

struct Built {
    std::int64_t bureau = 0;
    std::map<std::string, std::int64_t> unit_by_name;
};

Result<void> add_units(storage::Connection& c, const Clock& clock, const Actor& cli, Built& b, DemoSummary& s) {
    auto bureau = create_unit(c, clock, cli, NewUnit{std::string(kBureauCode), std::string(kBureauName), "bureau", {}});
    if (!bureau) return std::unexpected(bureau.error());
    b.bureau = bureau->id;
    b.unit_by_name[std::string(kBureauName)] = bureau->id;
    for (std::size_t i = 0; i < kTownships.size(); ++i) {
        auto u = create_unit(c, clock, cli, NewUnit{code_of("DF-T", i), std::string(kTownships[i]), "township", b.bureau});
        if (!u) return std::unexpected(u.error());
        b.unit_by_name[u->name] = u->id;
    }
    for (std::size_t i = 0; i < kDepartments.size(); ++i) {
        auto u = create_unit(c, clock, cli, NewUnit{code_of("DF-D", i), std::string(kDepartments[i]), "department", b.bureau});
        if (!u) return std::unexpected(u.error());
        b.unit_by_name[u->name] = u->id;
    }
    s.units = static_cast<int>(b.unit_by_name.size());
    return {};
}

Result<void> add_people(storage::Connection& c, const Clock& clock, const Actor& cli, const Built& b, DemoSummary& s) {
    std::size_t k = 0;
    for (const auto& [name, id] : b.unit_by_name) {
        for (std::string_view post : {"分管负责人", "环保专干"}) {
            const std::string phone = "138000000" + std::to_string(10 + k % 90);
            auto p = create_person(c, clock, cli, Person{0, id, std::string(kNames[k % kNames.size()]), std::string(post), phone});
            if (!p) return std::unexpected(p.error());
            ++k;
            ++s.people;
        }
    }
    return {};
}

AirGeneratorConfig generator_config(Date last_day) {
    AirGeneratorConfig g;
    g.stations = 21;  // 17 towns and streets, 3 more county points, 1 control point (issue 3: >= 20)
    g.code_prefix = "DF";
    g.city = "登封市";
    g.days = DateRange{Date::from_ymd(2025, 1, 1), last_day};
    g.seed = 20250101;
    g.layout = AirLayout::hourly;
    return g;
}

Result<std::vector<std::int64_t>> add_stations(storage::Connection& c, const Actor& cli, const std::string& at,
                                               const Built& b, Date last_day, DemoSummary& s) {
    std::vector<std::int64_t> township_units;
    for (const SimStation& sim : make_stations(generator_config(last_day))) {
        auto unit = b.unit_by_name.find(sim.name);
        const bool own = unit != b.unit_by_name.end() && unit->second != b.bureau;
        Station st{0, sim.code, sim.name, s.stations == 0 ? "provincial" : "county",
                   own ? unit->second : b.bureau, sim.city, sim.longitude, sim.latitude, sim.control};
        auto created = create_station(c, cli, st, at);
        if (!created) return std::unexpected(created.error());
        if (own) township_units.push_back(unit->second);
        ++s.stations;
    }
    return township_units;
}

Result<void> add_observations(storage::Connection& c, const Actor& cli, const std::string& at, Date last_day,
                              DemoSummary& s) {
    auto import = ObservationImport::start(c, cli, ImportOptions{"demo-dengfeng.csv", InputFormat::china_sites}, at);
    if (!import) return std::unexpected(import.error());
    std::optional<Error> failure;
    auto generated = generate_air(generator_config(last_day), [&](std::string_view chunk) {
        if (failure) return;
        if (auto ok = (*import)->feed(chunk); !ok) failure = ok.error();
    });
    if (!generated) return std::unexpected(generated.error());
    if (failure) return std::unexpected(*failure);
    auto report = (*import)->finish();
    if (!report) return std::unexpected(report.error());
    s.observations = report->accepted;
    return {};
}

Result<void> add_targets(storage::Connection& c, const Actor& cli, const std::string& at, std::int64_t bureau,
                         const std::vector<std::int64_t>& townships, int year, DemoSummary& s) {
    struct Goal {
        const char* indicator;
        std::int64_t bureau_value;  // scaled (target_decimals)
        std::int64_t township_value;
        const char* note;
    };
    static constexpr std::array<Goal, 5> kGoals = {{
        {"pm25_mean", 55, 56, "PM2.5 年均浓度"},
        {"pm10_mean", 88, 90, "PM10 年均浓度"},
        {"good_ratio", 600, 590, "优良天数比例"},
        {"heavy_days", 18, 20, "重污染天数"},
        {"composite_index", 520, 530, "环境空气质量综合指数"},
    }};
    std::vector<std::int64_t> units{bureau};
    units.insert(units.end(), townships.begin(), townships.end());
    for (std::int64_t unit : units) {
        for (const Goal& g : kGoals) {
            const Target t{0, unit, year, g.indicator, unit == bureau ? g.bureau_value : g.township_value, g.note};
            auto created = create_target(c, cli, t, at);
            if (!created) return std::unexpected(created.error());
            ++s.targets;
        }
    }
    return {};
}

Result<void> add_users(storage::Connection& c, const Clock& clock, const Actor& cli, const Built& b, DemoSummary& s) {
    for (const DemoAccount& a : demo_accounts()) {
        const std::int64_t unit = b.unit_by_name.at(a.unit_name);
        auto u = create_user(c, clock, cli, NewUser{a.username, a.unit_name + " " + a.role, a.role, unit, a.password});
        if (!u) return std::unexpected(u.error());
        s.accounts.push_back(a);
        ++s.users;
    }
    return {};
}

// The task ledger (services/ledger_demo.hpp), with the 嵩阳街道 clerk's reports filed as them.
Result<void> add_demo_ledger(storage::Connection& c, const Actor& cli, const std::string& at, const Built& b,
                             Date last_day) {
    const storage::SqlValue p[] = {std::string("songyang")};
    auto rows = c.query("SELECT id, unit_id FROM users WHERE username = $1", p);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return fail(ErrorCode::internal, "demo clerk songyang missing");
    const Actor clerk{rows->front().integer(0), "songyang", Role::unit, rows->front().integer(1)};
    auto ledger = add_ledger_demo(c, cli, at, b.unit_by_name, clerk, last_day);
    if (!ledger) return std::unexpected(ledger.error());
    return {};
}

}  // namespace

std::vector<DemoAccount> demo_accounts() {
    return {{"admin", "demo-admin-2026", "admin", std::string(kBureauName)},
            {"bureau", "demo-bureau-2026", "bureau", std::string(kBureauName)},
            {"songyang", "demo-songyang-2026", "unit", "嵩阳街道"},
            {"leader", "demo-leader-2026", "leader", std::string(kBureauName)}};
}

Result<bool> demo_data_present(storage::Connection& c) {
    const storage::SqlValue p[] = {std::string(kBureauCode)};
    auto rows = c.query("SELECT id FROM units WHERE code = $1", p);
    if (!rows) return std::unexpected(rows.error());
    return !rows->empty();
}

Result<DemoSummary> build_demo_data(storage::Connection& c, const Clock& clock, Date last_day) {
    const Actor cli = command_line_actor();
    const std::string at = iso_utc(clock.now());
    DemoSummary s;
    s.days = DateRange{Date::from_ymd(2025, 1, 1), last_day};
    Built b;
    if (auto ok = add_units(c, clock, cli, b, s); !ok) return std::unexpected(ok.error());
    if (auto ok = add_people(c, clock, cli, b, s); !ok) return std::unexpected(ok.error());
    auto townships = add_stations(c, cli, at, b, last_day, s);
    if (!townships) return std::unexpected(townships.error());
    if (auto ok = add_observations(c, cli, at, last_day, s); !ok) return std::unexpected(ok.error());
    if (auto ok = add_targets(c, cli, at, b.bureau, *townships, last_day.year(), s); !ok) return std::unexpected(ok.error());
    auto water = add_water_demo(c, cli, at, b.bureau, b.unit_by_name, last_day);
    if (!water) return std::unexpected(water.error());
    s.water_sections = water->sections;
    s.water_samples = water->water_samples;
    s.soil_plots = water->plots;
    s.soil_samples = water->soil_samples;
    s.targets += water->targets;
    if (auto ok = add_users(c, clock, cli, b, s); !ok) return std::unexpected(ok.error());
    auto cases = add_cases_demo(c, b.unit_by_name, last_day);
    if (!cases) return std::unexpected(cases.error());
    s.problems = cases->problems;
    // after the cases demo (its problem codes stay P2026-0001...): the exceedance runs of the
    // online-monitoring demo open their own problems (source 在线监测)
    if (auto hj = add_hj212_demo(c, clock, cli, at, b.unit_by_name); !hj) return std::unexpected(hj.error());
    if (auto ok = add_demo_ledger(c, cli, at, b, last_day); !ok) return std::unexpected(ok.error());
    // last: the assessment runs score what the other modules have stored
    AirQueries air;
    if (auto ok = add_assessment_demo(c, air, cli, at, last_day); !ok) return std::unexpected(ok.error());
    return s;
}

}  // namespace ecogov
