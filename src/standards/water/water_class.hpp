#pragma once
// Water-quality classes and the single-item classification of GB 3838-2002.
//
// Contract (GB 3838-2002 Table 1; water-soil-assessment.md §1.2 "Classifying one item"):
// - ≤ items take the first class I..V whose limit the value meets (value == limit meets it), so
//   where classes share a limit the value gets the best one (从优不从劣): COD 14 → I, Cu 0.5 → II.
// - DO (≥) does the same with ≥ (class I at 7.5 mg/L).
// - pH meets every class inside [6, 9], so it is I there and 劣V outside. The comparison uses pH
//   rounded half-to-even to 0 decimals (2020 statistics rule, doc §1.5): 9.4 → 9 → I, 9.5 → 10
//   → 劣V, 5.5 → 6 → I.
// - Otherwise 劣V (not a class of the standard; used in evaluation, doc §1.1).
// - Temperature has no classes. Table 2 items pass or fail against their single limit.
// Labels follow 《地表水环境质量评价办法（试行）》(环办〔2011〕22号): I-II 优, III 良好, IV
// 轻度污染, V 中度污染, 劣V 重度污染; colours are the [R] ones of doc §1.4.
#include <cstdint>
#include <optional>
#include <string_view>

#include "standards/water/items.hpp"

namespace ecogov::water {

enum class WaterClass : unsigned char { i = 1, ii, iii, iv, v, worse_than_v };

/// "I", "II", "III", "IV", "V", "劣V".
std::string_view class_text(WaterClass c) noexcept;
std::optional<WaterClass> parse_class(std::string_view text) noexcept;
/// 优, 良好, 轻度污染, 中度污染, 重度污染.
std::string_view label_of(WaterClass c) noexcept;
/// 蓝 绿 黄 橙 红 as hex (doc §1.4, [R]).
std::string_view colour_of(WaterClass c) noexcept;

inline bool worse(WaterClass a, WaterClass b) noexcept {
    return a > b;
}
/// A section attains its target class when its class is the target or better.
inline bool attains(WaterClass actual, WaterClass target) noexcept {
    return actual <= target;
}

/// Class of a measured value (kWaterScale units, already rounded to the item's decimals).
/// nullopt for temperature and Table 2 items.
std::optional<WaterClass> class_of_value(WaterItem item, WaterBody body,
                                         std::int64_t value) noexcept;

/// Table 2: value <= limit.
bool meets_supplementary(WaterItem item, std::int64_t value) noexcept;

}  // namespace ecogov::water
