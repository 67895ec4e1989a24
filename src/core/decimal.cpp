#include "core/decimal.hpp"

#include <cstdint>

namespace ecogov {

namespace {

constexpr std::int64_t kMaxMagnitude = 9'000'000'000'000'000LL;

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') {
        s = s.substr(1, s.size() - 2);
        while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
        while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    }
    return s;
}

}  // namespace

ParsedCell parse_rounded(std::string_view text, int decimals) noexcept {
    std::string_view s = trim(text);
    if (s.empty()) return {CellStatus::empty, 0};
    if (s == "NA" || s == "na" || s == "NaN" || s == "nan" || s == "—" || s == "-")
        return {s == "-" || s == "—" ? CellStatus::empty : CellStatus::not_available, 0};
    if (s == "/") return {CellStatus::not_monitored, 0};

    bool negative = false;
    if (s.front() == '+' || s.front() == '-') {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    // Accumulate the digits kept at the target scale, then the first dropped digit and whether
    // anything non-zero follows it (the "sticky" part that decides an exact half).
    std::int64_t kept = 0;
    int first_dropped = -1;
    bool sticky = false;
    int fraction_digits = -1;  // -1 while before the point
    int digits_seen = 0;
    // With negative `decimals`, integer digits beyond the scale are dropped: count integer digits
    // first so we know which ones are kept.
    std::size_t int_len = 0;
    while (int_len < s.size() && s[int_len] >= '0' && s[int_len] <= '9') ++int_len;
    const int drop_int = decimals < 0 ? -decimals : 0;
    const int keep_int = static_cast<int>(int_len) - drop_int;
    int int_index = 0;
    for (char c : s) {
        if (c == '.') {
            if (fraction_digits >= 0) return {CellStatus::malformed, 0};
            fraction_digits = 0;
            continue;
        }
        if (c < '0' || c > '9') return {CellStatus::malformed, 0};
        ++digits_seen;
        const int d = c - '0';
        bool keep;
        if (fraction_digits < 0) {
            keep = int_index < keep_int;
            ++int_index;
        } else {
            ++fraction_digits;
            keep = fraction_digits <= decimals;
        }
        if (keep) {
            if (kept > (kMaxMagnitude - d) / 10) return {CellStatus::malformed, 0};
            kept = kept * 10 + d;
        } else if (first_dropped < 0) {
            first_dropped = d;
        } else if (d != 0) {
            sticky = true;
        }
    }
    if (digits_seen == 0) return {CellStatus::malformed, 0};
    // Pad missing fraction digits up to the scale.
    const int have_fraction = fraction_digits < 0 ? 0 : fraction_digits;
    for (int i = have_fraction; i < decimals; ++i) {
        if (kept > kMaxMagnitude / 10) return {CellStatus::malformed, 0};
        kept *= 10;
    }
    if (first_dropped > 5 || (first_dropped == 5 && (sticky || (kept & 1)))) ++kept;
    if (negative && kept != 0) return {CellStatus::negative, -kept};
    if (negative && (first_dropped > 0 || sticky)) return {CellStatus::negative, 0};
    return {CellStatus::value, kept};
}

std::int64_t round_half_even_wide(std::int64_t num, std::int64_t den) noexcept {
    Wide q = num / den;
    Wide r = num % den;
    if (r < 0) {  // floor division
        q -= 1;
        r += den;
    }
    const Wide twice = 2 * r;
    if (twice > den || (twice == den && (q & 1))) q += 1;
    return static_cast<std::int64_t>(q);
}

std::int64_t ceil_div(std::int64_t num, std::int64_t den) noexcept {
    std::int64_t q = num / den;
    if (num % den != 0 && num > 0) ++q;
    return q;
}

std::string format_scaled(std::int64_t scaled, int decimals) {
    if (decimals <= 0) {
        std::int64_t v = scaled;
        for (int i = 0; i < -decimals; ++i) v *= 10;
        return std::to_string(v);
    }
    const bool neg = scaled < 0;
    const std::uint64_t mag = neg ? static_cast<std::uint64_t>(-(scaled + 1)) + 1
                                  : static_cast<std::uint64_t>(scaled);
    const auto p = static_cast<std::uint64_t>(pow10(decimals));
    const std::string frac = std::to_string(mag % p);
    std::string out;
    out.reserve(24);
    if (neg) out += '-';
    out += std::to_string(mag / p);
    out += '.';
    out.append(static_cast<std::size_t>(decimals) - frac.size(), '0');
    out += frac;
    return out;
}

}  // namespace ecogov
