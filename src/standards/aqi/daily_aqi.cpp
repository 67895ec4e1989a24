#include "standards/aqi/daily_aqi.hpp"

#include "standards/aqi/iaqi.hpp"

namespace ecogov {

namespace {

constexpr std::array<IaqiColumn, kDailyIndicatorCount> kDailyColumn = {
    IaqiColumn::so2_24h,  IaqiColumn::no2_24h, IaqiColumn::co_24h, IaqiColumn::pm10_24h,
    IaqiColumn::pm25_24h, IaqiColumn::o3_8h,   IaqiColumn::o3_1h};

constexpr std::array<DailyIndicator, kDailyIndicatorCount> kAllDaily = {
    DailyIndicator::so2_24h,  DailyIndicator::no2_24h,   DailyIndicator::co_24h,   DailyIndicator::pm10_24h,
    DailyIndicator::pm25_24h, DailyIndicator::o3_8h_max, DailyIndicator::o3_1h_max};

std::size_t at(DailyIndicator d) noexcept { return static_cast<std::size_t>(d); }

}  // namespace

std::string_view daily_indicator_name(DailyIndicator d) noexcept {
    constexpr std::array<std::string_view, kDailyIndicatorCount> names = {"SO2",   "NO2",   "CO",   "PM10",
                                                                          "PM2.5", "O3_8h", "O3_1h"};
    return names[at(d)];
}

bool is_reported(RuleSet rules, DailyIndicator d) noexcept {
    return d != DailyIndicator::o3_1h_max || rules == RuleSet::hj633_2012;
}

DailyAqi daily_aqi(const DailyConcSet& conc, RuleSet rules) noexcept {
    DailyAqi out;
    out.rules = rules;
    for (DailyIndicator d : kAllDaily) {
        if (!is_reported(rules, d)) continue;
        const Conc& c = conc[at(d)];
        if (!c || *c < 0) {
            out.missing.add(d);
            continue;
        }
        out.iaqi[at(d)] = iaqi(rules, kDailyColumn[at(d)], *c);
    }
    // O3 8h above 800 µg/m³ has no IAQI on the 8h column.
    const Conc& o3_8h = conc[at(DailyIndicator::o3_8h_max)];
    if (o3_8h && *o3_8h >= 0 && !out.iaqi[at(DailyIndicator::o3_8h_max)]) {
        if (rules == RuleSet::hj633_2026) {
            out.iaqi[at(DailyIndicator::o3_8h_max)] = 300;
        } else if (const Conc& o3_1h = conc[at(DailyIndicator::o3_1h_max)]; o3_1h && *o3_1h >= 0) {
            out.iaqi[at(DailyIndicator::o3_8h_max)] = iaqi(rules, IaqiColumn::o3_1h, *o3_1h);
        } else {
            out.missing.add(DailyIndicator::o3_8h_max);
        }
    }
    for (const auto& v : out.iaqi)
        if (v && (!out.computed_aqi || *v > *out.computed_aqi)) out.computed_aqi = v;
    if (!out.computed_aqi) return out;
    if (!out.missing.empty() && *out.computed_aqi <= 100) return out;  // §5.3.1: NA

    out.aqi = out.computed_aqi;
    for (DailyIndicator d : kAllDaily) {
        const auto& v = out.iaqi[at(d)];
        if (!v) continue;
        if (*out.aqi > 50 && *v == *out.aqi) out.primary.add(d);
        if (rules == RuleSet::hj633_2012 && *v > 100) out.over_standard.add(d);
    }
    return out;
}

std::string join_names(const DailySet& set) {
    std::string out;
    for (DailyIndicator d : kAllDaily) {
        if (!set.contains(d)) continue;
        if (!out.empty()) out += '+';
        out += daily_indicator_name(d);
    }
    return out;
}

}  // namespace ecogov
