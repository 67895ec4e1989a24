#pragma once
// GB 3095 grade-2 concentration limits (二类区) used for attainment and exceedance multiples:
// GB 3095-2012 Table 1; GB 3095-2026 Table 1 transition limits (in force 2026-03-01 .. 2030-12-31).
//
// Contract: values are scaled like concentrations (µg/m³; CO in 0.1 mg/m³). A period is evaluated
// against the edition in force on its last day (docs/indicators.md).
#include <cstdint>
#include <string_view>

#include "core/time.hpp"

namespace ecogov {

enum class Gb3095Edition : unsigned char { gb3095_2012, gb3095_2026 };

/// "gb3095-2012" / "gb3095-2026"
std::string_view edition_id(Gb3095Edition e) noexcept;

struct AmbientLimits {
    Gb3095Edition edition;
    std::int32_t so2_annual, no2_annual, pm10_annual, pm25_annual;
    std::int32_t so2_24h, no2_24h, co_24h, pm10_24h, pm25_24h;
    std::int32_t o3_8h;
};

const AmbientLimits& grade2_limits(Gb3095Edition edition) noexcept;
Gb3095Edition edition_in_force(Date day) noexcept;

}  // namespace ecogov
