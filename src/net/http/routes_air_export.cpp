// Daily values as CSV and XLSX downloads (routes_air_json.hpp).
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "services/xlsx_workbook.hpp"
#include "core/decimal.hpp"
#include "net/http/routes_air_json.hpp"
#include "services/air_rows.hpp"
#include "standards/aqi/category.hpp"

namespace ecogov::http {

namespace {

constexpr std::array<DailyIndicator, kDailyIndicatorCount> kOrder = {
    DailyIndicator::so2_24h,  DailyIndicator::no2_24h,   DailyIndicator::co_24h,   DailyIndicator::pm10_24h,
    DailyIndicator::pm25_24h, DailyIndicator::o3_8h_max, DailyIndicator::o3_1h_max};
constexpr std::array<const char*, 14> kHeader = {"station", "date", "rules", "aqi", "primary", "category", "so2",
                                                 "no2",  "co",   "pm10",  "pm25", "o3_8h_max", "o3_1h_max", "valid"};

/// The cells of one row as text ("" for missing).
std::vector<std::string> cells(const std::string& name, const DailyValues& d) {
    std::vector<std::string> out{name, d.date.iso(), std::string(rule_set_id(d.rules)),
                                 d.aqi.aqi ? std::to_string(*d.aqi.aqi) : "", join_names(d.aqi.primary),
                                 d.aqi.aqi ? std::string(category_for(*d.aqi.aqi).name_zh) : ""};
    for (DailyIndicator i : kOrder) {
        const Conc& c = d[i].value;
        out.push_back(c ? format_scaled(*c, i == DailyIndicator::co_24h ? 1 : 0) : "");
    }
    out.emplace_back(d.complete() ? "yes" : "no");
    return out;
}

bool numeric_column(std::size_t col) { return col == 3 || (col >= 6 && col <= 12); }

}  // namespace

std::string daily_csv(const std::string& name, const std::vector<DailyValues>& days) {
    std::string out;  // the same columns as `ecogov air daily`
    daily_csv_header(out);
    for (const DailyValues& d : days) daily_csv_row(out, name, d);
    return out;
}

Result<std::string> daily_xlsx(const std::string& name, const std::vector<DailyValues>& days) {
    return build_xlsx([&](lxw_workbook* book) {
        lxw_worksheet* sheet = workbook_add_worksheet(book, "daily");
        for (std::size_t c = 0; c < kHeader.size(); ++c)
            worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), kHeader[c], nullptr);
        lxw_row_t r = 1;
        for (const DailyValues& d : days) {
            const auto row = cells(name, d);
            for (std::size_t c = 0; c < row.size(); ++c) {
                if (row[c].empty()) continue;
                const auto col = static_cast<lxw_col_t>(c);
                if (numeric_column(c)) worksheet_write_number(sheet, r, col, std::strtod(row[c].c_str(), nullptr), nullptr);
                else worksheet_write_string(sheet, r, col, row[c].c_str(), nullptr);
            }
            ++r;
        }
    });
}

}  // namespace ecogov::http
