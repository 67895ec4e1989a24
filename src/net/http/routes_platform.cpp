#include "net/http/routes_platform.hpp"

namespace ecogov::http {

void register_platform_routes(Router& router, AppContext& ctx) {
    register_auth_routes(router, ctx);
    register_org_routes(router, ctx);
    register_account_routes(router, ctx);
}

}  // namespace ecogov::http
