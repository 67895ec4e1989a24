#pragma once
// Problems and cases over HTTP (issue 5; docs/api.md "Problems and cases"): /api/v1/problems/...
// Handlers parse, call one service (services/problems*.hpp) and render; rights are the
// services'. Import errors: 422 {"error":{…},"errors":[{"line","column","field","message"}]}.
#include <boost/json/object.hpp>

#include "net/http/app_context.hpp"
#include "net/http/router.hpp"
#include "services/problems.hpp"
#include "services/problems_import.hpp"

namespace ecogov::http {

void register_cases_routes(Router& router, AppContext& ctx);

/// JSON of one problem (the list's and the page's shape).
boost::json::object problem_json(const ProblemRecord& p);

/// XLSX of a table (first row the header) via libxlsxwriter; io error when it cannot be written.
Result<std::string> xlsx_table(const char* sheet_name, const std::vector<std::vector<std::string>>& rows);

/// The ledger and batch report routes (routes_cases_export.cpp).
void register_cases_export_routes(Router& router, AppContext& ctx);

}  // namespace ecogov::http
