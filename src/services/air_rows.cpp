// Hourly rows (HJ 633): CSV and JSON. The US EPA, daily and evaluation rows are in
// air_rows_epa.cpp, air_rows_daily.cpp and air_rows_evaluation.cpp.
#include "services/air_rows.hpp"

#include "services/air_rows_format.hpp"

namespace ecogov {

using namespace air_rows_detail;

void hourly_csv_header(std::string& out) {
    out +=
        "station,time,rules,aqi,primary,category,so2,no2,co,o3,pm10,pm25,"
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
    if (r.published_na)
        out += "NA";
    else
        append_opt_int(out, r.published_aqi);
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
    json_number_or_null(
        out, a.computed_aqi ? std::optional<std::int64_t>(*a.computed_aqi) : std::nullopt, 0);
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
        json_number_or_null(out, c ? std::optional<std::int64_t>(*c) : std::nullopt,
                            ecogov::decimals_of(p));
        out += ",\"iaqi\":";
        const auto& i = a.iaqi[index_of(p)];
        json_number_or_null(out, i ? std::optional<std::int64_t>(*i) : std::nullopt, 0);
        out += '}';
    }
    out += "},";
    json_key(out, "published_aqi");
    if (r.published_na)
        out += "\"NA\"";
    else
        json_number_or_null(
            out, r.published_aqi ? std::optional<std::int64_t>(*r.published_aqi) : std::nullopt, 0);
    out += '}';
}

}  // namespace ecogov
