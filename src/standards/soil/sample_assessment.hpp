#pragma once
// Assessment of one farmland soil sample against GB 15618-2018 Tables 1 and 3
// (water-soil-assessment.md §3, single-factor rule).
//
// Contract: per metal, the screening value for the sample's pH band and land use, the control
// value (Cd, Hg, As, Pb, Cr), the class range (soil_class.hpp), the single-factor index
// Pi = C / screening and the exceedance multiple (C − screening) / screening, both rounded
// half-to-even to 2 decimals (GB/T 8170) and given only for a measured value — the multiple only
// when C > screening. Classes never use the rounded Pi: C = 0.301 against 0.3 gives Pi 1.00 and
// 安全利用. The sample's class is the worst metal's (max over metals of each end of the range).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "standards/soil/limits.hpp"
#include "standards/soil/measurement.hpp"
#include "standards/soil/soil_class.hpp"

namespace ecogov {

/// A farmland soil sample (表层土壤样品) with its eight basic items, indexed by Metal.
struct SoilSample {
    std::string plot_id;
    std::string sample_id;
    std::int32_t ph_centi = 700;  // pH × 100
    LandUse land_use = LandUse::other;
    std::array<Measurement, kMetalCount> metals{};

    Measurement& at(Metal m) { return metals[static_cast<std::size_t>(m)]; }
    const Measurement& at(Metal m) const { return metals[static_cast<std::size_t>(m)]; }
};

/// One metal of one sample.
struct MetalAssessment {
    Metal metal = Metal::cd;
    Measurement measurement;
    std::int32_t screening = 0;           // 0.001 mg/kg
    std::optional<std::int32_t> control;  // 0.001 mg/kg; none for Cu, Ni, Zn
    ClassRange range;
    std::optional<std::int64_t> pollution_index_centi;  // Pi × 100 (measured values only)
    std::optional<std::int64_t> exceedance_centi;       // multiple × 100 when C > screening

    std::optional<SoilClass> soil_class() const noexcept { return range.exact(); }
};

struct SampleAssessment {
    std::string plot_id;
    std::string sample_id;
    std::int32_t ph_centi = 0;
    PhBand band = PhBand::le_5_5;
    LandUse land_use = LandUse::other;
    std::array<MetalAssessment, kMetalCount> metals{};  // indexed by Metal
    ClassRange range;                                   // worst over the metals
    std::vector<Metal> exceeding;  // measured above the screening value, in table order

    std::optional<SoilClass> soil_class() const noexcept { return range.exact(); }
    const MetalAssessment& at(Metal m) const { return metals[static_cast<std::size_t>(m)]; }
};

/// Assesses one metal of a sample at the given pH band and land use.
MetalAssessment assess_metal(Metal metal, const Measurement& m, PhBand band, LandUse land_use);

/// Assesses a sample. Errors (bad_data, field names the sample and item): pH outside 0..14,
/// a negative concentration, a detection limit of zero.
Result<SampleAssessment> assess_sample(const SoilSample& sample);

}  // namespace ecogov
