#include "assessment/fixed.hpp"

#include <charconv>
#include <cmath>

#include "core/decimal.hpp"

namespace ecogov::assessment {

namespace {

/// round(num / den) half-to-even over 128 bits; den > 0; saturated at ±kFixedLimit.
Fixed div_round(Wide num, Wide den) noexcept {
    const bool negative = num < 0;
    const Wide n = negative ? -num : num;
    Wide q = n / den;
    const Wide twice = 2 * (n - q * den);
    if (twice > den || (twice == den && (q & 1) != 0)) ++q;
    if (q > kFixedLimit) q = kFixedLimit;
    return static_cast<Fixed>(negative ? -q : q);
}

}  // namespace

Fixed fixed_mul(Fixed a, Fixed b) noexcept { return div_round(static_cast<Wide>(a) * b, kFixedOne); }

Fixed fixed_div(Fixed a, Fixed b) noexcept {
    if (b == 0) return 0;
    Wide num = static_cast<Wide>(a) * kFixedOne;
    Wide den = b;
    if (den < 0) {
        num = -num;
        den = -den;
    }
    return div_round(num, den);
}

Fixed fixed_muldiv(Fixed a, Fixed b, Fixed c) noexcept {
    if (c == 0) return 0;
    Wide num = static_cast<Wide>(a) * b;
    Wide den = c;
    if (den < 0) {
        num = -num;
        den = -den;
    }
    return div_round(num, den);
}

std::string fixed_text(Fixed v) {
    std::string s = format_scaled(v, kFixedDecimals);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::optional<Fixed> parse_fixed(std::string_view text) noexcept {
    bool negative = false;
    if (!text.empty() && text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    if (text.empty() || text.front() == '+' || text.front() == ' ') return std::nullopt;
    const ParsedCell c = parse_rounded(text, kFixedDecimals);
    if (c.status != CellStatus::value) return std::nullopt;
    if (c.scaled > 9'000'000'000'000'000 / 1000) return std::nullopt;
    return negative ? -c.scaled : c.scaled;
}

std::optional<Fixed> fixed_from_double(double v) noexcept {
    if (!std::isfinite(v)) return std::nullopt;
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    if (r.ec != std::errc{}) return std::nullopt;
    return parse_fixed(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
}

}  // namespace ecogov::assessment
