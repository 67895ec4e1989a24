#include "standards/aqi/category.hpp"

#include <array>

namespace ecogov {

const AqiCategory& category_for(int aqi) noexcept {
    static constexpr std::array<AqiCategory, 6> kCategories = {{
        {1, "一级", "优", "good", "#00E400", 0, 228, 0},
        {2, "二级", "良", "moderate", "#FFFF00", 255, 255, 0},
        {3, "三级", "轻度污染", "lightly polluted", "#FF7E00", 255, 126, 0},
        {4, "四级", "中度污染", "moderately polluted", "#FF0000", 255, 0, 0},
        {5, "五级", "重度污染", "heavily polluted", "#99004C", 153, 0, 76},
        {6, "六级", "严重污染", "severely polluted", "#7E0023", 126, 0, 35},
    }};
    if (aqi <= 50) return kCategories[0];
    if (aqi <= 100) return kCategories[1];
    if (aqi <= 150) return kCategories[2];
    if (aqi <= 200) return kCategories[3];
    if (aqi <= 300) return kCategories[4];
    return kCategories[5];
}

}  // namespace ecogov
