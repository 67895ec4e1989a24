#include "standards/evaluation/composite_index.hpp"

#include <cstddef>

#include "core/decimal.hpp"

namespace ecogov {

namespace {

/// round(num / den) half-even on 128-bit values; den > 0.
Wide round_half_even_wide(Wide num, Wide den) noexcept {
    Wide q = num / den;
    Wide r = num % den;
    if (r < 0) {  // floor division
        r += den;
        q -= 1;
    }
    const Wide twice = 2 * r;
    if (twice > den || (twice == den && q % 2 != 0)) q += 1;
    return q;
}

Wide gcd_wide(Wide a, Wide b) noexcept {
    while (b != 0) {
        const Wide t = a % b;
        a = b;
        b = t;
    }
    return a;
}

}  // namespace

std::optional<std::int64_t> composite_index(const ConcSet& statistics,
                                            const CompositeIndexConfig& config) {
    // I×100 = Σ weight_centi·C/S exactly: bring every term to the common denominator lcm(S).
    Wide denominator = 1;
    for (std::size_t i = 0; i < statistics.size(); ++i) {
        if (config.weight_centi[i] == 0) continue;
        if (!statistics[i] || config.limit[i] <= 0) return std::nullopt;
        const Wide s = config.limit[i];
        denominator = denominator / gcd_wide(denominator, s) * s;
    }
    Wide numerator = 0;
    for (std::size_t i = 0; i < statistics.size(); ++i) {
        if (config.weight_centi[i] == 0) continue;
        numerator += Wide{config.weight_centi[i]} * Wide{*statistics[i]} *
                     (denominator / Wide{config.limit[i]});
    }
    return static_cast<std::int64_t>(round_half_even_wide(numerator, denominator));
}

}  // namespace ecogov
