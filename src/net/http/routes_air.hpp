#pragma once
// The monitoring-data, air-quality and target routes of docs/api.md ("Monitoring data",
// "Air quality", "Targets"; issue 3 items 5, 6, 8). Handlers parse, call one service, render.
// The air-quality cache (services/air_queries) lives as long as the router's handlers and is
// invalidated by every import and station change made through these routes.
#include "net/http/app_context.hpp"
#include "net/http/router.hpp"

namespace ecogov::http {

void register_air_routes(Router& router, AppContext& ctx);

/// The context's air-quality cache, created on first use: one cache for every route that reads
/// air quality, so an import through any route invalidates it for all.
std::shared_ptr<AirQueries> shared_air_queries(AppContext& ctx);

}  // namespace ecogov::http
