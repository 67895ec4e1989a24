#pragma once
// Strict query-parameter readers shared by the air routes (routes_air*.cpp): a bad value is a
// 400 `invalid_argument` naming the parameter; an unknown station code or city a 404.
#include <memory>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "core/time.hpp"
#include "net/http/app_context.hpp"
#include "net/http/router.hpp"
#include "services/air_queries.hpp"

namespace ecogov::http {

/// `name` as YYYY-MM-DD; nullopt when absent.
Result<std::optional<Date>> date_param(const Request& r, const std::string& name);
/// `name` as an integer in [lo, hi]; nullopt when absent.
Result<std::optional<std::int64_t>> int_param(const Request& r, const std::string& name, std::int64_t lo,
                                              std::int64_t hi);
/// ?from=&to= with defaults: to = the latest day with data (else today), from = to - (default_days-1);
/// at most max_days days.
Result<DateRange> range_params(storage::Connection& c, const AppContext& ctx, const Request& r, int default_days,
                               int max_days);
/// The station named by ?station=CODE (404 when unknown, 400 when absent).
Result<Station> station_param(storage::Connection& c, const Request& r);
/// Today in China Standard Time.
Date today_cst(const AppContext& ctx);
/// Now as UTC ISO 8601 (audit and created_at).
std::string now_iso(const AppContext& ctx);

}  // namespace ecogov::http

namespace ecogov::http {

/// GET /api/v1/air/* (routes_air_quality.cpp), sharing the cache `air`.
void register_air_quality_routes(Router& router, AppContext& ctx, const std::shared_ptr<AirQueries>& air);

}  // namespace ecogov::http
