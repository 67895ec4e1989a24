#pragma once
// Evaluation periods (HJ 663-2013 §4: 年、季、月 evaluation; any date range for analysts).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"

namespace ecogov {

enum class PeriodKind : unsigned char { year, quarter, month, range };

struct Period {
    PeriodKind kind;
    DateRange days;
    /// "2019", "2019-Q1", "2019-01", or "2019-01-01..2019-03-31"
    std::string label() const;
};

/// The calendar periods of `kind` (year/quarter/month) that overlap `span`, each whole.
std::vector<Period> periods_covering(DateRange span, PeriodKind kind);

/// Parses "year", "quarter", "month" (kind only) or "FROM..TO" (YYYY-MM-DD, inclusive).
struct PeriodSpec {
    PeriodKind kind = PeriodKind::year;
    std::optional<DateRange> range;  // for PeriodKind::range
};
std::optional<PeriodSpec> parse_period_spec(std::string_view text) noexcept;

}  // namespace ecogov
