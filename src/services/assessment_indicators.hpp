#pragma once
// The indicator registry of the assessment (issue 6 item 1; docs/assessment.md "Indicators"):
// indicator ids a scheme may name, each with its provider computing a unit's value for a period
// from stored data, and the bureau's manual inputs (assessment_inputs) for the rest.
//
// Contract:
// - Air (the unit's own non-control stations; the bureau's: all stations), period = calendar
//   days of the period, HJ 663 evaluation (standards/evaluation) through AirQueries:
//   pm25_mean, pm10_mean (µg/m³, period means), pm25_yoy, pm10_yoy, composite_change (% change
//   against the same period a year earlier, (this − last) / last × 100, negative = better),
//   good_ratio (%), heavy_days (days), composite_index. No value when the unit has no station or
//   no valid day (or, for changes, none in either period).
// - Water: water_attainment (% of the unit's sections whose class over the period meets their
//   target, services/water_targets.hpp); no value when none is assessed.
// - Task ledger (issue 4; ledger_unit_statistics over the period's days, judged at its last day;
//   any unit kind, by the milestones it is responsible for): task_completion_rate (done /
//   milestones due × 100), task_on_time_rate (done on or before their due date / due × 100) — no
//   value when no milestone is due; yellow_cards, red_cards (cards issued in the period; 0 when
//   none). supervision_answer_rate (督办, ledger notices due in the period: answered, never
//   escalated and on or before the deadline day (CST) / due × 100; no value when none is due).
// - Problems (issue 5; problem_unit_statistics, townships only — problems are located in a
//   township, 属地; other units get no value): complaints (complaint problems discovered in the
//   period; 0 when none); over the problems discovered from 1 January of the period's year to its
//   last day (累计, year to date): rectification_rate (rectified / problems × 100),
//   overdue_rate (overdue at the period's end / problems × 100) — no value when no problem —
//   and serious_damage_accountable (serious damage cases with a valid accountability record; the
//   veto holds for the rest of the year).
// - heavy_pollution_cases (重大污染事件): no module records them; manual input only (source
//   "manual", otherwise "none").
// - Manual inputs: a value entered by the bureau for (unit, period, indicator) is used instead
//   of any computed one (source "manual"); any id of [a-z0-9_] may be entered this way.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assessment/fixed.hpp"
#include "assessment/period.hpp"
#include "core/result.hpp"
#include "services/air_queries.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct IndicatorInfo {
    std::string id;
    std::string name_zh;
    std::string name_en;
    std::string unit;    // µg/m³, %, days, index, count
    std::string source;  // air | water | ledger | cases | manual
    bool pending = false;  // provider not wired yet: always "no data" unless entered manually
};

/// Every registered indicator, in a fixed order.
const std::vector<IndicatorInfo>& indicator_catalog();
const IndicatorInfo* find_indicator(const std::string& id);

struct AssessedUnit {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string kind;
};

/// One input value and where it came from (air, water, manual, pending, none).
struct IndicatorValue {
    std::optional<assessment::Fixed> value;
    std::string source;
};

/// unit code → indicator → value, for the `indicators` of `units` over `period`.
using IndicatorTable = std::map<std::string, std::map<std::string, IndicatorValue>>;

Result<IndicatorTable> compute_indicators(storage::Connection& c, AirQueries& air, const std::vector<AssessedUnit>& units,
                                          const assessment::Period& period, const std::vector<std::string>& indicators);

}  // namespace ecogov
