#include "standards/aqi/hourly_aqi.hpp"

#include "standards/aqi/iaqi.hpp"

namespace ecogov {

namespace {

constexpr std::array<IaqiColumn, kPollutantCount> kHourlyColumn = {
    IaqiColumn::so2_1h, IaqiColumn::no2_1h, IaqiColumn::co_1h,
    IaqiColumn::o3_1h,  IaqiColumn::pm10_24h, IaqiColumn::pm25_24h};

std::optional<int> so2_beyond_800(const HourlyInput& in, RuleSet rules) noexcept {
    if (rules == RuleSet::hj633_2026) return 200;  // Table 3 note b
    if (!in.so2_24h) return std::nullopt;          // Table 1 note 2: use the 24-hour value
    return iaqi(rules, IaqiColumn::so2_24h, *in.so2_24h);
}

}  // namespace

HourlyAqi hourly_aqi(const HourlyInput& in, RuleSet rules, const PublicationPolicy& policy) noexcept {
    HourlyAqi out;
    out.rules = rules;
    for (Pollutant p : kAllPollutants) {
        const Conc& c = in.one_hour[index_of(p)];
        if (!c || *c < 0) {
            if (!in.not_monitored.contains(p)) out.missing.add(p);
            continue;
        }
        auto value = iaqi(rules, kHourlyColumn[index_of(p)], *c);
        if (!value && p == Pollutant::so2) value = so2_beyond_800(in, rules);
        out.iaqi[index_of(p)] = value;
        if (!value) out.missing.add(p);
    }
    for (const auto& v : out.iaqi)
        if (v && (!out.computed_aqi || *v > *out.computed_aqi)) out.computed_aqi = v;
    if (!out.computed_aqi) return out;

    bool blocked = false;
    if (out.missing.bits() != 0 && policy.rule_for(rules) == MissingRule::hj633_2026) {
        const bool only_pm10 = [&] {
            PollutantSet pm10;
            pm10.add(Pollutant::pm10);
            return out.missing == pm10;
        }();
        blocked = !(policy.exempt_missing_pm10 && only_pm10) && *out.computed_aqi <= 100;
    }
    if (blocked) return out;

    out.aqi = out.computed_aqi;
    for (Pollutant p : kAllPollutants) {
        const auto& v = out.iaqi[index_of(p)];
        if (!v) continue;
        if (*out.aqi > 50 && *v == *out.aqi) out.primary.add(p);
        if (rules == RuleSet::hj633_2012 && *v > 100) out.over_standard.add(p);
    }
    return out;
}

}  // namespace ecogov
