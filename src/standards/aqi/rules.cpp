#include "standards/aqi/rules.hpp"

namespace ecogov {

std::optional<RuleSet> parse_rule_set(std::string_view id) noexcept {
    if (id == "hj633-2012") return RuleSet::hj633_2012;
    if (id == "hj633-2026") return RuleSet::hj633_2026;
    return std::nullopt;
}

Date first_day_of_hj633_2026() noexcept { return Date::from_ymd(2026, 3, 1); }

RuleSet rules_for_day(Date day) noexcept {
    return day < first_day_of_hj633_2026() ? RuleSet::hj633_2012 : RuleSet::hj633_2026;
}

RuleSet rules_for_hour(HourLabel label) noexcept { return rules_for_day(label.day()); }

}  // namespace ecogov
