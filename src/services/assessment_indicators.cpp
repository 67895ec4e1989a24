// Indicator providers of the assessment (services/assessment_indicators.hpp).
#include "services/assessment_indicators.hpp"

#include <algorithm>

#include "services/ledger.hpp"
#include "services/problems.hpp"
#include "services/stations.hpp"
#include "services/water_targets.hpp"
#include "standards/evaluation/period_evaluation.hpp"

namespace ecogov {

using assessment::Fixed;
using assessment::fixed_int;

const std::vector<IndicatorInfo>& indicator_catalog() {
    static const std::vector<IndicatorInfo> catalog{
        {"pm25_mean", "PM2.5 平均浓度", "PM2.5 mean", "µg/m³", "air", false},
        {"pm10_mean", "PM10 平均浓度", "PM10 mean", "µg/m³", "air", false},
        {"pm25_yoy", "PM2.5 同比变化率", "PM2.5 year-on-year change", "%", "air", false},
        {"pm10_yoy", "PM10 同比变化率", "PM10 year-on-year change", "%", "air", false},
        {"good_ratio", "优良天数比率", "Good-day ratio", "%", "air", false},
        {"heavy_days", "重污染天数", "Heavy-pollution days", "days", "air", false},
        {"composite_index", "综合指数", "Composite index", "index", "air", false},
        {"composite_change", "综合指数同比变化率", "Composite index change", "%", "air", false},
        {"water_attainment", "断面水质达标率", "Water sections attaining", "%", "water", false},
        {"task_completion_rate", "任务完成率", "Task completion rate", "%", "ledger", false},
        {"task_on_time_rate", "任务按时完成率", "Tasks on time", "%", "ledger", false},
        {"yellow_cards", "黄牌数", "Yellow cards", "count", "ledger", false},
        {"red_cards", "红牌数", "Red cards", "count", "ledger", false},
        {"rectification_rate", "问题整改率", "Problem rectification rate", "%", "cases", false},
        {"overdue_rate", "问题逾期率", "Problems overdue", "%", "cases", false},
        {"complaints", "群众信访投诉件数", "Complaints", "count", "cases", false},
        {"serious_damage_accountable", "严重生态破坏问责案件数", "Serious damage cases with accountability", "count", "cases", false},
        {"heavy_pollution_cases", "重大污染事件数", "Major pollution incidents", "count", "manual", false},
        {"supervision_answer_rate", "督办按时回复率", "Supervision notices answered on time", "%", "ledger", false},
    };
    return catalog;
}

const IndicatorInfo* find_indicator(const std::string& id) {
    for (const IndicatorInfo& i : indicator_catalog())
        if (i.id == id) return &i;
    return nullptr;
}

namespace {

struct AirFacts {
    std::optional<Fixed> pm25, pm10, good_ratio, heavy_days, composite;
};

std::optional<Fixed> mean_of(const PeriodEvaluation& e, PeriodStatistic s) {
    const Conc v = e[s].value;
    if (!v) return std::nullopt;
    return fixed_int(*v);
}

Result<AirFacts> air_facts(storage::Connection& c, AirQueries& air, const std::vector<Station>& stations, DateRange range) {
    AirFacts f;
    if (stations.empty()) return f;
    auto days = air.group_daily(c, stations, range);
    if (!days) return std::unexpected(days.error());
    if (days->empty()) return f;
    const PeriodEvaluation e = evaluate_period(*days, range);
    f.pm25 = mean_of(e, PeriodStatistic::pm25_mean);
    f.pm10 = mean_of(e, PeriodStatistic::pm10_mean);
    if (e.valid_days > 0) {
        if (e.good_ratio) f.good_ratio = static_cast<Fixed>(*e.good_ratio) * 1000;  // ×10 → ×10^4
        f.heavy_days = fixed_int(e.heavy_days);
    }
    if (e.composite_index) f.composite = *e.composite_index * 100;  // ×100 → ×10^4
    return f;
}

std::optional<Fixed> change_rate(std::optional<Fixed> now, std::optional<Fixed> before) {
    if (!now || !before || *before == 0) return std::nullopt;
    return assessment::fixed_muldiv(*now - *before, fixed_int(100), *before);
}

bool wants(const std::vector<std::string>& list, std::string_view id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

Result<void> fill_air(storage::Connection& c, AirQueries& air, const AssessedUnit& u, const std::vector<Station>& all,
                      const assessment::Period& p, const std::vector<std::string>& wanted, std::map<std::string, IndicatorValue>& out) {
    static const char* const ids[] = {"pm25_mean",  "pm10_mean",       "pm25_yoy", "pm10_yoy", "good_ratio",
                                      "heavy_days", "composite_index", "composite_change"};
    if (std::none_of(std::begin(ids), std::end(ids), [&](const char* id) { return wants(wanted, id); })) return {};
    std::vector<Station> own;
    for (const Station& s : all)
        if (u.kind == "bureau" || s.unit_id == u.id) own.push_back(s);
    auto now = air_facts(c, air, own, p.range());
    if (!now) return std::unexpected(now.error());
    AirFacts last;
    if (wants(wanted, "pm25_yoy") || wants(wanted, "pm10_yoy") || wants(wanted, "composite_change")) {
        auto l = air_facts(c, air, own, p.same_last_year().range());
        if (!l) return std::unexpected(l.error());
        last = *l;
    }
    const std::pair<const char*, std::optional<Fixed>> values[] = {
        {"pm25_mean", now->pm25},
        {"pm10_mean", now->pm10},
        {"pm25_yoy", change_rate(now->pm25, last.pm25)},
        {"pm10_yoy", change_rate(now->pm10, last.pm10)},
        {"good_ratio", now->good_ratio},
        {"heavy_days", now->heavy_days},
        {"composite_index", now->composite},
        {"composite_change", change_rate(now->composite, last.composite)},
    };
    for (const auto& [id, v] : values)
        if (wants(wanted, id)) out[id] = IndicatorValue{v, v ? "air" : "none"};
    return {};
}

Result<void> fill_water(storage::Connection& c, const AssessedUnit& u, const assessment::Period& p,
                        std::map<std::string, IndicatorValue>& out) {
    auto facts = water_attainment_facts(c, u.id, u.kind == "bureau", p.range());
    if (!facts) return std::unexpected(facts.error());
    if (facts->assessed == 0) {
        out["water_attainment"] = IndicatorValue{std::nullopt, "none"};
        return {};
    }
    out["water_attainment"] = IndicatorValue{assessment::fixed_muldiv(fixed_int(facts->attaining), fixed_int(100), fixed_int(facts->assessed)), "water"};
    return {};
}

std::optional<Fixed> percent(std::int64_t part, std::int64_t whole) {
    if (whole == 0) return std::nullopt;
    return assessment::fixed_muldiv(fixed_int(part), fixed_int(100), fixed_int(whole));
}

void put(std::map<std::string, IndicatorValue>& out, const std::vector<std::string>& wanted, const char* id,
         std::optional<Fixed> v, const char* source) {
    if (wants(wanted, id)) out[id] = IndicatorValue{v, v ? source : "none"};
}

bool wants_any(const std::vector<std::string>& wanted, std::initializer_list<const char*> ids) {
    return std::any_of(ids.begin(), ids.end(), [&](const char* id) { return wants(wanted, id); });
}

/// The CST calendar day of a stored UTC timestamp "YYYY-MM-DDTHH:MM:SSZ" (a date-only or
/// offset-less text is taken as CST).
std::optional<Date> cst_day(const std::string& iso) {
    auto d = Date::parse(std::string_view(iso).substr(0, 10));
    if (!d || iso.size() < 13 || iso.back() != 'Z') return d;
    const int hour = std::atoi(iso.substr(11, 2).c_str());
    return hour >= 16 ? *d + 1 : *d;
}

/// Supervision notices (督办, ledger_notices) per unit whose deadline falls in the period:
/// (due, answered on time = answered, never escalated, on or before the deadline day in CST).
struct NoticeFacts {
    std::int64_t due = 0;
    std::int64_t on_time = 0;
};

/// The ledger's figures of the period, computed once for all units.
struct LedgerFacts {
    std::map<std::int64_t, LedgerStatRow> by_unit;
    std::map<std::int64_t, NoticeFacts> notices;
};

Result<LedgerFacts> ledger_facts(storage::Connection& c, const assessment::Period& p, bool with_notices) {
    const DateRange r = p.range();
    auto stats = ledger_unit_statistics(c, r.first, r.last);
    if (!stats) return std::unexpected(stats.error());
    LedgerFacts f;
    for (const LedgerStatRow& row : stats->units) f.by_unit[std::stoll(row.key)] = row;
    if (!with_notices) return f;
    auto notices = list_ledger_notices(c, std::nullopt, std::nullopt, std::nullopt);
    if (!notices) return std::unexpected(notices.error());
    for (const LedgerNotice& n : *notices) {
        if (n.deadline < r.first || n.deadline > r.last) continue;
        NoticeFacts& nf = f.notices[n.unit_id];
        ++nf.due;
        const auto answered = cst_day(n.answered_at);
        if (n.status == "answered" && n.escalated_at.empty() && answered && *answered <= n.deadline) ++nf.on_time;
    }
    return f;
}

/// Ledger indicators of one unit (any kind; the milestones it is responsible for).
void fill_ledger(const LedgerFacts& f, const AssessedUnit& u, const std::vector<std::string>& wanted,
                 std::map<std::string, IndicatorValue>& out) {
    LedgerStatRow row;
    if (auto it = f.by_unit.find(u.id); it != f.by_unit.end()) row = it->second;
    NoticeFacts n;
    if (auto it = f.notices.find(u.id); it != f.notices.end()) n = it->second;
    put(out, wanted, "task_completion_rate", percent(row.done, row.milestones_due), "ledger");
    put(out, wanted, "task_on_time_rate", percent(row.on_time, row.milestones_due), "ledger");
    put(out, wanted, "yellow_cards", fixed_int(row.yellow_cards), "ledger");
    put(out, wanted, "red_cards", fixed_int(row.red_cards), "ledger");
    put(out, wanted, "supervision_answer_rate", percent(n.on_time, n.due), "ledger");
}

/// Problem figures per township: the period's own (complaints) and the year to the period's end
/// (rectification, overdue, the veto fact), computed once for all units.
struct ProblemFacts {
    std::map<std::int64_t, UnitProblemStatistics> period, year;
};

Result<ProblemFacts> problem_facts(storage::Connection& c, const assessment::Period& p) {
    const DateRange r = p.range();
    auto period = problem_unit_statistics(c, r.first, r.last);
    if (!period) return std::unexpected(period.error());
    auto year = problem_unit_statistics(c, Date::from_ymd(r.last.year(), 1, 1), r.last);
    if (!year) return std::unexpected(year.error());
    ProblemFacts f;
    for (const auto& s : *period) f.period[s.unit_id] = s;
    for (const auto& s : *year) f.year[s.unit_id] = s;
    return f;
}

/// Problem indicators of a township (属地); other units have none (problems are located in
/// townships; a department's sector figures are entered by hand).
void fill_problems(const ProblemFacts& f, const AssessedUnit& u, const std::vector<std::string>& wanted,
                   std::map<std::string, IndicatorValue>& out) {
    const auto month = f.period.find(u.id);
    const auto year = f.year.find(u.id);
    if (month == f.period.end() || year == f.year.end()) return;
    const UnitProblemStatistics& y = year->second;
    put(out, wanted, "rectification_rate", percent(y.rectified, y.problems), "cases");
    put(out, wanted, "overdue_rate", percent(y.overdue, y.problems), "cases");
    put(out, wanted, "serious_damage_accountable", fixed_int(y.accountable_cases), "cases");
    put(out, wanted, "complaints", fixed_int(month->second.complaints), "cases");
}

/// Manual inputs of the period: unit id → indicator → value.
Result<std::map<std::int64_t, std::map<std::string, Fixed>>> manual_inputs(storage::Connection& c, const std::string& period) {
    const storage::SqlValue p[] = {period};
    auto rows = c.query("SELECT unit_id, indicator, value FROM assessment_inputs WHERE period = $1", p);
    if (!rows) return std::unexpected(rows.error());
    std::map<std::int64_t, std::map<std::string, Fixed>> out;
    for (const storage::Row& r : *rows)
        if (auto v = assessment::parse_fixed(r.text(2))) out[r.integer(0)][r.text(1)] = *v;
    return out;
}

}  // namespace

Result<IndicatorTable> compute_indicators(storage::Connection& c, AirQueries& air, const std::vector<AssessedUnit>& units,
                                          const assessment::Period& period, const std::vector<std::string>& indicators) {
    auto stations = list_stations(c);
    if (!stations) return std::unexpected(stations.error());
    auto manual = manual_inputs(c, period.label());
    if (!manual) return std::unexpected(manual.error());
    LedgerFacts ledger;
    if (wants_any(indicators, {"task_completion_rate", "task_on_time_rate", "yellow_cards", "red_cards", "supervision_answer_rate"})) {
        auto l = ledger_facts(c, period, wants(indicators, "supervision_answer_rate"));
        if (!l) return std::unexpected(l.error());
        ledger = std::move(*l);
    }
    ProblemFacts problems;
    if (wants_any(indicators, {"rectification_rate", "overdue_rate", "complaints", "serious_damage_accountable"})) {
        auto pf = problem_facts(c, period);
        if (!pf) return std::unexpected(pf.error());
        problems = std::move(*pf);
    }
    IndicatorTable table;
    for (const AssessedUnit& u : units) {
        auto& row = table[u.code];
        if (auto ok = fill_air(c, air, u, *stations, period, indicators, row); !ok) return std::unexpected(ok.error());
        if (wants(indicators, "water_attainment"))
            if (auto ok = fill_water(c, u, period, row); !ok) return std::unexpected(ok.error());
        fill_ledger(ledger, u, indicators, row);
        fill_problems(problems, u, indicators, row);
        for (const std::string& id : indicators) {
            const IndicatorInfo* info = find_indicator(id);
            if (!row.contains(id)) row[id] = IndicatorValue{std::nullopt, info && info->pending ? "pending" : "none"};
        }
        if (const auto m = manual->find(u.id); m != manual->end())
            for (const auto& [id, v] : m->second)
                if (wants(indicators, id)) row[id] = IndicatorValue{v, "manual"};
    }
    return table;
}

}  // namespace ecogov
