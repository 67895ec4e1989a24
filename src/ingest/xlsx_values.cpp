// Cell value texts (ingest/xlsx_values.hpp).
#include "ingest/xlsx_values.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace ecogov::ingest::xlsx {

namespace {

bool digit(char c) noexcept {
    return c >= '0' && c <= '9';
}

struct NumberParts {
    bool negative = false;
    std::string_view integer, fraction;
    long exponent = 0;
    bool has_exponent = false;
};

/// [+-]?digits*(.digits*)?([eE][+-]?digits+)? with at least one mantissa digit.
std::optional<NumberParts> split_number(std::string_view s) {
    NumberParts p;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) p.negative = s[i++] == '-';
    std::size_t start = i;
    while (i < s.size() && digit(s[i])) ++i;
    p.integer = s.substr(start, i - start);
    if (i < s.size() && s[i] == '.') {
        start = ++i;
        while (i < s.size() && digit(s[i])) ++i;
        p.fraction = s.substr(start, i - start);
    }
    if (p.integer.empty() && p.fraction.empty()) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool negative = false;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
        start = i;
        while (i < s.size() && digit(s[i]) && i - start < 6)
            p.exponent = p.exponent * 10 + (s[i++] - '0');
        if (i == start) return std::nullopt;
        if (negative) p.exponent = -p.exponent;
        p.has_exponent = true;
    }
    if (i != s.size()) return std::nullopt;
    return p;
}

std::string two(long v) {
    return std::string(1, char('0' + v / 10)) + char('0' + v % 10);
}

/// Howard Hinnant's civil_from_days (days since 1970-01-01).
std::string civil(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return std::to_string(y) + "-" + two(m) + "-" + two(d);
}

}  // namespace

std::string plain_decimal(std::string_view number) {
    const auto p = split_number(number);
    if (!p || !p->has_exponent || p->exponent > 400 || p->exponent < -400)
        return std::string(number);
    std::string digits = std::string(p->integer) + std::string(p->fraction);
    long point = static_cast<long>(p->integer.size()) + p->exponent;
    std::size_t lead = 0;
    while (lead < digits.size() && digits[lead] == '0') ++lead;
    digits.erase(0, lead);
    point -= static_cast<long>(lead);
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    if (digits.empty()) return "0";
    std::string out = p->negative ? "-" : "";
    const long size = static_cast<long>(digits.size());
    if (point <= 0)
        out += "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
    else if (point >= size)
        out += digits + std::string(static_cast<std::size_t>(point - size), '0');
    else
        out += digits.substr(0, static_cast<std::size_t>(point)) + "." +
               digits.substr(static_cast<std::size_t>(point));
    return out;
}

DateStyle builtin_date_style(long id) noexcept {
    if (id == 22) return DateStyle::date_time;
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) ||
        (id >= 50 && id <= 58))
        return DateStyle::date;
    return DateStyle::none;
}

DateStyle date_style(std::string_view code) noexcept {
    bool date = false, time = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            const std::size_t close = code.find('"', i + 1);
            if (close == std::string_view::npos) break;
            i = close;
        } else if (c == '[') {
            const std::size_t close = code.find(']', i + 1);
            if (close == std::string_view::npos) break;
            i = close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is literal (or a fill/space width)
        } else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') {
            date = true;
        } else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
            time = true;
        }
    }
    if (!date) return DateStyle::none;
    return time ? DateStyle::date_time : DateStyle::date;
}

std::optional<std::string> serial_text(std::string_view number, bool date1904, bool with_time) {
    const std::string plain = plain_decimal(number);
    const auto p = split_number(plain);
    if (!p || p->negative || p->has_exponent || p->integer.size() > 7) return std::nullopt;
    long days = 0;
    for (char c : p->integer) days = days * 10 + (c - '0');
    long seconds = 0;
    if (!p->fraction.empty()) {
        double fraction = 0;
        const std::string text = "0." + std::string(p->fraction.substr(0, 15));
        std::from_chars(text.data(), text.data() + text.size(), fraction);
        seconds = std::lround(fraction * 86400.0);
        if (seconds >= 86400) {
            ++days;
            seconds -= 86400;
        }
    }
    // Days from 1970-01-01 of the serial's day.
    constexpr long k1899_12_30 = -25569, k1899_12_31 = -25568, k1904_01_01 = -24107;
    std::string date;
    if (date1904)
        date = civil(k1904_01_01 + days);
    else if (days == 60)
        date = "1900-02-29";  // Excel's fictitious leap day
    else
        date = civil(days < 60 ? k1899_12_31 + days : k1899_12_30 + days);
    if (date.size() != 10 || date > "9999-12-31") return std::nullopt;
    if (with_time)
        date += " " + two(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60);
    return date;
}

}  // namespace ecogov::ingest::xlsx
