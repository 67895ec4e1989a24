// Period evaluation rows (HJ 663): CSV and JSON.
#include "services/air_rows.hpp"

#include <array>

#include "services/air_rows_format.hpp"

namespace ecogov {

using namespace air_rows_detail;

namespace {

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

void evaluation_csv_header(std::string& out) {
    out +=
        "station,period,rules,so2_mean,no2_mean,pm10_mean,pm25_mean,so2_p98,no2_p98,pm10_p95,"
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
        json_number_or_null(out, st.value ? std::optional<std::int64_t>(*st.value) : std::nullopt,
                            decimals_of(i));
        out += ",\"days_used\":";
        append_int(out, st.coverage.used);
        out += ",\"days_expected\":";
        append_int(out, st.coverage.expected);
        out += ",\"valid\":";
        out += st.valid ? "true" : "false";
        out += ",\"attained\":";
        out += st.attained ? (*st.attained ? "true" : "false") : "null";
        out += ",\"exceedance_multiple\":";
        json_number_or_null(
            out, st.exceedance ? std::optional<std::int64_t>(*st.exceedance) : std::nullopt, 2);
        out += '}';
    }
    out += "},\"valid_days\":";
    append_int(out, e.valid_days);
    out += ",\"good_days\":";
    append_int(out, e.good_days);
    out += ",\"good_ratio\":";
    json_number_or_null(
        out, e.good_ratio ? std::optional<std::int64_t>(*e.good_ratio) : std::nullopt, 1);
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
