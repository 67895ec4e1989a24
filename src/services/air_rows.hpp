#pragma once
// Rows of air-quality output, as CSV (fixed leading columns, README) or JSON objects: shared by
// `ecogov air` and the API's downloads, so both write the same columns.
#include <string>
#include <string_view>

#include "services/air_analysis.hpp"
#include "standards/aqi/hourly_aqi.hpp"
#include "standards/aqi/us_epa.hpp"

namespace ecogov {

struct HourlyRow {
    std::string_view station;
    HourLabel label;
    const ConcSet* one_hour;
    const HourlyAqi* aqi;
    std::optional<int> published_aqi;
    bool published_na = false;
};

void hourly_csv_header(std::string& out);
void hourly_csv_row(std::string& out, const HourlyRow& row);
void hourly_json_object(std::string& out, const HourlyRow& row);

/// A row under the US EPA 2024 scheme: `when` is the hour label (ISO) or the date.
struct EpaRow {
    std::string_view station;
    std::string when;
    const ConcSet* concentrations;  // as given to the scheme, Chinese units
    const us_epa::EpaAqi* aqi;
};
void epa_hourly_csv_header(std::string& out);
void epa_daily_csv_header(std::string& out);
void epa_hourly_csv_row(std::string& out, const EpaRow& row);
void epa_json_object(std::string& out, const EpaRow& row);

void daily_csv_header(std::string& out);
void daily_csv_row(std::string& out, std::string_view name, const DailyValues& day);
void daily_json_object(std::string& out, std::string_view name, const DailyValues& day);

void evaluation_csv_header(std::string& out);
void evaluation_csv_row(std::string& out, const SeriesEvaluation& e);
void evaluation_json_object(std::string& out, const SeriesEvaluation& e);

}  // namespace ecogov
