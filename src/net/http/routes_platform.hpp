#pragma once
// Platform routes of the JSON API (issue 3 items 3 and 7, api.md "Accounts and sessions",
// "Organisation", "Audit"): sign-in, units, people, users and the audit trail. Each handler
// parses the request (strict JSON), calls one service and renders its result.
#include "net/http/app_context.hpp"
#include "net/http/router.hpp"

namespace ecogov::http {

void register_platform_routes(Router& router, AppContext& ctx);

// The parts, one file each (routes_auth.cpp, routes_org.cpp, routes_accounts.cpp).
void register_auth_routes(Router& router, AppContext& ctx);
void register_org_routes(Router& router, AppContext& ctx);
void register_account_routes(Router& router, AppContext& ctx);

}  // namespace ecogov::http
