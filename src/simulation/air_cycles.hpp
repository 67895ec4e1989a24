#pragma once
// The generator's regular cycles: diurnal shapes of each pollutant and the weekly cycle of the
// traffic pollutants. (The seasonal cycle is part of the model's hourly step.) Internal to
// simulation/air_*.
#include <array>

namespace ecogov::air_sim {

using Profile24 = std::array<double, 24>;

/// Diurnal factors, indexed by the clock hour at the end of the averaging hour (0..23). All but
/// `o3_shape` average 1 over the day.
struct DiurnalProfiles {
    Profile24 so2{};
    Profile24 no2{};       // rush-hour peaks, afternoon dip
    Profile24 co{};        // morning peak, afternoon dip
    Profile24 coarse{};    // daytime
    Profile24 pm25{};      // night build-up
    Profile24 o3_shape{};  // 0..1 photochemical bump peaking mid-afternoon
};

DiurnalProfiles diurnal_profiles();

// Weekly factors, Monday = 0.
inline constexpr std::array<double, 7> kWeekNo2 = {1.04, 1.05, 1.05, 1.05, 1.04, 0.93, 0.84};
inline constexpr std::array<double, 7> kWeekCo = {1.02, 1.02, 1.02, 1.02, 1.02, 0.97, 0.93};
inline constexpr std::array<double, 7> kWeekCoarse = {1.03, 1.03, 1.03, 1.03, 1.03, 0.97, 0.88};

}  // namespace ecogov::air_sim
