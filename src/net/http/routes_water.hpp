#pragma once
// The water and soil routes of docs/api.md "Water and soil" (issue 8 item 5). Handlers parse
// (strict JSON, strict query), call one service (services/water_*, services/soil_*) and render
// (routes_water_json.hpp). Import failures with bad rows answer 422 with the error and every row
// problem: {"error":{…},"errors":[{"line","column","field","message"}]}.
#include "net/http/app_context.hpp"
#include "net/http/router.hpp"

namespace ecogov::http {

void register_water_routes(Router& router, AppContext& ctx);

/// The soil half (routes_water_soil.cpp).
void register_soil_routes(Router& router, AppContext& ctx);

}  // namespace ecogov::http
