#include "simulation/air_csv_layout.hpp"

#include <algorithm>
#include <charconv>
#include <cstddef>

#include "core/decimal.hpp"
#include "core/time.hpp"
#include "standards/aqi/hourly_aqi.hpp"

namespace ecogov::air_sim {

namespace {

constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "AQI",     "PM2.5", "PM2.5_24h", "PM10",  "PM10_24h",  "SO2", "SO2_24h", "NO2",
    "NO2_24h", "O3",    "O3_24h",    "O3_8h", "O3_8h_24h", "CO",  "CO_24h"};
constexpr std::array<Column, kColumnCount> kFullColumns = {
    Column::aqi,    Column::pm25,    Column::pm25_24h,  Column::pm10,    Column::pm10_24h,
    Column::so2,    Column::so2_24h, Column::no2,       Column::no2_24h, Column::o3,
    Column::o3_24h, Column::o3_8h,   Column::o3_8h_24h, Column::co,      Column::co_24h};
constexpr std::array<Column, 6> kHourlyColumns = {Column::pm25, Column::pm10, Column::so2,
                                                  Column::no2,  Column::o3,   Column::co};

constexpr std::size_t col(Column c) noexcept {
    return static_cast<std::size_t>(c);
}

// The 1-hour column of each pollutant, indexed by Pollutant.
constexpr std::array<Column, kPollutantCount> kOneHourColumn = {
    Column::so2, Column::no2, Column::co, Column::o3, Column::pm10, Column::pm25};
constexpr std::array<Column, kPollutantCount> kMeanColumn = {Column::so2_24h,  Column::no2_24h,
                                                             Column::co_24h,   Column::o3_24h,
                                                             Column::pm10_24h, Column::pm25_24h};

void append_int(std::string& out, std::int64_t v) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

void append_cell(std::string& out, std::int32_t v, bool tenths) {
    if (v < 0) return;
    if (!tenths) {
        append_int(out, v);
        return;
    }
    append_int(out, v / 10);
    out.push_back('.');
    out.push_back(static_cast<char>('0' + v % 10));
}

void append_date(std::string& out, Date d) {
    append_int(out, d.year() * 10000 + d.month() * 100 + d.day());
}

std::size_t ring_index(std::int64_t label) noexcept {
    return static_cast<std::size_t>(((label % 24) + 24) % 24);
}

}  // namespace

CsvLayoutWriter::CsvLayoutWriter(AirLayout layout, std::size_t stations, const ChunkSink& sink)
    : layout_(layout), sink_(sink), states_(stations) {
    for (auto& s : states_)
        for (auto& r : s.ring) r.fill(kMissing);
    columns_ = layout == AirLayout::full
                   ? std::vector<Column>(kFullColumns.begin(), kFullColumns.end())
                   : std::vector<Column>(kHourlyColumns.begin(), kHourlyColumns.end());
}

void CsvLayoutWriter::write_header(const std::vector<StationPlan>& plans) {
    std::string header = "date,hour,type";
    for (const auto& p : plans) {
        header.push_back(',');
        header += p.station.code;
    }
    header.push_back('\n');
    emit(header);
}

void CsvLayoutWriter::record(std::int64_t t, const std::vector<HourValues>& values) {
    const HourLabel label{t};
    const RuleSet rules = rules_for_hour(label);
    const int hour_of_day = label.hour_of_day();
    const std::size_t now = ring_index(t);
    for (std::size_t s = 0; s < states_.size(); ++s) {
        StationCells& st = states_[s];
        const HourValues& v = values[s];
        for (int p = 0; p < kPollutantCount; ++p) {
            const auto pi = static_cast<std::size_t>(p);
            st.ring[pi][now] = v[pi];
        }
        fill_cells(st, v, t, hour_of_day, rules);
    }
}

void CsvLayoutWriter::fill_cells(StationCells& st, const HourValues& v, std::int64_t t,
                                 int hour_of_day, RuleSet rules) {
    auto& cells = st.cells;
    for (int p = 0; p < kPollutantCount; ++p)
        cells[col(kOneHourColumn[static_cast<std::size_t>(p)])] = v[static_cast<std::size_t>(p)];
    if (layout_ != AirLayout::full) return;

    for (int p = 0; p < kPollutantCount; ++p) {
        const auto pi = static_cast<std::size_t>(p);
        const auto& ring = st.ring[pi];
        std::int64_t sum = 0;
        int count = 0;
        std::int32_t max = kMissing;
        for (std::int32_t x : ring) {
            if (x < 0) continue;
            sum += x;
            ++count;
            max = std::max(max, x);
        }
        std::int32_t out = kMissing;
        if (static_cast<Pollutant>(p) == Pollutant::o3) {
            out = max;  // CNEMC's O3_24h: 24-hour moving max of the 1-hour values
        } else if (count >= 20) {
            out = static_cast<std::int32_t>(round_half_even(sum, count));
        }
        cells[col(kMeanColumn[pi])] = out;
    }

    // O3 8-hour moving mean and the day's running max over the windows labelled 08:00...
    const auto& o3 = st.ring[static_cast<std::size_t>(index_of(Pollutant::o3))];
    std::int64_t sum = 0;
    int count = 0;
    for (int k = 0; k < 8; ++k) {
        const std::int32_t x = o3[ring_index(t - k)];
        if (x < 0) continue;
        sum += x;
        ++count;
    }
    const std::int32_t o3_8h =
        count >= 6 ? static_cast<std::int32_t>(round_half_even(sum, count)) : kMissing;
    cells[col(Column::o3_8h)] = o3_8h;
    if (hour_of_day == 1) st.o3_8h_day_max = kMissing;
    if (hour_of_day >= 8 && o3_8h >= 0) st.o3_8h_day_max = std::max(st.o3_8h_day_max, o3_8h);
    cells[col(Column::o3_8h_24h)] = hour_of_day >= 8 ? st.o3_8h_day_max : kMissing;

    HourlyInput in;
    for (int p = 0; p < kPollutantCount; ++p) {
        const std::int32_t x = v[static_cast<std::size_t>(p)];
        if (x >= 0) in.one_hour[static_cast<std::size_t>(p)] = x;
    }
    if (cells[col(Column::so2_24h)] >= 0) in.so2_24h = cells[col(Column::so2_24h)];
    const HourlyAqi aqi = hourly_aqi(in, rules);
    cells[col(Column::aqi)] = aqi.aqi ? static_cast<std::int32_t>(*aqi.aqi) : kMissing;
}

void CsvLayoutWriter::write_hour(std::int64_t t) {
    const Date clock_date{static_cast<std::int32_t>(HourLabel::floor_div(t, 24))};
    const int clock_hour = static_cast<int>(t - HourLabel::floor_div(t, 24) * 24);
    std::string prefix;
    append_date(prefix, clock_date);
    prefix.push_back(',');
    append_int(prefix, clock_hour);
    prefix.push_back(',');

    chunk_.clear();
    for (Column c : columns_) {
        chunk_ += prefix;
        chunk_ += kColumnNames[col(c)];
        const bool tenths = c == Column::co || c == Column::co_24h;
        const bool one_hour = c == Column::pm25 || c == Column::pm10 || c == Column::so2 ||
                              c == Column::no2 || c == Column::o3 || c == Column::co;
        for (const StationCells& st : states_) {
            chunk_.push_back(',');
            const std::int32_t v = st.cells[col(c)];
            append_cell(chunk_, v, tenths);
            if (one_hour) {
                ++summary_.cells;
                if (v < 0) ++summary_.missing_cells;
            }
        }
        chunk_.push_back('\n');
        ++summary_.rows;
    }
    emit(chunk_);
}

void CsvLayoutWriter::emit(std::string_view text) {
    summary_.bytes += text.size();
    sink_(text);
}

}  // namespace ecogov::air_sim
