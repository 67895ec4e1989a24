#pragma once
// Calendar dates and hour-ending labels in China Standard Time (architecture.md "Time").
//
// Contract: monitoring data carry hour-ending labels in CST (UTC+8, no DST). The value labelled
// 16:00 is the mean over 15:00-16:00. Natural day D holds labels D 01:00 ... D 24:00, and label
// D 24:00 is the same instant as D+1 00:00 (GB 3095-2012 §3.10, HJ 663-2013 Table A.1).
// Kept C++20-clean (no <expected>) so the fuzz targets can build it with clang.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ecogov {

/// A calendar day in CST, as days since 1970-01-01.
struct Date {
    std::int32_t days = 0;

    static Date from_ymd(int year, int month, int day) noexcept;  // caller ensures a real date
    static bool is_valid_ymd(int year, int month, int day) noexcept;
    int year() const noexcept;
    int month() const noexcept;  // 1..12
    int day() const noexcept;    // 1..31
    /// "YYYY-MM-DD"
    std::string iso() const;
    /// Parses "YYYY-MM-DD" or "YYYYMMDD".
    static std::optional<Date> parse(std::string_view text) noexcept;

    Date operator+(int n) const noexcept { return Date{days + n}; }
    Date operator-(int n) const noexcept { return Date{days - n}; }
    int operator-(Date other) const noexcept { return days - other.days; }
    auto operator<=>(const Date&) const = default;
};

int days_in_month(int year, int month) noexcept;

/// An hour-ending label: hours since 1970-01-01T00:00 CST. Label L covers the hour (L-1, L].
struct HourLabel {
    std::int64_t hours = 0;

    /// Label `hour` (1..24) of natural day `day`; hour 24 is D+1 00:00.
    static HourLabel of(Date day, int hour) noexcept {
        return HourLabel{static_cast<std::int64_t>(day.days) * 24 + hour};
    }
    /// Clock reading: date D at hh:00 (hh 0..23); hh 0 is label 24:00 of D-1.
    static HourLabel at_clock(Date date, int hh) noexcept {
        return HourLabel{static_cast<std::int64_t>(date.days) * 24 + hh};
    }
    /// The natural day the label belongs to.
    Date day() const noexcept {
        return Date{static_cast<std::int32_t>(floor_div(hours - 1, 24))};
    }
    /// 1..24 within its natural day.
    int hour_of_day() const noexcept { return static_cast<int>(hours - 1 - floor_div(hours - 1, 24) * 24) + 1; }
    /// ISO 8601 with offset, 24:00 written as the next day's 00:00: "2019-01-02T00:00+08:00".
    std::string iso() const;

    HourLabel operator+(std::int64_t n) const noexcept { return HourLabel{hours + n}; }
    HourLabel operator-(std::int64_t n) const noexcept { return HourLabel{hours - n}; }
    std::int64_t operator-(HourLabel o) const noexcept { return hours - o.hours; }
    auto operator<=>(const HourLabel&) const = default;

    static constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
        return a >= 0 ? a / b : -((-a + b - 1) / b);
    }
};

/// An inclusive range of natural days.
struct DateRange {
    Date first;
    Date last;
    int day_count() const noexcept { return last - first + 1; }
    bool contains(Date d) const noexcept { return first <= d && d <= last; }
    auto operator<=>(const DateRange&) const = default;
};

}  // namespace ecogov
