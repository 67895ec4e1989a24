// Rows under the US EPA 2024 scheme (for comparison), hourly and daily.
#include "services/air_rows.hpp"

#include <algorithm>
#include <array>

#include "services/air_rows_format.hpp"

namespace ecogov {

using namespace air_rows_detail;

namespace {

constexpr std::string_view kEpaTail =
    "iaqi_so2,iaqi_no2,iaqi_co,iaqi_o3,iaqi_pm10,iaqi_pm25,level,colour\n";

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
    out +=
        "station,date,rules,aqi,primary,category,so2_24h,no2_1h_max,co_8h_max,o3_8h_max,pm10,pm25,";
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

}  // namespace ecogov
