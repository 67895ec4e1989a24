#include "simulation/air_generator.hpp"

#include <algorithm>

#include "simulation/air_csv_layout.hpp"
#include "simulation/air_model.hpp"
#include "simulation/air_stations.hpp"

namespace ecogov {

namespace {

bool valid_prefix(std::string_view p) noexcept {
    if (p.empty() || p.size() > 16) return false;
    return std::all_of(p.begin(), p.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

bool valid_city(std::string_view c) noexcept {
    if (c.empty() || c.size() > 200) return false;
    return c.find_first_of(",\"\r\n") == std::string_view::npos;
}

}  // namespace

std::string_view layout_id(AirLayout layout) noexcept {
    return layout == AirLayout::hourly ? "hourly" : "full";
}

std::optional<AirLayout> parse_layout_id(std::string_view id) noexcept {
    if (id == "hourly") return AirLayout::hourly;
    if (id == "full") return AirLayout::full;
    return std::nullopt;
}

Result<void> validate(const AirGeneratorConfig& config) {
    if (config.stations < 1 || config.stations > 20000)
        return fail(
            ErrorCode::invalid_argument,
            "the number of stations must lie in 1..20000, not " + std::to_string(config.stations),
            "--stations");
    if (!valid_prefix(config.code_prefix))
        return fail(ErrorCode::invalid_argument,
                    "the station code prefix must be 1 to 16 ASCII letters, digits, '_' or '-': '" +
                        config.code_prefix + "'",
                    "--prefix");
    if (!valid_city(config.city))
        return fail(ErrorCode::invalid_argument,
                    "the city name must be non-empty and hold no comma, quote or line break",
                    "--city");
    if (config.days.last < config.days.first)
        return fail(ErrorCode::invalid_argument,
                    "the date range ends (" + config.days.last.iso() + ") before it starts (" +
                        config.days.first.iso() + ")",
                    "--to");
    if (config.days.day_count() > 3660)
        return fail(ErrorCode::invalid_argument,
                    "the date range is limited to 3660 days, not " +
                        std::to_string(config.days.day_count()),
                    "--to");
    if (config.days.first.year() < 1971 || config.days.last.year() > 9998)
        return fail(ErrorCode::invalid_argument, "the dates must lie in the years 1971..9998",
                    "--from");
    return {};
}

Result<AirGenerationSummary> generate_air(const AirGeneratorConfig& config, const ChunkSink& sink,
                                          const ProgressFn& progress) {
    if (auto ok = validate(config); !ok) return std::unexpected(ok.error());
    const std::vector<air_sim::StationPlan> plans = air_sim::plan_stations(config);
    air_sim::AirModel model(config, plans);
    air_sim::CsvLayoutWriter writer(config.layout, plans.size(), sink);
    writer.write_header(plans);
    const std::int64_t first = HourLabel::of(config.days.first, 1).hours;
    const std::int64_t last = HourLabel::of(config.days.last, 24).hours;
    const int total_days = config.days.day_count();
    for (std::int64_t t = first - air_sim::kWarmupHours; t <= last; ++t) {
        model.step(t);
        writer.record(t, model.values());
        if (t < first) continue;
        writer.write_hour(t);
        const HourLabel label{t};
        if (label.hour_of_day() == 24 && progress)
            progress(label.day() - config.days.first + 1, total_days);
    }
    return writer.summary();
}

}  // namespace ecogov
