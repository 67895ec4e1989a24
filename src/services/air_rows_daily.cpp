// Daily rows (HJ 633 daily AQI and GB 3095 daily values): CSV and JSON.
#include "services/air_rows.hpp"

#include <array>

#include "services/air_rows_format.hpp"

namespace ecogov {

using namespace air_rows_detail;

namespace {

constexpr std::array<DailyIndicator, kDailyIndicatorCount> kDailyOutputOrder = {
    DailyIndicator::so2_24h,  DailyIndicator::no2_24h,  DailyIndicator::co_24h,
    DailyIndicator::pm10_24h, DailyIndicator::pm25_24h, DailyIndicator::o3_8h_max,
    DailyIndicator::o3_1h_max};

constexpr std::array<std::string_view, kDailyIndicatorCount> kDailyColumn = {
    "so2", "no2", "co", "pm10", "pm25", "o3_8h_max", "o3_1h_max"};

int decimals_of(DailyIndicator d) {
    return d == DailyIndicator::co_24h ? 1 : 0;
}

}  // namespace

void daily_csv_header(std::string& out) {
    out +=
        "station,date,rules,aqi,primary,category,so2,no2,co,pm10,pm25,o3_8h_max,o3_1h_max,valid,"
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
    json_number_or_null(
        out, d.aqi.computed_aqi ? std::optional<std::int64_t>(*d.aqi.computed_aqi) : std::nullopt,
        0);
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
        json_number_or_null(out, c.value ? std::optional<std::int64_t>(*c.value) : std::nullopt,
                            decimals_of(i));
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

}  // namespace ecogov
