#pragma once
// Real-time (hourly) AQI of one station-hour: HJ 633-2026 §4.2.3/§4.3/§5.3.1, and HJ 633-2012 as
// CNEMC applied it (standards/air.md §3: six 1-hour values; PM10/PM2.5 1-hour values read against
// the 24-hour columns; the O3 8-hour and PM 24-hour moving means are not used).
//
// Contract:
// - IAQI per pollutant on its 1-hour column (PM on the 24-hour/日平均 column), exact ceiling; above
//   the top breakpoint 500.
// - SO2 1h > 800 µg/m³: HJ 633-2012 takes the SO2 IAQI from the 24-hour (moving) mean on the 24h
//   column (nothing if that mean is missing); HJ 633-2026 counts it as 200.
// - AQI = max IAQI over the available pollutants. Primary pollutant(s) when AQI > 50: every
//   pollutant whose (ceiled) IAQI equals the AQI. Over-standard pollutants (IAQI > 100): 2012 only.
// - Publication with missing pollutants (PublicationPolicy): under §5.3.1 the AQI computed from the
//   others is published only when > 100, else AQI, primary and category are NA. A pollutant not in
//   the station's monitoring plan ("/", §5.3.2) does not block publication.
#include <array>
#include <optional>

#include "core/pollutant.hpp"
#include "standards/aqi/rules.hpp"

namespace ecogov {

/// How a missing pollutant affects publication of an hourly AQI.
enum class MissingRule : unsigned char {
    publish_available,  // AQI from the available pollutants (CNEMC practice seen in 2019)
    hj633_2026,         // HJ 633-2026 §5.3.1: NA unless the AQI of the others is > 100
};

struct PublicationPolicy {
    /// nullopt: publish_available under HJ 633-2012, hj633_2026 under HJ 633-2026.
    std::optional<MissingRule> missing_rule;
    /// A missing 1-hour PM10 alone does not block publication (what the CNEMC feed mostly does,
    /// in 169 of 172 and 154 of 159 such rows of 2026-03-01 T00 and T01). false: strict §5.3.1.
    bool exempt_missing_pm10 = true;

    MissingRule rule_for(RuleSet r) const noexcept {
        if (missing_rule) return *missing_rule;
        return r == RuleSet::hj633_2012 ? MissingRule::publish_available : MissingRule::hj633_2026;
    }
};

struct HourlyInput {
    ConcSet one_hour;  // the six 1-hour concentrations
    Conc so2_24h;      // SO2 24-hour moving mean ending at this hour (HJ 633-2012 SO2 > 800 case)
    PollutantSet not_monitored;  // not in the monitoring plan (HJ 633-2026 §5.3.2): never blocks
};

struct HourlyAqi {
    RuleSet rules = RuleSet::hj633_2012;
    std::array<std::optional<int>, kPollutantCount> iaqi{};
    std::optional<int> computed_aqi;  // max of the available IAQIs, whether publishable or not
    std::optional<int> aqi;           // the published AQI (nullopt = NA)
    PollutantSet primary;             // empty when AQI <= 50 or NA
    PollutantSet over_standard;       // HJ 633-2012 only: IAQI > 100
    PollutantSet missing;             // monitored pollutants without a value (they may block publication)
};

HourlyAqi hourly_aqi(const HourlyInput& input, RuleSet rules,
                     const PublicationPolicy& policy = {}) noexcept;

}  // namespace ecogov
