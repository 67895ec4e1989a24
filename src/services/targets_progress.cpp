// Progress of targets from the stored data (services/targets.hpp).
#include <algorithm>
#include <map>

#include "services/observations.hpp"
#include "services/targets.hpp"
#include "services/water_targets.hpp"

namespace ecogov {

namespace {

struct UnitInfo {
    std::string kind;
};

Result<std::map<std::int64_t, UnitInfo>> load_units(storage::Connection& c) {
    auto rows = c.query("SELECT id, kind FROM units");
    if (!rows) return std::unexpected(rows.error());
    std::map<std::int64_t, UnitInfo> out;
    for (const auto& r : *rows) out.emplace(r.integer(0), UnitInfo{r.text(1)});
    return out;
}

/// The stations whose values make up `unit`'s figures: a bureau's are all stations.
std::vector<Station> stations_of(const std::vector<Station>& all, std::int64_t unit, bool bureau) {
    std::vector<Station> out;
    for (const Station& s : all)
        if (bureau || s.unit_id == unit) out.push_back(s);
    return out;
}

TargetFacts facts_of(const std::vector<DailyValues>& days, const Target& t, DateRange so_far, int year_days) {
    TargetFacts f;
    f.days_elapsed = so_far.last < so_far.first ? 0 : so_far.day_count();
    f.days_remaining = year_days - f.days_elapsed;
    if (f.days_elapsed == 0) return f;
    const PeriodEvaluation e = evaluate_period(days, so_far);
    const TargetKind kind = target_kind(t.indicator);
    if (kind == TargetKind::pm25_mean || kind == TargetKind::pm10_mean) {
        const DailyIndicator ind = kind == TargetKind::pm25_mean ? DailyIndicator::pm25_24h : DailyIndicator::pm10_24h;
        for (const DailyValues& d : days) {
            if (!so_far.contains(d.date) || !d[ind].value) continue;
            ++f.valid_days;
            f.sum += *d[ind].value;
        }
    } else {
        f.valid_days = e.valid_days;
    }
    f.good_days = e.good_days;
    f.heavy_days = e.heavy_days;
    f.composite_index = e.composite_index;
    return f;
}

Result<TargetProgress> water_progress(storage::Connection& c, const std::map<std::int64_t, UnitInfo>& units,
                                      const Target& t, DateRange so_far, int year_days) {
    const auto u = units.find(t.unit_id);
    const bool bureau = u != units.end() && u->second.kind == "bureau";
    auto facts = water_attainment_facts(c, t.unit_id, bureau, so_far);
    if (!facts) return std::unexpected(facts.error());
    const int elapsed = std::max(0, so_far.day_count());
    std::int64_t to_attain = 0;
    TargetProgressResult r = water_attainment_result(t.value, *facts, to_attain);
    return TargetProgress{t, elapsed, year_days - elapsed, std::move(r), to_attain};
}

}  // namespace

Result<std::vector<TargetProgress>> targets_progress(storage::Connection& c, AirQueries& air, int year,
                                                     std::optional<std::int64_t> unit_id, Date as_of_limit) {
    auto targets = list_targets(c, year);
    auto units = load_units(c);
    auto stations = list_stations(c);
    auto latest = latest_label(c);
    if (!targets || !units || !stations || !latest) {
        const Error e = !targets ? targets.error() : !units ? units.error() : !stations ? stations.error() : latest.error();
        return std::unexpected(e);
    }
    const DateRange whole{Date::from_ymd(year, 1, 1), Date::from_ymd(year, 12, 31)};
    Date as_of = std::min(as_of_limit, whole.last);
    if (*latest) as_of = std::min(as_of, (*latest)->day());
    const DateRange so_far{whole.first, std::max(as_of, whole.first - 1)};
    std::map<std::int64_t, std::vector<DailyValues>> per_unit;
    std::vector<TargetProgress> out;
    const DateRange water_so_far{whole.first, std::min(as_of_limit, whole.last)};
    for (const Target& t : *targets) {
        if (unit_id && t.unit_id != *unit_id) continue;
        if (t.indicator == kWaterAttainment) {
            auto p = water_progress(c, *units, t, water_so_far, whole.day_count());
            if (!p) return std::unexpected(p.error());
            out.push_back(std::move(*p));
            continue;
        }
        auto it = per_unit.find(t.unit_id);
        if (it == per_unit.end()) {
            const auto u = units->find(t.unit_id);
            const bool bureau = u != units->end() && u->second.kind == "bureau";
            std::vector<DailyValues> days;
            if (so_far.day_count() > 0) {
                auto d = air.group_daily(c, stations_of(*stations, t.unit_id, bureau), so_far);
                if (!d) return std::unexpected(d.error());
                days = std::move(*d);
            }
            it = per_unit.emplace(t.unit_id, std::move(days)).first;
        }
        const TargetFacts f = facts_of(it->second, t, so_far, whole.day_count());
        TargetProgressResult r = target_progress(t.indicator, t.value, f);
        if (it->second.empty() && target_kind(t.indicator) != TargetKind::other && f.days_elapsed > 0)
            r.explanation = "该单位尚无监测数据。 No monitoring data for this unit yet. " + r.explanation;
        out.push_back(TargetProgress{t, f.days_elapsed, f.days_remaining, std::move(r), std::nullopt});
    }
    return out;
}

}  // namespace ecogov
