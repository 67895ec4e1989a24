#pragma once
// Assessment periods (issue 6 item 1): a month "2026-10", a quarter "2026-Q3" or a year "2026".
// Contract: parse_period accepts exactly those forms (years 2000-2100); previous() is the period
// before (2026-01 → 2025-12, 2026-Q1 → 2025-Q4); same_last_year() the same period a year
// earlier (for year-on-year change); range() its calendar days.
#include <optional>
#include <string>
#include <string_view>

#include "assessment/scheme.hpp"
#include "core/time.hpp"

namespace ecogov::assessment {

struct Period {
    PeriodKind kind = PeriodKind::month;
    int year = 0;
    int index = 1;  // month 1-12, quarter 1-4, 1 for a year

    std::string label() const;
    DateRange range() const;
    Period previous() const;
    Period same_last_year() const { return Period{kind, year - 1, index}; }
};

std::optional<Period> parse_period(std::string_view text);

}  // namespace ecogov::assessment
