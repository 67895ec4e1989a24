#pragma once
// Class of a farmland plot (地块 / 评价单元) from its samples.
//
// Contract: GB 15618-2018 and water-soil-assessment.md §3 classify samples only; the unit rules of
// 《农用地土壤环境质量类别划分技术指南》 (interpolation, produce sampling) are not in the
// reference. ecogov therefore takes the WORST sample (the single-factor maximum applied once more):
// the plot's class range is the element-wise maximum of its samples' ranges, so one 严格管控 sample
// makes the plot 严格管控, and a plot is 优先保护 only when every sample is. Counts per exact class
// are given so that a reviewer can see how many samples drive the result.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "standards/soil/sample_assessment.hpp"

namespace ecogov {

struct PlotAssessment {
    std::string plot_id;
    std::vector<SampleAssessment> samples;  // in input order
    ClassRange range;                       // worst over the samples
    std::array<int, 3> samples_by_class{};  // exact classes, indexed by SoilClass
    int samples_undetermined = 0;           // samples whose class is only a range

    std::optional<SoilClass> soil_class() const noexcept { return range.exact(); }
};

/// Assesses the samples of one plot. Errors (bad_data): no samples, a sample of another plot
/// (field "<sample>.plot_id"), a repeated sample id, or any error of assess_sample.
Result<PlotAssessment> assess_plot(std::string_view plot_id, std::span<const SoilSample> samples);

}  // namespace ecogov
