#pragma once
// AQI categories: HJ 633-2012 Table 2 and Appendix A; unchanged in HJ 633-2026 Table 1.
//
// Contract: six levels, 0-50 一级 优 ... >300 六级 严重污染 (there is no "极度污染" class); colours are
// the official RGB triples (purple is 153,0,76, not the US 143,63,151).
#include <string_view>

namespace ecogov {

struct AqiCategory {
    int level;                    // 1..6
    std::string_view level_zh;    // 一级 ... 六级
    std::string_view name_zh;     // 优, 良, 轻度污染, 中度污染, 重度污染, 严重污染
    std::string_view name_en;     // good, moderate, lightly polluted, ...
    std::string_view colour_hex;  // "#00E400" ...
    unsigned char r, g, b;
};

/// Category of a (ceiled) AQI value >= 0.
const AqiCategory& category_for(int aqi) noexcept;

}  // namespace ecogov
