// Water and soil CSV lines (services/water_csv.hpp).
#include "services/water_csv.hpp"

#include <algorithm>

namespace ecogov {

namespace {

using namespace ecogov::water;

std::unexpected<CsvIssue> issue(int line, int column, std::string_view field, std::string why) {
    return std::unexpected(CsvIssue{line, column, std::string(field), std::move(why)});
}

std::string count_message(std::string_view header, std::size_t got) {
    return "expected " + std::to_string(std::count(header.begin(), header.end(), ',') + 1) +
           " fields (" + std::string(header) + "), got " + std::to_string(got);
}

std::expected<Date, CsvIssue> date_field(int number, int column, std::string_view text) {
    const auto date = Date::parse(text);
    if (!date)
        return issue(number, column, "date",
                     "bad date '" + std::string(text) + "': expected YYYY-MM-DD");
    return *date;
}

}  // namespace

std::string_view csv_trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
}

std::vector<std::string_view> csv_split(std::string_view line) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0;;) {
        const std::size_t comma = line.find(',', start);
        out.push_back(
            csv_trim(line.substr(start, comma == std::string_view::npos ? comma : comma - start)));
        if (comma == std::string_view::npos) return out;
        start = comma + 1;
    }
}

std::optional<CsvIssue> for_each_csv_line(
    std::string_view rest, std::string_view header,
    const std::function<void(int, std::string_view)>& on_line) {
    if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
    for (int number = 1; !rest.empty() || number == 1; ++number) {
        const std::size_t nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (number == 1) {
            if (csv_trim(line) != header)
                return CsvIssue{1, 1, "header",
                                "expected the header '" + std::string(header) + "', got '" +
                                    std::string(line) + "'"};
            continue;
        }
        if (!csv_trim(line).empty()) on_line(number, line);
    }
    return std::nullopt;
}

std::expected<WaterCsvRow, CsvIssue> parse_water_line(int number, std::string_view line) {
    const auto f = csv_split(line);
    if (f.size() != 5) return issue(number, 1, "row", count_message(kWaterCsvHeader, f.size()));
    if (f[0].empty()) return issue(number, 1, "section", "section is empty");
    const auto body = parse_water_body(f[1]);
    if (!body)
        return issue(number, 2, "water_body",
                     "unknown water_body '" + std::string(f[1]) + "': expected river or lake");
    auto date = date_field(number, 3, f[2]);
    if (!date) return std::unexpected(date.error());
    const auto item = find_item(f[3]);
    if (!item)
        return issue(number, 4, "item",
                     "unknown item '" + std::string(f[3]) +
                         "': expected a GB 3838 item name, alias or HJ 212 code");
    auto value = parse_value(*item, f[4]);
    if (!value) return issue(number, 5, "value", value.error().message);
    return WaterCsvRow{number, std::string(f[0]), *body, *date, *item, *value, std::string(f[4])};
}

std::expected<SoilCsvRow, CsvIssue> parse_soil_line(int number, std::string_view line) {
    const auto f = csv_split(line);
    if (f.size() != 12) return issue(number, 1, "row", count_message(kSoilCsvHeader, f.size()));
    if (f[0].empty()) return issue(number, 1, "plot", "plot is empty");
    if (f[1].empty() || f[1].size() > 64)
        return issue(number, 2, "sample", "sample: 1-64 characters");
    SoilCsvRow row{number, std::string(f[0]), std::string(f[1]), {}, 0, std::string(f[3]), {}, {}};
    auto date = date_field(number, 3, f[2]);
    if (!date) return std::unexpected(date.error());
    row.date = *date;
    auto ph = parse_ph(f[3], "ph");
    if (!ph) return issue(number, 4, "ph", ph.error().message);
    row.ph_centi = *ph;
    for (std::size_t i = 0; i < kAllMetals.size(); ++i) {
        static constexpr std::array<std::string_view, kMetalCount> kNames = {
            "cd", "hg", "as", "pb", "cr", "cu", "ni", "zn"};
        auto m = parse_measurement(f[4 + i], kNames[i]);
        if (!m) return issue(number, static_cast<int>(5 + i), kNames[i], m.error().message);
        row.metals[i] = *m;
        row.metal_texts[i] = std::string(f[4 + i]);
    }
    return row;
}

}  // namespace ecogov
