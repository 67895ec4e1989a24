#pragma once
// Assessment routes (docs/api.md "Assessment"; issue 6 items 4-6): the indicator catalogue,
// schemes (list, versions, check, save), manual inputs, runs, a unit's explanation, the rank
// trend of a unit, and the bulletin (通报) as XLSX, printable HTML and PDF.
#include <string>

#include <boost/json/value.hpp>

#include "core/result.hpp"
#include "net/http/app_context.hpp"
#include "net/http/router.hpp"

namespace ecogov::http {

void register_assessment_routes(Router& router, AppContext& ctx);

/// The bulletin of a stored run, from its results JSON (routes_assessment_bulletin.cpp):
/// sheets 排名 (ranking by group), 先进与预警 (top and warned units), 得分说明 (every item's
/// value, points and rule text, bonuses, preconditions, vetoes, money), 输入值 (inputs used).
Result<std::string> bulletin_xlsx(const boost::json::value& results, const boost::json::value& inputs);
/// A self-contained printable page (inline CSS and SVG charts).
std::string bulletin_html(const boost::json::value& results);
/// The page printed by Chromium headless (`/usr/bin/chromium`); not_found when absent.
Result<std::string> bulletin_pdf(const std::string& html);

}  // namespace ecogov::http
