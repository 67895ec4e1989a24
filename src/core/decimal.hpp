#pragma once
// Exact decimal arithmetic for concentrations (architecture.md "Numbers").
//
// Values whose standard fixes a number of decimals are held as scaled integers: a value with
// `decimals` = d is stored as round(x * 10^d). Rounding follows GB/T 8170-2008 rule 3.3
// ("四舍六入五考虑"): round half to even when the dropped part is exactly one half, applied to the
// exact decimal text or to an exact rational, never to a binary floating-point approximation.
//
// Kept C++20-clean (no <expected>) so the fuzz targets can build it with clang.
#include <cstdint>
#include <string>
#include <string_view>

namespace ecogov {

/// 128-bit integer for exact intermediate products (g++ and clang extension).
__extension__ using Wide = __int128;

/// What a numeric cell of an input file holds.
enum class CellStatus : std::uint8_t {
    value,          // a number, in `scaled`
    empty,          // nothing between the separators: missing
    not_available,  // "NA" (missing/invalid, HJ 633-2026 Table 4)
    not_monitored,  // "/" (not in the monitoring plan, HJ 633-2026 Table 4)
    malformed,      // not a decimal number
    negative,       // a number below zero: not a concentration
};

struct ParsedCell {
    CellStatus status = CellStatus::empty;
    std::int64_t scaled = 0;  // valid when status == value
};

/// Reads a plain decimal ("12", "0.85", "+3.", ".5"; no exponent) and rounds it half-to-even to
/// `decimals` digits after the point (negative `decimals` round to tens, hundreds, ...: -2 turns
/// 1250 into 12 hundreds). Surrounding spaces and a pair of double quotes are ignored.
/// Values beyond ±9e15 after scaling are `malformed`. `decimals` must lie in [-6, 6].
ParsedCell parse_rounded(std::string_view text, int decimals) noexcept;

/// round(num / den) with ties to even; den must be > 0. Exact for all 64-bit inputs.
std::int64_t round_half_even_wide(std::int64_t num, std::int64_t den) noexcept;
inline std::int64_t round_half_even(std::int64_t num, std::int64_t den) noexcept {
    if (num < 0 || num > (INT64_MAX >> 2)) return round_half_even_wide(num, den);
    std::int64_t q = num / den;  // fast path: non-negative, 2 * remainder cannot overflow
    const std::int64_t twice = 2 * (num - q * den);
    if (twice > den || (twice == den && (q & 1))) ++q;
    return q;
}

/// ceil(num / den) for den > 0.
std::int64_t ceil_div(std::int64_t num, std::int64_t den) noexcept;

/// Text of a scaled integer with exactly `decimals` digits after the point ("0.9", "35", "-1.25").
std::string format_scaled(std::int64_t scaled, int decimals);

/// 10^n for 0 <= n <= 18.
constexpr std::int64_t pow10(int n) noexcept {
    std::int64_t r = 1;
    for (int i = 0; i < n; ++i) r *= 10;
    return r;
}

}  // namespace ecogov
