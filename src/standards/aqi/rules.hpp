#pragma once
// Which edition of HJ 633 governs a value (standards/air.md §0).
//
// Contract: hours labelled up to 2026-03-01 00:00 use HJ 633-2012; labels from 2026-03-01 01:00
// use HJ 633-2026 (the CNEMC feed switched with that hour). A natural day uses the edition of its
// labels, so day 2026-03-01 (labels 01:00..24:00) is the first HJ 633-2026 day.
#include <optional>
#include <string_view>

#include "core/time.hpp"

namespace ecogov {

enum class RuleSet : unsigned char { hj633_2012, hj633_2026 };

/// "hj633-2012" / "hj633-2026"
constexpr std::string_view rule_set_id(RuleSet r) noexcept {
    return r == RuleSet::hj633_2012 ? "hj633-2012" : "hj633-2026";
}
std::optional<RuleSet> parse_rule_set(std::string_view id) noexcept;

/// First natural day and first hour label under HJ 633-2026.
Date first_day_of_hj633_2026() noexcept;

RuleSet rules_for_day(Date day) noexcept;
RuleSet rules_for_hour(HourLabel label) noexcept;

}  // namespace ecogov
