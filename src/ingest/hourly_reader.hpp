#pragma once
// Streaming readers of hourly monitoring files (pure: bytes in, records out; no I/O).
//
// Formats (see ../shared/data/air/README.md and docs/formats.md):
// - china_sites (wide): `date,hour,type,<station codes...>`, one row per (date, hour, type);
//   hour 0 of D+1 is label 24:00 of D. Types used: PM2.5 PM10 SO2 NO2 O3 CO (1-hour values),
//   AQI (published), SO2_24h, O3_8h, O3_8h_24h; the other known types are skipped.
// - cnemc (long): `timepoint,stationcode,...,aqi,pm10,...,co_24h`; the 2022 variant (timepoint
//   "YYYY-MM-DDTHH:MM:SS", missing = empty, O3 columns swapped: the 1-hour O3 is in `o3_24h`)
//   and the 2026 variant (timepoint "YYYY-MM-DDTHHMM", `NA` missing, `/` not monitored).
// - prsa (long): `No,year,month,day,hour,PM2.5,PM10,SO2,NO2,CO,O3,...,station`; CO in µg/m³
//   (converted to 0.1 mg/m³ by rounding the µg value to hundreds). `hour` is read like the
//   china_sites hour (hour-ending, 0 = label 24:00 of the previous day).
//
// Contract:
// - feed() takes the input in chunks split anywhere (also inside a line or a UTF-8 character);
//   finish() flushes. Records reach the sink in input order; for the wide format all stations of an
//   hour are emitted when the next (date, hour) starts or at finish().
// - Numbers are rounded per GB/T 8170 to the reporting unit as they are read (decimal.hpp).
// - Every problem goes to the sink as a ReadIssue naming the line (1-based), the column (1-based
//   field number, 0 for a whole line) and the field's header name, and saying why. A bad cell is
//   reported and left missing, never used; a malformed line (wrong field count, bad date or
//   hour) is reported and skipped; a bad or unknown header is fatal (nothing more is read).
// - Kept C++20-clean (no <expected>): the fuzz target builds it with clang and libFuzzer.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/pollutant.hpp"
#include "core/time.hpp"

namespace ecogov {

enum class InputFormat : unsigned char { china_sites, cnemc, prsa };

/// "china-sites" / "cnemc" / "prsa"
std::string_view format_id(InputFormat f) noexcept;
std::optional<InputFormat> parse_format_id(std::string_view id) noexcept;
/// Recognises the format from the header line (BOM and trailing CR allowed).
std::optional<InputFormat> detect_format(std::string_view header_line) noexcept;

/// One station-hour as read. String views are valid only during the sink call.
struct HourlyRecord {
    std::string_view station;
    HourLabel label;
    ConcSet one_hour;            // the six 1-hour concentrations, scaled and rounded
    Conc so2_24h;                // SO2 24-hour moving mean, when the file carries it
    PollutantSet not_monitored;  // cells marked "/" (not in the monitoring plan), also missing
    /// Published values, when the file carries them (for comparison with the official figures).
    std::optional<int> published_aqi;
    bool published_aqi_na = false;       // the file says NA (or leaves AQI empty) for this hour
    std::string_view published_primary;  // e.g. "细颗粒物(PM2.5)" (cnemc only)
    Conc published_o3_8h;                // O3 8-hour moving mean at this label
    Conc published_o3_8h_day_max;  // running daily max of the 8-hour means (china_sites O3_8h_24h)
};

enum class IssueSeverity : unsigned char {
    bad_cell,  // the cell is reported and treated as missing
    bad_line,  // the line is skipped
    fatal,     // reading stops (bad header, binary data)
};

struct ReadIssue {
    IssueSeverity severity = IssueSeverity::bad_cell;
    std::size_t line = 0;    // 1-based
    std::size_t column = 0;  // 1-based field number; 0 = the whole line
    std::string field;       // header name of the column, when known
    std::string message;     // why, e.g. "'abc' is not a number", "negative concentration -3"
};

class RecordSink {
  public:
    virtual ~RecordSink() = default;
    virtual void on_record(const HourlyRecord& record) = 0;
    virtual void on_issue(const ReadIssue& issue) = 0;
};

class HourlyReader {
  public:
    virtual ~HourlyReader() = default;
    virtual void feed(std::string_view chunk) = 0;
    virtual void finish() = 0;
    /// True after a fatal issue: further input is ignored.
    virtual bool stopped() const noexcept = 0;
    /// Lines read so far (including the header).
    virtual std::size_t lines() const noexcept = 0;
};

std::unique_ptr<HourlyReader> make_reader(InputFormat format, RecordSink& sink);

}  // namespace ecogov
