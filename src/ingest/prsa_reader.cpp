#include "ingest/prsa_reader.hpp"

#include <array>

#include "ingest/csv_fields.hpp"

namespace ecogov::ingest {

namespace {
constexpr std::array<std::string_view, 11> kNames = {
    "year", "month", "day", "hour", "PM2.5", "PM10", "SO2", "NO2", "CO", "O3", "station"};
}  // namespace

bool PrsaReader::on_header(std::string_view line) {
    header_.read(line);
    for (int c = 0; c < kCols; ++c) {
        col_[c] = header_.index(kNames[static_cast<std::size_t>(c)]);
        if (col_[c] < 0) {
            fatal(0, kNames[static_cast<std::size_t>(c)],
                  "not a prsa header: column '" + std::string(kNames[static_cast<std::size_t>(c)]) +
                      "' is missing in " + quoted(line));
            return false;
        }
    }
    return true;
}

std::string_view PrsaReader::field(Col c) const noexcept {
    return fields_[static_cast<std::size_t>(col_[c])];
}

bool PrsaReader::read_number(Col c, int& out) {
    if (parse_small_uint(unquote(field(c)), out)) return true;
    bad_line(column(c), kNames[static_cast<std::size_t>(c)], quoted(field(c)) + " is not a number");
    return false;
}

bool PrsaReader::read_label(HourLabel& label) {
    int y = 0, m = 0, d = 0, hh = 0;
    if (!read_number(year, y) || !read_number(month, m) || !read_number(day, d) ||
        !read_number(hour, hh))
        return false;
    if (!Date::is_valid_ymd(y, m, d)) {
        const std::string text = std::string(unquote(field(year))) + "-" +
                                 std::string(unquote(field(month))) + "-" +
                                 std::string(unquote(field(day)));
        bad_line(column(day), "day", "invalid date " + quoted(text));
        return false;
    }
    if (hh > 23) {
        bad_line(column(hour), "hour", "hour " + std::to_string(hh) + " out of range 0..23");
        return false;
    }
    label = HourLabel::at_clock(Date::from_ymd(y, m, d), hh);
    return true;
}

Conc PrsaReader::conc(Col c, int decimals) {
    const std::string_view text = field(c);
    const CellValue cell = read_cell(text, decimals);
    if (is_bad(cell))
        bad_cell(column(c), kNames[static_cast<std::size_t>(c)],
                 bad_cell_message(cell, text, "concentration"));
    if (cell.status != CellStatus::value) return std::nullopt;
    return cell.scaled;
}

void PrsaReader::set_one_hour(HourlyRecord& rec, Pollutant p, Col c, int decimals) {
    const CellStatus status = parse_rounded(field(c), decimals).status;
    if (status == CellStatus::not_monitored) rec.not_monitored.add(p);
    rec.one_hour[static_cast<std::size_t>(index_of(p))] = conc(c, decimals);
}

void PrsaReader::on_row(std::string_view line) {
    split_fields(line, fields_);
    if (fields_.size() != header_.size()) {
        wrong_field_count(header_.size(), fields_.size());
        return;
    }
    HourlyRecord rec;
    if (!read_label(rec.label)) return;
    rec.station = unquote(field(station));
    if (rec.station.empty()) {
        bad_line(column(station), "station", "empty station name");
        return;
    }
    set_one_hour(rec, Pollutant::pm25, pm25, 0);
    set_one_hour(rec, Pollutant::pm10, pm10, 0);
    set_one_hour(rec, Pollutant::so2, so2, 0);
    set_one_hour(rec, Pollutant::no2, no2, 0);
    set_one_hour(rec, Pollutant::co, co, -2);  // µg/m³ to hundreds = 0.1 mg/m³
    set_one_hour(rec, Pollutant::o3, o3, 0);
    sink().on_record(rec);
}

}  // namespace ecogov::ingest
