#include "net/http/pipeline.hpp"

#include <chrono>

#include <spdlog/spdlog.h>
#include <boost/url.hpp>

#include "net/http/static_files.hpp"
#include "services/auth.hpp"

namespace ecogov::http {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_api_path(const std::string& path) {
    return path == "/api" || path.rfind("/api/", 0) == 0 || path == "/healthz" ||
           path == "/metrics";
}

/// Constant-time comparison of two tokens.
bool same_token(const std::string& a, const std::string& b) {
    if (a.size() != b.size() || a.empty()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

std::optional<Response> access_denied(Access access, const Request& req) {
    if (access == Access::anonymous) return std::nullopt;
    if (!req.actor) return error_response(401, "unauthorized", "sign in first");
    if (access == Access::read) return std::nullopt;
    if (access == Access::write && req.actor->role == Role::leader)
        return error_response(403, "forbidden", "the leader role reads but does not write");
    if (!same_token(req.header("x-csrf-token"), req.csrf_token))
        return error_response(403, "csrf", "missing or wrong X-CSRF-Token header", "X-CSRF-Token");
    return std::nullopt;
}

}  // namespace

std::string cookie_value(const std::string& cookie_header, std::string_view name) {
    std::string_view rest = cookie_header;
    while (!rest.empty()) {
        const auto semi = rest.find(';');
        const std::string_view part = trim(rest.substr(0, semi));
        rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
        const auto eq = part.find('=');
        if (eq != std::string_view::npos && trim(part.substr(0, eq)) == name)
            return std::string(trim(part.substr(eq + 1)));
    }
    return {};
}

Response Pipeline::handle(RawRequest raw) noexcept {
    const auto start = std::chrono::steady_clock::now();
    std::string route_label = "unmatched";
    std::string user = "-";
    const std::string method = raw.method;
    Response res;
    try {
        res = dispatch(raw, route_label, user);
    } catch (const std::exception& e) {
        spdlog::error("unhandled exception on {} {}: {}", method, route_label, e.what());
        res = error_response(500, "internal", "internal error");
    } catch (...) {
        res = error_response(500, "internal", "internal error");
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    try {
        metrics_.record(route_label, res.status, seconds);
        spdlog::info("{} {} {} {:.1f}ms user={}", method, route_label, res.status, seconds * 1000.0,
                     user);
    } catch (...) {
    }
    return res;
}

Response Pipeline::dispatch(RawRequest& raw, std::string& route_label, std::string& user) {
    auto parsed = boost::urls::parse_origin_form(raw.target);
    if (!parsed)
        return error_response(400, "invalid_argument", "the request target is not a valid path",
                              "path");
    Request req;
    req.method = raw.method;
    req.path = parsed->path();
    if (req.path.find('\0') != std::string::npos)
        return error_response(400, "invalid_argument", "NUL in path", "path");
    for (const auto& p : parsed->params()) req.query[p.key] = p.value;
    req.headers = std::move(raw.headers);
    req.body = std::move(raw.body);
    req.remote_address = std::move(raw.remote_address);

    bool path_exists = false;
    const Route* route = router_.match(req.method, req.path, req.path_params, path_exists);
    if (route == nullptr && !path_exists && !is_api_path(req.path)) {
        route_label = "static";
        if (req.method != "GET" && req.method != "HEAD")
            return error_response(405, "method_not_allowed",
                                  "static files answer GET and HEAD only");
        return serve_static(ctx_.settings.web_root, req.path);
    }
    if (route == nullptr) {
        if (path_exists)
            return error_response(405, "method_not_allowed",
                                  req.method + " is not allowed on " + req.path);
        return error_response(404, "not_found", "no route " + req.path);
    }
    route_label = route->pattern;
    if (route->access != Access::anonymous) resolve_session(req);
    if (req.actor) user = req.actor->username;
    return run_route(*route, req);
}

void Pipeline::resolve_session(Request& req) {
    const std::string token = cookie_value(req.header("cookie"), "ecogov_session");
    if (token.empty()) return;
    auto lease = ctx_.db.acquire();
    auto found = find_session(*lease, token, unix_ms(ctx_.clock.now()));
    if (!found) {
        spdlog::warn("session lookup failed: {}", found.error().message);
        return;
    }
    if (!*found) return;
    req.actor = (*found)->actor;
    req.session_token_hash = (*found)->token_hash;
    req.csrf_token = (*found)->csrf_token;
}

Response Pipeline::run_route(const Route& route, Request& req) {
    if (auto denied = access_denied(route.access, req)) return *denied;
    return route.handler(req);
}

}  // namespace ecogov::http
