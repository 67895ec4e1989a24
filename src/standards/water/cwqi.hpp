#pragma once
// CWQI (城市水质指数) of a section: 《城市地表水环境质量排名技术规定（试行）》(环境保护部, 2017),
// item formulas as in water-soil-assessment.md §2 [V2: sm1lewc CWQICalculatorV2017.cs].
//
// Contract:
// - General items: CWQI_i = C_i / S_i with S_i the class III limit (TP: 0.2 river, 0.05 lake).
// - DO: CWQI = S / C with S = 5 mg/L (undefined, hence no CWQI, when DO is 0).
// - pH: (7 - pH) / (7 - 6) when pH <= 7, else (pH - 7) / (9 - 7), on the 2-decimal pH.
// - Only the 21 routine items (no 水温, TN, 粪大肠菌群). C is the period value; a value below its
//   detection limit counts as x/2 and a bare ND as 0, as in means (doc silent; values.hpp).
// - Section CWQI = the sum of the item CWQIs present [R: doc §2 "aggregation"], computed as an
//   exact fraction and rounded half-to-even to 2 decimals once, at the end.
#include <cstdint>
#include <optional>

#include "core/decimal.hpp"
#include "standards/water/section.hpp"

namespace ecogov::water {

struct Fraction {
    Wide num = 0;
    Wide den = 1;  // > 0
};

/// CWQI_i of one item; nullopt for items outside the 21 and for DO of 0.
std::optional<Fraction> cwqi_term(WaterItem item, WaterBody body, const WaterValue& v) noexcept;

/// Sum over the routine items present, in 1/100 (2 decimals, half-even); nullopt when no item is
/// present or a term is undefined.
std::optional<std::int64_t> cwqi_centi(WaterBody body, const ItemValues& values) noexcept;

/// num/den rounded half-to-even to `decimals` (>= 0) digits, as a scaled integer.
std::int64_t round_fraction(Fraction f, int decimals) noexcept;

}  // namespace ecogov::water
