// River status from the sections' annual values (services/water_rivers.hpp).
#include "services/water_rivers.hpp"

#include <map>

namespace ecogov {

std::vector<RiverYear> river_statuses(const std::vector<SectionYear>& years) {
    std::map<std::string, std::vector<water::ItemValues>> rivers;
    for (const SectionYear& y : years) {
        if (body_of(y.section) != water::WaterBody::river || y.section.river.empty()) continue;
        auto& values = rivers[y.section.river];
        if (y.annual) values.push_back(y.annual_values);
    }
    std::vector<RiverYear> out;
    out.reserve(rivers.size());
    for (const auto& [name, values] : rivers)
        out.push_back({name, water::river_status(water::WaterBody::river, values)});
    return out;
}

Result<std::vector<RiverYear>> water_rivers(storage::Connection& c, DateRange range) {
    auto years = water_classes(c, range);
    if (!years) return std::unexpected(years.error());
    return river_statuses(*years);
}

}  // namespace ecogov
