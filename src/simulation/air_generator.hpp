#pragma once
// Deterministic synthetic hourly air-quality data in the wide `china_sites` format, modelled on a
// county of Henan (登封市 Dengfeng, Zhengzhou), for demonstrations, tests and benchmarks.
//
// Contract:
// - Pure: no I/O, no clock, no globals. Text leaves through a ChunkSink in chunks (the header,
//   then one chunk per clock hour); the concatenation is the file. The same configuration (seed
//   included) gives byte-identical output on the same platform (own PRNG and normal sampler; only
//   libm's exp/log/sin/cos are relied upon).
// - Rows cover the labels of the natural days of `days`: clock `first 01` ... clock `last+1 00`
//   (hour 0 of D+1 is label 24:00 of D), so every natural day has its 24 hours. Row order: by
//   clock hour, then by type in the `china_sites` order. Row count = days x 24 x types (6 types for
//   AirLayout::hourly, 15 for AirLayout::full); whole-hour outages leave empty cells, never drop
//   rows. Station columns: `<prefix><zero-padded index>` (width max(3, digits of the count)).
// - Units: µg/m³ integers; CO mg/m³ with one decimal, 0.3 ... 4.0. Missing cell = empty.
// - Full layout: `X_24h` = 24-hour moving mean of the 1-hour values labelled L-23 ... L (>= 20
//   valid, rounded half-even); `O3_24h` = 24-hour moving max of the 1-hour O3 (as CNEMC publishes
//   it); `O3_8h` = 8-hour moving mean of labels L-7 ... L (>= 6 valid, half-even); `O3_8h_24h` =
//   running max of the day's valid `O3_8h` labelled 08:00 ... L (empty for labels 01:00 ...
//   07:00), so at label 24:00 it is the day's max 8-hour value; `AQI` = the published
//   hourly_aqi() of the six 1-hour values (with SO2_24h) under rules_for_hour(). The moving values
//   see 72 hours of unpublished warm-up before the first label.
// - Model (deterministic given the seed): seasonal cycles (PM, CO, SO2, NO2 high in winter; O3
//   high in May-September), weekly cycle (weekday NO2/CO higher), diurnal cycles (NO2/CO rush-hour
//   peaks, PM night build-up, O3 mid-afternoon peak), a shared regional AR(1) "stagnation"
//   process plus per-station AR(1) noise, 4-6 winter haze episodes a year of 3-6 days (PM2.5
//   150-350), 2-4 spring dust events (PM10 300-600), station-to-station variation (the last
//   station is a clean control point), ~1 % missing cells in runs, rare station outages and rare
//   whole-hour network outages.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ecogov {

/// Receives consecutive chunks of CSV text.
using ChunkSink = std::function<void(std::string_view)>;

/// Which types the generated file carries.
enum class AirLayout : unsigned char {
    hourly,  // PM2.5, PM10, SO2, NO2, O3, CO (1-hour values only)
    full,    // all 15 china_sites types
};

/// "hourly" / "full"
std::string_view layout_id(AirLayout layout) noexcept;
std::optional<AirLayout> parse_layout_id(std::string_view id) noexcept;

/// What to generate. Limits: 1 <= stations <= 20000, 1 <= days <= 3660, prefix 1..16 ASCII
/// letters, digits, '_' or '-'; city non-empty without commas, quotes or line breaks.
struct AirGeneratorConfig {
    int stations = 8;
    std::string code_prefix = "DF";
    std::string city = "登封市";
    DateRange days{Date::from_ymd(2025, 1, 1), Date::from_ymd(2025, 12, 31)};
    std::uint64_t seed = 1;
    AirLayout layout = AirLayout::full;
};

/// A generated monitoring station. Contract: codes are unique and sorted as in the data columns;
/// names are real Dengfeng place names (when `city` is 登封市) or synthesised "<city>监测点NN";
/// coordinates (WGS-84 degrees, 4 decimals) lie within ~25 km of 113.05E 34.45N; with two or more
/// stations the last one is the control point (对照点, control = true).
struct SimStation {
    std::string code;
    std::string name;
    std::string city;
    double longitude = 0;
    double latitude = 0;
    bool control = false;
};

/// What a generation produced.
struct AirGenerationSummary {
    std::uint64_t rows = 0;           // data rows (header excluded)
    std::uint64_t cells = 0;          // station cells of the 1-hour types
    std::uint64_t missing_cells = 0;  // of those, empty
    std::uint64_t bytes = 0;          // text passed to the sink
};

/// Checks the limits above; the error names the offending option (--stations, --prefix, ...).
Result<void> validate(const AirGeneratorConfig& config);

/// The stations of `config` (deterministic in the seed); empty when the config is invalid.
std::vector<SimStation> make_stations(const AirGeneratorConfig& config);

/// `code,name,city,longitude,latitude,control` (control = yes|no), one chunk per line.
void write_stations_csv(const std::vector<SimStation>& stations, const ChunkSink& sink);

/// Called after each generated natural day with (days done, days in total).
using ProgressFn = std::function<void(int, int)>;

/// Generates the hourly file of `config` into `sink` (see the contract above).
Result<AirGenerationSummary> generate_air(const AirGeneratorConfig& config, const ChunkSink& sink,
                                          const ProgressFn& progress = {});

}  // namespace ecogov
