// The water_attainment target (services/water_targets.hpp).
#include "services/water_targets.hpp"

#include "core/decimal.hpp"
#include "services/water_classes.hpp"

namespace ecogov {

TargetProgressResult water_attainment_result(std::int64_t target, const WaterAttainmentFacts& f,
                                             std::int64_t& sections_to_attain) {
    TargetProgressResult out;
    const std::string t = format_scaled(target, 1);
    if (f.assessed == 0) {
        sections_to_attain = 0;
        out.explanation = "尚无断面水质数据（目标" + t +
                          "%）。 No section has water data yet (target " + t + " %).";
        return out;
    }
    out.to_date = round_half_even(1000LL * f.attaining, f.assessed);
    sections_to_attain = good_days_needed(target, f.attaining, f.assessed, 0);
    out.out_of_reach = sections_to_attain > f.assessed - f.attaining;
    out.on_track = *out.to_date >= target;
    const std::string share = format_scaled(*out.to_date, 1);
    const std::string counts = std::to_string(f.attaining) + "/" + std::to_string(f.assessed);
    out.explanation = "断面达标率" + share + "%（" + counts + "），目标" + t + "%";
    if (out.on_track) {
        out.explanation += "，已达到。 " + counts + " sections attain their target class (" +
                           share + " %), meeting the target of " + t + " %.";
    } else {
        const std::string k = std::to_string(sections_to_attain);
        out.explanation += "，还需" + k + "个断面达标。 " + counts +
                           " sections attain their target class (" + share + " %); " + k +
                           " more must attain for " + t + " %.";
    }
    return out;
}

Result<WaterAttainmentFacts> water_attainment_facts(storage::Connection& c, std::int64_t unit_id,
                                                    bool bureau, DateRange so_far) {
    WaterAttainmentFacts f;
    if (so_far.last < so_far.first) {
        auto sections = list_water_sections(c);
        if (!sections) return std::unexpected(sections.error());
        for (const WaterSection& s : *sections)
            f.sections += bureau || s.unit_id == unit_id ? 1 : 0;
        return f;
    }
    auto classes = water_classes(c, so_far);
    if (!classes) return std::unexpected(classes.error());
    for (const SectionYear& y : *classes) {
        if (!bureau && y.section.unit_id != unit_id) continue;
        ++f.sections;
        if (!y.annual) continue;
        ++f.assessed;
        f.attaining += y.annual->attains ? 1 : 0;
    }
    return f;
}

}  // namespace ecogov
