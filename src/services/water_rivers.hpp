#pragma once
// Status of each river from its sections' annual values (issue 8 item 3; docs/api.md "Water and
// soil", `GET /api/v1/water/rivers`). The rule (fewer than five sections: item means over the
// sections then the single-factor class; five or more: the class-proportion label) is the GB 3838
// engine's water::river_status (src/standards/water/river.hpp); this service only groups.
//
// Contract:
// - A river is a distinct non-empty `river` name of the sections with water_body "river"; lake
//   and reservoir sections are not part of a river's status (they are assessed as lakes).
// - Each section contributes its annual period values (services/water_classes.hpp, the values
//   its annual class came from); sections without an annual class in the range are left out by
//   the engine and not counted in `sections`.
// - Rivers are listed by name (byte order), every river with at least one river section, also
//   when none of its sections has samples in the range (then 0 sections and no label).
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "services/water_classes.hpp"
#include "standards/water/river.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct RiverYear {
    std::string river;
    water::RiverStatus status;
};

/// The rivers of `years` (one entry per section, as water_classes gives them) with their status.
std::vector<RiverYear> river_statuses(const std::vector<SectionYear>& years);

/// water_classes over `range`, then river_statuses.
Result<std::vector<RiverYear>> water_rivers(storage::Connection& c, DateRange range);

}  // namespace ecogov
