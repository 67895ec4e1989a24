#include "services/air_queries_overview.hpp"

#include <algorithm>

#include "services/observations.hpp"

namespace ecogov {

namespace {

Result<std::optional<HourlyAqiRow>> latest_hour_of(storage::Connection& c, AirQueries& air, const Station& s,
                                                   HourLabel until) {
    const storage::SqlValue p[] = {s.id, until.hours};
    auto rows = c.query("SELECT MAX(label) FROM observations WHERE station_id = $1 AND label <= $2", p);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty() || rows->front().is_null(0)) return std::optional<HourlyAqiRow>{};
    const HourLabel last{rows->front().integer(0)};
    auto hours = air.hourly(c, s, DateRange{last.day(), last.day()});
    if (!hours) return std::unexpected(hours.error());
    for (const HourlyAqiRow& h : *hours)
        if (h.label == last) return std::optional<HourlyAqiRow>{h};
    return std::optional<HourlyAqiRow>{};
}

void rank(std::vector<RankingRow>& rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const RankingRow& a, const RankingRow& b) {
        const auto& x = a.evaluation.composite_index;
        const auto& y = b.evaluation.composite_index;
        if (x.has_value() != y.has_value()) return x.has_value();
        return x && *x < *y;
    });
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool tie = i > 0 && rows[i].evaluation.composite_index == rows[i - 1].evaluation.composite_index;
        rows[i].rank = tie ? rows[i - 1].rank : static_cast<int>(i) + 1;
    }
}

}  // namespace

Result<AirOverview> air_overview(storage::Connection& c, AirQueries& air, std::optional<Date> date) {
    AirOverview out;
    if (!date) {
        auto latest = latest_label(c);
        if (!latest) return std::unexpected(latest.error());
        if (!*latest) return out;
        date = (*latest)->day();
    }
    out.date = date;
    auto stations = list_stations(c);
    if (!stations) return std::unexpected(stations.error());
    const HourLabel until = HourLabel::of(*date, 24);
    const DateRange ytd{Date::from_ymd(date->year(), 1, 1), *date};
    for (const Station& s : *stations) {
        auto now = latest_hour_of(c, air, s, until);
        if (!now) return std::unexpected(now.error());
        if (*now && (!out.latest_hour || (*now)->label > *out.latest_hour)) out.latest_hour = (*now)->label;
        out.stations.push_back(StationNow{s, std::move(*now)});
        if (s.control) continue;
        auto days = air.station_daily(c, s, ytd);
        if (!days) return std::unexpected(days.error());
        out.ranking.push_back(RankingRow{s, evaluate_period(*days, ytd), 0});
    }
    rank(out.ranking);
    auto targets = targets_progress(c, air, date->year(), std::nullopt, *date);
    if (!targets) return std::unexpected(targets.error());
    out.targets = std::move(*targets);
    return out;
}

}  // namespace ecogov
