#pragma once
// The station list an analysis groups by (`--stations FILE`): which city each station belongs to
// and which stations are control/background points (对照点), excluded from city values
// (HJ 663-2013 Table A.2 note: 城市点 only).
//
// Accepted layouts (header row required, UTF-8, optional BOM):
// - CNEMC station list: `监测点编码,监测点名称,城市,经度,纬度` — a control point is marked in its
//   name, e.g. `岗李水库(对照点)`;
// - ecogov: `code,name,city[,longitude,latitude][,control]` with control yes/no/true/false/1/0.
// A bad row is an error naming its line; nothing is half-read.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace ecogov {

struct StationInfo {
    std::string code;
    std::string name;
    std::string city;
    bool control = false;  // 对照点 / background point: not a city evaluation station
};

Result<std::vector<StationInfo>> parse_station_list(std::string_view csv_text);

}  // namespace ecogov
