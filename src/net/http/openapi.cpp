#include "net/http/openapi.hpp"

#include <boost/json.hpp>

namespace ecogov::http {

namespace json = boost::json;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
}

std::string operation_id(const Route& r) {
    std::string id = lower(r.method);
    bool upper = true;
    for (const char c : r.pattern) {
        const bool alnum =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            upper = true;
            continue;
        }
        id += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return id;
}

json::array path_parameters(const std::string& pattern) {
    json::array out;
    std::size_t at = 0;
    while ((at = pattern.find('{', at)) != std::string::npos) {
        const auto end = pattern.find('}', at);
        if (end == std::string::npos) break;
        const std::string name = pattern.substr(at + 1, end - at - 1);
        json::object schema{{"type", name == "id" ? "integer" : "string"}};
        out.push_back(
            json::object{{"name", name}, {"in", "path"}, {"required", true}, {"schema", schema}});
        at = end;
    }
    return out;
}

json::array security_for(Access a) {
    switch (a) {
        case Access::anonymous:
            return json::array{};
        case Access::read:
            return json::array{json::object{{"session", json::array{}}}};
        case Access::write:
        case Access::write_own:
            break;
    }
    return json::array{json::object{{"session", json::array{}}, {"csrf", json::array{}}}};
}

json::object error_ref(const char* description) {
    return json::object{
        {"description", description},
        {"content",
         json::object{
             {"application/json",
              json::object{{"schema", json::object{{"$ref", "#/components/schemas/Error"}}}}}}}};
}

json::object responses_for(const Route& r) {
    json::object out;
    const char* ok = r.method == "POST" && r.pattern.find("/auth/") == std::string::npos &&
                             r.pattern.find("import") == std::string::npos
                         ? "201"
                         : "200";
    out[ok] = json::object{{"description", "success"}};
    out["400"] =
        error_ref("invalid_argument: bad JSON, wrong type or unknown field (`field` names it)");
    if (r.access != Access::anonymous) out["401"] = error_ref("unauthorized: no valid session");
    if (r.access == Access::write || r.access == Access::write_own)
        out["403"] = error_ref("forbidden or csrf");
    if (!path_parameters(r.pattern).empty()) out["404"] = error_ref("not_found");
    out["default"] = error_ref("any other error");
    return out;
}

json::object operation(const Route& r) {
    json::object op{{"summary", r.summary},
                    {"operationId", operation_id(r)},
                    {"security", security_for(r.access)},
                    {"responses", responses_for(r)}};
    op["x-access"] = r.access == Access::anonymous ? "anonymous"
                     : r.access == Access::read    ? "read"
                     : r.access == Access::write   ? "write"
                                                   : "write_own";
    if (auto params = path_parameters(r.pattern); !params.empty())
        op["parameters"] = std::move(params);
    if (r.method == "POST" || r.method == "PATCH") {
        op["requestBody"] = json::object{
            {"required", r.method == "POST"},
            {"content",
             json::object{{"application/json",
                           json::object{{"schema", json::object{{"type", "object"}}}}}}}};
    }
    return op;
}

json::object components() {
    json::object inner{{"type", "object"},
                       {"required", json::array{"code", "message", "field"}},
                       {"properties", json::object{{"code", json::object{{"type", "string"}}},
                                                   {"message", json::object{{"type", "string"}}},
                                                   {"field", json::object{{"type", "string"}}}}}};
    json::object error{{"type", "object"},
                       {"required", json::array{"error"}},
                       {"properties", json::object{{"error", inner}}}};
    json::object schemes{
        {"session", json::object{{"type", "apiKey"}, {"in", "cookie"}, {"name", "ecogov_session"}}},
        {"csrf", json::object{{"type", "apiKey"}, {"in", "header"}, {"name", "X-CSRF-Token"}}}};
    return json::object{{"schemas", json::object{{"Error", error}}}, {"securitySchemes", schemes}};
}

}  // namespace

json::object openapi_document(const Router& router) {
    json::object paths;
    for (const Route& r : router.routes()) {
        json::value& item = paths[r.pattern];
        if (!item.is_object()) item = json::object{};
        item.as_object()[lower(r.method)] = operation(r);
    }
    json::object info{{"title", "ecogov JSON API"},
                      {"version", "1.0.0"},
                      {"description", "生态环境攻坚管理平台: the contract of docs/api.md"}};
    return json::object{{"openapi", "3.0.3"},
                        {"info", info},
                        {"servers", json::array{json::object{{"url", "/"}}}},
                        {"paths", paths},
                        {"components", components()}};
}

}  // namespace ecogov::http
