#include "services/air_analysis.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "standards/averaging/city_day.hpp"

namespace ecogov {

CityGrouping by_city(const std::vector<DailySeries>& stations_daily, const std::vector<StationInfo>& stations,
                     std::optional<RuleSet> forced_rules) {
    std::unordered_map<std::string, const StationInfo*> info_of;
    std::map<std::string, int> city_station_count;
    for (const StationInfo& s : stations) {
        info_of.emplace(s.code, &s);
        if (!s.control) ++city_station_count[s.city];
        else city_station_count.try_emplace(s.city, 0);
    }
    CityGrouping out;
    // city -> day -> the stations' daily values of that day
    std::map<std::string, std::map<Date, std::vector<const DailyValues*>>> per_city;
    for (const DailySeries& station : stations_daily) {
        auto it = info_of.find(station.name);
        if (it == info_of.end()) {
            out.unlisted.push_back(station.name);
            continue;
        }
        if (it->second->control) continue;
        for (const DailyValues& d : station.days) per_city[it->second->city][d.date].push_back(&d);
    }
    for (auto& [city, days] : per_city) {
        DailySeries series{city, {}};
        const int count = city_station_count[city];
        for (auto& [day, values] : days) {
            const RuleSet rules = forced_rules ? *forced_rules : rules_for_day(day);
            series.days.push_back(city_daily_values(day, values, count, rules));
        }
        out.cities.push_back(std::move(series));
    }
    return out;
}

namespace {

bool has_any_valid_value(const DailyValues& d) {
    return std::any_of(d.values.begin(), d.values.end(), [](const CoveredConc& c) { return c.value.has_value(); });
}

/// The days from the first to the last day with any valid daily value, over all series (a
/// china_sites file starting at hour 0 holds only label 24:00 of the day before: no period for it).
std::optional<DateRange> data_span(const std::vector<DailySeries>& series) {
    std::optional<DateRange> span;
    for (const DailySeries& s : series) {
        for (const DailyValues& d : s.days) {
            if (!has_any_valid_value(d)) continue;
            if (!span) span = DateRange{d.date, d.date};
            span->first = std::min(span->first, d.date);
            span->last = std::max(span->last, d.date);
        }
    }
    return span;
}

}  // namespace

std::vector<SeriesEvaluation> evaluate(const std::vector<DailySeries>& series, const PeriodSpec& spec,
                                       const EvaluationConfig& config) {
    std::vector<Period> periods;
    if (spec.kind == PeriodKind::range && spec.range) {
        periods.push_back(Period{PeriodKind::range, *spec.range});
    } else if (const auto span = data_span(series)) {
        periods = periods_covering(*span, spec.kind);
    }
    std::vector<SeriesEvaluation> out;
    for (const DailySeries& s : series) {
        for (const Period& p : periods) {
            out.push_back(SeriesEvaluation{s.name, p, evaluate_period(s.days, p.days, config)});
        }
    }
    return out;
}

}  // namespace ecogov
