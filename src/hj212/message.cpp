#include "hj212/message.hpp"

#include <charconv>
#include <cstdio>

#include "core/time.hpp"

namespace ecogov::hj212 {

namespace {

constexpr std::string_view kCpOpen = "CP=&&";

bool parse_int(std::string_view s, int& out) noexcept {
    if (s.empty()) return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

bool parse_number(std::string_view s, double& out) noexcept {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty()) return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

/// Calls f(key, value) for each `key=value` piece of `s` separated by `;` or `,` (one pass).
template <typename F>
bool for_each_pair(std::string_view s, F&& f) {
    const char* p = s.data();
    const char* const end = p + s.size();
    while (p <= end) {
        const char* start = p;
        const char* eq = nullptr;
        while (p < end && *p != ';' && *p != ',') {
            if (*p == '=' && !eq) eq = p;
            ++p;
        }
        if (p > start) {
            const std::string_view key(start, static_cast<std::size_t>((eq ? eq : p) - start));
            const std::string_view value =
                eq ? std::string_view(eq + 1, static_cast<std::size_t>(p - eq - 1)) : std::string_view{};
            if (!f(key, value)) return false;
        }
        ++p;
    }
    return true;
}

std::optional<double>* numeric_field(Pollutant& p, std::string_view field) noexcept {
    if (field == "Rtd") return &p.rtd;
    if (field == "Avg") return &p.avg;
    if (field == "Min") return &p.min;
    if (field == "Max") return &p.max;
    if (field == "Cou") return &p.cou;
    if (field == "ZsRtd") return &p.zs_rtd;
    if (field == "ZsAvg") return &p.zs_avg;
    if (field == "ZsMin") return &p.zs_min;
    if (field == "ZsMax") return &p.zs_max;
    return nullptr;
}

Pollutant& pollutant_for(std::vector<Pollutant>& list, std::size_t first, std::string_view code) {
    if (list.size() > first && list.back().code == code) return list.back();
    for (std::size_t i = first; i < list.size(); ++i)
        if (list[i].code == code) return list[i];
    list.emplace_back();
    list.back().code = code;
    return list.back();
}

bool parse_header(std::string_view header, Message& m, std::string& error) {
    return for_each_pair(header, [&](std::string_view key, std::string_view value) {
        if (key == "QN") m.qn = value;
        else if (key == "ST") m.st = value;
        else if (key == "CN") m.cn = value;
        else if (key == "PW") m.pw = value;
        else if (key == "MN") m.mn = value;
        else if (key == "Flag") {
            int f = 0;
            if (!parse_int(value, f) || f < 0 || f > 255) {
                error = "Flag must be an integer 0..255";
                return false;
            }
            m.flag = f;
        } else if (key == "PNUM" || key == "PNO") {
            int n = 0;
            if (!parse_int(value, n) || n < 0) {
                error = std::string(key) + " must be a non-negative integer";
                return false;
            }
            (key == "PNUM" ? m.pnum : m.pno) = n;
        } else {
            m.header_extra.emplace_back(key, value);
        }
        return true;
    });
}

bool parse_item(std::string_view key, std::string_view value, Message& m, std::string& error) {
    const std::size_t dash = key.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 == key.size()) {
        if (key == "DataTime") {
            m.data_time_text = value;
            m.data_time = parse_local_time(value);
            if (!m.data_time) {
                error = "DataTime must be YYYYMMDDhhmmss (or 17 digits with milliseconds)";
                return false;
            }
        }
        m.cp_fields.emplace_back(key, value);
        return true;
    }
    Pollutant& p = pollutant_for(m.pollutants, 0, key.substr(0, dash));
    const std::string_view field = key.substr(dash + 1);
    if (auto* slot = numeric_field(p, field)) {
        double v = 0;
        if (!parse_number(value, v)) {
            error = std::string(key) + " is not a number";
            return false;
        }
        *slot = v;
    } else if (field == "Flag" && value.size() == 1) {
        p.flag = value[0];
    } else {
        p.other.emplace_back(field, value);
    }
    return true;
}

}  // namespace

std::string_view dialect_name(Dialect d) noexcept {
    switch (d) {
        case Dialect::hj2005: return "2005";
        case Dialect::hj2017: return "2017";
        case Dialect::hj2025: return "2025";
    }
    return "2017";
}

std::optional<LocalTime> parse_local_time(std::string_view t) noexcept {
    if (t.size() != 14 && t.size() != 17) return std::nullopt;
    for (char c : t)
        if (c < '0' || c > '9') return std::nullopt;
    auto num = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = 0; i < n; ++i) v = v * 10 + (t[at + i] - '0');
        return v;
    };
    const int y = num(0, 4), mo = num(4, 2), d = num(6, 2), h = num(8, 2), mi = num(10, 2),
              s = num(12, 2);
    if (!Date::is_valid_ymd(y, mo, d) || h > 23 || mi > 59 || s > 59) return std::nullopt;
    LocalTime lt;
    lt.seconds = static_cast<std::int64_t>(Date::from_ymd(y, mo, d).days) * 86400 + h * 3600 +
                 mi * 60 + s;
    lt.millis = t.size() == 17 ? num(14, 3) : 0;
    return lt;
}

namespace {
void split_time(LocalTime t, int& y, int& mo, int& d, int& h, int& mi, int& s) {
    const std::int64_t days = HourLabel::floor_div(t.seconds, 86400);
    const auto rest = static_cast<int>(t.seconds - days * 86400);
    const Date date{static_cast<std::int32_t>(days)};
    y = date.year();
    mo = date.month();
    d = date.day();
    h = rest / 3600;
    mi = rest / 60 % 60;
    s = rest % 60;
}
}  // namespace

std::string format_local_time(LocalTime t) {
    int y, mo, d, h, mi, s;
    split_time(t, y, mo, d, h, mi, s);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s);
    return buf;
}

std::string format_compact_time(LocalTime t) {
    int y, mo, d, h, mi, s;
    split_time(t, y, mo, d, h, mi, s);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02d", y, mo, d, h, mi, s);
    return buf;
}

Dialect Message::dialect() const noexcept {
    if (!flag) return Dialect::hj2005;
    switch ((*flag >> 2) & 0x3F) {
        case 0: return Dialect::hj2005;
        case 1: return Dialect::hj2017;
        case 2: return Dialect::hj2025;
        default: return Dialect::hj2017;
    }
}

std::string_view Message::cp_field(std::string_view key) const noexcept {
    for (const auto& [k, v] : cp_fields)
        if (k == key) return v;
    return {};
}

const Pollutant* Message::pollutant(std::string_view code) const noexcept {
    for (const auto& p : pollutants)
        if (p.code == code) return &p;
    return nullptr;
}

bool parse_segment_into(std::string_view segment, Message& m, std::string& error) {
    m.qn = m.st = m.cn = m.pw = m.mn = m.data_time_text = {};
    m.flag = m.pnum = m.pno = std::nullopt;
    m.data_time = std::nullopt;
    m.pollutants.clear();
    m.cp_fields.clear();
    m.header_extra.clear();
    error.clear();
    const std::size_t cp = segment.find(kCpOpen);
    if (cp == std::string_view::npos) {
        error = "no CP=&& data area";
        return false;
    }
    const std::size_t body = cp + kCpOpen.size();
    if (segment.size() < body + 2 || !segment.ends_with("&&")) {
        error = "data area does not end with &&";
        return false;
    }
    if (!parse_header(segment.substr(0, cp), m, error)) return false;
    if (m.cn.empty()) {
        error = "no CN (command code)";
        return false;
    }
    const std::string_view area = segment.substr(body, segment.size() - 2 - body);
    return for_each_pair(area, [&](std::string_view key, std::string_view value) {
        return parse_item(key, value, m, error);
    });
}

ParseResult parse_segment(std::string_view segment) {
    ParseResult r;
    r.ok = parse_segment_into(segment, r.message, r.error);
    return r;
}

}  // namespace ecogov::hj212
