#pragma once
// Farmland soil classes (农用地土壤环境质量类别): GB 15618-2018 Tables 1 and 3 with the use of the
// two values (the standard's clause on their use, §6, is [R]) as the single-factor rule of
// water-soil-assessment.md §3:
//   C ≤ screening                 → 优先保护 (class I, green)
//   screening < C ≤ control       → 安全利用 (class II, yellow)
//   C > control                   → 严格管控 (class III, red)
// Cu, Ni and Zn have no control value: above the screening value they are 安全利用 at most.
//
// Contract: comparisons are exact on scaled integers (0.001 mg/kg); equality with a limit meets it.
// Where a result is below a detection limit, or missing, the class is known only as a range
// [lowest, highest]; `ClassRange::exact()` is set only when both ends agree.
#include <cstdint>
#include <optional>
#include <string_view>

#include "standards/soil/measurement.hpp"

namespace ecogov {

/// Ordered from best to worst, so "worst" is the maximum.
enum class SoilClass : unsigned char { priority_protection, safe_use, strict_control };

std::string_view soil_class_id(SoilClass c) noexcept;       // "priority_protection", ...
std::string_view soil_class_name_zh(SoilClass c) noexcept;  // 优先保护, 安全利用, 严格管控
std::string_view soil_class_colour(SoilClass c) noexcept;  // "green", "yellow", "red"
std::optional<SoilClass> parse_soil_class(std::string_view text) noexcept;  // id or Chinese name

/// The classes a result may have: exact when lowest == highest.
struct ClassRange {
    SoilClass lowest = SoilClass::priority_protection;
    SoilClass highest = SoilClass::priority_protection;

    std::optional<SoilClass> exact() const noexcept {
        return lowest == highest ? std::optional<SoilClass>(lowest) : std::nullopt;
    }
    /// The range of the worst of two results (element-wise maximum).
    ClassRange worst_with(ClassRange other) const noexcept;
    friend bool operator==(const ClassRange&, const ClassRange&) = default;
};

/// Class of a concentration against its screening value and optional control value.
SoilClass classify_value(std::int32_t scaled, std::int32_t screening,
                         std::optional<std::int32_t> control) noexcept;

/// Class range of a measurement. "<L" means C < L: 优先保护 when L ≤ screening; otherwise
/// [优先保护, 安全利用] when L ≤ control (or there is no control value), else [优先保护, 严格管控].
/// "ND" without a limit and missing results span every class the metal can reach.
ClassRange classify_measurement(const Measurement& m, std::int32_t screening,
                                std::optional<std::int32_t> control) noexcept;

}  // namespace ecogov
