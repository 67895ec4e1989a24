#include "standards/water/section.hpp"

#include <algorithm>

#include "core/decimal.hpp"
#include "standards/water/cwqi.hpp"

namespace ecogov::water {

namespace {

constexpr std::size_t kMainPollutants = 3;

struct Ranked {
    ItemResult result;
    std::optional<Fraction> ratio;  // C / C_III for items with a multiple
};

bool has_multiple(WaterItem item) noexcept {
    return item != WaterItem::temperature && item != WaterItem::ph &&
           item != WaterItem::dissolved_oxygen;
}

/// Worst class first; then larger C / C_III; items without a ratio last; then Table 1 order.
bool before(const Ranked& a, const Ranked& b) noexcept {
    if (a.result.cls != b.result.cls) return a.result.cls > b.result.cls;
    if (a.ratio.has_value() != b.ratio.has_value()) return a.ratio.has_value();
    if (a.ratio) {
        const Wide l = a.ratio->num * b.ratio->den;
        const Wide r = b.ratio->num * a.ratio->den;
        if (l != r) return l > r;
    }
    return a.result.item < b.result.item;
}

std::vector<Ranked> ranked_routine(WaterBody body, const ItemValues& values) {
    std::vector<Ranked> out;
    for (const ItemInfo& i : all_items()) {
        const auto& v = values[index_of(i.item)];
        if (!v || !is_routine(i.item)) continue;
        const auto cls = class_of(i.item, body, *v);
        if (!cls) continue;
        Ranked r{{i.item, *cls, exceedance_centi(i.item, body, *v)}, std::nullopt};
        if (has_multiple(i.item) && v->detection == Detection::detected)
            r.ratio = Fraction{v->value, limits(i.item, body)[2]};
        out.push_back(r);
    }
    std::stable_sort(out.begin(), out.end(), before);
    return out;
}

void add_reference_items(WaterBody body, const ItemValues& values, SectionAssessment& a) {
    if (const auto& tn = values[index_of(WaterItem::tn)]; tn && body == WaterBody::lake)
        a.tn_class = class_of(WaterItem::tn, body, *tn);
    if (const auto& fc = values[index_of(WaterItem::fecal_coliform)])
        a.fecal_coliform_class = class_of(WaterItem::fecal_coliform, body, *fc);
    for (const ItemInfo& i : all_items()) {
        const auto& v = values[index_of(i.item)];
        if (!v) continue;
        if (v->flagged()) a.below_detection.push_back(i.item);
        if (is_supplementary(i.item) && !passes_supplementary(i.item, *v))
            a.supplementary_exceeded.push_back(i.item);
    }
}

}  // namespace

std::optional<std::int64_t> exceedance_centi(WaterItem item, WaterBody body,
                                             const WaterValue& v) noexcept {
    if (!has_multiple(item) || v.detection != Detection::detected) return std::nullopt;
    if (info(item).direction != Direction::at_most || is_supplementary(item)) return std::nullopt;
    const std::int64_t limit = limits(item, body)[2];
    if (v.value <= limit) return std::nullopt;
    return round_fraction(Fraction{static_cast<Wide>(v.value) - limit, limit}, 2);
}

std::vector<ItemResult> ranked_over_iii(WaterBody body, const ItemValues& values) {
    std::vector<ItemResult> out;
    for (const Ranked& r : ranked_routine(body, values))
        if (r.result.cls > WaterClass::iii) out.push_back(r.result);
    return out;
}

SectionAssessment assess_section(WaterBody body, const ItemValues& values) {
    SectionAssessment a;
    const std::vector<Ranked> ranked = ranked_routine(body, values);
    a.routine_items = static_cast<int>(ranked.size());
    if (!ranked.empty()) {
        a.cls = ranked.front().result.cls;
        if (*a.cls != WaterClass::i) a.worst_item = ranked.front().result.item;
    }
    if (a.cls && *a.cls > WaterClass::iii) {
        for (const Ranked& r : ranked) {
            if (r.result.cls <= WaterClass::iii || a.main_pollutants.size() == kMainPollutants)
                break;
            a.main_pollutants.push_back(r.result);
        }
    }
    add_reference_items(body, values, a);
    a.cwqi_centi = cwqi_centi(body, values);
    return a;
}

std::string main_pollutants_text(std::span<const ItemResult> items) {
    std::string out;
    for (const ItemResult& r : items) {
        if (!out.empty()) out += "、";
        out += info(r.item).name_zh;
        if (r.exceedance_centi) out += "(" + format_scaled(*r.exceedance_centi, 2) + ")";
    }
    return out;
}

}  // namespace ecogov::water
