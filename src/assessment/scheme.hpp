#pragma once
// An assessment scheme (考核方案) as data (issue 6 item 1; water-soil-assessment.md §5, the rule
// model of §5.5). Written in TOML (assessment/scheme_parser.hpp, docs/assessment.md "Scheme
// file"); the engine (assessment/engine.hpp) applies it to the indicator values of a period.
//
// Contract: a parsed Scheme is valid: ids are unique [a-z0-9_], maximum points > 0, grades are
// in descending order of their minimum, every rule has the parameters its kind needs. `line`
// fields give the line of the table in the scheme text, for explanations and errors.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assessment/fixed.hpp"

namespace ecogov::assessment {

enum class PeriodKind : std::uint8_t { month, quarter, year };
std::string_view period_kind_id(PeriodKind k) noexcept;

/// How an item turns its indicator value into points (the vocabulary of issue 6 item 1).
enum class RuleKind : std::uint8_t {
    linear,     // points linear between (x0, y0) and (x1, y1), held at the end values outside
    per_unit,   // max - points_per_unit x gap beyond the target (deduction capped, optional floor)
    rank,       // first - step x (rank - 1) among the units of the group, floored at `rank_min`
    ratio,      // max x value / full_at, within [0, max]
    pass_fail,  // max when the condition holds, else fail_points
};
std::string_view rule_kind_id(RuleKind k) noexcept;

/// Which way an indicator is better.
enum class Better : std::uint8_t { lower, higher };

/// What a missing input (no data) gives an item: 0 points or full points; either way the
/// explanation says the value was missing.
enum class MissingPolicy : std::uint8_t { zero, full };

enum class Compare : std::uint8_t { lt, le, gt, ge, eq, ne };
std::string_view compare_text(Compare c) noexcept;
bool compare(Fixed value, Compare op, Fixed threshold) noexcept;

/// `indicator op threshold`, e.g. serious_damage_cases > 0.
struct Condition {
    std::string indicator;
    Compare op = Compare::gt;
    Fixed threshold = 0;
};

struct Item {
    std::string id;
    std::string name;
    std::string category;
    std::string indicator;
    Fixed max_points = 0;
    RuleKind rule = RuleKind::pass_fail;
    MissingPolicy missing = MissingPolicy::zero;
    Better better = Better::lower;
    // linear
    Fixed x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    // per_unit
    Fixed target = 0;
    Fixed points_per_unit = 0;
    Fixed step = kFixedOne;              // the size of one unit of gap (1 µg/m³, 1 percentage point)
    std::optional<Fixed> cap;            // largest deduction
    std::optional<Fixed> floor;          // lowest points (absent: 扣分不保底, may go below 0)
    // rank
    Fixed rank_step = 0;
    Fixed rank_min = 0;
    // ratio
    Fixed full_at = fixed_int(100);
    // pass_fail
    Condition pass;
    Fixed fail_points = 0;
    int line = 0;
};

/// Points added for an indicator (e.g. honours): value x points_per_unit, at most `cap`.
struct Bonus {
    std::string id;
    std::string name;
    std::string indicator;
    Fixed points_per_unit = 0;
    std::optional<Fixed> cap;
    int line = 0;
};

/// 评优前置: the unit cannot receive grade `blocks` unless the condition holds.
struct Precondition {
    std::string id;
    std::string name;
    Condition condition;
    std::string blocks;
    bool missing_met = false;  // whether a missing input counts as met
    int line = 0;
};

enum class VetoEffect : std::uint8_t {
    fail,          // 直接不合格: the lowest grade
    no_top_grade,  // 不得评优: at most the second grade
    no_reward,     // 取消奖励: money rewards cancelled
    zero,          // total set to 0 (and so the lowest grade)
};
std::string_view veto_effect_id(VetoEffect e) noexcept;

/// 一票否决: applied when the condition holds (a missing input never triggers a veto; the
/// explanation says so).
struct Veto {
    std::string id;
    std::string name;
    Condition condition;
    VetoEffect effect = VetoEffect::fail;
    int line = 0;
};

struct Grade {
    std::string name;
    Fixed min = 0;
};

/// One band of a money rule: yuan per unit of the gap lying within [from, to).
struct MoneyTier {
    Fixed from = 0;
    std::optional<Fixed> to;
    Fixed yuan_per_unit = 0;
};

/// 生态补偿 per period: the part of the value above the base pays (negative amount) by tiers;
/// the part below the base receives reward_per_unit (positive), unless a no_reward veto applies.
/// The base is a fixed number or the mean of the covered units' values (base_mean).
struct MoneyRule {
    std::string id;
    std::string name;
    std::string indicator;
    std::optional<Fixed> base;
    std::vector<MoneyTier> tiers;
    Fixed reward_per_unit = 0;
    int line = 0;
};

struct Group {
    std::string name;
    std::vector<std::string> units;  // unit codes
};

struct Scheme {
    std::string name;
    PeriodKind period = PeriodKind::month;
    std::string unit_kind;               // covered units by kind (township, department), or
    std::vector<std::string> unit_codes; // by code (either may be empty; both empty: none)
    Fixed max_score = fixed_int(100);
    std::optional<Fixed> bonus_cap;
    int top_count = 3;     // units listed as best in the bulletin
    int warn_bottom = 0;   // the last N of each group are warned (预警)
    std::vector<Group> groups;
    std::vector<Item> items;
    std::vector<Bonus> bonuses;
    std::vector<Precondition> preconditions;
    std::vector<Veto> vetoes;
    std::vector<Grade> grades;  // descending min
    std::vector<MoneyRule> money;

    /// Every indicator id the scheme names, sorted and unique.
    std::vector<std::string> indicators() const;
    /// The group of a unit code ("" when no group lists it).
    std::string group_of(const std::string& code) const;
};

}  // namespace ecogov::assessment
