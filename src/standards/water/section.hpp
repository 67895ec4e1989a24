#pragma once
// A section's (断面) water quality over a period:
// 《地表水环境质量评价办法（试行）》(环办〔2011〕22号), water-soil-assessment.md §1.4.
//
// Contract:
// - Class: single-factor method over the 21 routine items present (GB 3838 Table 1 without 水温,
//   总氮, 粪大肠菌群): the worst item class (断面水质类别 "类别最高的一项"). TP by water body.
// - Label: I-II 优, III 良好, IV 轻度污染, V 中度污染, 劣V 重度污染.
// - Exceedance multiple (超标倍数) = (C - C_III) / C_III, rounded half-to-even to 2 decimals, for a
//   detected value above its class III limit; none for 水温, pH and DO [V2].
// - Main pollutants (only when the class is worse than III) [R]: the items worse than III, worst
//   class first, then by C / C_III (exact; the same order as the multiples), then Table 1 order;
//   items without a multiple (DO, pH, values below a detection limit) come after the others of
//   their class; at most three. The [R] rule "cyanide and heavy metals first" is not applied.
// - Worst item: the first item in that order among those of the section's class (none when I).
// - Reference items apart: TN class for lakes only (rivers: not evaluated), fecal coliform class.
// - Table 2 items (drinking-water sources): the ones above their limit.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "standards/water/values.hpp"

namespace ecogov::water {

/// Period values of one section, by item (nullopt: not measured).
using ItemValues = std::array<std::optional<WaterValue>, kWaterItemCount>;

struct ItemResult {
    WaterItem item;
    WaterClass cls;
    std::optional<std::int64_t> exceedance_centi;  // multiple x 100
};

struct SectionAssessment {
    std::optional<WaterClass> cls;  // none when no routine item was measured
    int routine_items = 0;
    std::optional<WaterItem> worst_item;
    std::vector<ItemResult> main_pollutants;  // at most 3
    std::optional<WaterClass> tn_class;
    std::optional<WaterClass> fecal_coliform_class;
    std::vector<WaterItem> supplementary_exceeded;
    std::vector<WaterItem> below_detection;  // items whose value involved "<x" or ND
    std::optional<std::int64_t> cwqi_centi;
};

/// Exceedance multiple over class III x 100 (half-even); nullopt when not above III or n/a.
std::optional<std::int64_t> exceedance_centi(WaterItem item, WaterBody body,
                                             const WaterValue& v) noexcept;

/// Routine items worse than class III, ranked as in the contract (all of them, not just three).
std::vector<ItemResult> ranked_over_iii(WaterBody body, const ItemValues& values);

SectionAssessment assess_section(WaterBody body, const ItemValues& values);

/// "总磷(1.50)、氨氮(0.80)、溶解氧": Chinese names, multiples with 2 decimals, joined by 、.
std::string main_pollutants_text(std::span<const ItemResult> items);

}  // namespace ecogov::water
