#include "assessment/scheme_parser.hpp"

#include <algorithm>
#include <set>

#include <toml++/toml.h>

namespace ecogov::assessment {

namespace {

/// Reads the keys of one table, remembering which were used and where the table is.
class Reader {
public:
    Reader(const toml::table& t, std::string source, std::string what)
        : table_(t), source_(std::move(source)), what_(std::move(what)) {}

    int line() const { return static_cast<int>(table_.source().begin.line); }
    int line_of(std::string_view key) const {
        const toml::node* n = table_.get(key);
        return n ? static_cast<int>(n->source().begin.line) : line();
    }
    Error error(std::string_view key, const std::string& why) const {
        return Error{ErrorCode::invalid_argument,
                     source_ + ":" + std::to_string(line_of(key)) + ": " + what_ + " " + why, std::string(key)};
    }
    const std::string& what() const { return what_; }
    /// Names the table by its id once known ("item 'pm25'").
    void name_as(const std::string& id) { what_ += " '" + id + "'"; }
    bool has(std::string_view key) {
        used_.insert(std::string(key));
        return table_.get(key) != nullptr;
    }
    Result<std::string> text(std::string_view key, bool required, std::string fallback = {}) {
        if (!has(key)) {
            if (required) return std::unexpected(error(key, "needs '" + std::string(key) + "'"));
            return fallback;
        }
        const auto* s = table_.get(key)->as_string();
        if (!s) return std::unexpected(error(key, "'" + std::string(key) + "' must be a string"));
        return s->get();
    }
    Result<Fixed> number(std::string_view key, bool required, Fixed fallback = 0) {
        if (!has(key)) {
            if (required) return std::unexpected(error(key, "needs '" + std::string(key) + "'"));
            return fallback;
        }
        const toml::node* n = table_.get(key);
        std::optional<Fixed> v;
        if (const auto* i = n->as_integer()) {
            if (i->get() > -900'000'000'000 && i->get() < 900'000'000'000) v = fixed_int(i->get());
        } else if (const auto* f = n->as_floating_point()) {
            v = fixed_from_double(f->get());
        }
        if (!v) return std::unexpected(error(key, "'" + std::string(key) + "' must be a number"));
        return *v;
    }
    Result<std::optional<Fixed>> optional_number(std::string_view key) {
        if (!has(key)) return std::optional<Fixed>{};
        auto v = number(key, true);
        if (!v) return std::unexpected(v.error());
        return std::optional<Fixed>{*v};
    }
    Result<std::vector<std::string>> strings(std::string_view key) {
        std::vector<std::string> out;
        if (!has(key)) return out;
        const auto* a = table_.get(key)->as_array();
        if (!a) return std::unexpected(error(key, "'" + std::string(key) + "' must be a list of strings"));
        for (const toml::node& n : *a) {
            const auto* s = n.as_string();
            if (!s) return std::unexpected(error(key, "'" + std::string(key) + "' must be a list of strings"));
            out.push_back(s->get());
        }
        return out;
    }
    const toml::node* node(std::string_view key) {
        used_.insert(std::string(key));
        return table_.get(key);
    }
    /// The first key not read, as an error.
    Result<void> no_unknown_keys() const {
        for (const auto& [k, v] : table_)
            if (!used_.contains(std::string(k.str())))
                return std::unexpected(Error{ErrorCode::invalid_argument,
                                             source_ + ":" + std::to_string(v.source().begin.line) + ": " + what_ +
                                                 " has an unknown key '" + std::string(k.str()) + "'",
                                             std::string(k.str())});
        return {};
    }

private:
    const toml::table& table_;
    std::string source_;
    std::string what_;
    std::set<std::string> used_;
};

#define TRY_ASSIGN(target, expr)                           \
    do {                                                   \
        auto tmp_ = (expr);                                \
        if (!tmp_) return std::unexpected(tmp_.error());   \
        target = std::move(*tmp_);                         \
    } while (false)

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 40) return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

Result<std::string> read_id(Reader& r, std::string_view key = "id") {
    std::string id;
    TRY_ASSIGN(id, r.text(key, true));
    if (!valid_id(id)) return std::unexpected(r.error(key, "'" + std::string(key) + "' must be 1-40 characters a-z, 0-9, _"));
    return id;
}

Result<Compare> read_op(Reader& r, std::string_view key) {
    std::string op;
    TRY_ASSIGN(op, r.text(key, true));
    static const std::pair<std::string_view, Compare> ops[] = {{"<", Compare::lt}, {"<=", Compare::le}, {">", Compare::gt},
                                                               {">=", Compare::ge}, {"==", Compare::eq}, {"!=", Compare::ne}};
    for (const auto& [t, c] : ops)
        if (op == t) return c;
    return std::unexpected(r.error(key, "'" + std::string(key) + "' must be one of < <= > >= == !="));
}

Result<Condition> read_condition(Reader& r) {
    Condition c;
    TRY_ASSIGN(c.indicator, read_id(r, "indicator"));
    TRY_ASSIGN(c.op, read_op(r, "op"));
    TRY_ASSIGN(c.threshold, r.number("value", true));
    return c;
}

template <typename T>
Result<T> choose(Reader& r, std::string_view key, std::initializer_list<std::pair<std::string_view, T>> options, T fallback) {
    if (!r.has(key)) return fallback;
    std::string v;
    TRY_ASSIGN(v, r.text(key, true));
    std::string names;
    for (const auto& [name, value] : options) {
        if (v == name) return value;
        names += names.empty() ? std::string(name) : ", " + std::string(name);
    }
    return std::unexpected(r.error(key, "'" + std::string(key) + "' must be one of " + names));
}

Result<void> read_rule(Reader& r, Item& it) {
    TRY_ASSIGN(it.rule, choose<RuleKind>(r, "rule",
                                         {{"linear", RuleKind::linear}, {"per_unit", RuleKind::per_unit}, {"rank", RuleKind::rank},
                                          {"ratio", RuleKind::ratio}, {"pass_fail", RuleKind::pass_fail}},
                                         RuleKind::pass_fail));
    if (!r.has("rule")) return std::unexpected(r.error("rule", "needs 'rule'"));
    TRY_ASSIGN(it.better, choose<Better>(r, "better", {{"lower", Better::lower}, {"higher", Better::higher}}, Better::lower));
    switch (it.rule) {
        case RuleKind::linear:
            TRY_ASSIGN(it.x0, r.number("x0", true));
            TRY_ASSIGN(it.x1, r.number("x1", true));
            TRY_ASSIGN(it.y0, r.number("y0", true));
            TRY_ASSIGN(it.y1, r.number("y1", true));
            if (it.x0 == it.x1) return std::unexpected(r.error("x1", "x1 must differ from x0"));
            break;
        case RuleKind::per_unit:
            TRY_ASSIGN(it.target, r.number("target", true));
            TRY_ASSIGN(it.points_per_unit, r.number("points_per_unit", true));
            TRY_ASSIGN(it.step, r.number("step", false, kFixedOne));
            TRY_ASSIGN(it.cap, r.optional_number("cap"));
            TRY_ASSIGN(it.floor, r.optional_number("floor"));
            if (it.points_per_unit <= 0) return std::unexpected(r.error("points_per_unit", "points_per_unit must be > 0"));
            if (it.step <= 0) return std::unexpected(r.error("step", "step must be > 0"));
            if (it.cap && *it.cap < 0) return std::unexpected(r.error("cap", "cap must be >= 0"));
            break;
        case RuleKind::rank:
            TRY_ASSIGN(it.rank_step, r.number("points_per_rank", true));
            TRY_ASSIGN(it.rank_min, r.number("min", false, 0));
            if (it.rank_step < 0) return std::unexpected(r.error("points_per_rank", "points_per_rank must be >= 0"));
            break;
        case RuleKind::ratio:
            TRY_ASSIGN(it.full_at, r.number("full_at", false, fixed_int(100)));
            if (it.full_at <= 0) return std::unexpected(r.error("full_at", "full_at must be > 0"));
            break;
        case RuleKind::pass_fail:
            it.pass.indicator = it.indicator;
            TRY_ASSIGN(it.pass.op, read_op(r, "op"));
            TRY_ASSIGN(it.pass.threshold, r.number("value", true));
            TRY_ASSIGN(it.fail_points, r.number("fail_points", false, 0));
            break;
    }
    return {};
}

Result<Item> read_item(Reader& r) {
    Item it;
    it.line = r.line();
    TRY_ASSIGN(it.id, read_id(r));
    r.name_as(it.id);
    TRY_ASSIGN(it.name, r.text("name", false, it.id));
    TRY_ASSIGN(it.category, r.text("category", false));
    TRY_ASSIGN(it.indicator, read_id(r, "indicator"));
    TRY_ASSIGN(it.max_points, r.number("max", true));
    if (it.max_points <= 0) return std::unexpected(r.error("max", "max must be > 0"));
    TRY_ASSIGN(it.missing, choose<MissingPolicy>(r, "missing", {{"zero", MissingPolicy::zero}, {"full", MissingPolicy::full}},
                                                 MissingPolicy::zero));
    if (auto ok = read_rule(r, it); !ok) return std::unexpected(ok.error());
    return it;
}

Result<Bonus> read_bonus(Reader& r) {
    Bonus b;
    b.line = r.line();
    TRY_ASSIGN(b.id, read_id(r));
    r.name_as(b.id);
    TRY_ASSIGN(b.name, r.text("name", false, b.id));
    TRY_ASSIGN(b.indicator, read_id(r, "indicator"));
    TRY_ASSIGN(b.points_per_unit, r.number("points_per_unit", true));
    TRY_ASSIGN(b.cap, r.optional_number("cap"));
    return b;
}

Result<Precondition> read_precondition(Reader& r) {
    Precondition p;
    p.line = r.line();
    TRY_ASSIGN(p.id, read_id(r));
    r.name_as(p.id);
    TRY_ASSIGN(p.name, r.text("name", false, p.id));
    TRY_ASSIGN(p.condition, read_condition(r));
    TRY_ASSIGN(p.blocks, r.text("blocks", true));
    TRY_ASSIGN(p.missing_met, choose<bool>(r, "missing", {{"met", true}, {"unmet", false}}, false));
    return p;
}

Result<Veto> read_veto(Reader& r) {
    Veto v;
    v.line = r.line();
    TRY_ASSIGN(v.id, read_id(r));
    r.name_as(v.id);
    TRY_ASSIGN(v.name, r.text("name", false, v.id));
    TRY_ASSIGN(v.condition, read_condition(r));
    TRY_ASSIGN(v.effect, choose<VetoEffect>(r, "effect",
                                            {{"fail", VetoEffect::fail}, {"no_top_grade", VetoEffect::no_top_grade},
                                             {"no_reward", VetoEffect::no_reward}, {"zero", VetoEffect::zero}},
                                            VetoEffect::fail));
    return v;
}

Result<Grade> read_grade(Reader& r) {
    Grade g;
    TRY_ASSIGN(g.name, r.text("name", true));
    TRY_ASSIGN(g.min, r.number("min", true));
    return g;
}

Result<MoneyRule> read_money(Reader& r, const std::string& source) {
    MoneyRule m;
    m.line = r.line();
    TRY_ASSIGN(m.id, read_id(r));
    r.name_as(m.id);
    TRY_ASSIGN(m.name, r.text("name", false, m.id));
    TRY_ASSIGN(m.indicator, read_id(r, "indicator"));
    if (const toml::node* b = r.node("base"); b && b->is_string()) {
        if (b->as_string()->get() != "mean") return std::unexpected(r.error("base", "base must be a number or \"mean\""));
    } else {
        TRY_ASSIGN(m.base, r.optional_number("base"));
        if (!m.base) return std::unexpected(r.error("base", "needs 'base' (a number or \"mean\")"));
    }
    TRY_ASSIGN(m.reward_per_unit, r.number("reward_per_unit", false, 0));
    const toml::node* tiers = r.node("tiers");
    const toml::array* arr = tiers ? tiers->as_array() : nullptr;
    if (!arr || arr->empty()) return std::unexpected(r.error("tiers", "needs 'tiers' = [{ from, to, yuan_per_unit }, ...]"));
    for (const toml::node& n : *arr) {
        const toml::table* t = n.as_table();
        if (!t) return std::unexpected(r.error("tiers", "tiers must be inline tables"));
        Reader tr(*t, source, "money '" + m.id + "' tier");
        MoneyTier tier;
        TRY_ASSIGN(tier.from, tr.number("from", true));
        TRY_ASSIGN(tier.to, tr.optional_number("to"));
        TRY_ASSIGN(tier.yuan_per_unit, tr.number("yuan_per_unit", true));
        if (tier.to && *tier.to <= tier.from) return std::unexpected(tr.error("to", "'to' must be above 'from'"));
        if (auto ok = tr.no_unknown_keys(); !ok) return std::unexpected(ok.error());
        m.tiers.push_back(tier);
    }
    return m;
}

template <typename T, typename F>
Result<void> read_array(const toml::table& root, std::string_view key, const std::string& source, std::string_view what,
                        std::vector<T>& out, F read) {
    const toml::node* n = root.get(key);
    if (!n) return {};
    const toml::array* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables())
        return fail(ErrorCode::invalid_argument,
                    source + ":" + std::to_string(n->source().begin.line) + ": '" + std::string(key) + "' must be [[" +
                        std::string(key) + "]] tables",
                    std::string(key));
    for (const toml::node& e : *arr) {
        Reader r(*e.as_table(), source, std::string(what));
        auto v = read(r);
        if (!v) return std::unexpected(v.error());
        if (auto ok = r.no_unknown_keys(); !ok) return ok;
        out.push_back(std::move(*v));
    }
    return {};
}

Result<void> read_head(Reader& r, Scheme& s) {
    TRY_ASSIGN(s.name, r.text("name", true));
    TRY_ASSIGN(s.period, choose<PeriodKind>(r, "period",
                                            {{"month", PeriodKind::month}, {"quarter", PeriodKind::quarter}, {"year", PeriodKind::year}},
                                            PeriodKind::month));
    TRY_ASSIGN(s.unit_kind, r.text("unit_kind", false));
    TRY_ASSIGN(s.unit_codes, r.strings("units"));
    if (s.unit_kind.empty() && s.unit_codes.empty())
        return std::unexpected(r.error("unit_kind", "needs 'unit_kind' or 'units' (which units it covers)"));
    TRY_ASSIGN(s.max_score, r.number("max_score", false, fixed_int(100)));
    TRY_ASSIGN(s.bonus_cap, r.optional_number("bonus_cap"));
    Fixed top = 0, warn = 0;
    TRY_ASSIGN(top, r.number("top", false, fixed_int(3)));
    TRY_ASSIGN(warn, r.number("warn_bottom", false, 0));
    if (top < 0 || top % kFixedOne != 0 || top > fixed_int(100)) return std::unexpected(r.error("top", "'top' must be a whole number 0-100"));
    if (warn < 0 || warn % kFixedOne != 0 || warn > fixed_int(100))
        return std::unexpected(r.error("warn_bottom", "'warn_bottom' must be a whole number 0-100"));
    s.top_count = static_cast<int>(top / kFixedOne);
    s.warn_bottom = static_cast<int>(warn / kFixedOne);
    return r.no_unknown_keys();
}

Result<void> check_whole(const Scheme& s, const std::string& source) {
    auto err = [&](int line, const std::string& why) {
        return fail(ErrorCode::invalid_argument, source + ":" + std::to_string(line) + ": " + why);
    };
    if (s.items.empty()) return err(1, "scheme needs at least one [[item]]");
    std::set<std::string> ids;
    auto unique = [&](const std::string& id, int line) -> Result<void> {
        if (!ids.insert(id).second) return err(line, "id '" + id + "' is used twice");
        return {};
    };
    for (const Item& i : s.items)
        if (auto ok = unique(i.id, i.line); !ok) return ok;
    for (const Bonus& b : s.bonuses)
        if (auto ok = unique(b.id, b.line); !ok) return ok;
    for (const Precondition& p : s.preconditions)
        if (auto ok = unique(p.id, p.line); !ok) return ok;
    for (const Veto& v : s.vetoes)
        if (auto ok = unique(v.id, v.line); !ok) return ok;
    for (const MoneyRule& m : s.money)
        if (auto ok = unique(m.id, m.line); !ok) return ok;
    if (s.grades.empty()) return err(1, "scheme needs [[grade]] tables (e.g. 优秀 90, 良好 70, 合格 60, 不合格 0)");
    for (std::size_t i = 1; i < s.grades.size(); ++i)
        if (s.grades[i].min >= s.grades[i - 1].min)
            return err(1, "grade '" + s.grades[i].name + "' must have a lower min than '" + s.grades[i - 1].name + "'");
    for (const Precondition& p : s.preconditions)
        if (std::none_of(s.grades.begin(), s.grades.end(), [&](const Grade& g) { return g.name == p.blocks; }))
            return err(p.line, "precondition '" + p.id + "' blocks an unknown grade '" + p.blocks + "'");
    return {};
}

}  // namespace

Result<Scheme> parse_scheme(std::string_view text, std::string_view source_name) {
    const std::string source(source_name);
    toml::table root;
    try {
        root = toml::parse(text, source_name);
    } catch (const toml::parse_error& e) {
        return fail(ErrorCode::invalid_argument,
                    source + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
    Scheme s;
    static const std::set<std::string> sections{"scheme", "group", "item", "bonus", "precondition", "veto", "grade", "money"};
    for (const auto& [k, v] : root)
        if (!sections.contains(std::string(k.str())))
            return fail(ErrorCode::invalid_argument, source + ":" + std::to_string(v.source().begin.line) +
                                                         ": unknown table '" + std::string(k.str()) + "'");
    const toml::table* head = root["scheme"].as_table();
    if (!head) return fail(ErrorCode::invalid_argument, source + ":1: needs a [scheme] table");
    Reader hr(*head, source, "[scheme]");
    if (auto ok = read_head(hr, s); !ok) return std::unexpected(ok.error());
    Result<void> ok = read_array(root, "group", source, "group", s.groups, [](Reader& r) -> Result<Group> {
        Group g;
        TRY_ASSIGN(g.name, r.text("name", true));
        TRY_ASSIGN(g.units, r.strings("units"));
        return g;
    });
    if (ok) ok = read_array(root, "item", source, "item", s.items, read_item);
    if (ok) ok = read_array(root, "bonus", source, "bonus", s.bonuses, read_bonus);
    if (ok) ok = read_array(root, "precondition", source, "precondition", s.preconditions, read_precondition);
    if (ok) ok = read_array(root, "veto", source, "veto", s.vetoes, read_veto);
    if (ok) ok = read_array(root, "grade", source, "grade", s.grades, read_grade);
    if (ok) ok = read_array(root, "money", source, "money", s.money, [&](Reader& r) { return read_money(r, source); });
    if (ok) ok = check_whole(s, source);
    if (!ok) return std::unexpected(ok.error());
    return s;
}

}  // namespace ecogov::assessment
