// Service routes (api.md "Service"): health, Prometheus metrics, the OpenAPI document.
#include <boost/json.hpp>

#include "net/http/metrics.hpp"
#include "net/http/openapi.hpp"
#include "net/http/server.hpp"
#include "services/organisation.hpp"

namespace ecogov::http {

void register_service_routes(Router& router, AppContext& ctx, Metrics& metrics) {
    router.add("GET", "/healthz", Access::anonymous, "Liveness and the database backend",
               [&ctx](Request&) {
                   auto lease = ctx.db.acquire();
                   const bool ok = static_cast<bool>(lease->query("SELECT 1"));
                   const char* backend =
                       ctx.db.backend() == storage::Backend::sqlite ? "sqlite" : "postgresql";
                   return json_response(
                       ok ? 200 : 503,
                       boost::json::object{{"status", ok ? "ok" : "database unavailable"},
                                           {"database", backend}});
               });
    router.add("GET", "/metrics", Access::anonymous, "Prometheus metrics",
               [&ctx, &metrics](Request&) {
                   std::optional<std::int64_t> observations;
                   {
                       auto lease = ctx.db.acquire();
                       if (auto n = count_observations(*lease)) observations = *n;
                   }
                   Response r;
                   r.content_type = "text/plain; version=0.0.4; charset=utf-8";
                   r.body = metrics.render(observations);
                   return r;
               });
    router.add("GET", "/api/v1/openapi.json", Access::anonymous, "This OpenAPI 3.0.3 document",
               [&router](Request&) { return json_response(200, openapi_document(router)); });
}

}  // namespace ecogov::http
