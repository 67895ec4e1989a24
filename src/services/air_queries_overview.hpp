#pragma once
// The overview page's data (docs/api.md GET /api/v1/air/overview; product.md "every hour" and
// "every day"): the latest hour of each station with its AQI, the station ranking by the composite
// index year to date, and the progress of the year's targets.
//
// Contract: `date` defaults to the day of the latest stored label. Each station shows its latest
// stored hour up to label `date` 24:00. The ranking covers the non-control stations over
// 1 January ... `date`: ascending composite index (lower is cleaner), stations without an index
// last; equal indices share a rank. Targets: targets_progress() of the year of `date`, as of `date`.
#include <optional>
#include <string>
#include <vector>

#include "services/air_queries.hpp"
#include "services/targets.hpp"

namespace ecogov {

struct StationNow {
    Station station;
    std::optional<HourlyAqiRow> latest;
};

struct RankingRow {
    Station station;
    PeriodEvaluation evaluation;
    int rank = 0;
};

struct AirOverview {
    std::optional<Date> date;  // nullopt: no data at all
    std::optional<HourLabel> latest_hour;
    std::vector<StationNow> stations;
    std::vector<RankingRow> ranking;
    std::vector<TargetProgress> targets;
};

Result<AirOverview> air_overview(storage::Connection& c, AirQueries& air, std::optional<Date> date);

}  // namespace ecogov
