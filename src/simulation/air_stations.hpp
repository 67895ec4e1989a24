#pragma once
// The generated stations: codes, Dengfeng place names (or synthesised names), positions, and how
// urban each site is (which scales its traffic pollutants). Internal to simulation/air_*.
#include <vector>

#include "simulation/air_generator.hpp"

namespace ecogov::air_sim {

struct StationPlan {
    SimStation station;
    double urban = 0.5;  // 0 rural ... 1 city centre
};

/// The stations of a valid `config`, in column order (deterministic in the seed).
std::vector<StationPlan> plan_stations(const AirGeneratorConfig& config);

}  // namespace ecogov::air_sim
