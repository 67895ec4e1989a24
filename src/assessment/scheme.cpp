#include "assessment/scheme.hpp"

#include <algorithm>

namespace ecogov::assessment {

std::string_view period_kind_id(PeriodKind k) noexcept {
    switch (k) {
        case PeriodKind::month: return "month";
        case PeriodKind::quarter: return "quarter";
        case PeriodKind::year: return "year";
    }
    return "month";
}

std::string_view rule_kind_id(RuleKind k) noexcept {
    switch (k) {
        case RuleKind::linear: return "linear";
        case RuleKind::per_unit: return "per_unit";
        case RuleKind::rank: return "rank";
        case RuleKind::ratio: return "ratio";
        case RuleKind::pass_fail: return "pass_fail";
    }
    return "pass_fail";
}

std::string_view compare_text(Compare c) noexcept {
    switch (c) {
        case Compare::lt: return "<";
        case Compare::le: return "<=";
        case Compare::gt: return ">";
        case Compare::ge: return ">=";
        case Compare::eq: return "==";
        case Compare::ne: return "!=";
    }
    return "==";
}

bool compare(Fixed value, Compare op, Fixed threshold) noexcept {
    switch (op) {
        case Compare::lt: return value < threshold;
        case Compare::le: return value <= threshold;
        case Compare::gt: return value > threshold;
        case Compare::ge: return value >= threshold;
        case Compare::eq: return value == threshold;
        case Compare::ne: return value != threshold;
    }
    return false;
}

std::string_view veto_effect_id(VetoEffect e) noexcept {
    switch (e) {
        case VetoEffect::fail: return "fail";
        case VetoEffect::no_top_grade: return "no_top_grade";
        case VetoEffect::no_reward: return "no_reward";
        case VetoEffect::zero: return "zero";
    }
    return "fail";
}

std::vector<std::string> Scheme::indicators() const {
    std::vector<std::string> out;
    for (const Item& i : items) {
        out.push_back(i.indicator);
        if (i.rule == RuleKind::pass_fail && !i.pass.indicator.empty()) out.push_back(i.pass.indicator);
    }
    for (const Bonus& b : bonuses) out.push_back(b.indicator);
    for (const Precondition& p : preconditions) out.push_back(p.condition.indicator);
    for (const Veto& v : vetoes) out.push_back(v.condition.indicator);
    for (const MoneyRule& m : money) out.push_back(m.indicator);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string Scheme::group_of(const std::string& code) const {
    for (const Group& g : groups)
        if (std::find(g.units.begin(), g.units.end(), code) != g.units.end()) return g.name;
    return {};
}

}  // namespace ecogov::assessment
