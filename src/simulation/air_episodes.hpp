#pragma once
// Pollution episodes of the generator: 4-6 winter haze episodes a year of 3-6 days (PM2.5
// 150-350) and 2-4 spring dust events (PM10 300-600). Internal to simulation/air_*.
#include <cstdint>
#include <vector>

namespace ecogov::air_sim {

struct Episode {
    std::int64_t start = 0;  // first label (hours)
    std::int64_t end = 0;    // one past the last label
    double peak = 0;         // PM2.5 (haze) or PM10 (dust) level at full intensity
    bool dust = false;
};

/// Intensity 0..1 of an episode at label t.
double intensity(const Episode& e, std::int64_t t) noexcept;

/// The episodes of the calendar years first_year ... last_year (deterministic in the seed).
std::vector<Episode> schedule_episodes(std::uint64_t seed, int first_year, int last_year);

}  // namespace ecogov::air_sim
