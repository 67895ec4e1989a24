#include "standards/evaluation/limits.hpp"

namespace ecogov {

namespace {

// Grade-2 (二类区) limits. CO in 0.1 mg/m³ (4 mg/m³ = 40).
constexpr AmbientLimits kGb3095_2012 = {.edition = Gb3095Edition::gb3095_2012,
                                        .so2_annual = 60,
                                        .no2_annual = 40,
                                        .pm10_annual = 70,
                                        .pm25_annual = 35,
                                        .so2_24h = 150,
                                        .no2_24h = 80,
                                        .co_24h = 40,
                                        .pm10_24h = 150,
                                        .pm25_24h = 75,
                                        .o3_8h = 160};

// GB 3095-2026 Table 1, transition values (left of each arrow), 2026-03-01 .. 2030-12-31.
constexpr AmbientLimits kGb3095_2026 = {.edition = Gb3095Edition::gb3095_2026,
                                        .so2_annual = 60,
                                        .no2_annual = 40,
                                        .pm10_annual = 60,
                                        .pm25_annual = 30,
                                        .so2_24h = 150,
                                        .no2_24h = 80,
                                        .co_24h = 40,
                                        .pm10_24h = 120,
                                        .pm25_24h = 60,
                                        .o3_8h = 160};

}  // namespace

std::string_view edition_id(Gb3095Edition e) noexcept {
    return e == Gb3095Edition::gb3095_2012 ? "gb3095-2012" : "gb3095-2026";
}

const AmbientLimits& grade2_limits(Gb3095Edition edition) noexcept {
    return edition == Gb3095Edition::gb3095_2012 ? kGb3095_2012 : kGb3095_2026;
}

Gb3095Edition edition_in_force(Date day) noexcept {
    return day >= Date::from_ymd(2026, 3, 1) ? Gb3095Edition::gb3095_2026
                                             : Gb3095Edition::gb3095_2012;
}

}  // namespace ecogov
