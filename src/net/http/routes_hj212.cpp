// Online-monitoring routes (routes_hj212.hpp).
#include "net/http/routes_hj212.hpp"

#include <boost/json.hpp>

#include "net/http/json_input.hpp"
#include "net/http/routes_air_params.hpp"
#include "services/hj212_queries.hpp"
#include "services/hj212_registry.hpp"

namespace ecogov::http {

namespace json = boost::json;

namespace {

json::value num(const std::optional<double>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value text(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object enterprise_json(const Hj212Enterprise& e) {
    return {{"id", e.id}, {"name", e.name}, {"kind", e.kind}, {"unit_id", e.unit_id}, {"address", e.address}};
}
json::object outlet_json(const Hj212Outlet& o) {
    return {{"id", o.id}, {"enterprise_id", o.enterprise_id}, {"code", o.code}, {"name", o.name}, {"kind", o.kind}};
}
json::object device_json(const Hj212Device& d) {
    json::array pols;
    for (const auto& p : d.pollutants) pols.push_back(json::object{{"code", p.code}, {"unit", p.unit}});
    return {{"id", d.id},
            {"mn", d.mn},
            {"st", d.st},
            {"dialect", d.dialect},
            {"crc_variant", d.crc_variant},
            {"outlet_id", d.outlet_id},
            {"expected_interval_s", d.expected_interval_s},
            {"allow_time_set", d.allow_time_set},
            {"pollutants", std::move(pols)}};
}
json::object limit_json(const Hj212Limit& l) {
    return {{"outlet_id", l.outlet_id},       {"code", l.code},           {"concentration", num(l.concentration)},
            {"converted", num(l.converted)}, {"hourly", num(l.hourly)}, {"daily", num(l.daily)}};
}

Result<Hj212Device> device_from(const json::object& o, bool with_mn) {
    Hj212Device d;
    if (with_mn) {
        auto mn = req_string(o, "mn");
        if (!mn) return std::unexpected(mn.error());
        d.mn = *mn;
    }
    auto pw = req_string(o, "pw");
    if (!pw) return std::unexpected(pw.error());
    d.pw = *pw;
    auto outlet = req_int(o, "outlet_id");
    if (!outlet) return std::unexpected(outlet.error());
    d.outlet_id = *outlet;
    auto st = opt_string(o, "st");
    auto dialect = opt_string(o, "dialect");
    auto crc = opt_string(o, "crc_variant");
    auto interval = opt_int(o, "expected_interval_s");
    auto allow = opt_bool(o, "allow_time_set");
    for (const Error* e : {st ? nullptr : &st.error(), dialect ? nullptr : &dialect.error(),
                           crc ? nullptr : &crc.error(), interval ? nullptr : &interval.error(),
                           allow ? nullptr : &allow.error()})
        if (e) return std::unexpected(*e);
    if (*st) d.st = **st;
    if (*dialect) d.dialect = **dialect;
    if (*crc) d.crc_variant = **crc;
    if (*interval) d.expected_interval_s = **interval;
    if (*allow) d.allow_time_set = **allow;
    if (const auto* p = o.if_contains("pollutants")) {
        if (!p->is_array()) return fail(ErrorCode::invalid_argument, "pollutants: expected an array", "pollutants");
        for (const auto& item : p->as_array()) {
            if (!item.is_object() || !item.as_object().contains("code") || !item.as_object().at("code").is_string())
                return fail(ErrorCode::invalid_argument, "pollutants: expected [{\"code\":…,\"unit\":…}]", "pollutants");
            Hj212DevicePollutant dp{std::string(item.as_object().at("code").as_string()), ""};
            if (const auto* u = item.as_object().if_contains("unit"); u && u->is_string())
                dp.unit = std::string(u->as_string());
            d.pollutants.push_back(std::move(dp));
        }
    }
    return d;
}

double outage_factor() { return 2.0; }

std::int64_t now_ms(const AppContext& ctx) { return unix_ms(ctx.clock.now()); }

std::int64_t limit_param(const Request& r, Result<std::optional<std::int64_t>>& parsed) {
    parsed = int_param(r, "limit", 1, 1000);
    return parsed && *parsed ? **parsed : 200;
}

void add_monitoring_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/hj212/summary", Access::read, "Online monitoring counts", [&ctx](Request&) {
        auto c = ctx.db.acquire();
        auto n = hj212_counts(*c, now_ms(ctx), outage_factor());
        if (!n) return error_response(n.error());
        return json_response(200, json::object{{"devices", n->devices},
                                               {"online", n->online},
                                               {"offline", n->devices - n->online},
                                               {"frames_stored", n->stored},
                                               {"frames_duplicate", n->duplicate},
                                               {"frames_quarantined", n->quarantined},
                                               {"frames_rejected", n->rejected},
                                               {"open_exceedance_alarms", n->open_exceedance_alarms},
                                               {"open_outage_alarms", n->open_outage_alarms}});
    });
    router.add("GET", "/api/v1/hj212/devices", Access::read, "Devices with online/offline status", [&ctx](Request&) {
        auto c = ctx.db.acquire();
        auto list = hj212_device_status(*c, now_ms(ctx), outage_factor());
        if (!list) return error_response(list.error());
        json::array out;
        for (const auto& d : *list)
            out.push_back(json::object{{"id", d.id},
                                       {"mn", d.mn},
                                       {"st", d.st},
                                       {"dialect", d.dialect},
                                       {"crc_variant", d.crc_variant},
                                       {"outlet_id", d.outlet_id},
                                       {"outlet_name", d.outlet_name},
                                       {"outlet_kind", d.outlet_kind},
                                       {"enterprise_id", d.enterprise_id},
                                       {"enterprise_name", d.enterprise_name},
                                       {"unit_id", d.unit_id},
                                       {"expected_interval_s", d.expected_interval_s},
                                       {"last_seen", text(d.last_seen)},
                                       {"online", d.online},
                                       {"open_alarms", d.open_alarms}});
        return json_response(200, json::object{{"devices", std::move(out)}});
    });
    router.add("GET", "/api/v1/hj212/outlets/{id}/latest", Access::read,
               "Latest value of each pollutant of an outlet against its limit", [&ctx](Request& r) {
                   auto id = parse_id(r.path_params["id"], "id");
                   if (!id) return error_response(id.error());
                   auto c = ctx.db.acquire();
                   auto latest = hj212_outlet_latest(*c, *id);
                   if (!latest) return error_response(latest.error());
                   json::array values;
                   for (const auto& v : latest->values)
                       values.push_back(json::object{{"code", v.code},
                                                     {"unit", v.unit},
                                                     {"cn", v.cn},
                                                     {"data_time", v.data_time},
                                                     {"value", num(v.value)},
                                                     {"flag", v.flag},
                                                     {"limit", num(v.limit)},
                                                     {"exceeded", v.exceeded}});
                   return json_response(200, json::object{{"outlet_id", latest->outlet_id},
                                                          {"outlet_name", latest->outlet_name},
                                                          {"outlet_kind", latest->outlet_kind},
                                                          {"enterprise_name", latest->enterprise_name},
                                                          {"values", std::move(values)}});
               });
    router.add("GET", "/api/v1/hj212/devices/{id}/series", Access::read,
               "Series of one pollutant (?code=&cn=2061|2031|2051|2011&from=&to=)", [&ctx](Request& r) {
                   auto id = parse_id(r.path_params["id"], "id");
                   if (!id) return error_response(id.error());
                   const auto code = r.param("code");
                   if (!code || code->empty())
                       return error_response(400, "invalid_argument", "code: required", "code");
                   auto c = ctx.db.acquire();
                   auto pts = hj212_series(*c, *id, *code, r.param("cn").value_or("2061"), r.param("from"), r.param("to"));
                   if (!pts) return error_response(pts.error());
                   json::array out;
                   for (const auto& p : *pts)
                       out.push_back(json::object{{"data_time", p.data_time}, {"avg", num(p.avg)}, {"min", num(p.min)},
                                                  {"max", num(p.max)},         {"rtd", num(p.rtd)}, {"zs", num(p.zs)},
                                                  {"flag", p.flag}});
                   return json_response(200, json::object{{"device_id", *id}, {"code", *code}, {"points", std::move(out)}});
               });
    router.add("GET", "/api/v1/hj212/exceedances", Access::read, "Exceedance records (?outlet_id=&limit=)",
               [&ctx](Request& r) {
                   auto outlet = int_param(r, "outlet_id", 1, INT64_MAX);
                   if (!outlet) return error_response(outlet.error());
                   Result<std::optional<std::int64_t>> lp;
                   const auto limit = limit_param(r, lp);
                   if (!lp) return error_response(lp.error());
                   auto c = ctx.db.acquire();
                   auto list = hj212_exceedances(*c, *outlet, limit);
                   if (!list) return error_response(list.error());
                   json::array out;
                   for (const auto& x : *list)
                       out.push_back(json::object{{"id", x.id},
                                                  {"device_id", x.device_id},
                                                  {"outlet_id", x.outlet_id},
                                                  {"mn", x.mn},
                                                  {"outlet_name", x.outlet_name},
                                                  {"enterprise_name", x.enterprise_name},
                                                  {"code", x.code},
                                                  {"cn", x.cn},
                                                  {"data_time", x.data_time},
                                                  {"value", num(x.value)},
                                                  {"limit", num(x.limit)},
                                                  {"flag", x.flag},
                                                  {"run_length", x.run_length}});
                   return json_response(200, json::object{{"exceedances", std::move(out)}});
               });
    router.add("GET", "/api/v1/hj212/alarms", Access::read,
               "Alarms (?kind=exceedance|outage|clock_skew&open=1&limit=)", [&ctx](Request& r) {
                   Result<std::optional<std::int64_t>> lp;
                   const auto limit = limit_param(r, lp);
                   if (!lp) return error_response(lp.error());
                   auto open = int_param(r, "open", 0, 1);
                   if (!open) return error_response(open.error());
                   auto c = ctx.db.acquire();
                   auto list = hj212_alarms(*c, r.param("kind"), open->value_or(0) == 1, limit);
                   if (!list) return error_response(list.error());
                   json::array out;
                   for (const auto& a : *list)
                       out.push_back(json::object{{"id", a.id},
                                                  {"kind", a.kind},
                                                  {"device_id", a.device_id},
                                                  {"outlet_id", a.outlet_id},
                                                  {"mn", a.mn},
                                                  {"outlet_name", a.outlet_name},
                                                  {"enterprise_name", a.enterprise_name},
                                                  {"code", a.code},
                                                  {"title", a.title},
                                                  {"detail", a.detail},
                                                  {"opened", a.opened},
                                                  {"closed", text(a.closed)},
                                                  {"problem_kind", a.problem_kind},
                                                  {"problem_status", a.problem_status},
                                                  {"problem_id", a.problem_id ? json::value(*a.problem_id) : json::value(nullptr)},
                                                  {"problem_code", a.problem_code}});
                   return json_response(200, json::object{{"alarms", std::move(out)}});
               });
    router.add("GET", "/api/v1/hj212/frames", Access::read,
               "Raw frames of a device, kept for audit (?mn=&status=&limit=)", [&ctx](Request& r) {
                   const auto mn = r.param("mn");
                   if (!mn || mn->empty()) return error_response(400, "invalid_argument", "mn: required", "mn");
                   Result<std::optional<std::int64_t>> lp;
                   const auto limit = limit_param(r, lp);
                   if (!lp) return error_response(lp.error());
                   auto c = ctx.db.acquire();
                   auto list = hj212_frames(*c, *mn, r.param("status"), limit);
                   if (!list) return error_response(list.error());
                   json::array out;
                   for (const auto& f : *list)
                       out.push_back(json::object{{"id", f.id},     {"received", f.received}, {"peer", f.peer},
                                                  {"mn", f.mn},     {"cn", f.cn},             {"data_time", text(f.data_time)},
                                                  {"crc", f.crc},   {"status", f.status},     {"reason", f.reason},
                                                  {"raw", f.raw}});
                   return json_response(200, json::object{{"frames", std::move(out)}});
               });
}

void add_registry_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/hj212/registry", Access::read, "Enterprises, outlets, devices and limits",
               [&ctx](Request&) {
                   auto c = ctx.db.acquire();
                   auto es = list_hj212_enterprises(*c);
                   if (!es) return error_response(es.error());
                   auto os = list_hj212_outlets(*c);
                   if (!os) return error_response(os.error());
                   auto ds = list_hj212_devices(*c);
                   if (!ds) return error_response(ds.error());
                   auto ls = list_hj212_limits(*c);
                   if (!ls) return error_response(ls.error());
                   json::array e, o, d, l;
                   for (const auto& x : *es) e.push_back(enterprise_json(x));
                   for (const auto& x : *os) o.push_back(outlet_json(x));
                   for (const auto& x : *ds) d.push_back(device_json(x));
                   for (const auto& x : *ls) l.push_back(limit_json(x));
                   return json_response(200, json::object{{"enterprises", std::move(e)},
                                                          {"outlets", std::move(o)},
                                                          {"devices", std::move(d)},
                                                          {"limits", std::move(l)}});
               });
    router.add("POST", "/api/v1/hj212/enterprises", Access::write, "Register an enterprise or site (admin, bureau)",
               [&ctx](Request& r) {
                   auto body = parse_json_object(r, {"name", "kind", "unit_id", "address"});
                   if (!body) return error_response(body.error());
                   auto name = req_string(*body, "name");
                   if (!name) return error_response(name.error());
                   auto unit = req_int(*body, "unit_id");
                   if (!unit) return error_response(unit.error());
                   auto kind = opt_string(*body, "kind");
                   if (!kind) return error_response(kind.error());
                   auto address = opt_string(*body, "address");
                   if (!address) return error_response(address.error());
                   auto c = ctx.db.acquire();
                   auto e = create_hj212_enterprise(
                       *c, *r.actor, {0, *name, kind->value_or("enterprise"), *unit, address->value_or("")}, now_iso(ctx));
                   if (!e) return error_response(e.error());
                   return json_response(201, enterprise_json(*e));
               });
    router.add("POST", "/api/v1/hj212/outlets", Access::write, "Register an outlet (admin, bureau)", [&ctx](Request& r) {
        auto body = parse_json_object(r, {"enterprise_id", "code", "name", "kind"});
        if (!body) return error_response(body.error());
        auto ent = req_int(*body, "enterprise_id");
        if (!ent) return error_response(ent.error());
        auto code = req_string(*body, "code");
        if (!code) return error_response(code.error());
        auto name = req_string(*body, "name");
        if (!name) return error_response(name.error());
        auto kind = req_string(*body, "kind");
        if (!kind) return error_response(kind.error());
        auto c = ctx.db.acquire();
        auto o = create_hj212_outlet(*c, *r.actor, {0, *ent, *code, *name, *kind}, now_iso(ctx));
        if (!o) return error_response(o.error());
        return json_response(201, outlet_json(*o));
    });
    router.add("POST", "/api/v1/hj212/devices", Access::write, "Register a device (admin, bureau)",
               [&ctx](Request& r) {
                   auto body = parse_json_object(r, {"mn", "pw", "st", "dialect", "crc_variant", "outlet_id",
                                                     "expected_interval_s", "allow_time_set", "pollutants"});
                   if (!body) return error_response(body.error());
                   auto d = device_from(*body, true);
                   if (!d) return error_response(d.error());
                   auto c = ctx.db.acquire();
                   auto made = create_hj212_device(*c, *r.actor, *d, now_iso(ctx));
                   if (!made) return error_response(made.error());
                   return json_response(201, device_json(*made));
               });
    router.add("PATCH", "/api/v1/hj212/devices/{id}", Access::write, "Replace a device's settings (admin, bureau)",
               [&ctx](Request& r) {
                   auto id = parse_id(r.path_params["id"], "id");
                   if (!id) return error_response(id.error());
                   auto body = parse_json_object(r, {"pw", "st", "dialect", "crc_variant", "outlet_id",
                                                     "expected_interval_s", "allow_time_set", "pollutants"});
                   if (!body) return error_response(body.error());
                   auto d = device_from(*body, false);
                   if (!d) return error_response(d.error());
                   auto c = ctx.db.acquire();
                   auto done = update_hj212_device(*c, *r.actor, *id, *d, now_iso(ctx));
                   if (!done) return error_response(done.error());
                   return json_response(200, device_json(*done));
               });
    router.add("POST", "/api/v1/hj212/limits", Access::write,
               "Set the emission limit of an outlet and pollutant (admin, bureau)", [&ctx](Request& r) {
                   auto body = parse_json_object(r, {"outlet_id", "code", "concentration", "converted", "hourly", "daily"});
                   if (!body) return error_response(body.error());
                   auto outlet = req_int(*body, "outlet_id");
                   if (!outlet) return error_response(outlet.error());
                   auto code = req_string(*body, "code");
                   if (!code) return error_response(code.error());
                   Hj212Limit l{*outlet, *code, {}, {}, {}, {}};
                   for (auto [key, slot] : {std::pair{"concentration", &l.concentration}, std::pair{"converted", &l.converted},
                                            std::pair{"hourly", &l.hourly}, std::pair{"daily", &l.daily}}) {
                       auto v = opt_number(*body, key);
                       if (!v) return error_response(v.error());
                       *slot = *v;
                   }
                   auto c = ctx.db.acquire();
                   auto done = put_hj212_limit(*c, *r.actor, l, now_iso(ctx));
                   if (!done) return error_response(done.error());
                   return json_response(200, limit_json(*done));
               });
}

}  // namespace

void register_hj212_routes(Router& router, AppContext& ctx) {
    add_monitoring_routes(router, ctx);
    add_registry_routes(router, ctx);
}

}  // namespace ecogov::http
