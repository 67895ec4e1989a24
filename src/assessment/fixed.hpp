#pragma once
// Exact decimal numbers of the assessment engine (issue 6 item 2, "deterministic").
//
// Contract: every number of a scheme, an input value, a point score or a money amount is a
// `Fixed`: an integer holding the value x 10^4 (four decimals). Scheme numbers and input values
// with more than four decimals are rounded half-to-even on reading (GB/T 8170 rule 3.3, as
// core/decimal.hpp). Products and quotients are computed exactly in 128 bits and rounded
// half-to-even to four decimals; this is the only rounding (docs/assessment.md "Numbers").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ecogov::assessment {

using Fixed = std::int64_t;
inline constexpr int kFixedDecimals = 4;
inline constexpr Fixed kFixedOne = 10000;
/// Products and quotients saturate at ±10^15 (±10^11 in value): far beyond any score or amount,
/// and thousands of such terms still add up without overflowing.
inline constexpr Fixed kFixedLimit = 1'000'000'000'000'000;

/// a x b, rounded half-to-even to four decimals.
Fixed fixed_mul(Fixed a, Fixed b) noexcept;
/// a / b (b != 0), rounded half-to-even to four decimals.
Fixed fixed_div(Fixed a, Fixed b) noexcept;
/// a x b / c (c != 0) with one rounding, half-to-even to four decimals.
Fixed fixed_muldiv(Fixed a, Fixed b, Fixed c) noexcept;
/// An integer as Fixed.
constexpr Fixed fixed_int(std::int64_t n) noexcept { return n * kFixedOne; }
/// Shortest text: "12.5", "0", "-0.25" (trailing zeros dropped).
std::string fixed_text(Fixed v);
/// A plain decimal ("-3", "0.85", "12.34567" rounds to 12.3457); nullopt when malformed or
/// beyond ±9e11 (a value, not a product, so it stays below kFixedLimit).
std::optional<Fixed> parse_fixed(std::string_view text) noexcept;
/// A double (as TOML reads "0.5") through its shortest round-trip text, so 0.1 is exactly 0.1.
std::optional<Fixed> fixed_from_double(double v) noexcept;

}  // namespace ecogov::assessment
