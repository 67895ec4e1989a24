#pragma once
// JSON rendering of the water and soil answers, field for field as docs/api.md "Water and soil".
// Rendering only: classes, labels and limits come computed from the engines via the services.
//
// Choices where the contract is open (reported to the web front end):
// - Water `value` is a number in the item's unit; a bare "ND" is null with below_detection true,
//   "<x" is x with below_detection true. Rows also carry `class_iii_limit` (null for pH, DO's
//   is its ≥ limit, temperature and Table 2 items none).
// - `main_pollutants` is the engine's text ("总磷(1.50)、氨氮(0.80)"), "" when none.
// - Soil `class` is the Chinese name (优先保护, 安全利用, 严格管控), null when the engine gives
// only a
//   range or there are no samples; metal `value`, `screening`, `control` in mg/kg (numbers or
//   null), `exceedance` the multiple over the screening value (2 decimals) or null; each metal
//   also has `below_detection`.
#include <boost/json/object.hpp>

#include "net/http/router.hpp"
#include "services/soil_assessment.hpp"
#include "services/water_classes.hpp"
#include "services/water_import.hpp"
#include "services/water_rivers.hpp"

namespace ecogov::http {

boost::json::object section_json(const WaterSection& s);
boost::json::object section_year_json(const SectionYear& y);
/// `{"river","sections","class","label","method","good_sections","worse_than_v_sections"}`;
/// `class` only by the mean method (else null), `label` "" when no section counts.
boost::json::object river_year_json(const RiverYear& r);
boost::json::object item_sample_json(const ItemSample& x, water::WaterBody body);
boost::json::object plot_json(const SoilPlot& p);
boost::json::object plot_summary_json(const PlotSummary& p);
boost::json::object plot_detail_json(const PlotDetail& d);
boost::json::object sample_report_json(const SampleImportReport& r);
/// The 422 answer of an import with bad rows.
boost::json::object sample_errors_json(const SampleImportReport& r);
/// 200 with the report, 422 with its errors, or the service's error.
Response sample_import_response(const Result<SampleImportReport>& r);
/// The CSV text of a sample import body. An XLSX body (starting "PK\x03\x04", or sent as
/// Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) becomes its
/// first sheet as CSV, one line per spreadsheet row (ingest/xlsx_reader.hpp), kept in `storage`
/// so that error lines are spreadsheet rows; an unreadable workbook is 422 bad_data (field
/// `body`). Any other body is returned as is.
Result<std::string_view> sample_import_text(const Request& r, std::string& storage);
/// The default `source` of an import: "upload.xlsx" for an XLSX body, else "upload.csv".
std::string sample_import_source(const Request& r);

}  // namespace ecogov::http
