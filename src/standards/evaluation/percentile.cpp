#include "standards/evaluation/percentile.hpp"

#include <algorithm>
#include <cstddef>

#include "core/decimal.hpp"

namespace ecogov {

std::optional<std::int32_t> percentile(std::vector<std::int32_t> values, int p) {
    if (values.empty() || p < 0 || p > 100) return std::nullopt;
    std::sort(values.begin(), values.end());
    const auto n = static_cast<std::int64_t>(values.size());
    // k = 1 + (n-1)·p/100 = s + frac/100 with s the integer part (1-based) and frac in [0, 100).
    const std::int64_t scaled = (n - 1) * p;
    const std::int64_t s = 1 + scaled / 100;
    const std::int64_t frac = scaled % 100;
    const std::int64_t lower = values[static_cast<std::size_t>(s - 1)];
    const std::int64_t upper =
        s < n ? values[static_cast<std::size_t>(s)] : lower;  // X(n+1) = X(n)
    const std::int64_t times_100 = lower * 100 + (upper - lower) * frac;
    return static_cast<std::int32_t>(round_half_even(times_100, 100));
}

}  // namespace ecogov
