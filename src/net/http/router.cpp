#include "net/http/router.hpp"

#include <boost/json.hpp>

namespace ecogov::http {

namespace {

std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        if (end > start) out.push_back(path.substr(start, end - start));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return out;
}

bool matches(std::string_view pattern, std::string_view path,
             std::map<std::string, std::string>& params) {
    const auto p = segments(pattern);
    const auto s = segments(path);
    if (p.size() != s.size()) return false;
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i].size() > 2 && p[i].front() == '{' && p[i].back() == '}') {
            found.emplace(std::string(p[i].substr(1, p[i].size() - 2)), std::string(s[i]));
        } else if (p[i] != s[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

}  // namespace

std::string Request::header(std::string_view name) const {
    auto it = headers.find(std::string(name));
    return it == headers.end() ? std::string{} : it->second;
}

std::optional<std::string> Request::param(std::string_view name) const {
    auto it = query.find(std::string(name));
    if (it == query.end()) return std::nullopt;
    return it->second;
}

void Router::add(std::string method, std::string pattern, Access access, std::string summary,
                 Handler handler) {
    routes_.push_back(Route{std::move(method), std::move(pattern), access, std::move(summary),
                            std::move(handler)});
}

const Route* Router::match(const std::string& method, const std::string& path,
                           std::map<std::string, std::string>& path_params,
                           bool& path_exists) const {
    path_exists = false;
    for (const Route& r : routes_) {
        std::map<std::string, std::string> params;
        if (!matches(r.pattern, path, params)) continue;
        if (r.method == method) {
            path_params = std::move(params);
            return &r;
        }
        path_exists = true;
    }
    return nullptr;
}

Response json_response(int status, const boost::json::value& body) {
    Response r;
    r.status = status;
    r.body = boost::json::serialize(body);
    return r;
}

Response error_response(int status, std::string_view code, std::string_view message,
                        std::string_view field) {
    boost::json::object err;
    err["code"] = code;
    err["message"] = message;
    err["field"] = field;
    boost::json::object body;
    body["error"] = std::move(err);
    return json_response(status, body);
}

Response error_response(const Error& e) {
    switch (e.code) {
        case ErrorCode::invalid_argument:
            return error_response(400, "invalid_argument", e.message, e.field);
        case ErrorCode::bad_data:
            return error_response(422, "bad_data", e.message, e.field);
        case ErrorCode::unauthorized:
            return error_response(401, "unauthorized", e.message, e.field);
        case ErrorCode::forbidden:
            return error_response(403, "forbidden", e.message, e.field);
        case ErrorCode::not_found:
            return error_response(404, "not_found", e.message, e.field);
        case ErrorCode::conflict:
            return error_response(409, "conflict", e.message, e.field);
        case ErrorCode::too_large:
            return error_response(413, "too_large", e.message, e.field);
        case ErrorCode::unsupported_type:
            return error_response(415, "unsupported_type", e.message, e.field);
        case ErrorCode::unavailable:
            return error_response(503, "unavailable", e.message, e.field);
        case ErrorCode::io:
            return error_response(500, "io", e.message, e.field);
        case ErrorCode::internal:
            break;
    }
    return error_response(500, "internal", e.message, e.field);
}

}  // namespace ecogov::http
