#include "standards/water/items.hpp"

#include <string_view>

namespace ecogov::water {

namespace {

/// Exact scaled value of a decimal literal, at compile time ("0.00005" → 5).
consteval std::int64_t v(std::string_view text) {
    std::int64_t whole = 0;
    std::int64_t frac = 0;
    int frac_digits = -1;
    for (char c : text) {
        if (c == '.') {
            frac_digits = 0;
        } else if (frac_digits < 0) {
            whole = whole * 10 + (c - '0');
        } else {
            frac = frac * 10 + (c - '0');
            ++frac_digits;
        }
    }
    if (frac_digits < 0) frac_digits = 0;
    while (frac_digits < kWaterScaleDecimals) {
        frac *= 10;
        ++frac_digits;
    }
    return whole * kWaterScale + frac;
}

using D = Direction;
using W = WaterItem;

// GB 3838-2002 Table 1 (doc §1.2) and Table 2. DO class I is the 7.5 mg/L value software uses
// (the standard's alternative is 饱和率 90%). pH: the range 6-9 is in `limits` as {6, 9, ...}.
// Decimals: 2020 rule (doc §1.5); Table 2 items are not in that table: our choice.
// w-codes: doc §1.2 (from the sm1lewc/Journey.SurfaceWater README [V2]); Table 2 codes are not in
// the doc, so none are given.
constexpr std::array<ItemInfo, kWaterItemCount> kItems = {{
    {W::temperature, "temperature", "水温", "w01010", 1, D::none, {0, 0, 0, 0, 0}},
    {W::ph, "pH", "pH", "w01001", 2, D::range, {v("6"), v("9"), 0, 0, 0}},
    {W::dissolved_oxygen,
     "DO",
     "溶解氧",
     "w01009",
     1,
     D::at_least,
     {v("7.5"), v("6"), v("5"), v("3"), v("2")}},
    {W::codmn,
     "CODMn",
     "高锰酸盐指数",
     "w01019",
     1,
     D::at_most,
     {v("2"), v("4"), v("6"), v("10"), v("15")}},
    {W::cod,
     "COD",
     "化学需氧量",
     "w01018",
     1,
     D::at_most,
     {v("15"), v("15"), v("20"), v("30"), v("40")}},
    {W::bod5,
     "BOD5",
     "五日生化需氧量",
     "w01017",
     1,
     D::at_most,
     {v("3"), v("3"), v("4"), v("6"), v("10")}},
    {W::nh3n,
     "NH3-N",
     "氨氮",
     "w21003",
     2,
     D::at_most,
     {v("0.15"), v("0.5"), v("1.0"), v("1.5"), v("2.0")}},
    {W::tp,
     "TP",
     "总磷",
     "w21011",
     3,
     D::at_most,
     {v("0.02"), v("0.1"), v("0.2"), v("0.3"), v("0.4")}},
    {W::tn,
     "TN",
     "总氮",
     "w21001",
     2,
     D::at_most,
     {v("0.2"), v("0.5"), v("1.0"), v("1.5"), v("2.0")}},
    {W::cu,
     "Cu",
     "铜",
     "w20122",
     3,
     D::at_most,
     {v("0.01"), v("1.0"), v("1.0"), v("1.0"), v("1.0")}},
    {W::zn,
     "Zn",
     "锌",
     "w20123",
     3,
     D::at_most,
     {v("0.05"), v("1.0"), v("1.0"), v("2.0"), v("2.0")}},
    {W::fluoride,
     "F",
     "氟化物",
     "w21017",
     3,
     D::at_most,
     {v("1.0"), v("1.0"), v("1.0"), v("1.5"), v("1.5")}},
    {W::se,
     "Se",
     "硒",
     "w20128",
     4,
     D::at_most,
     {v("0.01"), v("0.01"), v("0.01"), v("0.02"), v("0.02")}},
    {W::as,
     "As",
     "砷",
     "w20141",
     4,
     D::at_most,
     {v("0.05"), v("0.05"), v("0.05"), v("0.1"), v("0.1")}},
    {W::hg,
     "Hg",
     "汞",
     "w20111",
     5,
     D::at_most,
     {v("0.00005"), v("0.00005"), v("0.0001"), v("0.001"), v("0.001")}},
    {W::cd,
     "Cd",
     "镉",
     "w20115",
     5,
     D::at_most,
     {v("0.001"), v("0.005"), v("0.005"), v("0.005"), v("0.01")}},
    {W::cr6,
     "Cr6+",
     "铬(六价)",
     "w20117",
     3,
     D::at_most,
     {v("0.01"), v("0.05"), v("0.05"), v("0.05"), v("0.1")}},
    {W::pb,
     "Pb",
     "铅",
     "w20120",
     3,
     D::at_most,
     {v("0.01"), v("0.01"), v("0.05"), v("0.05"), v("0.1")}},
    {W::cyanide,
     "CN",
     "氰化物",
     "w21016",
     3,
     D::at_most,
     {v("0.005"), v("0.05"), v("0.2"), v("0.2"), v("0.2")}},
    {W::volatile_phenol,
     "phenol",
     "挥发酚",
     "w23002",
     4,
     D::at_most,
     {v("0.002"), v("0.002"), v("0.005"), v("0.01"), v("0.1")}},
    {W::petroleum,
     "petroleum",
     "石油类",
     "w22001",
     2,
     D::at_most,
     {v("0.05"), v("0.05"), v("0.05"), v("0.5"), v("1.0")}},
    {W::las,
     "LAS",
     "阴离子表面活性剂",
     "w19002",
     2,
     D::at_most,
     {v("0.2"), v("0.2"), v("0.2"), v("0.3"), v("0.3")}},
    {W::sulfide,
     "sulfide",
     "硫化物",
     "w21019",
     3,
     D::at_most,
     {v("0.05"), v("0.1"), v("0.2"), v("0.5"), v("1.0")}},
    {W::fecal_coliform,
     "fecal_coliform",
     "粪大肠菌群",
     "w02003",
     0,
     D::at_most,
     {v("200"), v("2000"), v("10000"), v("20000"), v("40000")}},
    {W::sulfate,
     "sulfate",
     "硫酸盐",
     "",
     1,
     D::at_most,
     {v("250"), v("250"), v("250"), v("250"), v("250")}},
    {W::chloride,
     "chloride",
     "氯化物",
     "",
     1,
     D::at_most,
     {v("250"), v("250"), v("250"), v("250"), v("250")}},
    {W::nitrate,
     "nitrate",
     "硝酸盐",
     "",
     2,
     D::at_most,
     {v("10"), v("10"), v("10"), v("10"), v("10")}},
    {W::iron, "Fe", "铁", "", 3, D::at_most, {v("0.3"), v("0.3"), v("0.3"), v("0.3"), v("0.3")}},
    {W::manganese,
     "Mn",
     "锰",
     "",
     3,
     D::at_most,
     {v("0.1"), v("0.1"), v("0.1"), v("0.1"), v("0.1")}},
}};

// TP for lakes and reservoirs (Table 1, item 8, 湖、库).
constexpr std::array<std::int64_t, 5> kTpLake = {v("0.01"), v("0.025"), v("0.05"), v("0.1"),
                                                 v("0.2")};

struct Alias {
    std::string_view text;
    WaterItem item;
};
// Besides `id`, `name_zh` and `w_code`.
constexpr Alias kAliases[] = {
    {"WT", W::temperature},
    {"water_temperature", W::temperature},
    {"dissolved_oxygen", W::dissolved_oxygen},
    {"permanganate", W::codmn},
    {"permanganate_index", W::codmn},
    {"CODCr", W::cod},
    {"BOD", W::bod5},
    {"NH3N", W::nh3n},
    {"NH4-N", W::nh3n},
    {"ammonia", W::nh3n},
    {"ammonia_nitrogen", W::nh3n},
    {"total_phosphorus", W::tp},
    {"total_nitrogen", W::tn},
    {"copper", W::cu},
    {"zinc", W::zn},
    {"F-", W::fluoride},
    {"fluoride", W::fluoride},
    {"selenium", W::se},
    {"arsenic", W::as},
    {"mercury", W::hg},
    {"cadmium", W::cd},
    {"Cr(VI)", W::cr6},
    {"Cr6", W::cr6},
    {"六价铬", W::cr6},
    {"chromium_vi", W::cr6},
    {"lead", W::pb},
    {"cyanide", W::cyanide},
    {"volatile_phenol", W::volatile_phenol},
    {"oil", W::petroleum},
    {"petroleum_oil", W::petroleum},
    {"anionic_surfactant", W::las},
    {"S2-", W::sulfide},
    {"FC", W::fecal_coliform},
    {"fecal_coliforms", W::fecal_coliform},
    {"SO4", W::sulfate},
    {"SO4-2", W::sulfate},
    {"Cl", W::chloride},
    {"Cl-", W::chloride},
    {"NO3-N", W::nitrate},
    {"iron", W::iron},
    {"manganese", W::manganese},
};

bool same_text(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

}  // namespace

const ItemInfo& info(WaterItem item) noexcept {
    return kItems[index_of(item)];
}

std::span<const ItemInfo> all_items() noexcept {
    return kItems;
}

const std::array<std::int64_t, 5>& limits(WaterItem item, WaterBody body) noexcept {
    if (item == W::tp && body == WaterBody::lake) return kTpLake;
    return info(item).limits;
}

std::optional<WaterItem> find_item(std::string_view text) noexcept {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    for (const ItemInfo& i : kItems)
        if (same_text(text, i.id) || text == i.name_zh ||
            (!i.w_code.empty() && same_text(text, i.w_code)))
            return i.item;
    for (const Alias& a : kAliases)
        if (same_text(text, a.text)) return a.item;
    return std::nullopt;
}

bool is_routine(WaterItem item) noexcept {
    return index_of(item) < kBasicItemCount && item != W::temperature && item != W::tn &&
           item != W::fecal_coliform;
}

bool is_supplementary(WaterItem item) noexcept {
    return index_of(item) >= kBasicItemCount;
}

std::optional<WaterBody> parse_water_body(std::string_view text) noexcept {
    text = trim(text);
    if (same_text(text, "river") || text == "河流") return WaterBody::river;
    if (same_text(text, "lake") || same_text(text, "reservoir") || text == "湖库")
        return WaterBody::lake;
    return std::nullopt;
}

std::string_view water_body_id(WaterBody body) noexcept {
    return body == WaterBody::river ? "river" : "lake";
}

}  // namespace ecogov::water
