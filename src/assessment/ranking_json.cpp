// ranking_json (assessment/engine.hpp): hand-written so key order and number text never vary.
#include <algorithm>

#include "assessment/engine.hpp"
#include "core/text.hpp"

namespace ecogov::assessment {

namespace {

class Json {
public:
    std::string out;
    void key(std::string_view k) {  // keys are ASCII identifiers
        comma();
        out += '"';
        out += k;
        out += "\":";
        fresh_ = true;
    }
    void str(std::string_view v) {
        comma();
        const bool plain = std::none_of(v.begin(), v.end(), [](char ch) {
            return ch == '"' || ch == '\\' || static_cast<unsigned char>(ch) < 0x20;
        });
        if (!plain) return append_json_string(out, v);  // the shared escaper (core/text.hpp)
        out += '"';
        out += v;
        out += '"';
    }
    void num(Fixed v) {
        comma();
        out += fixed_text(v);
    }
    void integer(long long v) {
        comma();
        out += std::to_string(v);
    }
    void boolean(bool v) {
        comma();
        out += v ? "true" : "false";
    }
    void null() {
        comma();
        out += "null";
    }
    void opt(const std::optional<Fixed>& v) { v ? num(*v) : null(); }
    void open(char c) {
        comma();
        out += c;
        fresh_ = true;
    }
    void close(char c) {
        out += c;
        fresh_ = false;
    }
    void field(std::string_view k, std::string_view v) { key(k), str(v); }
    void field(std::string_view k, Fixed v) { key(k), num(v); }
    void field_opt(std::string_view k, const std::optional<Fixed>& v) { key(k), opt(v); }

private:
    void comma() {
        if (!fresh_) out += ',';
        fresh_ = false;
    }
    bool fresh_ = true;
};

void write_items(Json& j, const std::vector<ItemResult>& items) {
    j.key("items");
    j.open('[');
    for (const ItemResult& i : items) {
        j.open('{');
        j.field("id", i.id);
        j.field("name", i.name);
        j.field("category", i.category);
        j.field("indicator", i.indicator);
        j.field("rule", i.rule);
        j.field_opt("value", i.value);
        j.field("points", i.points);
        j.field("max", i.max_points);
        j.field("explanation", i.explanation);
        j.close('}');
    }
    j.close(']');
}

void write_unit(Json& j, const UnitResult& u) {
    j.open('{');
    j.field("code", u.code);
    j.field("name", u.name);
    j.field("group", u.group);
    j.key("rank"), j.integer(u.rank);
    j.field("total", u.total);
    j.field("grade", u.grade);
    j.field("grade_note", u.grade_note);
    j.field("item_points", u.item_points);
    j.field("bonus_points", u.bonus_points);
    j.field_opt("previous_total", u.previous_total);
    j.key("previous_rank");
    u.previous_rank ? j.integer(*u.previous_rank) : j.null();
    j.field_opt("change", u.previous_total ? std::optional<Fixed>(u.total - *u.previous_total) : std::nullopt);
    j.key("top"), j.boolean(u.top);
    j.key("warned"), j.boolean(u.warned);
    write_items(j, u.items);
    j.key("bonuses");
    j.open('[');
    for (const BonusResult& b : u.bonuses) {
        j.open('{');
        j.field("id", b.id), j.field("name", b.name), j.field("indicator", b.indicator);
        j.field_opt("value", b.value), j.field("points", b.points), j.field("explanation", b.explanation);
        j.close('}');
    }
    j.close(']');
    j.key("preconditions");
    j.open('[');
    for (const PreconditionResult& p : u.preconditions) {
        j.open('{');
        j.field("id", p.id), j.field("name", p.name), j.field("blocks", p.blocks), j.field_opt("value", p.value);
        j.key("met"), j.boolean(p.met);
        j.field("explanation", p.explanation);
        j.close('}');
    }
    j.close(']');
    j.key("vetoes");
    j.open('[');
    for (const VetoResult& v : u.vetoes) {
        j.open('{');
        j.field("id", v.id), j.field("name", v.name), j.field("effect", v.effect), j.field_opt("value", v.value);
        j.field("cause", v.cause);
        j.close('}');
    }
    j.close(']');
    j.key("money");
    j.open('[');
    for (const MoneyResult& m : u.money) {
        j.open('{');
        j.field("id", m.id), j.field("name", m.name), j.field("indicator", m.indicator), j.field_opt("value", m.value);
        j.field("base", m.base), j.field("yuan", m.yuan), j.field("explanation", m.explanation);
        j.close('}');
    }
    j.close(']');
    j.close('}');
}

}  // namespace

std::string ranking_json(const Ranking& r) {
    Json j;
    std::size_t items = 0;
    for (const UnitResult& u : r.units) items += u.items.size() + u.bonuses.size() + u.money.size() + 4;
    j.out.reserve(items * 320);
    j.open('{');
    j.field("scheme", r.scheme);
    j.field("period", r.period);
    j.key("groups");
    j.open('[');
    for (const std::string& g : r.groups) j.str(g);
    j.close(']');
    j.key("units");
    j.open('[');
    for (const UnitResult& u : r.units) write_unit(j, u);
    j.close(']');
    j.close('}');
    return std::move(j.out);
}

}  // namespace ecogov::assessment
