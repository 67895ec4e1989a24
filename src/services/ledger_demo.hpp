#pragma once
// Demo task ledger (issue 4 acceptance 5): tasks drawn from the campaign's real agenda (dust
// control, summer ozone, diesel trucks, outfall inspection, soil and groundwater risk, water
// saving, the pumped-storage and wind-power key projects, park and mine restoration, river
// dredging) for the demo's townships and departments, dated around the demo's "today": some
// milestones done (on time and late, each by an accepted report), some late with cards, some
// reports waiting for review, supervision notices, and the cards the sweep records.
#include <cstdint>
#include <map>
#include <string>

#include "core/result.hpp"
#include "core/time.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct LedgerDemoSummary {
    int tasks = 0;
    int reports = 0;
    std::int64_t cards = 0;
};

/// `unit_by_name` maps the demo's unit names to ids; `clerk` is the demo clerk of 嵩阳街道 (their
/// reports are filed as them). `today` is the demo's last day.
Result<LedgerDemoSummary> add_ledger_demo(storage::Connection& c, const Actor& cli,
                                          const std::string& at,
                                          const std::map<std::string, std::int64_t>& unit_by_name,
                                          const Actor& clerk, Date today);

}  // namespace ecogov
