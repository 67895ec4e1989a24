#pragma once
// Online-monitoring routes of docs/api.md "Online monitoring (HJ 212)" (issue 7 item 7): device
// status, latest values per outlet against limits, series, exceedances, alarms, raw frames of a
// device, counts, and the registry (enterprises, outlets, devices, limits; writes for admin and
// bureau). Handlers parse strictly, call one service (services/hj212_*) and render JSON.
#include "net/http/app_context.hpp"
#include "net/http/router.hpp"

namespace ecogov::http {

void register_hj212_routes(Router& router, AppContext& ctx);

}  // namespace ecogov::http
