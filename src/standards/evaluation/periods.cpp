#include "standards/evaluation/periods.hpp"

#include <cstdio>

namespace ecogov {

namespace {

std::string two_digits(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

Date month_start(int year, int month) noexcept {
    return Date::from_ymd(year, month, 1);
}

Date month_end(int year, int month) noexcept {
    return Date::from_ymd(year, month, days_in_month(year, month));
}

/// The calendar period of `kind` that contains `day`.
Period period_containing(Date day, PeriodKind kind) {
    const int y = day.year();
    const int m = day.month();
    switch (kind) {
        case PeriodKind::year:
            return {kind, {month_start(y, 1), month_end(y, 12)}};
        case PeriodKind::quarter: {
            const int first = (m - 1) / 3 * 3 + 1;
            return {kind, {month_start(y, first), month_end(y, first + 2)}};
        }
        case PeriodKind::month:
        case PeriodKind::range:
            break;
    }
    return {PeriodKind::month, {month_start(y, m), month_end(y, m)}};
}

}  // namespace

std::string Period::label() const {
    const int y = days.first.year();
    switch (kind) {
        case PeriodKind::year:
            return std::to_string(y);
        case PeriodKind::quarter:
            return std::to_string(y) + "-Q" + std::to_string((days.first.month() - 1) / 3 + 1);
        case PeriodKind::month:
            return std::to_string(y) + "-" + two_digits(days.first.month());
        case PeriodKind::range:
            break;
    }
    return days.first.iso() + ".." + days.last.iso();
}

std::vector<Period> periods_covering(DateRange span, PeriodKind kind) {
    std::vector<Period> out;
    if (span.last < span.first) return out;
    if (kind == PeriodKind::range) {
        out.push_back({kind, span});
        return out;
    }
    for (Date day = span.first; day <= span.last;) {
        out.push_back(period_containing(day, kind));
        day = out.back().days.last + 1;
    }
    return out;
}

std::optional<PeriodSpec> parse_period_spec(std::string_view text) noexcept {
    if (text == "year") return PeriodSpec{PeriodKind::year, std::nullopt};
    if (text == "quarter") return PeriodSpec{PeriodKind::quarter, std::nullopt};
    if (text == "month") return PeriodSpec{PeriodKind::month, std::nullopt};
    const std::size_t sep = text.find("..");
    if (sep == std::string_view::npos) return std::nullopt;
    const std::optional<Date> first = Date::parse(text.substr(0, sep));
    const std::optional<Date> last = Date::parse(text.substr(sep + 2));
    if (!first || !last || *last < *first) return std::nullopt;
    return PeriodSpec{PeriodKind::range, DateRange{*first, *last}};
}

}  // namespace ecogov
