#pragma once
// The generator's pollutant model (deterministic given the seed): seasonal, weekly and diurnal
// cycles, a shared regional AR(1) "stagnation" process plus per-station AR(1) noise, haze and
// dust episodes, station-to-station variation, and missing data (analyser runs, station outages,
// whole-hour network outages). It draws the 1-hour values; the derived columns and the text are
// the layout's (air_csv_layout.hpp). Internal to simulation/air_*.
#include <array>
#include <cstdint>
#include <vector>

#include "core/pollutant.hpp"
#include "simulation/air_cycles.hpp"
#include "simulation/air_episodes.hpp"
#include "simulation/air_generator.hpp"
#include "simulation/air_random.hpp"
#include "simulation/air_stations.hpp"

namespace ecogov::air_sim {

/// Hours the model runs before the first published label, so that the moving values are warm.
inline constexpr int kWarmupHours = 72;

/// A missing 1-hour value (or derived cell).
inline constexpr std::int32_t kMissing = -1;

/// One station's 1-hour values at one label, indexed by Pollutant: µg/m³ integers, CO in
/// 0.1 mg/m³; kMissing when missing.
using HourValues = std::array<std::int32_t, kPollutantCount>;

// Model components, each a multiplicative log-normal factor (index = component).
enum Component : int { kSo2, kNo2, kCo, kO3, kCoarse, kPm25, kComponentCount };

class AirModel {
  public:
    /// `plans` = plan_stations(config).
    AirModel(const AirGeneratorConfig& config, const std::vector<StationPlan>& plans);

    /// Advances the model to label t (consecutive labels, from the first warm-up hour) and draws
    /// every station's values.
    void step(std::int64_t t);

    /// The values of the last step, one per station in column order.
    const std::vector<HourValues>& values() const noexcept { return values_; }

  private:
    struct StationProfile {
        std::array<double, kComponentCount> multiplier{};
    };
    struct StationState {
        std::array<double, kComponentCount> noise{};
        std::array<bool, kPollutantCount> down{};  // analyser outage of one pollutant
        int outage_left = 0;                       // hours left of a whole-station outage
    };

    static std::vector<StationProfile> make_profiles(const std::vector<StationPlan>& plans,
                                                     std::uint64_t seed);

    std::vector<StationProfile> profiles_;
    std::vector<Episode> episodes_;
    std::vector<StationState> states_;
    std::vector<HourValues> values_;
    DiurnalProfiles dia_;
    Rng rng_;
    double regional_ = 0;
    double o3_day_ = 0;
    double jan15_ = 0;
    double jun20_ = 0;
    double apr10_ = 0;
};

}  // namespace ecogov::air_sim
