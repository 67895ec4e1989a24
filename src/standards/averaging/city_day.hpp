#pragma once
// City or county daily values from its stations: HJ 663-2013 §6.1.4 and Table A.2,
// HJ 633-2026 §4.2.2 (county level explicit).
//
// Contract:
// - `stations` are the daily values of the city's evaluation stations (城市点) for one day; the
//   caller has excluded control/background points (对照点) and passes `city_station_count`, the
//   number of such stations the city has (also those without data that day).
// - Per indicator: arithmetic mean of the stations' valid values, rounded half-even; valid when the
//   valid stations are >= 75 % of city_station_count (>= 50 % when it is below 4). O3 8h is the mean
//   of the stations' daily max 8-hour values (likewise O3 1h and the EPA extras). Coverage =
//   stations used / city_station_count.
// - Then the daily AQI from those concentrations (not the mean of station AQIs).
#include <span>

#include "standards/averaging/station_day.hpp"

namespace ecogov {

/// Minimum valid stations for a city value (HJ 663-2013 §6.1.4).
int min_city_stations(int city_station_count) noexcept;

DailyValues city_daily_values(Date day, std::span<const DailyValues* const> stations,
                              int city_station_count, RuleSet rules) noexcept;

}  // namespace ecogov
