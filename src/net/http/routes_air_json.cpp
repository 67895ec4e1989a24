#include "net/http/routes_air_json.hpp"

#include <boost/json.hpp>

#include "core/decimal.hpp"
#include "standards/aqi/category.hpp"

namespace ecogov::http {

namespace json = boost::json;

namespace {

constexpr std::array<DailyIndicator, kDailyIndicatorCount> kDailyOrder = {
    DailyIndicator::so2_24h,  DailyIndicator::no2_24h,   DailyIndicator::co_24h,   DailyIndicator::pm10_24h,
    DailyIndicator::pm25_24h, DailyIndicator::o3_8h_max, DailyIndicator::o3_1h_max};
constexpr std::array<std::string_view, kDailyIndicatorCount> kDailyColumn = {
    "so2", "no2", "co", "pm10", "pm25", "o3_8h_max", "o3_1h_max"};
constexpr std::array<std::string_view, kPeriodStatisticCount> kStatisticColumn = {
    "so2_mean", "no2_mean", "pm10_mean", "pm25_mean", "so2_p98", "no2_p98", "pm10_p95", "pm25_p95", "co_p95", "o3_8h_p90"};

json::value opt_int(const std::optional<int>& v) { return v ? json::value(*v) : json::value(nullptr); }

std::string rules_label(const PeriodEvaluation& e) {
    if (e.has_2012_days && e.has_2026_days) return "hj633-2012+hj633-2026";
    return e.has_2026_days ? "hj633-2026" : "hj633-2012";
}

}  // namespace

json::value scaled_json(const std::optional<std::int64_t>& v, int decimals) {
    if (!v) return nullptr;
    if (decimals == 0) return *v;
    return static_cast<double>(*v) / static_cast<double>(pow10(decimals));
}

json::value conc_json(const Conc& c, Pollutant p) {
    return scaled_json(c ? std::optional<std::int64_t>(*c) : std::nullopt, decimals_of(p));
}

json::object station_json(const Station& s) {
    return {{"id", s.id},         {"code", s.code}, {"name", s.name},
            {"kind", s.kind},     {"unit_id", s.unit_id}, {"city", s.city},
            {"longitude", s.longitude ? json::value(*s.longitude) : json::value(nullptr)},
            {"latitude", s.latitude ? json::value(*s.latitude) : json::value(nullptr)},
            {"control", s.control}};
}

json::value category_json(const std::optional<int>& aqi) {
    if (!aqi) return nullptr;
    const AqiCategory& c = category_for(*aqi);
    return json::object{{"level", c.level}, {"name_zh", c.name_zh}, {"name_en", c.name_en}, {"colour", c.colour_hex}};
}

json::object observation_json(const StoredHour& h) {
    json::object o{{"time", h.label.iso()}};
    for (Pollutant p : kAllPollutants) o[column_of(p)] = conc_json(h.values[index_of(p)], p);
    return o;
}

json::object hourly_json(const HourlyAqiRow& r) {
    json::object o{{"time", r.label.iso()},
                   {"rules", rule_set_id(r.aqi.rules)},
                   {"aqi", opt_int(r.aqi.aqi)},
                   {"primary", join_names(r.aqi.primary)},
                   {"category", category_json(r.aqi.aqi)}};
    for (Pollutant p : kAllPollutants) o[column_of(p)] = conc_json(r.values[index_of(p)], p);
    return o;
}

json::object daily_json(const DailyValues& d) {
    json::object o{{"date", d.date.iso()},
                   {"rules", rule_set_id(d.rules)},
                   {"aqi", opt_int(d.aqi.aqi)},
                   {"primary", join_names(d.aqi.primary)},
                   {"category", category_json(d.aqi.aqi)}};
    for (std::size_t i = 0; i < kDailyOrder.size(); ++i) {
        const Conc& c = d[kDailyOrder[i]].value;
        o[kDailyColumn[i]] = scaled_json(c ? std::optional<std::int64_t>(*c) : std::nullopt,
                                         kDailyOrder[i] == DailyIndicator::co_24h ? 1 : 0);
    }
    o["valid"] = d.complete();
    return o;
}

json::object evaluation_json(const SeriesEvaluation& s) {
    const PeriodEvaluation& e = s.evaluation;
    json::object o{{"period", s.period.label()}, {"rules", rules_label(e)}};
    for (std::size_t i = 0; i < e.statistics.size(); ++i) {
        const Conc& c = e.statistics[i].value;
        const int decimals = i == static_cast<std::size_t>(PeriodStatistic::co_p95) ? 1 : 0;
        o[kStatisticColumn[i]] = scaled_json(c ? std::optional<std::int64_t>(*c) : std::nullopt, decimals);
    }
    o["valid_days"] = e.valid_days;
    o["good_days"] = e.good_days;
    o["good_ratio"] = scaled_json(e.good_ratio ? std::optional<std::int64_t>(*e.good_ratio) : std::nullopt, 1);
    o["heavy_days"] = e.heavy_days;
    o["composite_index"] = scaled_json(e.composite_index, 2);
    o["valid"] = e.valid;
    json::array levels;
    for (int n : e.days_per_category) levels.push_back(n);
    o["days_per_level"] = std::move(levels);
    return o;
}

json::object target_json(const Target& t) {
    return {{"id", t.id},
            {"unit_id", t.unit_id},
            {"year", t.year},
            {"indicator", t.indicator},
            {"value", scaled_json(t.value, target_decimals(t.indicator))},
            {"note", t.note}};
}

json::object progress_json(const TargetProgress& p) {
    const TargetProgressResult& r = p.result;
    json::object remaining;
    if (r.max_mean) remaining["max_mean"] = *r.max_mean;
    if (r.good_days_needed) remaining["good_days_needed"] = *r.good_days_needed;
    if (r.heavy_days_left) remaining["heavy_days_left"] = *r.heavy_days_left;
    if (p.sections_to_attain) remaining["sections_to_attain"] = *p.sections_to_attain;
    return {{"target", target_json(p.target)},
            {"to_date", scaled_json(r.to_date, target_decimals(p.target.indicator))},
            {"days_elapsed", p.days_elapsed},
            {"days_remaining", p.days_remaining},
            {"on_track", r.on_track},
            {"remaining", std::move(remaining)},
            {"out_of_reach", r.out_of_reach},
            {"explanation", r.explanation}};
}

json::object import_report_json(const ImportReport& r) {
    json::array errors;
    for (const ImportRowError& e : r.errors)
        errors.push_back(json::object{{"line", e.line}, {"column", e.column}, {"field", e.field}, {"message", e.message}});
    return {{"batch_id", r.batch_id}, {"accepted", r.accepted}, {"rejected", r.rejected}, {"changed", r.changed},
            {"error_count", r.error_count}, {"errors", std::move(errors)}};
}

json::object overview_json(const AirOverview& o) {
    json::array stations;
    for (const StationNow& s : o.stations) {
        json::object row{{"code", s.station.code}, {"name", s.station.name}};
        row["time"] = s.latest ? json::value(s.latest->label.iso()) : json::value(nullptr);
        row["aqi"] = s.latest ? opt_int(s.latest->aqi.aqi) : json::value(nullptr);
        row["category"] = s.latest ? category_json(s.latest->aqi.aqi) : json::value(nullptr);
        row["primary"] = s.latest ? join_names(s.latest->aqi.primary) : std::string{};
        stations.push_back(std::move(row));
    }
    json::array ranking;
    for (const RankingRow& r : o.ranking) {
        const Conc& pm25 = r.evaluation[PeriodStatistic::pm25_mean].value;
        const auto& ratio = r.evaluation.good_ratio;
        ranking.push_back(json::object{{"code", r.station.code},
                                       {"name", r.station.name},
                                       {"pm25_mean", conc_json(pm25, Pollutant::pm25)},
                                       {"composite_index", scaled_json(r.evaluation.composite_index, 2)},
                                       {"good_ratio", scaled_json(ratio ? std::optional<std::int64_t>(*ratio) : std::nullopt, 1)},
                                       {"rank", r.rank}});
    }
    json::array targets;
    for (const TargetProgress& p : o.targets) targets.push_back(progress_json(p));
    return {{"date", o.date ? json::value(o.date->iso()) : json::value(nullptr)},
            {"latest_hour", o.latest_hour ? json::value(o.latest_hour->iso()) : json::value(nullptr)},
            {"stations", std::move(stations)},
            {"ranking", std::move(ranking)},
            {"targets", std::move(targets)}};
}

}  // namespace ecogov::http
