#pragma once
// ChinaSitesReader: the wide `china_sites_YYYYMMDD.csv` format (`date,hour,type,<stations...>`).
//
// Contract: rows of one (date, hour) are gathered; when the next (date, hour) starts, or at
// finish(), one HourlyRecord is emitted per station (in header order) that has at least one of the
// six 1-hour values or a published AQI value. Label = HourLabel::at_clock(date, hour).
// Types PM2.5 PM10 SO2 NO2 O3 CO fill `one_hour` (CO in mg/m³ to 1 decimal); AQI fills
// published_aqi (an empty, NA or "/" AQI cell sets published_aqi_na); a "/" 1-hour cell is
// missing and marks the pollutant in not_monitored; SO2_24h fills so2_24h;
// O3_8h fills published_o3_8h; O3_8h_24h fills published_o3_8h_day_max. PM2.5_24h, PM10_24h,
// NO2_24h, O3_24h and CO_24h are skipped without looking at their cells. Issues: a bad date, hour,
// unknown type, repeated (date, hour, type) or wrong field count skips the row (bad_line); a bad
// cell is reported (bad_cell) and left missing. Cells are parsed in place, without allocation.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/csv_fields.hpp"
#include "ingest/reader_base.hpp"

namespace ecogov::ingest {

class ChinaSitesReader final : public ReaderBase {
  public:
    explicit ChinaSitesReader(RecordSink& sink) : ReaderBase(sink) {}

    /// Where a row type goes: one of the ten stored slots or nowhere (skipped).
    enum Slot : int {
        pm25,
        pm10,
        so2,
        no2,
        o3,
        co,
        aqi,
        so2_24h,
        o3_8h,
        o3_8h_max,
        kSlots,
        skip = -1
    };

  private:
    struct PendingCell {
        std::size_t index;  // station index
        std::string text;
        CellValue cell;
    };

    bool on_header(std::string_view line) override;
    void on_row(std::string_view line) override;
    void on_end() override { emit_group(); }

    bool read_label(std::string_view date, std::string_view hour, HourLabel& out);
    bool parse_cells(const char* p, const char* end, Slot slot, std::size_t& found);
    std::int32_t slow_cell(std::string_view text, std::size_t index, Slot slot);
    void report_pending(Slot slot);
    void start_group(HourLabel label);
    void emit_group();

    std::vector<std::string> stations_;
    std::size_t n_ = 0;
    std::vector<std::int32_t> values_;  // kSlots columns of n_ values each
    std::vector<PendingCell> pending_;
    HourLabel group_label_{};
    bool group_open_ = false;
    std::uint32_t seen_types_ = 0;  // bit per type index in this group
    std::uint32_t seen_slots_ = 0;  // bit per slot holding valid data in this group
    std::string last_date_text_;
    Date last_date_{};
};

}  // namespace ecogov::ingest
