#pragma once
// JSON (and CSV/XLSX) rendering of the monitoring, air-quality and target answers, exactly as
// docs/api.md "Monitoring data", "Air quality" and "Targets" list the fields. Rendering only: the
// values come computed from services/air_queries and services/targets.
#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/result.hpp"
#include "services/air_queries_overview.hpp"
#include "services/observations.hpp"

namespace ecogov::http {

boost::json::object station_json(const Station& s);
boost::json::value category_json(const std::optional<int>& aqi);
/// A scaled concentration as a JSON number (CO with one decimal); null when missing.
boost::json::value conc_json(const Conc& c, Pollutant p);
boost::json::value scaled_json(const std::optional<std::int64_t>& v, int decimals);

boost::json::object observation_json(const StoredHour& h);
boost::json::object hourly_json(const HourlyAqiRow& r);
boost::json::object daily_json(const DailyValues& d);
boost::json::object evaluation_json(const SeriesEvaluation& e);
boost::json::object target_json(const Target& t);
boost::json::object progress_json(const TargetProgress& p);
boost::json::object import_report_json(const ImportReport& r);
boost::json::object overview_json(const AirOverview& o);

/// `name,date,rules,aqi,primary,category,so2,no2,co,pm10,pm25,o3_8h_max,o3_1h_max,valid` rows.
std::string daily_csv(const std::string& name, const std::vector<DailyValues>& days);
/// The same table as an XLSX workbook (libxlsxwriter, through a temporary file).
Result<std::string> daily_xlsx(const std::string& name, const std::vector<DailyValues>& days);

}  // namespace ecogov::http
