#include "standards/averaging/city_day.hpp"

#include <algorithm>
#include <cstddef>

#include "core/decimal.hpp"

namespace ecogov {

namespace {

/// Mean of the stations' valid values when enough stations have one, rounded half-even.
CoveredConc city_mean(std::span<const DailyValues* const> stations, int city_station_count,
                      const CoveredConc& (*pick)(const DailyValues&)) noexcept {
    CoveredConc out;
    out.coverage.expected = static_cast<std::uint16_t>(std::max(city_station_count, 0));
    std::int64_t sum = 0;
    for (const DailyValues* s : stations) {
        if (s == nullptr) continue;
        const Conc& v = pick(*s).value;
        if (!v) continue;
        ++out.coverage.used;
        sum += *v;
    }
    const int used = out.coverage.used;
    if (used > 0 && used >= min_city_stations(city_station_count))
        out.value = static_cast<std::int32_t>(round_half_even(sum, used));
    return out;
}

template <DailyIndicator D>
const CoveredConc& indicator(const DailyValues& v) {
    return v[D];
}
const CoveredConc& co_8h(const DailyValues& v) {
    return v.co_8h_max;
}
const CoveredConc& so2_1h(const DailyValues& v) {
    return v.so2_1h_max;
}
const CoveredConc& no2_1h(const DailyValues& v) {
    return v.no2_1h_max;
}

using Picker = const CoveredConc& (*)(const DailyValues&);
constexpr std::array<Picker, kDailyIndicatorCount> kIndicatorPickers = {
    indicator<DailyIndicator::so2_24h>,  indicator<DailyIndicator::no2_24h>,
    indicator<DailyIndicator::co_24h>,   indicator<DailyIndicator::pm10_24h>,
    indicator<DailyIndicator::pm25_24h>, indicator<DailyIndicator::o3_8h_max>,
    indicator<DailyIndicator::o3_1h_max>};

}  // namespace

int min_city_stations(int city_station_count) noexcept {
    if (city_station_count <= 0) return 1;
    if (city_station_count < 4) return static_cast<int>(ceil_div(city_station_count, 2));
    return static_cast<int>(ceil_div(3LL * city_station_count, 4));
}

DailyValues city_daily_values(Date day, std::span<const DailyValues* const> stations,
                              int city_station_count, RuleSet rules) noexcept {
    DailyValues out;
    out.date = day;
    out.rules = rules;
    DailyConcSet conc{};
    for (std::size_t i = 0; i < kIndicatorPickers.size(); ++i) {
        out.values[i] = city_mean(stations, city_station_count, kIndicatorPickers[i]);
        conc[i] = out.values[i].value;
    }
    out.co_8h_max = city_mean(stations, city_station_count, co_8h);
    out.so2_1h_max = city_mean(stations, city_station_count, so2_1h);
    out.no2_1h_max = city_mean(stations, city_station_count, no2_1h);
    out.aqi = daily_aqi(conc, rules);
    return out;
}

}  // namespace ecogov
