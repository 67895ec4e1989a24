#pragma once
// The `china_sites` text of the generator: the header, then per clock hour one row per type
// (6 types for AirLayout::hourly, 15 for AirLayout::full) with a cell per station. For the full
// layout it derives the moving values (24-hour means, O3 8-hour mean and daily max, AQI) from the
// model's 1-hour values. Internal to simulation/air_*.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/pollutant.hpp"
#include "simulation/air_generator.hpp"
#include "simulation/air_model.hpp"
#include "simulation/air_stations.hpp"
#include "standards/aqi/rules.hpp"

namespace ecogov::air_sim {

/// The `type` rows of the china_sites layout, in its order.
enum class Column : unsigned char {
    aqi,
    pm25,
    pm25_24h,
    pm10,
    pm10_24h,
    so2,
    so2_24h,
    no2,
    no2_24h,
    o3,
    o3_24h,
    o3_8h,
    o3_8h_24h,
    co,
    co_24h
};
inline constexpr int kColumnCount = 15;

class CsvLayoutWriter {
  public:
    CsvLayoutWriter(AirLayout layout, std::size_t stations, const ChunkSink& sink);

    /// `date,hour,type,<station codes>`.
    void write_header(const std::vector<StationPlan>& plans);

    /// Takes the stations' 1-hour values at label t (every label, warm-up included, in order)
    /// and derives the other cells of the layout.
    void record(std::int64_t t, const std::vector<HourValues>& values);

    /// Writes the rows of label t (as clock date and hour), one chunk.
    void write_hour(std::int64_t t);

    const AirGenerationSummary& summary() const noexcept { return summary_; }

  private:
    struct StationCells {
        std::array<std::array<std::int32_t, 24>, kPollutantCount> ring{};  // by label mod 24
        std::int32_t o3_8h_day_max = kMissing;
        std::array<std::int32_t, kColumnCount> cells{};
    };

    void emit(std::string_view text);
    void fill_cells(StationCells& st, const HourValues& v, std::int64_t t, int hour_of_day,
                    RuleSet rules);

    AirLayout layout_;
    const ChunkSink& sink_;
    std::vector<StationCells> states_;
    std::vector<Column> columns_;
    std::string chunk_;
    AirGenerationSummary summary_;
};

}  // namespace ecogov::air_sim
