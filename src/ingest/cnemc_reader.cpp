#include "ingest/cnemc_reader.hpp"

#include <array>

#include "ingest/csv_fields.hpp"

namespace ecogov::ingest {

namespace {

constexpr std::array<std::string_view, 14> kNames = {
    "timepoint", "stationcode", "primarypollutant", "aqi", "pm10", "pm2_5",   "o3",
    "o3_24h",    "o3_8h",       "o3_8h_24h",        "no2", "so2",  "so2_24h", "co"};

bool digits_at(std::string_view s, std::size_t pos, std::size_t n, int& out) noexcept {
    return parse_small_uint(s.substr(pos, n), out);
}

std::string_view primary_text(std::string_view s) noexcept {
    s = unquote(s);
    if (s == "NA" || s == "/" || s == "-" || s == "—") return {};
    return s;
}

}  // namespace

bool CnemcReader::on_header(std::string_view line) {
    header_.read(line);
    for (int c = 0; c < kCols; ++c) {
        col_[c] = header_.index(kNames[static_cast<std::size_t>(c)]);
        if (col_[c] < 0) {
            fatal(0, kNames[static_cast<std::size_t>(c)],
                  "not a cnemc header: column '" +
                      std::string(kNames[static_cast<std::size_t>(c)]) + "' is missing in " +
                      quoted(line));
            return false;
        }
    }
    return true;
}

std::string_view CnemcReader::field(Col c) const noexcept {
    return fields_[static_cast<std::size_t>(col_[c])];
}

bool CnemcReader::read_timepoint(std::string_view text, HourLabel& label, bool& is_2022) {
    const std::string_view t = unquote(text);
    const std::size_t column = static_cast<std::size_t>(col_[timepoint]) + 1;
    int minutes = -1, seconds = 0, hh = 0;
    is_2022 = t.size() == 19;
    const bool shape_ok = t.size() >= 15 && t[10] == 'T' &&
                          (is_2022 ? t[13] == ':' && t[16] == ':' && digits_at(t, 14, 2, minutes) &&
                                         digits_at(t, 17, 2, seconds)
                                   : t.size() == 15 && digits_at(t, 13, 2, minutes));
    if (!shape_ok || !digits_at(t, 11, 2, hh) || minutes != 0 || seconds != 0) {
        bad_line(column, "timepoint", "invalid timepoint " + quoted(text));
        return false;
    }
    const auto date = Date::parse(t.substr(0, 10));
    if (!date) {
        bad_line(column, "timepoint", "invalid date " + quoted(t.substr(0, 10)));
        return false;
    }
    if (hh > 23) {
        bad_line(column, "timepoint", "hour " + std::to_string(hh) + " out of range 0..23");
        return false;
    }
    label = HourLabel::at_clock(*date, hh);
    return true;
}

Conc CnemcReader::conc(Col c, int decimals) {
    const std::string_view text = field(c);
    const CellValue cell = read_cell(text, decimals);
    if (is_bad(cell)) {
        const auto i = static_cast<std::size_t>(col_[c]);
        bad_cell(i + 1, header_.name(i),
                 bad_cell_message(cell, text, c == aqi ? "AQI" : "concentration"));
    }
    if (cell.status != CellStatus::value) return std::nullopt;
    return cell.scaled;
}

void CnemcReader::set_one_hour(HourlyRecord& rec, Pollutant p, Col c, int decimals) {
    const CellStatus status = parse_rounded(field(c), decimals).status;
    if (status == CellStatus::not_monitored) rec.not_monitored.add(p);
    rec.one_hour[static_cast<std::size_t>(index_of(p))] = conc(c, decimals);
}

void CnemcReader::on_row(std::string_view line) {
    split_fields(line, fields_);
    if (fields_.size() != header_.size()) {
        wrong_field_count(header_.size(), fields_.size());
        return;
    }
    HourlyRecord rec;
    bool is_2022 = false;
    if (!read_timepoint(field(timepoint), rec.label, is_2022)) return;
    rec.station = unquote(field(station));
    if (rec.station.empty()) {
        bad_line(static_cast<std::size_t>(col_[station]) + 1, "stationcode", "empty station code");
        return;
    }
    rec.published_primary = primary_text(field(primary));
    const Conc published = conc(aqi, 0);
    rec.published_aqi = published ? std::optional<int>(*published) : std::nullopt;
    const CellStatus aqi_status = parse_rounded(field(aqi), 0).status;
    rec.published_aqi_na = aqi_status == CellStatus::empty ||
                           aqi_status == CellStatus::not_available ||
                           aqi_status == CellStatus::not_monitored;
    set_one_hour(rec, Pollutant::pm10, pm10, 0);
    set_one_hour(rec, Pollutant::pm25, pm25, 0);
    set_one_hour(rec, Pollutant::o3, is_2022 ? o3_24h : o3, 0);
    set_one_hour(rec, Pollutant::no2, no2, 0);
    set_one_hour(rec, Pollutant::so2, so2, 0);
    set_one_hour(rec, Pollutant::co, co, 1);
    rec.so2_24h = conc(so2_24h, 0);
    rec.published_o3_8h = conc(is_2022 ? o3_8h_24h : o3_8h, 0);
    sink().on_record(rec);
}

}  // namespace ecogov::ingest
