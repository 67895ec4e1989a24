// Demo problems and cases (services/cases_demo.hpp). Every name below is invented for the demo.
#include "services/cases_demo.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "core/clock.hpp"
#include "services/actor.hpp"
#include "services/problems.hpp"
#include "services/problems_import.hpp"

namespace ecogov {

namespace {

/// A clock the demo moves to the date of each step (10:00 China Standard Time).
class DemoClock final : public Clock {
public:
    void set(Date d, int minute = 0) {
        t_ = std::chrono::system_clock::time_point(std::chrono::seconds(
            static_cast<std::int64_t>(d.days) * 86400 + 2 * 3600 + minute * 60));
    }
    std::chrono::system_clock::time_point now() const override { return t_; }

private:
    std::chrono::system_clock::time_point t_{};
};

struct Sector {
    const char* id;
    const char* zh;
    std::array<const char*, 2> departments;  // "" = none
};

constexpr std::array<Sector, 8> kMatrix{{
    {"construction", "建筑施工与工地扬尘", {"登封市住房和城乡建设局", "登封市城市管理局"}},
    {"mining", "矿山开采", {"登封市自然资源和规划局", "登封市公安局"}},
    {"industry", "工业企业", {"登封市工业和信息化局", "登封市发展和改革委员会"}},
    {"transport", "交通运输与柴油货车", {"登封市交通运输局", "登封市公安局"}},
    {"water", "河道水利", {"登封市水利局", ""}},
    {"forestry", "林业", {"登封市林业局", ""}},
    {"agriculture", "农业农村", {"登封市农业农村局", ""}},
    {"catering", "餐饮油烟", {"登封市城市管理局", ""}},
}};

/// How far a demo problem has come.
enum class Stage : unsigned char {
    reported,
    verified,
    dismissed,
    assigned,
    rectifying,
    returned,  // returned once by the bureau, rectifying again
    submitted,
    self_accepted,
    bureau_accepted,
    public_notice,
    closed
};

struct DemoProblem {
    const char* township;
    const char* kind;
    const char* source;
    const char* sector;
    const char* address;
    const char* description;
    int discovered_days_ago;
    int deadline_days;  // after discovery
    Stage stage;
    bool serious;
    const char* person;  // the township's responsible person (invented)
};

// Problems across the townships; deadlines relative to discovery make some overdue and one due
// soon at the demo's "today".
constexpr std::array<DemoProblem, 18> kProblems{{
    {"嵩阳街道", "illegal_discharge", "hotline", "catering", "嵩阳街道崇高路餐饮街",
     "餐饮店油烟未经净化直排，群众多次投诉", 120, 30, Stage::closed, false, "王明"},
    {"少林街道", "illegal_land_occupation", "patrol", "construction", "少林街道景区北侧",
     "未经审批占用耕地约 8 亩修建临时停车场", 95, 60, Stage::rectifying, false, "李强"},
    {"中岳街道", "illegal_villa", "media", "construction", "中岳街道太室山脚下",
     "山脚林地内违规建设独栋别墅 2 栋", 70, 75, Stage::assigned, false, "张丽"},
    {"送表矿区", "illegal_mining", "patrol", "mining", "送表矿区西沟",
     "无证私挖滥采铝土矿，破坏山体约 2.3 公顷，造成水土流失", 160, 180, Stage::rectifying, true,
     "刘洋"},
    {"大冶镇", "mountain_destruction", "patrol", "mining", "大冶镇石料厂东侧山坡",
     "采石场越界开采，山体裸露未修复", 80, 60, Stage::submitted, false, "陈静"},
    {"告成镇", "river_reservoir_enclosure", "patrol", "water", "告成镇颍河左岸",
     "围垦河滩地约 15 亩种植，侵占行洪通道", 110, 90, Stage::self_accepted, false, "杨帆"},
    {"君召乡", "forest_destruction", "patrol", "forestry", "君召乡马岭山",
     "毁林开垦约 6 亩种植经济作物", 140, 90, Stage::bureau_accepted, false, "赵磊"},
    {"宣化镇", "illegal_discharge", "online_monitoring", "industry", "宣化镇某耐材厂",
     "在线监测颗粒物连续超标，除尘设施未正常运行", 100, 45, Stage::public_notice, false, "黄敏"},
    {"卢店镇", "outfall", "patrol", "water", "卢店镇少阳河段",
     "入河排污口未登记、未设标识牌，雨污混排", 75, 45, Stage::rectifying, false, "周杰"},
    {"颍阳镇", "four_chaos", "patrol", "water", "颍阳镇颍河河道",
     "河道内乱堆建筑垃圾约 300 立方米", 12, 30, Stage::verified, false, "吴霞"},
    {"东华镇", "complaint", "hotline", "industry", "东华镇某磨料厂",
     "群众投诉夜间粉尘和噪声扰民", 40, 30, Stage::dismissed, false, "徐斌"},
    {"唐庄镇", "other", "patrol", "agriculture", "唐庄镇某村",
     "秸秆露天焚烧痕迹，疑似违规焚烧", 3, 30, Stage::reported, false, "孙婷"},
    {"大金店镇", "illegal_discharge", "online_monitoring", "industry", "大金店镇某水泥厂",
     "在线监测氮氧化物小时浓度超标 3 次", 2, 30, Stage::reported, false, "王明"},
    {"石道乡", "forest_destruction", "patrol", "forestry", "石道乡石道村后山",
     "私自砍伐林木约 40 株", 150, 60, Stage::closed, false, "李强"},
    {"白坪乡", "illegal_land_occupation", "patrol", "construction", "白坪乡白坪村",
     "违法占用基本农田堆放煤矸石", 50, 40, Stage::rectifying, false, "张丽"},
    {"阳城工业区", "illegal_discharge", "hotline", "industry", "阳城工业区某铝加工企业",
     "酸洗废水经暗管排放，企业整改后复查仍有渗漏", 90, 70, Stage::returned, false, "刘洋"},
    {"徐庄镇", "mountain_destruction", "media", "mining", "徐庄镇某废弃矿山",
     "废弃矿山未按方案生态修复，边坡垮塌", 130, 120, Stage::closed, false, "陈静"},
    {"嵩阳街道", "complaint", "hotline", "construction", "嵩阳街道少室路某工地",
     "工地扬尘污染，未落实六个百分百", 25, 20, Stage::rectifying, false, "王明"},
}};

std::vector<std::string> steps_to(Stage stage) {
    if (stage == Stage::reported) return {};
    if (stage == Stage::dismissed) return {"dismiss"};
    std::vector<std::string> s{"verify"};
    if (stage == Stage::verified) return s;
    s.push_back("assign");
    if (stage == Stage::assigned) return s;
    s.push_back("start_rectification");
    s.push_back("report_progress");
    if (stage == Stage::rectifying) return s;
    s.push_back("submit");
    s.push_back("self_accept");
    if (stage == Stage::returned) {
        s.push_back("return");
        s.push_back("report_progress");
        return s;
    }
    if (stage == Stage::submitted) {
        s.pop_back();
        return s;
    }
    if (stage == Stage::self_accepted) return s;
    s.push_back("bureau_accept");
    if (stage == Stage::bureau_accepted) return s;
    s.push_back("publish_notice");
    if (stage == Stage::public_notice) return s;
    s.push_back("close");
    return s;
}

bool unit_side(const std::string& event) {
    return event == "start_rectification" || event == "report_progress" || event == "submit" ||
           event == "self_accept";
}

struct Actors {
    Actor bureau;
    Actor songyang;
    Actor cli = command_line_actor();
};

Result<Actor> demo_actor(storage::Connection& c, const std::string& username) {
    const storage::SqlValue p[] = {username};
    auto rows = c.query("SELECT id, role, unit_id FROM users WHERE username = $1", p);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return fail(ErrorCode::not_found, "demo user " + username + " missing");
    const auto& r = rows->front();
    return Actor{r.integer(0), username, parse_role(r.text(1)).value_or(Role::leader),
                 r.integer(2)};
}

Result<void> add_matrix(storage::Connection& c, const Clock& clock, const Actor& bureau,
                        const std::map<std::string, std::int64_t>& units) {
    for (const Sector& s : kMatrix) {
        MatrixEntry e{s.id, s.zh, {}};
        for (const char* d : s.departments)
            if (auto it = units.find(d); *d && it != units.end()) e.unit_ids.push_back(it->second);
        if (auto ok = set_matrix_entry(c, clock, bureau, e); !ok)
            return std::unexpected(ok.error());
    }
    return {};
}

/// Drives one problem to its stage, with evidence before each acceptance.
Result<void> drive(storage::Connection& c, DemoClock& clock, const Actors& a,
                   const DemoProblem& d, const ProblemRecord& p, Date discovered, Date last_day) {
    const bool own_clerk = std::string_view(d.township) == "嵩阳街道";
    const Actor& unit = own_clerk ? a.songyang : a.cli;
    std::int64_t version = p.version;
    const auto steps = steps_to(d.stage);
    int day = 1;
    int progress = 0;
    for (const std::string& event : steps) {
        day += event == "start_rectification" || event == "report_progress" ? 6 : 3;
        clock.set(std::min(discovered + day, last_day), day % 50);
        const Actor& who = unit_side(event) ? unit : a.bureau;
        TransitionRequest t;
        t.event = event;
        t.version = version;
        if (unit_side(event) && !own_clerk) t.person = std::string(d.township) + " " + d.person;
        if (event == "dismiss") t.reason = "经核查为重复投诉，已并入前期问题办理";
        if (event == "return") t.reason = "现场复查仍有渗漏，整改不彻底";
        if (event == "report_progress")
            t.note = ++progress == 1 ? "已制定整改方案，正在组织施工" : "按退回意见补充整改，已完成 70%";
        if (event == "assign") {
            t.goal = "依法依规整改到位，恢复原状";
            t.measures = {"立即停止违法行为", "拆除或封堵违法设施", "生态修复并建立长效监管"};
            t.deadline = discovered + d.deadline_days;
            t.responsible_person = d.person;
        }
        if (event == "self_accept" || event == "bureau_accept") {
            const bool self = event == "self_accept";
            UploadedFile f{self ? "自验收报告.txt" : "局验收记录.txt", "text/plain",
                           std::string(d.description) + (self ? "：已整改到位，现场照片见附件。"
                                                              : "：经现场核查，整改到位。")};
            auto ev = add_problem_evidence(c, clock, who, p.id, f, AttachmentPolicy{},
                                           self ? "自验收材料" : "局验收材料");
            if (!ev) return std::unexpected(ev.error());
            t.evidence_ids = {ev->id};
            if (self && !own_clerk) t.person = std::string(d.township) + " " + d.person;
            if (!self) t.person = "登封市生态环境局验收组";
        }
        auto r = apply_transition(c, clock, who, p.id, t);
        if (!r) return std::unexpected(r.error());
        version = r->version;
    }
    return {};
}

constexpr const char* kBatchCode = "ZY-DC-2026-01";

std::string batch_csv(Date discovered) {
    std::string csv = "code,kind,township,address,discovered_on,description,severity,sector\n"
           "DC-2026-01,inspection_finding,大冶镇,大冶镇某水泥厂,@DAY@,"
           "\"水泥熟料生产线无组织排放管控不到位，物料堆场未全封闭\",一般,industry\n"
           "DC-2026-02,inspection_finding,告成镇,告成镇颍河段,@DAY@,"
           "\"颍河告成段两处入河排污口未完成整治\",一般,water\n"
           "DC-2026-03,inspection_finding,送表矿区,送表矿区,@DAY@,"
           "\"历史遗留矿山生态修复进度滞后\",一般,mining\n"
           "DC-2026-04,inspection_finding,卢店镇,卢店镇少阳河,@DAY@,"
           "\"少阳河沿岸生活污水收集管网不完善\",一般,water\n"
           "DC-2026-05,inspection_finding,宣化镇,宣化镇耐材产业集聚区,@DAY@,"
           "\"耐材企业除尘设施运行不规范\",一般,industry\n"
           "DC-2026-06,inspection_finding,颍阳镇,颍阳镇,@DAY@,"
           "\"农村黑臭水体排查整治不彻底\",一般,agriculture\n";
    const std::string day = discovered.iso();
    for (auto at = csv.find("@DAY@"); at != std::string::npos; at = csv.find("@DAY@", at))
        csv.replace(at, 5, day);
    return csv;
}

Result<int> add_batch(storage::Connection& c, DemoClock& clock, const Actors& a, Date last_day) {
    const Date received = std::min(Date::from_ymd(2026, 4, 10), last_day);
    clock.set(received);
    ProblemBatchInfo b{kBatchCode, "中央第三轮生态环境保护督察反馈问题（登封市）",
                       "inspection_batch", received};
    auto r = import_problem_batch(c, clock, a.bureau, b, batch_csv(received - 2));
    if (!r) return std::unexpected(r.error());
    if (!r->errors.empty())
        return fail(ErrorCode::internal, "demo batch: " + r->errors.front().message);
    // The first three are verified and assigned.
    ProblemFilter f;
    f.batch_id = r->batch_id;
    auto list = list_problems(c, f, last_day);
    if (!list) return std::unexpected(list.error());
    std::sort(list->begin(), list->end(),
              [](const ProblemRecord& x, const ProblemRecord& y) { return x.code < y.code; });
    for (std::size_t i = 0; i < 3 && i < list->size(); ++i) {
        DemoProblem d{"", "", "", "", "", "", 0, 150, i == 0 ? Stage::closed : Stage::rectifying,
                      false, "王明"};
        if (auto ok = drive(c, clock, a, d, list->at(i), received, last_day); !ok)
            return std::unexpected(ok.error());
    }
    return static_cast<int>(r->imported);
}

Result<void> add_all(storage::Connection& c,
                     const std::map<std::string, std::int64_t>& unit_by_name, Date last_day,
                     CasesDemoSummary& s);

}  // namespace

Result<CasesDemoSummary> add_cases_demo(storage::Connection& c,
                                        const std::map<std::string, std::int64_t>& unit_by_name,
                                        Date last_day) {
    CasesDemoSummary s;
    // A few hundred small transactions: on SQLite, skip the fsync of each while the demo file is
    // being built (a crash leaves an unfinished demo, which `ecogov demo` rebuilds anyway).
    const bool sqlite = c.backend() == storage::Backend::sqlite;
    if (sqlite)
        if (auto ok = c.execute("PRAGMA synchronous=OFF"); !ok) return std::unexpected(ok.error());
    auto built = add_all(c, unit_by_name, last_day, s);
    if (sqlite)
        if (auto ok = c.execute("PRAGMA synchronous=FULL"); !ok) return std::unexpected(ok.error());
    if (!built) return std::unexpected(built.error());
    return s;
}

namespace {

Result<void> add_all(storage::Connection& c,
                     const std::map<std::string, std::int64_t>& unit_by_name, Date last_day,
                     CasesDemoSummary& s) {
    Actors a;
    auto bureau = demo_actor(c, "bureau");
    if (!bureau) return std::unexpected(bureau.error());
    auto songyang = demo_actor(c, "songyang");
    if (!songyang) return std::unexpected(songyang.error());
    a.bureau = *bureau;
    a.songyang = *songyang;
    DemoClock clock;
    clock.set(last_day - 200);
    if (auto ok = add_matrix(c, clock, a.bureau, unit_by_name); !ok)
        return std::unexpected(ok.error());
    for (const DemoProblem& d : kProblems) {
        auto town = unit_by_name.find(d.township);
        if (town == unit_by_name.end()) continue;
        const Date discovered = last_day - d.discovered_days_ago;
        clock.set(discovered);
        NewProblem n;
        n.kind = d.kind;
        n.source = d.source;
        n.sector = d.sector;
        n.township_unit_id = town->second;
        n.address = d.address;
        n.discovered_on = discovered;
        n.description = d.description;
        n.severity = d.serious ? "serious" : "general";
        auto p = open_problem(c, clock, a.bureau, n);
        if (!p) return std::unexpected(p.error());
        if (auto ok = drive(c, clock, a, d, *p, discovered, last_day); !ok)
            return std::unexpected(ok.error());
        ++s.problems;
        if (d.serious) {
            clock.set(std::min(discovered + 40, last_day));
            AccountabilityEntry e;
            e.problem_id = p->id;
            e.party_secretary = "送表矿区党工委书记 赵磊";
            e.township_head = "送表矿区管委会主任 周杰";
            for (const char* dept : {"登封市自然资源和规划局", "登封市公安局"})
                if (auto it = unit_by_name.find(dept); it != unit_by_name.end())
                    e.supervising_unit_ids.push_back(it->second);
            e.decision = "党政主要负责人诫勉谈话，自然资源和规划局、公安局分管负责人约谈，全市通报";
            e.decided_on = std::min(discovered + 40, last_day);
            e.document = "登纪发〔2026〕7号";
            if (auto ok = add_accountability(c, clock, a.bureau, e); !ok)
                return std::unexpected(ok.error());
            ++s.accountability_records;
        }
    }
    auto batch = add_batch(c, clock, a, last_day);
    if (!batch) return std::unexpected(batch.error());
    s.problems += *batch;
    s.batches = 1;
    return {};
}

}  // namespace

}  // namespace ecogov
