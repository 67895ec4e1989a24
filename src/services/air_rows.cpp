#include "services/air_rows.hpp"

#include <algorithm>
#include <charconv>

#include "core/text.hpp"
#include "core/decimal.hpp"
#include "standards/aqi/category.hpp"

namespace ecogov {

namespace {

void append_int(std::string& out, std::int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void append_scaled(std::string& out, std::optional<std::int64_t> v, int decimals) {
    if (!v) return;
    if (decimals == 0) append_int(out, *v);
    else out += format_scaled(*v, decimals);
}

void append_conc(std::string& out, const Conc& c, int decimals) {
    if (c) append_scaled(out, *c, decimals);
}

void append_opt_int(std::string& out, const std::optional<int>& v) {
    if (v) append_int(out, *v);
}

void json_number_or_null(std::string& out, std::optional<std::int64_t> v, int decimals) {
    if (!v) out += "null";
    else append_scaled(out, v, decimals);
}

void json_key(std::string& out, std::string_view key) {
    append_json_string(out, key);
    out += ':';
}

void json_category(std::string& out, const std::optional<int>& aqi) {
    if (!aqi) {
        out += "null";
        return;
    }
    const AqiCategory& c = category_for(*aqi);
    out += "{\"level\":";
    append_int(out, c.level);
    out += ",\"name_zh\":";
    append_json_string(out, c.name_zh);
    out += ",\"name_en\":";
    append_json_string(out, c.name_en);
    out += ",\"colour\":";
    append_json_string(out, c.colour_hex);
    out += '}';
}

std::string_view category_name(const std::optional<int>& aqi) {
    return aqi ? category_for(*aqi).name_zh : std::string_view{};
}

constexpr std::array<DailyIndicator, kDailyIndicatorCount> kDailyOutputOrder = {
    DailyIndicator::so2_24h,  DailyIndicator::no2_24h,   DailyIndicator::co_24h,   DailyIndicator::pm10_24h,
    DailyIndicator::pm25_24h, DailyIndicator::o3_8h_max, DailyIndicator::o3_1h_max};

constexpr std::array<std::string_view, kDailyIndicatorCount> kDailyColumn = {
    "so2", "no2", "co", "pm10", "pm25", "o3_8h_max", "o3_1h_max"};

int decimals_of(DailyIndicator d) { return d == DailyIndicator::co_24h ? 1 : 0; }

std::string rules_label(const PeriodEvaluation& e) {
    if (e.has_2012_days && e.has_2026_days) return "hj633-2012+hj633-2026";
    if (e.has_2026_days) return "hj633-2026";
    return "hj633-2012";
}

constexpr std::array<std::string_view, kPeriodStatisticCount> kStatisticColumn = {
    "so2_mean", "no2_mean", "pm10_mean", "pm25_mean", "so2_p98",
    "no2_p98",  "pm10_p95", "pm25_p95",  "co_p95",    "o3_8h_p90"};

int decimals_of(std::size_t statistic) {
    return statistic == static_cast<std::size_t>(PeriodStatistic::co_p95) ? 1 : 0;
}

}  // namespace

// ---- hourly -------------------------------------------------------------------------------

void hourly_csv_header(std::string& out) {
    out += "station,time,rules,aqi,primary,category,so2,no2,co,o3,pm10,pm25,"
           "iaqi_so2,iaqi_no2,iaqi_co,iaqi_o3,iaqi_pm10,iaqi_pm25,"
           "level,colour,over_standard,computed_aqi,published_aqi\n";
}

void hourly_csv_row(std::string& out, const HourlyRow& r) {
    const HourlyAqi& a = *r.aqi;
    append_csv_field(out, r.station);
    out += ',';
    out += r.label.iso();
    out += ',';
    out += rule_set_id(a.rules);
    out += ',';
    append_opt_int(out, a.aqi);
    out += ',';
    out += join_names(a.primary);
    out += ',';
    out += category_name(a.aqi);
    for (Pollutant p : kAllPollutants) {
        out += ',';
        append_conc(out, (*r.one_hour)[index_of(p)], ecogov::decimals_of(p));
    }
    for (Pollutant p : kAllPollutants) {
        out += ',';
        append_opt_int(out, a.iaqi[index_of(p)]);
    }
    out += ',';
    if (a.aqi) {
        append_int(out, category_for(*a.aqi).level);
        out += ',';
        out += category_for(*a.aqi).colour_hex;
    } else {
        out += ',';
    }
    out += ',';
    out += join_names(a.over_standard);
    out += ',';
    append_opt_int(out, a.computed_aqi);
    out += ',';
    if (r.published_na) out += "NA";
    else append_opt_int(out, r.published_aqi);
    out += '\n';
}

void hourly_json_object(std::string& out, const HourlyRow& r) {
    const HourlyAqi& a = *r.aqi;
    out += '{';
    json_key(out, "station");
    append_json_string(out, r.station);
    out += ',';
    json_key(out, "time");
    append_json_string(out, r.label.iso());
    out += ',';
    json_key(out, "rules");
    append_json_string(out, rule_set_id(a.rules));
    out += ',';
    json_key(out, "aqi");
    json_number_or_null(out, a.aqi ? std::optional<std::int64_t>(*a.aqi) : std::nullopt, 0);
    out += ',';
    json_key(out, "computed_aqi");
    json_number_or_null(out, a.computed_aqi ? std::optional<std::int64_t>(*a.computed_aqi) : std::nullopt, 0);
    out += ',';
    json_key(out, "primary");
    append_json_string(out, join_names(a.primary));
    out += ',';
    json_key(out, "category");
    json_category(out, a.aqi);
    out += ",\"pollutants\":{";
    bool first = true;
    for (Pollutant p : kAllPollutants) {
        if (!first) out += ',';
        first = false;
        json_key(out, column_of(p));
        out += "{\"value\":";
        const Conc& c = (*r.one_hour)[index_of(p)];
        json_number_or_null(out, c ? std::optional<std::int64_t>(*c) : std::nullopt, ecogov::decimals_of(p));
        out += ",\"iaqi\":";
        const auto& i = a.iaqi[index_of(p)];
        json_number_or_null(out, i ? std::optional<std::int64_t>(*i) : std::nullopt, 0);
        out += '}';
    }
    out += "},";
    json_key(out, "published_aqi");
    if (r.published_na) out += "\"NA\"";
    else json_number_or_null(out, r.published_aqi ? std::optional<std::int64_t>(*r.published_aqi) : std::nullopt, 0);
    out += '}';
}

// ---- US EPA 2024 ---------------------------------------------------------------------------

namespace {

constexpr std::string_view kEpaTail = "iaqi_so2,iaqi_no2,iaqi_co,iaqi_o3,iaqi_pm10,iaqi_pm25,level,colour\n";

std::optional<int> larger(const std::optional<int>& a, const std::optional<int>& b) {
    if (!a) return b;
    if (!b) return a;
    return std::max(*a, *b);
}

/// Sub-indices by Pollutant (the larger of O3 8h/1h and of SO2 1h/24h).
std::array<std::optional<int>, kPollutantCount> epa_by_pollutant(const us_epa::EpaAqi& a) {
    using us_epa::EpaPollutant;
    const auto sub = [&](EpaPollutant p) { return a.sub_index[us_epa::at(p)]; };
    std::array<std::optional<int>, kPollutantCount> out{};
    out[index_of(Pollutant::so2)] = larger(sub(EpaPollutant::so2_1h), sub(EpaPollutant::so2_24h));
    out[index_of(Pollutant::no2)] = sub(EpaPollutant::no2_1h);
    out[index_of(Pollutant::co)] = sub(EpaPollutant::co_8h);
    out[index_of(Pollutant::o3)] = larger(sub(EpaPollutant::o3_8h), sub(EpaPollutant::o3_1h));
    out[index_of(Pollutant::pm10)] = sub(EpaPollutant::pm10_24h);
    out[index_of(Pollutant::pm25)] = sub(EpaPollutant::pm25_24h);
    return out;
}

}  // namespace

void epa_hourly_csv_header(std::string& out) {
    out += "station,time,rules,aqi,primary,category,so2,no2,co,o3,pm10,pm25,";
    out += kEpaTail;
}

void epa_daily_csv_header(std::string& out) {
    out += "station,date,rules,aqi,primary,category,so2_24h,no2_1h_max,co_8h_max,o3_8h_max,pm10,pm25,";
    out += kEpaTail;
}

void epa_hourly_csv_row(std::string& out, const EpaRow& r) {
    const us_epa::EpaAqi& a = *r.aqi;
    append_csv_field(out, r.station);
    out += ',';
    out += r.when;
    out += ",us-epa-2024,";
    append_opt_int(out, a.aqi);
    out += ',';
    if (a.primary) out += us_epa::epa_name(*a.primary);
    out += ',';
    if (a.category) out += a.category->name;
    for (Pollutant p : kAllPollutants) {
        out += ',';
        append_conc(out, (*r.concentrations)[index_of(p)], ecogov::decimals_of(p));
    }
    for (const auto& v : epa_by_pollutant(a)) {
        out += ',';
        append_opt_int(out, v);
    }
    out += ',';
    if (a.category) {
        append_int(out, a.category->level);
        out += ',';
        out += a.category->colour_hex;
    } else {
        out += ',';
    }
    out += '\n';
}

void epa_json_object(std::string& out, const EpaRow& r) {
    const us_epa::EpaAqi& a = *r.aqi;
    out += "{\"station\":";
    append_json_string(out, r.station);
    out += ",\"time\":";
    append_json_string(out, r.when);
    out += ",\"rules\":\"us-epa-2024\",\"aqi\":";
    json_number_or_null(out, a.aqi ? std::optional<std::int64_t>(*a.aqi) : std::nullopt, 0);
    out += ",\"primary\":";
    append_json_string(out, a.primary ? us_epa::epa_name(*a.primary) : std::string_view{});
    out += ",\"category\":";
    if (a.category) {
        out += "{\"level\":";
        append_int(out, a.category->level);
        out += ",\"name_en\":";
        append_json_string(out, a.category->name);
        out += ",\"colour\":";
        append_json_string(out, a.category->colour_hex);
        out += '}';
    } else {
        out += "null";
    }
    out += '}';
}

// ---- daily --------------------------------------------------------------------------------

void daily_csv_header(std::string& out) {
    out += "station,date,rules,aqi,primary,category,so2,no2,co,pm10,pm25,o3_8h_max,o3_1h_max,valid,"
           "level,colour,computed_aqi\n";
}

void daily_csv_row(std::string& out, std::string_view name, const DailyValues& d) {
    append_csv_field(out, name);
    out += ',';
    out += d.date.iso();
    out += ',';
    out += rule_set_id(d.rules);
    out += ',';
    append_opt_int(out, d.aqi.aqi);
    out += ',';
    out += join_names(d.aqi.primary);
    out += ',';
    out += category_name(d.aqi.aqi);
    for (DailyIndicator i : kDailyOutputOrder) {
        out += ',';
        append_conc(out, d[i].value, decimals_of(i));
    }
    out += d.complete() ? ",yes," : ",no,";
    if (d.aqi.aqi) {
        append_int(out, category_for(*d.aqi.aqi).level);
        out += ',';
        out += category_for(*d.aqi.aqi).colour_hex;
    } else {
        out += ',';
    }
    out += ',';
    append_opt_int(out, d.aqi.computed_aqi);
    out += '\n';
}

void daily_json_object(std::string& out, std::string_view name, const DailyValues& d) {
    out += '{';
    json_key(out, "station");
    append_json_string(out, name);
    out += ',';
    json_key(out, "date");
    append_json_string(out, d.date.iso());
    out += ',';
    json_key(out, "rules");
    append_json_string(out, rule_set_id(d.rules));
    out += ',';
    json_key(out, "aqi");
    json_number_or_null(out, d.aqi.aqi ? std::optional<std::int64_t>(*d.aqi.aqi) : std::nullopt, 0);
    out += ',';
    json_key(out, "computed_aqi");
    json_number_or_null(out, d.aqi.computed_aqi ? std::optional<std::int64_t>(*d.aqi.computed_aqi) : std::nullopt, 0);
    out += ',';
    json_key(out, "primary");
    append_json_string(out, join_names(d.aqi.primary));
    out += ',';
    json_key(out, "category");
    json_category(out, d.aqi.aqi);
    out += ",\"values\":{";
    for (std::size_t k = 0; k < kDailyOutputOrder.size(); ++k) {
        const DailyIndicator i = kDailyOutputOrder[k];
        if (k) out += ',';
        json_key(out, kDailyColumn[k]);
        const CoveredConc& c = d[i];
        out += "{\"value\":";
        json_number_or_null(out, c.value ? std::optional<std::int64_t>(*c.value) : std::nullopt, decimals_of(i));
        out += ",\"iaqi\":";
        const auto& q = d.aqi.iaqi[static_cast<std::size_t>(i)];
        json_number_or_null(out, q ? std::optional<std::int64_t>(*q) : std::nullopt, 0);
        out += ",\"used\":";
        append_int(out, c.coverage.used);
        out += ",\"expected\":";
        append_int(out, c.coverage.expected);
        out += '}';
    }
    out += "},";
    json_key(out, "valid");
    out += d.complete() ? "true" : "false";
    out += '}';
}

// ---- evaluate -----------------------------------------------------------------------------

void evaluation_csv_header(std::string& out) {
    out += "station,period,rules,so2_mean,no2_mean,pm10_mean,pm25_mean,so2_p98,no2_p98,pm10_p95,"
           "pm25_p95,co_p95,o3_8h_p90,valid_days,good_days,good_ratio,heavy_days,composite_index,"
           "valid,days,limits,days_level_1,days_level_2,days_level_3,days_level_4,days_level_5,"
           "days_level_6\n";
}

void evaluation_csv_row(std::string& out, const SeriesEvaluation& s) {
    const PeriodEvaluation& e = s.evaluation;
    append_csv_field(out, s.name);
    out += ',';
    out += s.period.label();
    out += ',';
    out += rules_label(e);
    for (std::size_t i = 0; i < e.statistics.size(); ++i) {
        out += ',';
        append_conc(out, e.statistics[i].value, decimals_of(i));
    }
    out += ',';
    append_int(out, e.valid_days);
    out += ',';
    append_int(out, e.good_days);
    out += ',';
    if (e.good_ratio) out += format_scaled(*e.good_ratio, 1);
    out += ',';
    append_int(out, e.heavy_days);
    out += ',';
    if (e.composite_index) out += format_scaled(*e.composite_index, 2);
    out += e.valid ? ",yes," : ",no,";
    append_int(out, s.period.days.day_count());
    out += ',';
    out += edition_id(e.limits);
    for (int n : e.days_per_category) {
        out += ',';
        append_int(out, n);
    }
    out += '\n';
}

void evaluation_json_object(std::string& out, const SeriesEvaluation& s) {
    const PeriodEvaluation& e = s.evaluation;
    out += '{';
    json_key(out, "station");
    append_json_string(out, s.name);
    out += ',';
    json_key(out, "period");
    append_json_string(out, s.period.label());
    out += ",\"from\":";
    append_json_string(out, s.period.days.first.iso());
    out += ",\"to\":";
    append_json_string(out, s.period.days.last.iso());
    out += ',';
    json_key(out, "rules");
    append_json_string(out, rules_label(e));
    out += ',';
    json_key(out, "limits");
    append_json_string(out, edition_id(e.limits));
    out += ",\"statistics\":{";
    for (std::size_t i = 0; i < e.statistics.size(); ++i) {
        const Statistic& st = e.statistics[i];
        if (i) out += ',';
        json_key(out, kStatisticColumn[i]);
        out += "{\"value\":";
        json_number_or_null(out, st.value ? std::optional<std::int64_t>(*st.value) : std::nullopt, decimals_of(i));
        out += ",\"days_used\":";
        append_int(out, st.coverage.used);
        out += ",\"days_expected\":";
        append_int(out, st.coverage.expected);
        out += ",\"valid\":";
        out += st.valid ? "true" : "false";
        out += ",\"attained\":";
        out += st.attained ? (*st.attained ? "true" : "false") : "null";
        out += ",\"exceedance_multiple\":";
        json_number_or_null(out, st.exceedance ? std::optional<std::int64_t>(*st.exceedance) : std::nullopt, 2);
        out += '}';
    }
    out += "},\"valid_days\":";
    append_int(out, e.valid_days);
    out += ",\"good_days\":";
    append_int(out, e.good_days);
    out += ",\"good_ratio\":";
    json_number_or_null(out, e.good_ratio ? std::optional<std::int64_t>(*e.good_ratio) : std::nullopt, 1);
    out += ",\"heavy_days\":";
    append_int(out, e.heavy_days);
    out += ",\"days_per_level\":[";
    for (std::size_t i = 0; i < e.days_per_category.size(); ++i) {
        if (i) out += ',';
        append_int(out, e.days_per_category[i]);
    }
    out += "],\"composite_index\":";
    json_number_or_null(out, e.composite_index, 2);
    out += ",\"valid\":";
    out += e.valid ? "true" : "false";
    out += '}';
}

}  // namespace ecogov
