#pragma once
// Surface-water items of GB 3838-2002: the 24 basic items of Table 1 and the 5 supplementary items
// of Table 2 (centralized drinking-water sources), with names, aliases, HJ 212 factor codes,
// the decimals of the 2020 statistics rule and the class limits.
//
// Contract: every concentration is a scaled integer in units of 1e-5 of the item's unit
// (`kWaterScale`; mg/L, or dimensionless for pH, ℃ for temperature, 个/L for fecal coliform), so
// that the finest limit (Hg 0.00005 mg/L) is exact. Limits are GB 3838-2002 Table 1 / Table 2 as
// transcribed in water-soil-assessment.md §1.2 (cross-checked in three sources there).
// `decimals` is the number of decimals a value is rounded to before statistics and evaluation
// (《地表水环境质量监测数据统计技术规定（试行）》2020, doc §1.5); pH is kept at 2 decimals here and
// rounded to 0 only for its class decision (see water_class.hpp).
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace ecogov::water {

/// 1 unit = 1e-5 of the item's unit.
inline constexpr std::int64_t kWaterScale = 100000;
inline constexpr int kWaterScaleDecimals = 5;

/// Table 1 order, then Table 2.
enum class WaterItem : unsigned char {
    temperature,       // 水温: no class limits (human-caused change only); reported apart
    ph,                // pH: 6-9 for every class
    dissolved_oxygen,  // 溶解氧: higher is better (≥)
    codmn,
    cod,
    bod5,
    nh3n,
    tp,  // river and lake/reservoir limits differ
    tn,  // defined for lakes/reservoirs; a reference item, never in the section class
    cu,
    zn,
    fluoride,
    se,
    as,
    hg,
    cd,
    cr6,
    pb,
    cyanide,
    volatile_phenol,
    petroleum,
    las,
    sulfide,
    fecal_coliform,  // reference item, reported apart
    // Table 2 (single limit, pass/fail)
    sulfate,
    chloride,
    nitrate,
    iron,
    manganese,
};
inline constexpr int kWaterItemCount = 29;
inline constexpr int kBasicItemCount = 24;

enum class WaterBody : unsigned char { river, lake };  // lake = lake or reservoir (湖库)

enum class Direction : unsigned char {
    none,      // temperature
    range,     // pH: 6 <= x <= 9
    at_least,  // DO: x >= limit
    at_most,   // all others
};

struct ItemInfo {
    WaterItem item;
    std::string_view id;       // ASCII identifier used in output ("NH3-N")
    std::string_view name_zh;  // 氨氮
    std::string_view w_code;   // HJ 212 factor code, empty where the doc gives none
    int decimals;              // rounding before statistics (2020 rule; Table 2: our choice)
    Direction direction;
    std::array<std::int64_t, 5> limits;  // classes I..V (Table 2: all five equal), kWaterScale
};

const ItemInfo& info(WaterItem item) noexcept;
inline std::size_t index_of(WaterItem item) noexcept {
    return static_cast<std::size_t>(item);
}
std::span<const ItemInfo> all_items() noexcept;

/// Class limits I..V of `item` for the water body (TP differs for lakes and reservoirs).
const std::array<std::int64_t, 5>& limits(WaterItem item, WaterBody body) noexcept;

/// Finds an item by identifier, alias (`NH3-N`, `氨氮`, `ammonia`), Chinese name or HJ 212
/// w-code; ASCII letters compare case-insensitively.
std::optional<WaterItem> find_item(std::string_view text) noexcept;

/// The 21 items of the section class (《地表水环境质量评价办法（试行）》: Table 1 without 水温,
/// 总氮 and 粪大肠菌群).
bool is_routine(WaterItem item) noexcept;
/// Table 2 items (pass/fail).
bool is_supplementary(WaterItem item) noexcept;

std::optional<WaterBody> parse_water_body(std::string_view text) noexcept;
std::string_view water_body_id(WaterBody body) noexcept;

}  // namespace ecogov::water
