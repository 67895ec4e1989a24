#include "standards/aqi/iaqi.hpp"

#include <array>

#include "core/decimal.hpp"

namespace ecogov {

namespace {

constexpr std::array<int, 8> kIaqiNodes = {0, 50, 100, 150, 200, 300, 400, 500};
constexpr std::int32_t kNone = -1;  // no breakpoint at this level

// Concentration nodes per column, scaled (CO ×10). HJ 633-2012 Table 1.
using Column = std::array<std::int32_t, 8>;
constexpr std::array<Column, 10> kTable2012 = {{
    {0, 50, 150, 475, 800, 1600, 2100, 2620},        // so2_24h
    {0, 150, 500, 650, 800, kNone, kNone, kNone},    // so2_1h
    {0, 40, 80, 180, 280, 565, 750, 940},            // no2_24h
    {0, 100, 200, 700, 1200, 2340, 3090, 3840},      // no2_1h
    {0, 20, 40, 140, 240, 360, 480, 600},            // co_24h (0.1 mg/m³)
    {0, 50, 100, 350, 600, 900, 1200, 1500},         // co_1h (0.1 mg/m³)
    {0, 160, 200, 300, 400, 800, 1000, 1200},        // o3_1h
    {0, 100, 160, 215, 265, 800, kNone, kNone},      // o3_8h
    {0, 50, 150, 250, 350, 420, 500, 600},           // pm10_24h
    {0, 35, 75, 115, 150, 250, 350, 500},            // pm25_24h
}};

// HJ 633-2026 Table 3 differs only at IAQI 100 of PM10 (120) and PM2.5 (60).
constexpr std::array<Column, 10> make_2026() {
    auto t = kTable2012;
    t[static_cast<std::size_t>(IaqiColumn::pm10_24h)][2] = 120;
    t[static_cast<std::size_t>(IaqiColumn::pm25_24h)][2] = 60;
    return t;
}
constexpr std::array<Column, 10> kTable2026 = make_2026();

const Column& column_of(RuleSet rules, IaqiColumn column) noexcept {
    const auto& table = rules == RuleSet::hj633_2012 ? kTable2012 : kTable2026;
    return table[static_cast<std::size_t>(column)];
}

}  // namespace

std::optional<int> iaqi(RuleSet rules, IaqiColumn column, std::int32_t c) noexcept {
    if (c < 0) return std::nullopt;
    const Column& bp = column_of(rules, column);
    for (std::size_t i = 1; i < bp.size(); ++i) {
        if (bp[i] == kNone) return std::nullopt;  // beyond the last defined node
        if (c <= bp[i]) {
            const std::int64_t span_i = kIaqiNodes[i] - kIaqiNodes[i - 1];
            const std::int64_t span_c = bp[i] - bp[i - 1];
            return kIaqiNodes[i - 1] + static_cast<int>(ceil_div(span_i * (c - bp[i - 1]), span_c));
        }
    }
    return 500;  // above the top breakpoint
}

std::int32_t breakpoint_at_100(RuleSet rules, IaqiColumn column) noexcept {
    return column_of(rules, column)[2];
}

}  // namespace ecogov
