#pragma once
// GB 15618-2018 《土壤环境质量 农用地土壤污染风险管控标准（试行）》: risk screening values
// (风险筛选值, Table 1) and risk control values (风险管制值, Table 3) for the eight basic items
// (water-soil-assessment.md §3).
//
// Contract: concentrations are scaled integers of 0.001 mg/kg (kSoilDecimals = 3; 0.3 mg/kg = 300),
// pH is a scaled integer of 0.01 (kPhDecimals = 2; 5.50 = 550). The pH band follows the table
// headings "pH≤5.5, 5.5<pH≤6.5, 6.5<pH≤7.5, pH>7.5": a pH exactly on an edge belongs to the LOWER
// band (5.50 → pH≤5.5, 6.50 → 5.5<pH≤6.5, 7.50 → 6.5<pH≤7.5). Land-use columns: Cd, Hg, As, Pb, Cr
// split 水田 / 其他 (果园 is "其他"); Cu splits 果园 / 其他 (水田 is "其他"); Ni, Zn have one row.
// 水旱轮作 takes the stricter (smaller) screening value of 水田 and 其他 (Table 1 note [R]).
// Control values exist for Cd, Hg, As, Pb, Cr only, with no land-use split.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ecogov {

inline constexpr int kSoilDecimals = 3;  // concentrations in 0.001 mg/kg
inline constexpr int kPhDecimals = 2;    // pH in 0.01

/// The eight basic items of Table 1, in the table's order (heavy metals and As as total content).
enum class Metal : unsigned char { cd, hg, as, pb, cr, cu, ni, zn };
inline constexpr int kMetalCount = 8;
inline constexpr std::array<Metal, kMetalCount> kAllMetals = {
    Metal::cd, Metal::hg, Metal::as, Metal::pb, Metal::cr, Metal::cu, Metal::ni, Metal::zn};

/// Land use of a farmland sample. `other` is 旱地, 菜地 and any farmland that is not 水田 or 果园.
enum class LandUse : unsigned char { paddy, other, orchard, rotation };

/// The four pH columns of Tables 1 and 3.
enum class PhBand : unsigned char { le_5_5, le_6_5, le_7_5, gt_7_5 };

std::string_view metal_symbol(Metal m) noexcept;                     // "Cd"
std::string_view metal_name_zh(Metal m) noexcept;                    // "镉"
std::optional<Metal> parse_metal(std::string_view symbol) noexcept;  // "Cd"/"cd"/"镉"

std::string_view land_use_id(LandUse u) noexcept;       // "paddy", "other", "orchard", "rotation"
std::string_view land_use_name_zh(LandUse u) noexcept;  // 水田, 其他, 果园, 水旱轮作
std::optional<LandUse> parse_land_use(std::string_view text) noexcept;  // id or Chinese name

/// Band of a scaled pH (edges go to the lower band, see the contract above).
PhBand ph_band(std::int32_t ph_centi) noexcept;
std::string_view ph_band_label(PhBand b) noexcept;  // "pH≤5.5", "5.5<pH≤6.5", ...

/// Risk screening value (Table 1), scaled 0.001 mg/kg.
std::int32_t screening_value(Metal m, LandUse u, PhBand b) noexcept;

/// Risk control value (Table 3), scaled 0.001 mg/kg; nullopt for Cu, Ni and Zn.
std::optional<std::int32_t> control_value(Metal m, PhBand b) noexcept;

}  // namespace ecogov
