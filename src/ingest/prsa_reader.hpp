#pragma once
// PrsaReader: the UCI Beijing multi-site format
// (`No,year,month,day,hour,PM2.5,PM10,SO2,NO2,CO,O3,...,station`), columns found by header name.
//
// Contract: each valid row gives one HourlyRecord; label = HourLabel::at_clock(date, hour), hour
// 0..23 read like the china_sites hour. `NA` and empty cells are missing (a "/" one also marks
// not_monitored). CO is given in µg/m³ and rounded (GB/T 8170) to hundreds of µg/m³, i.e. to the
// 0.1 mg/m³ reporting unit. No published values. Issues: wrong field count, bad
// year/month/day/hour or empty station skip the row; bad cells are reported and left missing.
// A header without the required columns is fatal.
#include <string_view>
#include <vector>

#include "ingest/long_columns.hpp"
#include "ingest/reader_base.hpp"

namespace ecogov::ingest {

class PrsaReader final : public ReaderBase {
  public:
    explicit PrsaReader(RecordSink& sink) : ReaderBase(sink) {}

  private:
    enum Col : int { year, month, day, hour, pm25, pm10, so2, no2, co, o3, station, kCols };

    bool on_header(std::string_view line) override;
    void on_row(std::string_view line) override;

    bool read_number(Col c, int& out);
    bool read_label(HourLabel& label);
    Conc conc(Col c, int decimals);
    /// Reads a 1-hour value into `rec`, noting "/" in rec.not_monitored.
    void set_one_hour(HourlyRecord& rec, Pollutant p, Col c, int decimals);
    std::string_view field(Col c) const noexcept;
    std::size_t column(Col c) const noexcept { return static_cast<std::size_t>(col_[c]) + 1; }

    LongColumns header_;
    int col_[kCols] = {};
    std::vector<std::string_view> fields_;
};

}  // namespace ecogov::ingest
