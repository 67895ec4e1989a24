#include "standards/water/river.hpp"

#include <vector>

namespace ecogov::water {

namespace {

std::string_view proportion_label(int n, int good, int bad) noexcept {
    if (10 * good >= 9 * n) return "优";
    if (4 * good >= 3 * n) return "良好";
    if (5 * bad < n) return "轻度污染";
    if (5 * bad < 2 * n) return "中度污染";
    return "重度污染";
}

ItemValues mean_over_sections(std::span<const ItemValues> sections) {
    ItemValues out;
    for (std::size_t k = 0; k < out.size(); ++k) {
        std::vector<WaterValue> values;
        for (const ItemValues& s : sections)
            if (s[k]) values.push_back(*s[k]);
        if (!values.empty()) out[k] = period_value(static_cast<WaterItem>(k), values);
    }
    return out;
}

}  // namespace

RiverStatus status_by_proportion(std::span<const WaterClass> classes) {
    RiverStatus s;
    s.method = RiverMethod::class_proportion;
    s.sections = static_cast<int>(classes.size());
    for (WaterClass c : classes) {
        if (c <= WaterClass::iii) ++s.good_sections;
        if (c == WaterClass::worse_than_v) ++s.worse_than_v_sections;
    }
    if (s.sections > 0)
        s.label = proportion_label(s.sections, s.good_sections, s.worse_than_v_sections);
    return s;
}

RiverStatus river_status(WaterBody body, std::span<const ItemValues> sections) {
    std::vector<ItemValues> counted;
    std::vector<WaterClass> classes;
    for (const ItemValues& s : sections) {
        const SectionAssessment a = assess_section(body, s);
        if (!a.cls) continue;
        counted.push_back(s);
        classes.push_back(*a.cls);
    }
    if (static_cast<int>(counted.size()) >= kProportionMethodMinSections)
        return status_by_proportion(classes);
    RiverStatus s = status_by_proportion(classes);
    s.method = RiverMethod::section_mean;
    s.label = {};
    if (counted.empty()) return s;
    s.cls = assess_section(body, mean_over_sections(counted)).cls;
    if (s.cls) s.label = label_of(*s.cls);
    return s;
}

}  // namespace ecogov::water
