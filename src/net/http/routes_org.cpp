// api.md "Organisation": units and people.
#include <boost/json.hpp>

#include "net/http/json_input.hpp"
#include "net/http/routes_common.hpp"
#include "net/http/routes_platform.hpp"
#include "services/organisation.hpp"

namespace ecogov::http {

namespace {

namespace json = boost::json;

template <typename T>
json::object list_of(const char* key, const std::vector<T>& items) {
    json::array a;
    for (const T& i : items) a.push_back(to_json(i));
    return json::object{{key, std::move(a)}};
}

auto render = [](const auto& v) { return to_json(v); };

Result<NewUnit> read_new_unit(const Request& req) {
    auto o = parse_json_object(req, {"code", "name", "kind", "parent_id"});
    if (!o) return std::unexpected(o.error());
    auto code = req_string(*o, "code");
    if (!code) return std::unexpected(code.error());
    auto name = req_string(*o, "name");
    if (!name) return std::unexpected(name.error());
    auto kind = req_string(*o, "kind");
    if (!kind) return std::unexpected(kind.error());
    auto parent = opt_int(*o, "parent_id");
    if (!parent) return std::unexpected(parent.error());
    return NewUnit{*code, *name, *kind, *parent};
}

Result<UnitPatch> read_unit_patch(const Request& req) {
    auto o = parse_json_object(req, {"name", "kind", "parent_id"});
    if (!o) return std::unexpected(o.error());
    auto name = opt_string(*o, "name");
    if (!name) return std::unexpected(name.error());
    auto kind = opt_string(*o, "kind");
    if (!kind) return std::unexpected(kind.error());
    auto parent = opt_nullable_int(*o, "parent_id");
    if (!parent) return std::unexpected(parent.error());
    return UnitPatch{*name, *kind, *parent};
}

Result<Person> read_new_person(const Request& req) {
    auto o = parse_json_object(req, {"unit_id", "name", "post", "phone"});
    if (!o) return std::unexpected(o.error());
    auto unit = req_int(*o, "unit_id");
    if (!unit) return std::unexpected(unit.error());
    auto name = req_string(*o, "name");
    if (!name) return std::unexpected(name.error());
    auto post = opt_string(*o, "post");
    if (!post) return std::unexpected(post.error());
    auto phone = opt_string(*o, "phone");
    if (!phone) return std::unexpected(phone.error());
    return Person{0, *unit, *name, post->value_or(""), phone->value_or("")};
}

Result<PersonPatch> read_person_patch(const Request& req) {
    auto o = parse_json_object(req, {"name", "post", "phone"});
    if (!o) return std::unexpected(o.error());
    auto name = opt_string(*o, "name");
    if (!name) return std::unexpected(name.error());
    auto post = opt_string(*o, "post");
    if (!post) return std::unexpected(post.error());
    auto phone = opt_string(*o, "phone");
    if (!phone) return std::unexpected(phone.error());
    return PersonPatch{*name, *post, *phone};
}

Response list_people_route(AppContext& ctx, const Request& req) {
    std::optional<std::int64_t> unit;
    if (auto u = req.param("unit_id"); u && !u->empty()) {
        auto id = parse_id(*u, "unit_id");
        if (!id) return error_response(id.error());
        unit = *id;
    }
    auto lease = ctx.db.acquire();
    return render_result(list_people(*lease, unit), 200,
                         [](const auto& v) { return list_of("people", v); });
}

void register_units(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/units", Access::read, "List units", [&ctx](Request&) {
        auto lease = ctx.db.acquire();
        return render_result(list_units(*lease), 200,
                             [](const auto& v) { return list_of("units", v); });
    });
    router.add("POST", "/api/v1/units", Access::write, "Create a unit (admin, bureau)",
               [&ctx](Request& req) {
                   auto in = read_new_unit(req);
                   if (!in) return error_response(in.error());
                   auto lease = ctx.db.acquire();
                   return render_result(create_unit(*lease, ctx.clock, actor(req), *in), 201,
                                        render);
               });
    router.add("PATCH", "/api/v1/units/{id}", Access::write, "Change a unit (admin, bureau)",
               [&ctx](Request& req) {
                   auto id = parse_id(req.path_params.at("id"), "id");
                   if (!id) return error_response(id.error());
                   auto in = read_unit_patch(req);
                   if (!in) return error_response(in.error());
                   auto lease = ctx.db.acquire();
                   return render_result(update_unit(*lease, ctx.clock, actor(req), *id, *in), 200,
                                        render);
               });
}

void register_people(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/people", Access::read,
               "List people, optionally of one unit (?unit_id=)",
               [&ctx](Request& req) { return list_people_route(ctx, req); });
    router.add("POST", "/api/v1/people", Access::write, "Add a person (unit clerks: own unit)",
               [&ctx](Request& req) {
                   auto in = read_new_person(req);
                   if (!in) return error_response(in.error());
                   auto lease = ctx.db.acquire();
                   return render_result(create_person(*lease, ctx.clock, actor(req), *in), 201,
                                        render);
               });
    router.add("PATCH", "/api/v1/people/{id}", Access::write,
               "Change a person (unit clerks: own unit)", [&ctx](Request& req) {
                   auto id = parse_id(req.path_params.at("id"), "id");
                   if (!id) return error_response(id.error());
                   auto in = read_person_patch(req);
                   if (!in) return error_response(in.error());
                   auto lease = ctx.db.acquire();
                   return render_result(update_person(*lease, ctx.clock, actor(req), *id, *in), 200,
                                        render);
               });
    router.add("DELETE", "/api/v1/people/{id}", Access::write,
               "Remove a person (unit clerks: own unit)", [&ctx](Request& req) {
                   auto id = parse_id(req.path_params.at("id"), "id");
                   if (!id) return error_response(id.error());
                   auto lease = ctx.db.acquire();
                   if (auto r = delete_person(*lease, ctx.clock, actor(req), *id); !r)
                       return error_response(r.error());
                   return ok_true();
               });
}

}  // namespace

void register_org_routes(Router& router, AppContext& ctx) {
    register_units(router, ctx);
    register_people(router, ctx);
}

}  // namespace ecogov::http
