#pragma once
// The request pipeline (issue 3 item 1), independent of sockets so that tests can drive it:
// target → decoded path and query (Boost.URL) → session from cookie `ecogov_session` → Router
// match (404/405) → Access check (401 / 403 forbidden / 403 csrf) → handler → metrics and one log
// line. Paths outside /api go to the static files. Never throws: any exception becomes 500 JSON.
#include <map>
#include <string>

#include "net/http/app_context.hpp"
#include "net/http/metrics.hpp"
#include "net/http/router.hpp"

namespace ecogov::http {

struct RawRequest {
    std::string method;
    std::string target;                          // as received: "/api/v1/units?x=1"
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;
    std::string remote_address;
};

class Pipeline {
  public:
    Pipeline(AppContext& ctx, const Router& router, Metrics& metrics)
        : ctx_(ctx), router_(router), metrics_(metrics) {}
    Response handle(RawRequest raw) noexcept;

  private:
    Response dispatch(RawRequest& raw, std::string& route_label, std::string& user);
    Response run_route(const Route& route, Request& req);
    void resolve_session(Request& req);

    AppContext& ctx_;
    const Router& router_;
    Metrics& metrics_;
};

/// The value of cookie `name` in a Cookie header ("" when absent).
std::string cookie_value(const std::string& cookie_header, std::string_view name);

}  // namespace ecogov::http
