#include "standards/water/water_class.hpp"

#include <array>

#include "core/decimal.hpp"

namespace ecogov::water {

namespace {

constexpr std::array<std::string_view, 6> kText = {"I", "II", "III", "IV", "V", "劣V"};
constexpr std::array<std::string_view, 6> kLabel = {"优",       "优",       "良好",
                                                    "轻度污染", "中度污染", "重度污染"};
constexpr std::array<std::string_view, 6> kColour = {"#0000FF", "#0000FF", "#00FF00",
                                                     "#FFFF00", "#FFA500", "#FF0000"};

std::size_t at(WaterClass c) noexcept {
    return static_cast<std::size_t>(c) - 1;
}

WaterClass ph_class(std::int64_t value) noexcept {
    const std::int64_t whole = round_half_even(value, kWaterScale);  // pH to 0 decimals
    return whole >= 6 && whole <= 9 ? WaterClass::i : WaterClass::worse_than_v;
}

}  // namespace

std::string_view class_text(WaterClass c) noexcept {
    return kText[at(c)];
}

std::optional<WaterClass> parse_class(std::string_view text) noexcept {
    for (std::size_t i = 0; i < kText.size(); ++i)
        if (text == kText[i]) return static_cast<WaterClass>(i + 1);
    if (text == "劣Ⅴ" || text == "worse_than_v") return WaterClass::worse_than_v;
    return std::nullopt;
}

std::string_view label_of(WaterClass c) noexcept {
    return kLabel[at(c)];
}

std::string_view colour_of(WaterClass c) noexcept {
    return kColour[at(c)];
}

std::optional<WaterClass> class_of_value(WaterItem item, WaterBody body,
                                         std::int64_t value) noexcept {
    const ItemInfo& i = info(item);
    if (i.direction == Direction::none || is_supplementary(item)) return std::nullopt;
    if (i.direction == Direction::range) return ph_class(value);
    const auto& lim = limits(item, body);
    for (std::size_t k = 0; k < lim.size(); ++k) {
        const bool meets = i.direction == Direction::at_least ? value >= lim[k] : value <= lim[k];
        if (meets) return static_cast<WaterClass>(k + 1);
    }
    return WaterClass::worse_than_v;
}

bool meets_supplementary(WaterItem item, std::int64_t value) noexcept {
    return value <= info(item).limits[0];
}

}  // namespace ecogov::water
