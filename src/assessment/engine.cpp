#include "assessment/engine.hpp"

#include <algorithm>
#include <set>

namespace ecogov::assessment {

namespace {

using Values = std::map<std::string, std::optional<Fixed>>;

std::optional<Fixed> value_of(const UnitInput& u, const std::string& indicator) {
    const auto it = u.values.find(indicator);
    return it == u.values.end() ? std::nullopt : it->second;
}

std::string t(Fixed v) { return fixed_text(v); }

std::string missing_text(const Item& it) {
    return it.indicator + " 无数据（no data）：按方案 missing = " + (it.missing == MissingPolicy::full ? "full 计满分" : "zero 计 0 分");
}

/// Points of a per_unit item (扣分 per unit of gap beyond the target).
void per_unit(const Item& it, Fixed v, ItemResult& r) {
    const Fixed gap = it.better == Better::lower ? v - it.target : it.target - v;
    const std::string side = it.better == Better::lower ? "≤" : "≥";
    if (gap <= 0) {
        r.points = it.max_points;
        r.explanation = it.indicator + " = " + t(v) + "，目标 " + side + " " + t(it.target) + "，达标，得满分 " + t(it.max_points);
        return;
    }
    Fixed deduction = fixed_muldiv(gap, it.points_per_unit, it.step);
    std::string text = it.indicator + " = " + t(v) + "，目标 " + side + " " + t(it.target) + "，差 " + t(gap) + "，每 " + t(it.step) +
                       " 扣 " + t(it.points_per_unit) + " 分，扣 " + t(deduction);
    if (it.cap && deduction > *it.cap) {
        deduction = *it.cap;
        text += "，扣分上限 " + t(*it.cap);
    }
    r.points = it.max_points - deduction;
    if (it.floor && r.points < *it.floor) {
        r.points = *it.floor;
        text += "，最低 " + t(*it.floor) + " 分（扣完为止）";
    }
    r.explanation = text + "，得 " + t(r.points) + " / " + t(it.max_points);
}

void linear(const Item& it, Fixed v, ItemResult& r) {
    const Fixed lo = std::min(it.y0, it.y1), hi = std::max(it.y0, it.y1);
    const Fixed raw = it.y0 + fixed_muldiv(v - it.x0, it.y1 - it.y0, it.x1 - it.x0);
    r.points = std::clamp(raw, lo, hi);
    r.explanation = it.indicator + " = " + t(v) + "，线性：" + t(it.x0) + " → " + t(it.y0) + " 分，" + t(it.x1) + " → " + t(it.y1) +
                    " 分；" + t(it.y0) + " + (" + t(v) + " − " + t(it.x0) + ") × (" + t(it.y1) + " − " + t(it.y0) + ") / (" + t(it.x1) +
                    " − " + t(it.x0) + ") = " + t(raw) + (raw != r.points ? "，限于 [" + t(lo) + ", " + t(hi) + "]" : "") + "，得 " +
                    t(r.points) + " / " + t(it.max_points);
}

void ratio(const Item& it, Fixed v, ItemResult& r) {
    const Fixed raw = fixed_muldiv(v, it.max_points, it.full_at);
    r.points = std::clamp<Fixed>(raw, 0, it.max_points);
    r.explanation = it.indicator + " = " + t(v) + "，" + t(v) + " / " + t(it.full_at) + " × " + t(it.max_points) + " = " + t(raw) +
                    (raw != r.points ? "，限于 [0, " + t(it.max_points) + "]" : "") + "，得 " + t(r.points) + " / " + t(it.max_points);
}

void pass_fail(const Item& it, Fixed v, ItemResult& r) {
    const bool ok = compare(v, it.pass.op, it.pass.threshold);
    r.points = ok ? it.max_points : it.fail_points;
    r.explanation = it.indicator + " = " + t(v) + "，要求 " + std::string(compare_text(it.pass.op)) + " " + t(it.pass.threshold) + "，" +
                    (ok ? "合格" : "不合格") + "，得 " + t(r.points) + " / " + t(it.max_points);
}

/// Competition rank of `v` among `all` (1 + how many are strictly better).
int rank_among(Fixed v, const std::vector<Fixed>& all, Better better) {
    int better_count = 0;
    for (Fixed o : all)
        if (better == Better::lower ? o < v : o > v) ++better_count;
    return better_count + 1;
}

void rank_points(const Item& it, Fixed v, const std::vector<Fixed>& group_values, ItemResult& r) {
    const int rank = rank_among(v, group_values, it.better);
    const Fixed raw = it.max_points - fixed_mul(it.rank_step, fixed_int(rank - 1));
    r.points = std::max(raw, it.rank_min);
    r.explanation = it.indicator + " = " + t(v) + "，组内第 " + std::to_string(rank) + " 名（共 " + std::to_string(group_values.size()) +
                    " 个有数据，" + (it.better == Better::lower ? "越低越好" : "越高越好") + "），" + t(it.max_points) + " − " +
                    t(it.rank_step) + " × " + std::to_string(rank - 1) + (raw < it.rank_min ? "，最低 " + t(it.rank_min) : "") + "，得 " +
                    t(r.points) + " / " + t(it.max_points);
}

ItemResult score_item(const Item& it, const UnitInput& u, const std::vector<Fixed>& group_values) {
    ItemResult r{it.id, it.name, it.category, it.indicator, std::string(rule_kind_id(it.rule)), value_of(u, it.indicator), 0,
                 it.max_points, {}};
    if (!r.value) {
        r.points = it.missing == MissingPolicy::full ? it.max_points : 0;
        r.explanation = missing_text(it);
        return r;
    }
    switch (it.rule) {
        case RuleKind::linear: linear(it, *r.value, r); break;
        case RuleKind::per_unit: per_unit(it, *r.value, r); break;
        case RuleKind::rank: rank_points(it, *r.value, group_values, r); break;
        case RuleKind::ratio: ratio(it, *r.value, r); break;
        case RuleKind::pass_fail: pass_fail(it, *r.value, r); break;
    }
    return r;
}

std::string condition_text(const Condition& c) {
    return c.indicator + " " + std::string(compare_text(c.op)) + " " + t(c.threshold);
}

void score_bonuses(const Scheme& s, const UnitInput& u, UnitResult& out) {
    Fixed sum = 0;
    for (const Bonus& b : s.bonuses) {
        BonusResult r{b.id, b.name, b.indicator, value_of(u, b.indicator), 0, {}};
        if (!r.value) {
            r.explanation = b.indicator + " 无数据（no data），不加分";
        } else {
            const Fixed raw = fixed_mul(*r.value, b.points_per_unit);
            r.points = b.cap ? std::min(raw, *b.cap) : raw;
            r.explanation = b.indicator + " = " + t(*r.value) + " × " + t(b.points_per_unit) + " = " + t(raw) +
                            (raw != r.points ? "，上限 " + t(*b.cap) : "") + "，加 " + t(r.points);
        }
        sum += r.points;
        out.bonuses.push_back(std::move(r));
    }
    out.bonus_points = s.bonus_cap ? std::min(sum, *s.bonus_cap) : sum;
}

void check_preconditions(const Scheme& s, const UnitInput& u, UnitResult& out) {
    for (const Precondition& p : s.preconditions) {
        PreconditionResult r{p.id, p.name, p.blocks, value_of(u, p.condition.indicator), false, {}};
        if (!r.value) {
            r.met = p.missing_met;
            r.explanation = p.condition.indicator + " 无数据（no data），按方案视为" + (r.met ? "满足" : "不满足");
        } else {
            r.met = compare(*r.value, p.condition.op, p.condition.threshold);
            r.explanation = p.condition.indicator + " = " + t(*r.value) + "，要求 " + condition_text(p.condition) + "，" +
                            (r.met ? "满足" : "不满足，不得评为" + p.blocks);
        }
        out.preconditions.push_back(std::move(r));
    }
}

void check_vetoes(const Scheme& s, const UnitInput& u, UnitResult& out) {
    for (const Veto& v : s.vetoes) {
        const auto value = value_of(u, v.condition.indicator);
        if (!value || !compare(*value, v.condition.op, v.condition.threshold)) continue;
        out.vetoes.push_back(VetoResult{v.id, v.name, std::string(veto_effect_id(v.effect)), value,
                                        v.name + "：" + v.condition.indicator + " = " + t(*value) + "（" + condition_text(v.condition) +
                                            "），一票否决 effect = " + std::string(veto_effect_id(v.effect))});
    }
}

bool has_veto(const UnitResult& r, VetoEffect e) {
    return std::any_of(r.vetoes.begin(), r.vetoes.end(), [&](const VetoResult& v) { return v.effect == veto_effect_id(e); });
}

std::size_t grade_index(const Scheme& s, Fixed total) {
    for (std::size_t i = 0; i < s.grades.size(); ++i)
        if (total >= s.grades[i].min) return i;
    return s.grades.size() - 1;
}

void assign_grade(const Scheme& s, UnitResult& r) {
    std::size_t g = grade_index(s, r.total);
    const std::size_t last = s.grades.size() - 1;
    // until no unmet precondition blocks the current grade (one may block 优秀, another 良好)
    for (bool moved = true; moved;) {
        moved = false;
        for (const PreconditionResult& p : r.preconditions)
            if (!p.met && s.grades[g].name == p.blocks && g < last) {
                r.grade_note += "前置条件“" + p.name + "”未满足，由" + s.grades[g].name + "降为" + s.grades[g + 1].name + "。";
                ++g;
                moved = true;
            }
    }
    if (g == 0 && last > 0 && has_veto(r, VetoEffect::no_top_grade)) {
        r.grade_note += "否决：不得评为" + s.grades[0].name + "。";
        g = 1;
    }
    if ((has_veto(r, VetoEffect::fail) || has_veto(r, VetoEffect::zero)) && g != last) {
        r.grade_note += "一票否决：评为" + s.grades[last].name + "。";
        g = last;
    }
    r.grade = s.grades[g].name;
}

Fixed tier_payment(const MoneyRule& m, Fixed gap) {
    Fixed yuan = 0;
    for (const MoneyTier& tier : m.tiers) {
        const Fixed top = tier.to ? std::min(gap, *tier.to) : gap;
        if (top > tier.from) yuan += fixed_mul(top - tier.from, tier.yuan_per_unit);
    }
    return yuan;
}

Fixed money_base(const MoneyRule& m, const std::vector<UnitInput>& units) {
    if (m.base) return *m.base;
    Fixed sum = 0;
    std::int64_t n = 0;
    for (const UnitInput& u : units)
        if (auto v = value_of(u, m.indicator)) {
            sum += *v;
            ++n;
        }
    return n == 0 ? 0 : fixed_div(sum, fixed_int(n));
}

void score_money(const Scheme& s, const std::vector<Fixed>& bases, const UnitInput& u, UnitResult& out) {
    for (std::size_t i = 0; i < s.money.size(); ++i) {
        const MoneyRule& m = s.money[i];
        MoneyResult r{m.id, m.name, m.indicator, value_of(u, m.indicator), bases[i], 0, {}};
        const std::string base_text = "基数 " + t(r.base) + (m.base ? "" : "（参评单位均值）");
        if (!r.value) {
            r.explanation = m.indicator + " 无数据（no data），不结算";
        } else if (*r.value > r.base) {
            const Fixed gap = *r.value - r.base;
            r.yuan = -tier_payment(m, gap);
            r.explanation = m.indicator + " = " + t(*r.value) + "，" + base_text + "，高出 " + t(gap) + "，按阶梯扣缴 " + t(-r.yuan) + " 元";
        } else {
            const Fixed gap = r.base - *r.value;
            r.yuan = fixed_mul(gap, m.reward_per_unit);
            r.explanation = m.indicator + " = " + t(*r.value) + "，" + base_text + "，低 " + t(gap) + " × " + t(m.reward_per_unit) +
                            " 元 = 奖 " + t(r.yuan) + " 元";
            if (r.yuan > 0 && has_veto(out, VetoEffect::no_reward)) {
                r.yuan = 0;
                r.explanation += "；一票否决取消奖励，计 0 元";
            }
        }
        out.money.push_back(std::move(r));
    }
}

/// Values of each rank item's indicator per group, for rank_points.
std::map<std::pair<std::string, std::string>, std::vector<Fixed>> rank_pools(const Scheme& s, const std::vector<UnitInput>& units,
                                                                             const std::vector<std::string>& groups) {
    std::map<std::pair<std::string, std::string>, std::vector<Fixed>> pools;
    for (const Item& it : s.items) {
        if (it.rule != RuleKind::rank) continue;
        for (std::size_t i = 0; i < units.size(); ++i)
            if (auto v = value_of(units[i], it.indicator)) pools[{groups[i], it.id}].push_back(*v);
    }
    return pools;
}

/// The group of each unit, in input order.
std::vector<std::string> groups_of(const Scheme& s, const std::vector<UnitInput>& units) {
    std::map<std::string, std::string> by_code;
    for (const Group& g : s.groups)
        for (const std::string& code : g.units) by_code.emplace(code, g.name);
    std::vector<std::string> out;
    for (const UnitInput& u : units) {
        const auto it = by_code.find(u.code);
        out.push_back(it == by_code.end() ? std::string() : it->second);
    }
    return out;
}

void rank_units(const Scheme& s, std::vector<UnitResult>& results) {
    std::map<std::string, std::vector<Fixed>> totals;
    for (const UnitResult& r : results) totals[r.group].push_back(r.total);
    for (UnitResult& r : results) {
        const auto& all = totals[r.group];
        r.rank = rank_among(r.total, all, Better::higher);
        const auto worse = std::count_if(all.begin(), all.end(), [&](Fixed o) { return o < r.total; });
        const bool vetoed = has_veto(r, VetoEffect::fail) || has_veto(r, VetoEffect::zero);
        r.top = r.rank <= s.top_count && !vetoed;
        r.warned = worse < s.warn_bottom || r.grade == s.grades.back().name || vetoed;
    }
}

}  // namespace

Ranking score(const Scheme& scheme, const std::string& period, const std::vector<UnitInput>& units,
              const std::vector<PreviousResult>& previous) {
    Ranking out{scheme.name, period, {}, {}};
    const std::vector<std::string> groups = groups_of(scheme, units);
    const auto pools = rank_pools(scheme, units, groups);
    std::map<std::string, const PreviousResult*> before;
    for (const PreviousResult& p : previous) before.emplace(p.code, &p);
    std::vector<Fixed> bases;
    for (const MoneyRule& m : scheme.money) bases.push_back(money_base(m, units));
    static const std::vector<Fixed> kNone;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const UnitInput& u = units[i];
        UnitResult r;
        r.code = u.code;
        r.name = u.name;
        r.group = groups[i];
        for (const Item& it : scheme.items) {
            const auto pool = pools.find({r.group, it.id});
            r.items.push_back(score_item(it, u, pool == pools.end() ? kNone : pool->second));
            r.item_points += r.items.back().points;
        }
        score_bonuses(scheme, u, r);
        check_preconditions(scheme, u, r);
        check_vetoes(scheme, u, r);
        r.total = has_veto(r, VetoEffect::zero) ? 0 : r.item_points + r.bonus_points;
        assign_grade(scheme, r);
        score_money(scheme, bases, u, r);
        if (const auto p = before.find(u.code); p != before.end()) {
            r.previous_total = p->second->total;
            r.previous_rank = p->second->rank;
        }
        out.units.push_back(std::move(r));
    }
    rank_units(scheme, out.units);
    for (const Group& g : scheme.groups) out.groups.push_back(g.name);
    if (std::any_of(out.units.begin(), out.units.end(), [](const UnitResult& r) { return r.group.empty(); })) out.groups.push_back("");
    auto group_pos = [&](const std::string& g) { return std::find(out.groups.begin(), out.groups.end(), g) - out.groups.begin(); };
    std::sort(out.units.begin(), out.units.end(), [&](const UnitResult& a, const UnitResult& b) {
        const auto ga = group_pos(a.group), gb = group_pos(b.group);
        if (ga != gb) return ga < gb;
        if (a.rank != b.rank) return a.rank < b.rank;
        return a.code < b.code;
    });
    return out;
}

}  // namespace ecogov::assessment
