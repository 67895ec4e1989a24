#include "standards/averaging/station_day.hpp"

#include <cstddef>
#include <optional>

#include "core/decimal.hpp"

namespace ecogov {

namespace {

constexpr int kMinDailyHours = 20;         // GB 3095 Table 4: >= 20 hourly values per day
constexpr int kMinWindowHours = 6;         // GB 3095 Table 4: >= 6 hourly values per 8 hours
constexpr int kFirstWindowLabel = 8;       // HJ 663-2013 Table A.1: windows labelled 08:00..24:00
constexpr int kDailyWindows = 17;          // 24 - 8 + 1
constexpr int kMinValidWindows = 14;       // HJ 663-2013 §6.1.2
constexpr std::int32_t kO3_8hLimit = 160;  // GB 3095 grade 2, both editions (µg/m³)

std::size_t at(DailyIndicator d) noexcept {
    return static_cast<std::size_t>(d);
}

/// The 24 hourly values of pollutant `p`, index h-1 = label h.
std::array<Conc, 24> column(const StationDayHours& hours, Pollutant p) noexcept {
    std::array<Conc, 24> out{};
    for (std::size_t h = 0; h < out.size(); ++h) out[h] = hours.hours[h][index_of(p)];
    return out;
}

/// Max of the valid hours when at least kMinDailyHours are valid.
CoveredConc daily_max_1h(const std::array<Conc, 24>& values) noexcept {
    CoveredConc out;
    out.coverage.expected = 24;
    std::optional<std::int32_t> max;
    for (const Conc& v : values) {
        if (!v) continue;
        ++out.coverage.used;
        if (!max || *v > *max) max = *v;
    }
    if (out.coverage.used >= kMinDailyHours) out.value = max;
    return out;
}

/// Max of the 17 eight-hour means labelled 08:00..24:00. Valid with >= 14 valid windows, or with
/// fewer when `exceedance_limit` is set and the max exceeds it. Window sums come from prefix sums
/// (the same exact means as eight_hour_mean() over each window, in O(24)).
CoveredConc daily_max_8h(const std::array<Conc, 24>& values,
                         std::optional<std::int32_t> exceedance_limit) noexcept {
    std::array<std::int64_t, 25> sum{};
    std::array<int, 25> count{};
    for (std::size_t i = 0; i < values.size(); ++i) {
        sum[i + 1] = sum[i] + (values[i] ? *values[i] : 0);
        count[i + 1] = count[i] + (values[i] ? 1 : 0);
    }
    CoveredConc out;
    out.coverage.expected = kDailyWindows;
    std::optional<std::int32_t> max;
    for (std::size_t label = kFirstWindowLabel; label <= 24; ++label) {
        // Window at label X covers labels X-7..X, i.e. indices X-8..X-1.
        const int n = count[label] - count[label - 8];
        if (n < kMinWindowHours) continue;
        const auto mean = static_cast<std::int32_t>(round_half_even(sum[label] - sum[label - 8], n));
        ++out.coverage.used;
        if (!max || mean > *max) max = mean;
    }
    const bool enough = out.coverage.used >= kMinValidWindows;
    const bool exceeds = max && exceedance_limit && *max > *exceedance_limit;
    if (enough || exceeds) out.value = max;
    return out;
}

DailyConcSet concentrations_of(const DailyValues& v) noexcept {
    DailyConcSet out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = v.values[i].value;
    return out;
}

}  // namespace

bool DailyValues::complete() const noexcept {
    for (int i = 0; i < kDailyIndicatorCount; ++i) {
        const auto d = static_cast<DailyIndicator>(i);
        if (is_reported(rules, d) && !(*this)[d].value) return false;
    }
    return true;
}

CoveredConc covered_mean(std::span<const Conc> values, int min_valid) noexcept {
    CoveredConc out;
    out.coverage.expected = static_cast<std::uint16_t>(values.size());
    std::int64_t sum = 0;
    for (const Conc& v : values) {
        if (!v) continue;
        ++out.coverage.used;
        sum += *v;
    }
    const int used = out.coverage.used;
    if (used > 0 && used >= min_valid)
        out.value = static_cast<std::int32_t>(round_half_even(sum, used));
    return out;
}

Conc eight_hour_mean(std::span<const Conc, 8> window) noexcept {
    return covered_mean(window, kMinWindowHours).value;
}

DailyValues station_daily_values(Date day, const StationDayHours& hours, RuleSet rules) noexcept {
    DailyValues out;
    out.date = day;
    out.rules = rules;
    const auto mean_of = [&](Pollutant p) {
        return covered_mean(column(hours, p), kMinDailyHours);
    };
    out.values[at(DailyIndicator::so2_24h)] = mean_of(Pollutant::so2);
    out.values[at(DailyIndicator::no2_24h)] = mean_of(Pollutant::no2);
    out.values[at(DailyIndicator::co_24h)] = mean_of(Pollutant::co);
    out.values[at(DailyIndicator::pm10_24h)] = mean_of(Pollutant::pm10);
    out.values[at(DailyIndicator::pm25_24h)] = mean_of(Pollutant::pm25);

    const std::array<Conc, 24> o3 = column(hours, Pollutant::o3);
    out.values[at(DailyIndicator::o3_8h_max)] = daily_max_8h(o3, kO3_8hLimit);
    out.values[at(DailyIndicator::o3_1h_max)] = daily_max_1h(o3);

    out.co_8h_max = daily_max_8h(column(hours, Pollutant::co), std::nullopt);
    out.so2_1h_max = daily_max_1h(column(hours, Pollutant::so2));
    out.no2_1h_max = daily_max_1h(column(hours, Pollutant::no2));

    out.aqi = daily_aqi(concentrations_of(out), rules);
    return out;
}

}  // namespace ecogov
