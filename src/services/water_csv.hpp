#pragma once
// The long water CSV (`section,water_body,date,item,value`) and the soil CSV
// (`plot,sample,date,ph,cd,hg,as,pb,cr,cu,ni,zn`) read line by line. Pure: no storage, no I/O.
// Shared by `ecogov water classify` (src/cli/water_command.cpp) and the sample imports
// (services/water_import.hpp, services/soil_import.hpp) so that both read a file the same way.
//
// Contract:
// - Fields are split on ',', trimmed of blanks and one pair of surrounding double quotes.
// - Water: `water_body` river|lake, `date` YYYY-MM-DD (or YYYYMMDD), `item` anything
//   water::find_item knows (name, alias, Chinese name, HJ 212 w-code), `value` as
//   water::parse_value reads it (a decimal, "ND", "<x"). The value's text is kept as given.
// - Soil: `ph` as parse_ph (0..14, required), each metal as parse_measurement (mg/kg, "ND", "<x",
//   "xL"; empty = not measured). Texts are kept as given.
// - A bad line gives one CsvIssue: 1-based line and column, the field's header name and why.
#include <array>
#include <cstdint>
#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"
#include "standards/soil/limits.hpp"
#include "standards/soil/measurement.hpp"
#include "standards/water/values.hpp"

namespace ecogov {

inline constexpr std::string_view kWaterCsvHeader = "section,water_body,date,item,value";
inline constexpr std::string_view kSoilCsvHeader = "plot,sample,date,ph,cd,hg,as,pb,cr,cu,ni,zn";

struct CsvIssue {
    int line = 0;
    int column = 0;
    std::string field;
    std::string message;
};

struct WaterCsvRow {
    int line = 0;
    std::string section;
    water::WaterBody body = water::WaterBody::river;
    Date date;
    water::WaterItem item = water::WaterItem::ph;
    water::WaterValue value;
    std::string value_text;
};

struct SoilCsvRow {
    int line = 0;
    std::string plot;
    std::string sample;
    Date date;
    std::int32_t ph_centi = 0;
    std::string ph_text;
    std::array<Measurement, kMetalCount> metals{};
    std::array<std::string, kMetalCount> metal_texts;  // indexed by Metal
};

/// A field trimmed of blanks, '\r' and one pair of surrounding quotes.
std::string_view csv_trim(std::string_view s) noexcept;
std::vector<std::string_view> csv_split(std::string_view line);

/// Calls on_line(line number, line) for each non-blank line after the header (UTF-8 BOM and CR
/// removed). A missing or different header is reported as an issue of line 1 and nothing is
/// called.
std::optional<CsvIssue> for_each_csv_line(
    std::string_view text, std::string_view header,
    const std::function<void(int, std::string_view)>& on_line);

std::expected<WaterCsvRow, CsvIssue> parse_water_line(int number, std::string_view line);
std::expected<SoilCsvRow, CsvIssue> parse_soil_line(int number, std::string_view line);

}  // namespace ecogov
