#pragma once
// The scoring engine (issue 6 item 2): applies a Scheme to the indicator values of one period
// and ranks the units. Pure and deterministic: the same scheme, inputs and previous results give
// the same Ranking, and ranking_json() the same bytes.
//
// Contract (docs/assessment.md "How a score is reached"):
// - Each item gives points by its rule from the unit's value of its indicator. A missing value
//   (no data) gives 0 or full points by the item's `missing` policy; the explanation says so.
// - total = Σ item points + Σ bonuses (each ≤ its cap, the sum ≤ scheme bonus_cap); a `zero`
//   veto sets it to 0.
// - grade = the first grade (descending min) whose min ≤ total; an unmet precondition moves a
//   unit off the grade it blocks to the next one down (repeatedly, if the next is blocked too); a `no_top_grade` veto off the first grade;
//   a `fail` or `zero` veto to the last grade. Vetoes fire only on present values.
// - rank: within the unit's group, by total descending, competition ranking (1, 1, 3); rank
//   items use the same ranking over the item's indicator (better lower or higher), units without
//   a value are not ranked.
// - change: against the previous period's total and rank of the same unit, when given.
// - top: among the first `top` ranks of its group and not vetoed (fail/zero); warned: among the
//   last `warn_bottom` ranks of its group (ties included), or graded last, or vetoed (fail/zero).
// - money: per rule, the gap above the base pays by tiers (negative yuan), the gap below earns
//   reward_per_unit (positive; 0 under a no_reward veto). Base = fixed or the mean of the present
//   values of all covered units.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assessment/scheme.hpp"

namespace ecogov::assessment {

struct UnitInput {
    std::string code;
    std::string name;
    /// Indicator id → value; an absent key or nullopt means no data.
    std::map<std::string, std::optional<Fixed>> values;
};

struct PreviousResult {
    std::string code;
    Fixed total = 0;
    int rank = 0;
};

struct ItemResult {
    std::string id, name, category, indicator;
    std::string rule;
    std::optional<Fixed> value;
    Fixed points = 0;
    Fixed max_points = 0;
    std::string explanation;
};

struct BonusResult {
    std::string id, name, indicator;
    std::optional<Fixed> value;
    Fixed points = 0;
    std::string explanation;
};

struct PreconditionResult {
    std::string id, name, blocks;
    std::optional<Fixed> value;
    bool met = false;
    std::string explanation;
};

struct VetoResult {
    std::string id, name, effect;
    std::optional<Fixed> value;
    std::string cause;
};

struct MoneyResult {
    std::string id, name, indicator;
    std::optional<Fixed> value;
    Fixed base = 0;
    Fixed yuan = 0;  // negative: pays (支偿); positive: receives (得补)
    std::string explanation;
};

struct UnitResult {
    std::string code, name, group;
    std::vector<ItemResult> items;
    std::vector<BonusResult> bonuses;
    std::vector<PreconditionResult> preconditions;
    std::vector<VetoResult> vetoes;  // only those applied
    std::vector<MoneyResult> money;
    Fixed item_points = 0;
    Fixed bonus_points = 0;
    Fixed total = 0;
    std::string grade;
    std::string grade_note;  // why the grade differs from the one of the total, if it does
    int rank = 0;
    std::optional<Fixed> previous_total;
    std::optional<int> previous_rank;
    bool warned = false;
    bool top = false;
};

struct Ranking {
    std::string scheme;
    std::string period;
    std::vector<std::string> groups;  // in scheme order; "" for the units no group lists
    std::vector<UnitResult> units;    // by group (scheme order), rank, code
};

Ranking score(const Scheme& scheme, const std::string& period, const std::vector<UnitInput>& units,
              const std::vector<PreviousResult>& previous);

/// The ranking as JSON with a fixed key order and number format (numbers as JSON numbers with at
/// most four decimals, trailing zeros dropped).
std::string ranking_json(const Ranking& r);

}  // namespace ecogov::assessment
