#include "assessment/period.hpp"

#include <charconv>

namespace ecogov::assessment {

namespace {

std::optional<int> number(std::string_view s) {
    int v = 0;
    if (s.empty()) return std::nullopt;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc{} || r.ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

std::string Period::label() const {
    const std::string y = std::to_string(year);
    switch (kind) {
        case PeriodKind::month: return y + (index < 10 ? "-0" : "-") + std::to_string(index);
        case PeriodKind::quarter: return y + "-Q" + std::to_string(index);
        case PeriodKind::year: return y;
    }
    return y;
}

DateRange Period::range() const {
    switch (kind) {
        case PeriodKind::month: return {Date::from_ymd(year, index, 1), Date::from_ymd(year, index, days_in_month(year, index))};
        case PeriodKind::quarter: {
            const int last = index * 3;
            return {Date::from_ymd(year, last - 2, 1), Date::from_ymd(year, last, days_in_month(year, last))};
        }
        case PeriodKind::year: return {Date::from_ymd(year, 1, 1), Date::from_ymd(year, 12, 31)};
    }
    return {};
}

Period Period::previous() const {
    const int per_year = kind == PeriodKind::month ? 12 : kind == PeriodKind::quarter ? 4 : 1;
    if (index > 1) return Period{kind, year, index - 1};
    return Period{kind, year - 1, per_year};
}

std::optional<Period> parse_period(std::string_view text) {
    if (text.size() < 4) return std::nullopt;
    const auto year = number(text.substr(0, 4));
    if (!year || *year < 2000 || *year > 2100) return std::nullopt;
    if (text.size() == 4) return Period{PeriodKind::year, *year, 1};
    if (text.size() == 7 && text[4] == '-' && text[5] == 'Q') {
        const auto q = number(text.substr(6));
        if (!q || *q < 1 || *q > 4) return std::nullopt;
        return Period{PeriodKind::quarter, *year, *q};
    }
    if (text.size() == 7 && text[4] == '-') {
        const auto m = number(text.substr(5));
        if (!m || *m < 1 || *m > 12) return std::nullopt;
        return Period{PeriodKind::month, *year, *m};
    }
    return std::nullopt;
}

}  // namespace ecogov::assessment
