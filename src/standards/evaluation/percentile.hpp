#pragma once
// Percentile of daily values: HJ 663-2013 Appendix A.6.
//
// Contract: sort ascending X(1..n); k = 1 + (n-1)·p/100; s = floor(k);
// m = X(s) + (X(s+1) - X(s))·(k - s), with X(n+1) taken as X(n). k - s is computed exactly as
// ((n-1)·p mod 100)/100 and the result is rounded half-even to the scale of the inputs (so CO in
// 0.1 mg/m³ stays in 0.1 mg/m³). Empty input, or p outside 0..100, gives nullopt.
#include <cstdint>
#include <optional>
#include <vector>

namespace ecogov {

std::optional<std::int32_t> percentile(std::vector<std::int32_t> values, int p);

}  // namespace ecogov
