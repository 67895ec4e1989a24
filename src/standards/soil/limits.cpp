#include "standards/soil/limits.hpp"

#include <algorithm>

namespace ecogov {

namespace {

// Tables 1 and 3 are written in 0.1 mg/kg (every value is a multiple of 0.1 mg/kg) and scaled to
// 0.001 mg/kg on lookup.
using Row = std::array<std::int32_t, 4>;  // by PhBand
constexpr std::int32_t kTableToScaled = 100;

struct ScreeningRows {
    Row paddy;    // 水田 (Cu: the 其他 row; Ni, Zn: the single row)
    Row other;    // 其他
    Row orchard;  // 果园 (as 其他 except for Cu, which has its own row)
};

// GB 15618-2018 Table 1 (water-soil-assessment.md §3), indexed by Metal; rows 水田 / 其他 / 果园.
// clang-format off
constexpr std::array<ScreeningRows, kMetalCount> kScreening = {{
    /* Cd */ {{3, 4, 6, 8},             {3, 3, 3, 6},             {3, 3, 3, 6}},
    /* Hg */ {{5, 5, 6, 10},            {13, 18, 24, 34},         {13, 18, 24, 34}},
    /* As */ {{300, 300, 250, 200},     {400, 400, 300, 250},     {400, 400, 300, 250}},
    /* Pb */ {{800, 1000, 1400, 2400},  {700, 900, 1200, 1700},   {700, 900, 1200, 1700}},
    /* Cr */ {{2500, 2500, 3000, 3500}, {1500, 1500, 2000, 2500}, {1500, 1500, 2000, 2500}},
    /* Cu */ {{500, 500, 1000, 1000},   {500, 500, 1000, 1000},   {1500, 1500, 2000, 2000}},
    /* Ni */ {{600, 700, 1000, 1900},   {600, 700, 1000, 1900},   {600, 700, 1000, 1900}},
    /* Zn */ {{2000, 2000, 2500, 3000}, {2000, 2000, 2500, 3000}, {2000, 2000, 2500, 3000}},
}};

// GB 15618-2018 Table 3: Cd, Hg, As, Pb, Cr only (As falls as pH rises).
constexpr std::array<Row, 5> kControl = {{
    /* Cd */ {15, 20, 30, 40},
    /* Hg */ {20, 25, 40, 60},
    /* As */ {2000, 1500, 1200, 1000},
    /* Pb */ {4000, 5000, 7000, 10000},
    /* Cr */ {8000, 8500, 10000, 13000},
}};
// clang-format on

struct MetalNames {
    std::string_view symbol, name_zh;
};
constexpr std::array<MetalNames, kMetalCount> kMetalNames = {{
    {"Cd", "镉"},
    {"Hg", "汞"},
    {"As", "砷"},
    {"Pb", "铅"},
    {"Cr", "铬"},
    {"Cu", "铜"},
    {"Ni", "镍"},
    {"Zn", "锌"},
}};

constexpr std::array<std::string_view, 4> kLandUseIds = {"paddy", "other", "orchard", "rotation"};
constexpr std::array<std::string_view, 4> kLandUseZh = {"水田", "其他", "果园", "水旱轮作"};

std::size_t index_of(Metal m) noexcept {
    return static_cast<std::size_t>(m);
}
std::size_t index_of(PhBand b) noexcept {
    return static_cast<std::size_t>(b);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; };
               return lower(x) == lower(y);
           });
}

}  // namespace

std::string_view metal_symbol(Metal m) noexcept {
    return kMetalNames[index_of(m)].symbol;
}
std::string_view metal_name_zh(Metal m) noexcept {
    return kMetalNames[index_of(m)].name_zh;
}

std::optional<Metal> parse_metal(std::string_view symbol) noexcept {
    for (Metal m : kAllMetals)
        if (equals_ignoring_case(symbol, metal_symbol(m)) || symbol == metal_name_zh(m)) return m;
    return std::nullopt;
}

std::string_view land_use_id(LandUse u) noexcept {
    return kLandUseIds[static_cast<std::size_t>(u)];
}
std::string_view land_use_name_zh(LandUse u) noexcept {
    return kLandUseZh[static_cast<std::size_t>(u)];
}

std::optional<LandUse> parse_land_use(std::string_view text) noexcept {
    for (std::size_t i = 0; i < kLandUseIds.size(); ++i)
        if (text == kLandUseIds[i] || text == kLandUseZh[i]) return static_cast<LandUse>(i);
    if (text == "旱地" || text == "菜地" || text == "dryland" || text == "vegetable")
        return LandUse::other;
    return std::nullopt;
}

PhBand ph_band(std::int32_t ph_centi) noexcept {
    if (ph_centi <= 550) return PhBand::le_5_5;
    if (ph_centi <= 650) return PhBand::le_6_5;
    if (ph_centi <= 750) return PhBand::le_7_5;
    return PhBand::gt_7_5;
}

std::string_view ph_band_label(PhBand b) noexcept {
    static constexpr std::array<std::string_view, 4> kLabels = {"pH≤5.5", "5.5<pH≤6.5",
                                                                "6.5<pH≤7.5", "pH>7.5"};
    return kLabels[index_of(b)];
}

std::int32_t screening_value(Metal m, LandUse u, PhBand b) noexcept {
    const ScreeningRows& rows = kScreening[index_of(m)];
    const std::size_t i = index_of(b);
    std::int32_t v = rows.other[i];  // 其他, and 果园 where it has no row of its own
    if (u == LandUse::paddy) v = rows.paddy[i];
    if (u == LandUse::orchard) v = rows.orchard[i];
    if (u == LandUse::rotation) v = std::min(rows.paddy[i], rows.other[i]);
    return v * kTableToScaled;
}

std::optional<std::int32_t> control_value(Metal m, PhBand b) noexcept {
    const std::size_t i = index_of(m);
    if (i >= kControl.size()) return std::nullopt;
    return kControl[i][index_of(b)] * kTableToScaled;
}

}  // namespace ecogov
