#pragma once
// CnemcReader: the long CNEMC feed format (`timepoint,stationcode,...,co_24h`), one row per
// station-hour, columns found by header name.
//
// Contract: each valid row gives one HourlyRecord, label = HourLabel::at_clock(date, HH) of the
// timepoint. The variant is told per row by the timepoint: "YYYY-MM-DDTHH:MM:SS" is the 2022 feed
// (1-hour O3 in `o3_24h`, current 8-hour O3 in `o3_8h_24h`), "YYYY-MM-DDTHHMM" the 2026 feed
// (1-hour O3 in `o3`, 8-hour in `o3_8h`). Empty, `NA` and `/` cells are missing; a `/` 1-hour cell
// also marks the pollutant in not_monitored; a missing AQI cell sets published_aqi_na.
// `primarypollutant` (may be quoted and contain commas) goes to published_primary; NA, "/" and "-"
// become empty. so2_24h comes from `so2_24h`; published_o3_8h_day_max is not filled.
// Issues: wrong field count, bad timepoint or empty station code skip the row; bad cells are
// reported and left missing. A header without the required columns is fatal.
#include <string_view>
#include <vector>

#include "ingest/long_columns.hpp"
#include "ingest/reader_base.hpp"

namespace ecogov::ingest {

class CnemcReader final : public ReaderBase {
  public:
    explicit CnemcReader(RecordSink& sink) : ReaderBase(sink) {}

  private:
    enum Col : int {
        timepoint,
        station,
        primary,
        aqi,
        pm10,
        pm25,
        o3,
        o3_24h,
        o3_8h,
        o3_8h_24h,
        no2,
        so2,
        so2_24h,
        co,
        kCols
    };

    bool on_header(std::string_view line) override;
    void on_row(std::string_view line) override;

    bool read_timepoint(std::string_view text, HourLabel& label, bool& is_2022);
    Conc conc(Col c, int decimals);
    /// Reads a 1-hour value into `rec`, noting "/" in rec.not_monitored.
    void set_one_hour(HourlyRecord& rec, Pollutant p, Col c, int decimals);
    std::string_view field(Col c) const noexcept;

    LongColumns header_;
    int col_[kCols] = {};
    std::vector<std::string_view> fields_;
};

}  // namespace ecogov::ingest
