#pragma once
// HTTP routing for the JSON API (issue 3 item 1). Handlers parse the request, call one service and
// render the result: no SQL and no arithmetic of a standard in a handler (architecture.md).
//
// Contract:
// - Routes are registered with a method, a pattern ("/api/v1/units/{id}"), an Access level and a
//   one-line summary; the server checks access BEFORE calling the handler:
//   * anonymous: anyone;
//   * read: a signed-in user of any role (else 401);
//   * write: a signed-in user whose role is not `leader` (else 403) with a valid `X-CSRF-Token`
//     header equal to the session's token (else 403 `csrf`); finer checks (unit ownership,
//     admin-only) are the service's, answered with 403 `forbidden`;
//   * write_own: like write but open to every role, leader included (api.md "W*": logout and
//     one's own password act on the caller's own session and account).
// - Errors are `{"error":{"code","message","field"}}` with a 4xx/5xx status (error_response).
// - The route table is also the source of truth the OpenAPI test checks against.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "core/result.hpp"
#include "services/actor.hpp"

namespace ecogov::http {

enum class Access : unsigned char { anonymous, read, write, write_own };

struct Request {
    std::string method;                              // "GET", "POST", "PATCH", "DELETE"
    std::string path;                                // decoded path without query
    std::map<std::string, std::string> query;        // decoded query parameters
    std::map<std::string, std::string> path_params;  // {id} → "42"
    std::map<std::string, std::string> headers;      // lower-case names
    std::string body;
    std::string remote_address;
    std::optional<Actor> actor;      // set for a valid session
    std::string session_token_hash;  // when signed in
    std::string csrf_token;          // the session's CSRF token

    std::string header(std::string_view name) const;  // "" when absent; `name` lower-case
    std::optional<std::string> param(std::string_view name) const;  // query parameter
};

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie ...)
};

using Handler = std::function<Response(Request&)>;

struct Route {
    std::string method;
    std::string pattern;
    Access access;
    std::string summary;
    Handler handler;
};

class Router {
  public:
    void add(std::string method, std::string pattern, Access access, std::string summary,
             Handler handler);
    /// Finds the route for method+path, filling path_params; nullptr when none. `path_exists` is
    /// set when some route matches the path with another method (→ 405).
    const Route* match(const std::string& method, const std::string& path,
                       std::map<std::string, std::string>& path_params, bool& path_exists) const;
    const std::vector<Route>& routes() const noexcept { return routes_; }

  private:
    std::vector<Route> routes_;
};

/// JSON body with status.
Response json_response(int status, const boost::json::value& body);
/// `{"error":{"code","message","field"}}`.
Response error_response(int status, std::string_view code, std::string_view message,
                        std::string_view field = {});
/// Maps a service Error to its HTTP status (the one place that does it): invalid_argument 400,
/// bad_data 422, unauthorized 401, forbidden 403, not_found 404, conflict 409, too_large 413,
/// unsupported_type 415, unavailable 503, io/internal 500.
Response error_response(const Error& e);

/// Parses a JSON object body, rejecting invalid JSON, non-objects, unknown fields (not in
/// `allowed`) and bodies over the configured limit: the Error names the field.
Result<boost::json::object> parse_json_object(const Request& r,
                                              std::initializer_list<std::string_view> allowed);

}  // namespace ecogov::http
