#include "core/time.hpp"

#include <chrono>
#include <cstdio>

namespace ecogov {

namespace {
std::chrono::year_month_day to_ymd(Date d) {
    return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{d.days}}};
}

bool read_int(std::string_view s, int& out) noexcept {
    if (s.empty()) return false;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}
}  // namespace

Date Date::from_ymd(int year, int month, int day) noexcept {
    const std::chrono::year_month_day ymd{std::chrono::year{year},
                                          std::chrono::month{static_cast<unsigned>(month)},
                                          std::chrono::day{static_cast<unsigned>(day)}};
    return Date{static_cast<std::int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count())};
}

bool Date::is_valid_ymd(int year, int month, int day) noexcept {
    if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
    return day <= days_in_month(year, month);
}

int Date::year() const noexcept { return static_cast<int>(to_ymd(*this).year()); }
int Date::month() const noexcept { return static_cast<int>(static_cast<unsigned>(to_ymd(*this).month())); }
int Date::day() const noexcept { return static_cast<int>(static_cast<unsigned>(to_ymd(*this).day())); }

std::string Date::iso() const {
    const auto ymd = to_ymd(*this);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::optional<Date> Date::parse(std::string_view t) noexcept {
    int y = 0, m = 0, d = 0;
    if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
        if (!read_int(t.substr(0, 4), y) || !read_int(t.substr(5, 2), m) || !read_int(t.substr(8, 2), d))
            return std::nullopt;
    } else if (t.size() == 8) {
        if (!read_int(t.substr(0, 4), y) || !read_int(t.substr(4, 2), m) || !read_int(t.substr(6, 2), d))
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!is_valid_ymd(y, m, d)) return std::nullopt;
    return from_ymd(y, m, d);
}

int days_in_month(int year, int month) noexcept {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return kDays[month - 1];
}

std::string HourLabel::iso() const {
    const Date date{static_cast<std::int32_t>(floor_div(hours, 24))};
    const int hh = static_cast<int>(hours - floor_div(hours, 24) * 24);
    char buf[8];
    std::snprintf(buf, sizeof buf, "T%02d:00", hh);
    return date.iso() + buf + "+08:00";
}

}  // namespace ecogov
