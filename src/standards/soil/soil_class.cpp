#include "standards/soil/soil_class.hpp"

#include <algorithm>
#include <array>

namespace ecogov {

namespace {

struct ClassNames {
    std::string_view id, name_zh, colour;
};
constexpr std::array<ClassNames, 3> kNames = {{
    {"priority_protection", "优先保护", "green"},
    {"safe_use", "安全利用", "yellow"},
    {"strict_control", "严格管控", "red"},
}};

const ClassNames& names(SoilClass c) noexcept {
    return kNames[static_cast<std::size_t>(c)];
}

SoilClass worst_reachable(std::optional<std::int32_t> control) noexcept {
    return control ? SoilClass::strict_control : SoilClass::safe_use;
}

}  // namespace

std::string_view soil_class_id(SoilClass c) noexcept {
    return names(c).id;
}
std::string_view soil_class_name_zh(SoilClass c) noexcept {
    return names(c).name_zh;
}
std::string_view soil_class_colour(SoilClass c) noexcept {
    return names(c).colour;
}

std::optional<SoilClass> parse_soil_class(std::string_view text) noexcept {
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (text == kNames[i].id || text == kNames[i].name_zh) return static_cast<SoilClass>(i);
    return std::nullopt;
}

ClassRange ClassRange::worst_with(ClassRange other) const noexcept {
    return {std::max(lowest, other.lowest), std::max(highest, other.highest)};
}

SoilClass classify_value(std::int32_t scaled, std::int32_t screening,
                         std::optional<std::int32_t> control) noexcept {
    if (scaled <= screening) return SoilClass::priority_protection;
    if (!control || scaled <= *control) return SoilClass::safe_use;
    return SoilClass::strict_control;
}

ClassRange classify_measurement(const Measurement& m, std::int32_t screening,
                                std::optional<std::int32_t> control) noexcept {
    constexpr SoilClass kBest = SoilClass::priority_protection;
    if (m.kind == Measurement::Kind::value && m.scaled) {
        const SoilClass c = classify_value(*m.scaled, screening, control);
        return {c, c};
    }
    if (m.kind == Measurement::Kind::below_detection_limit && m.scaled) {
        const std::int32_t limit = *m.scaled;  // the true value lies below it
        if (limit <= screening) return {kBest, kBest};
        if (!control || limit <= *control) return {kBest, SoilClass::safe_use};
    }
    return {kBest, worst_reachable(control)};
}

}  // namespace ecogov
