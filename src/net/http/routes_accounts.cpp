// api.md "Organisation" (users, admin only) and "Audit".
#include <boost/json.hpp>

#include "net/http/json_input.hpp"
#include "net/http/routes_common.hpp"
#include "net/http/routes_platform.hpp"
#include "services/accounts.hpp"
#include "services/audit.hpp"

namespace ecogov::http {

namespace {

namespace json = boost::json;

Result<NewUser> read_new_user(const Request& req) {
    auto o = parse_json_object(req, {"username", "display_name", "role", "unit_id", "password"});
    if (!o) return std::unexpected(o.error());
    NewUser u;
    for (auto [key, out] :
         {std::pair{"username", &u.username}, std::pair{"display_name", &u.display_name},
          std::pair{"role", &u.role}, std::pair{"password", &u.password}}) {
        auto s = req_string(*o, key);
        if (!s) return std::unexpected(s.error());
        *out = *s;
    }
    auto unit = req_int(*o, "unit_id");
    if (!unit) return std::unexpected(unit.error());
    u.unit_id = *unit;
    return u;
}

Result<UserPatch> read_user_patch(const Request& req) {
    auto o = parse_json_object(req, {"display_name", "role", "unit_id", "disabled", "password"});
    if (!o) return std::unexpected(o.error());
    UserPatch p;
    for (auto [key, out] : {std::pair{"display_name", &p.display_name}, std::pair{"role", &p.role},
                            std::pair{"password", &p.password}}) {
        auto s = opt_string(*o, key);
        if (!s) return std::unexpected(s.error());
        *out = *s;
    }
    auto unit = opt_int(*o, "unit_id");
    if (!unit) return std::unexpected(unit.error());
    p.unit_id = *unit;
    auto disabled = opt_bool(*o, "disabled");
    if (!disabled) return std::unexpected(disabled.error());
    p.disabled = *disabled;
    return p;
}

/// Stored JSON text back as JSON (a string when it does not parse: never lose what is stored).
json::value stored_json(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    boost::system::error_code ec;
    json::value v = json::parse(*text, ec);
    if (ec) return json::value(*text);
    return v;
}

json::object audit_entry_json(const AuditRow& a) {
    return json::object{{"id", a.id},
                        {"at", a.at},
                        {"username", a.username},
                        {"action", a.action},
                        {"entity", a.entity},
                        {"entity_id", a.entity_id},
                        {"before", stored_json(a.before_json)},
                        {"after", stored_json(a.after_json)}};
}

Response list_audit_route(AppContext& ctx, const Request& req) {
    std::int64_t limit = 100;
    std::optional<std::int64_t> before;
    if (auto l = req.param("limit"); l && !l->empty()) {
        auto n = parse_id(*l, "limit");
        if (!n) return error_response(n.error());
        limit = *n;
    }
    if (auto b = req.param("before_id"); b && !b->empty()) {
        auto n = parse_id(*b, "before_id");
        if (!n) return error_response(n.error());
        before = *n;
    }
    auto lease = ctx.db.acquire();
    return render_result(list_audit(*lease, actor(req), limit, before), 200, [](const auto& rows) {
        json::array a;
        for (const AuditRow& r : rows) a.push_back(audit_entry_json(r));
        return json::object{{"entries", std::move(a)}};
    });
}

Response verify_audit_route(AppContext& ctx, const Request& req) {
    if (!can_manage_accounts(actor(req)))
        return error_response(403, "forbidden", "only an administrator verifies the audit trail");
    std::optional<AuditAnchor> anchor;
    if (auto e = req.param("expect"); e && !e->empty()) {
        auto a = parse_audit_anchor(*e);
        if (!a) return error_response(a.error());
        anchor = *a;
    }
    auto lease = ctx.db.acquire();
    return render_result(verify_audit(*lease, anchor), 200, [](const AuditVerification& v) {
        return json::object{
            {"ok", v.ok()},
            {"entries", v.entries},
            {"first_bad_id", v.first_bad_id ? json::value(*v.first_bad_id) : json::value(nullptr)},
            {"problem", v.problem},
            {"head", v.head_id ? json::value(std::to_string(v.head_id) + ":" + v.head_hash)
                               : json::value(nullptr)}};
    });
}

void register_users(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/users", Access::read, "List accounts (admin)", [&ctx](Request& req) {
        auto lease = ctx.db.acquire();
        return render_result(list_users(*lease, actor(req)), 200, [](const auto& users) {
            json::array a;
            for (const User& u : users) a.push_back(to_json(u));
            return json::object{{"users", std::move(a)}};
        });
    });
    router.add("POST", "/api/v1/users", Access::write, "Create an account (admin)",
               [&ctx](Request& req) {
                   auto in = read_new_user(req);
                   if (!in) return error_response(in.error());
                   auto lease = ctx.db.acquire();
                   return render_result(create_user(*lease, ctx.clock, actor(req), *in), 201,
                                        [](const User& u) { return to_json(u); });
               });
    router.add("PATCH", "/api/v1/users/{id}", Access::write, "Change or disable an account (admin)",
               [&ctx](Request& req) {
                   auto id = parse_id(req.path_params.at("id"), "id");
                   if (!id) return error_response(id.error());
                   auto in = read_user_patch(req);
                   if (!in) return error_response(in.error());
                   auto lease = ctx.db.acquire();
                   return render_result(update_user(*lease, ctx.clock, actor(req), *id, *in), 200,
                                        [](const User& u) { return to_json(u); });
               });
}

}  // namespace

void register_account_routes(Router& router, AppContext& ctx) {
    register_users(router, ctx);
    router.add("GET", "/api/v1/audit", Access::read,
               "The audit trail, newest first (?limit=&before_id=)",
               [&ctx](Request& req) { return list_audit_route(ctx, req); });
    router.add("GET", "/api/v1/audit/verify", Access::read, "Verify the audit hash chain (admin; ?expect=ID:HASH)",
               [&ctx](Request& req) { return verify_audit_route(ctx, req); });
}

}  // namespace ecogov::http
