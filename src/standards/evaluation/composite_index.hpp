#pragma once
// Ambient-air composite index for ranking (环境空气质量综合指数): standards/air.md §6.2.
//
// Contract: I = Σ w_i · C_i / S_i over SO2 mean/60, NO2 mean/40, PM10 mean/70, PM2.5 mean/35,
// CO P95/4 mg/m³, O3 8h P90/160, where C_i are the period statistics already rounded per
// GB/T 8170. The sum is exact and then rounded half-even to 2 decimals. Weights and limits are
// configurable (the weighted variant and post-2026 limits are not settled, air.md §6.2).
#include <array>
#include <cstdint>
#include <optional>

#include "core/pollutant.hpp"

namespace ecogov {

struct CompositeIndexConfig {
    /// Weight ×100 per pollutant, indexed by Pollutant (default 1 each).
    std::array<std::int64_t, kPollutantCount> weight_centi = {100, 100, 100, 100, 100, 100};
    /// S_i scaled like the statistic, indexed by Pollutant: SO2 60, NO2 40, CO 4.0, O3 160,
    /// PM10 70, PM2.5 35.
    std::array<std::int32_t, kPollutantCount> limit = {60, 40, 40, 160, 70, 35};
};

/// The statistics by Pollutant: SO2/NO2/PM10/PM2.5 period means, CO P95, O3 8h P90.
/// Returns the index ×100 (e.g. 408 = 4.08); nullopt if a statistic with non-zero weight is missing.
std::optional<std::int64_t> composite_index(const ConcSet& statistics, const CompositeIndexConfig& config);

}  // namespace ecogov
