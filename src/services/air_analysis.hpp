#pragma once
// Grouping and evaluation steps of an air analysis run (`ecogov air daily|evaluate`), pure.
//
// Contract:
// - by_city: per city of the station list, per day, city_daily_values() over the city's evaluation
//   stations (control points excluded; the city's station count is its non-control stations in
//   the list). Stations with data but absent from the list are returned in `unlisted`.
// - evaluate: for each series and each period of the spec (calendar periods covering the days
//   with any valid daily value in all the data, or the given range), evaluate_period().
#include <optional>
#include <string>
#include <vector>

#include "services/daily_builder.hpp"
#include "services/station_list.hpp"
#include "standards/evaluation/period_evaluation.hpp"
#include "standards/evaluation/periods.hpp"

namespace ecogov {

struct CityGrouping {
    std::vector<DailySeries> cities;    // city name order
    std::vector<std::string> unlisted;  // stations with data but not in the list
};
CityGrouping by_city(const std::vector<DailySeries>& stations_daily, const std::vector<StationInfo>& stations,
                     std::optional<RuleSet> forced_rules);

struct SeriesEvaluation {
    std::string name;
    Period period;
    PeriodEvaluation evaluation;
};
std::vector<SeriesEvaluation> evaluate(const std::vector<DailySeries>& series, const PeriodSpec& spec,
                                       const EvaluationConfig& config);

}  // namespace ecogov
