#pragma once
// Status of a river, basin or water system from its sections: 《地表水环境质量评价办法（试行）》
// (环办〔2011〕22号), water-soil-assessment.md §1.4 [V: 深圳市生态环境局 page].
//
// Contract:
// - Fewer than 5 sections: the arithmetic mean of each item over the sections (values.hpp rules
//   for detection limits and rounding), then the single-factor class of section.hpp; the label is
//   that class's label.
// - 5 or more sections ("5个（含5个）以上", [R] for the 含): the class-proportion method. With G
// the
//   share of sections in I-III and D the share in 劣V: G >= 90% 优; 75% <= G < 90% 良好; below 75%,
//   D < 20% 轻度污染, 20% <= D < 40% 中度污染, D >= 40% 重度污染. Shares are compared exactly
//   (10·good >= 9·n, ...), never in floating point. No class is given for this method.
// - Sections with no routine item measured are left out.
#include <optional>
#include <span>
#include <string_view>

#include "standards/water/section.hpp"

namespace ecogov::water {

inline constexpr int kProportionMethodMinSections = 5;

enum class RiverMethod : unsigned char { section_mean, class_proportion };

struct RiverStatus {
    RiverMethod method = RiverMethod::section_mean;
    int sections = 0;
    std::optional<WaterClass> cls;  // section_mean only
    std::string_view label;         // 优 ... 重度污染; empty when no section counts
    int good_sections = 0;          // I-III
    int worse_than_v_sections = 0;  // 劣V
};

/// Class-proportion label of the given section classes (any count > 0).
RiverStatus status_by_proportion(std::span<const WaterClass> classes);

/// The river's status from the period values of its sections (all of the same water body).
RiverStatus river_status(WaterBody body, std::span<const ItemValues> sections);

}  // namespace ecogov::water
