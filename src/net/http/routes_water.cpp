// Water routes (docs/api.md "Water and soil"; routes_water.hpp).
#include "net/http/routes_water.hpp"

#include <boost/json.hpp>

#include "net/http/json_input.hpp"
#include "net/http/routes_air_params.hpp"
#include "net/http/routes_water_json.hpp"
#include "services/water_classes.hpp"
#include "services/water_import.hpp"
#include "services/water_rivers.hpp"

namespace ecogov::http {

namespace json = boost::json;

namespace {

template <typename T>
const Error* first_error(const T& r) {
    return r ? nullptr : &r.error();
}

Result<WaterSection> section_from_body(const json::object& o) {
    auto code = req_string(o, "code");
    auto name = req_string(o, "name");
    auto body = req_string(o, "water_body");
    auto river = req_string(o, "river");
    auto unit = req_int(o, "unit_id");
    auto target = req_string(o, "target_class");
    auto kind = req_string(o, "kind");
    auto lon = opt_nullable_number(o, "longitude");
    auto lat = opt_nullable_number(o, "latitude");
    for (const Error* e : {first_error(code), first_error(name), first_error(body),
                           first_error(river), first_error(unit), first_error(target),
                           first_error(kind), first_error(lon), first_error(lat)})
        if (e) return std::unexpected(*e);
    WaterSection s{0,     *code,   *name, *body,        *river,
                   *unit, *target, *kind, std::nullopt, std::nullopt};
    if (*lon) s.longitude = **lon;
    if (*lat) s.latitude = **lat;
    return s;
}

Result<WaterSectionPatch> section_patch(const json::object& o) {
    auto name = opt_string(o, "name");
    auto body = opt_string(o, "water_body");
    auto river = opt_string(o, "river");
    auto unit = opt_int(o, "unit_id");
    auto target = opt_string(o, "target_class");
    auto kind = opt_string(o, "kind");
    auto lon = opt_nullable_number(o, "longitude");
    auto lat = opt_nullable_number(o, "latitude");
    for (const Error* e :
         {first_error(name), first_error(body), first_error(river), first_error(unit),
          first_error(target), first_error(kind), first_error(lon), first_error(lat)})
        if (e) return std::unexpected(*e);
    return WaterSectionPatch{*name, *body, *river, *unit, *target, *kind, *lon, *lat};
}

void add_section_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/water/sections", Access::read, "Water sections", [&ctx](Request&) {
        auto c = ctx.db.acquire();
        auto list = list_water_sections(*c);
        if (!list) return error_response(list.error());
        json::array out;
        for (const WaterSection& s : *list) out.push_back(section_json(s));
        return json_response(200, json::object{{"sections", std::move(out)}});
    });
    router.add("POST", "/api/v1/water/sections", Access::write,
               "Add a water section (admin, bureau)", [&ctx](Request& r) {
                   auto body =
                       parse_json_object(r, {"code", "name", "water_body", "river", "unit_id",
                                             "target_class", "kind", "longitude", "latitude"});
                   if (!body) return error_response(body.error());
                   auto input = section_from_body(*body);
                   if (!input) return error_response(input.error());
                   auto c = ctx.db.acquire();
                   auto s = create_water_section(*c, *r.actor, *input, now_iso(ctx));
                   if (!s) return error_response(s.error());
                   return json_response(201, section_json(*s));
               });
    router.add("PATCH", "/api/v1/water/sections/{id}", Access::write,
               "Change a water section (admin, bureau)", [&ctx](Request& r) {
                   auto id = parse_id(r.path_params["id"], "id");
                   if (!id) return error_response(id.error());
                   auto body =
                       parse_json_object(r, {"name", "water_body", "river", "unit_id",
                                             "target_class", "kind", "longitude", "latitude"});
                   if (!body) return error_response(body.error());
                   auto patch = section_patch(*body);
                   if (!patch) return error_response(patch.error());
                   auto c = ctx.db.acquire();
                   auto s = update_water_section(*c, *r.actor, *id, *patch, now_iso(ctx));
                   if (!s) return error_response(s.error());
                   return json_response(200, section_json(*s));
               });
}

/// `?year=`, by default the year of the latest stored sample (else this year).
Result<int> year_param(AppContext& ctx, Request& r, storage::Connection& c) {
    auto year = int_param(r, "year", 2000, 2100);
    if (!year) return std::unexpected(year.error());
    if (*year) return static_cast<int>(**year);
    auto latest = latest_water_year(c);
    if (!latest) return std::unexpected(latest.error());
    return latest->value_or(today_cst(ctx).year());
}

DateRange year_range(int y) {
    return DateRange{Date::from_ymd(y, 1, 1), Date::from_ymd(y, 12, 31)};
}

Response classes(AppContext& ctx, Request& r) {
    auto c = ctx.db.acquire();
    auto y = year_param(ctx, r, *c);
    if (!y) return error_response(y.error());
    auto list = water_classes(*c, year_range(*y));
    if (!list) return error_response(list.error());
    json::array out;
    for (const SectionYear& s : *list) out.push_back(section_year_json(s));
    return json_response(200, json::object{{"year", *y}, {"sections", std::move(out)}});
}

Response rivers(AppContext& ctx, Request& r) {
    auto c = ctx.db.acquire();
    auto y = year_param(ctx, r, *c);
    if (!y) return error_response(y.error());
    auto list = water_rivers(*c, year_range(*y));
    if (!list) return error_response(list.error());
    json::array out;
    for (const RiverYear& x : *list) out.push_back(river_year_json(x));
    return json_response(200, json::object{{"year", *y}, {"rivers", std::move(out)}});
}

Response items(AppContext& ctx, Request& r) {
    auto id = parse_id(r.path_params["id"], "id");
    if (!id) return error_response(id.error());
    auto from = date_param(r, "from");
    if (!from) return error_response(from.error());
    auto to = date_param(r, "to");
    if (!to) return error_response(to.error());
    if (*from && *to && **to < **from)
        return error_response(400, "invalid_argument", "from: must not be after to", "from");
    std::optional<water::WaterItem> item;
    if (const auto text = r.param("item")) {
        item = water::find_item(*text);
        if (!item)
            return error_response(400, "invalid_argument",
                                  "item: unknown GB 3838 item '" + *text + "'", "item");
    }
    auto c = ctx.db.acquire();
    auto section = get_water_section(*c, *id);
    if (!section) return error_response(section.error());
    auto rows = section_items(*c, *section, *from, *to, item);
    if (!rows) return error_response(rows.error());
    json::array out;
    for (const ItemSample& x : *rows) out.push_back(item_sample_json(x, body_of(*section)));
    return json_response(
        200, json::object{{"section", section_json(*section)}, {"rows", std::move(out)}});
}

void add_sample_routes(Router& router, AppContext& ctx) {
    router.add("POST", "/api/v1/water/samples/import", Access::write,
               "Import water samples (CSV or XLSX body; unit: only its sections; all or nothing)",
               [&ctx](Request& r) {
                   std::string converted;
                   auto text = sample_import_text(r, converted);
                   if (!text) return error_response(text.error());
                   auto c = ctx.db.acquire();
                   return sample_import_response(import_water_samples(
                       *c, *r.actor, sample_import_source(r), *text, now_iso(ctx)));
               });
    router.add("GET", "/api/v1/water/classes", Access::read,
               "Monthly and annual classes of every section",
               [&ctx](Request& r) { return classes(ctx, r); });
    router.add("GET", "/api/v1/water/rivers", Access::read,
               "Status of each river from its sections' annual values",
               [&ctx](Request& r) { return rivers(ctx, r); });
    router.add("GET", "/api/v1/water/sections/{id}/items", Access::read,
               "A section's items over time", [&ctx](Request& r) { return items(ctx, r); });
}

}  // namespace

void register_water_routes(Router& router, AppContext& ctx) {
    add_section_routes(router, ctx);
    add_sample_routes(router, ctx);
    register_soil_routes(router, ctx);
}

}  // namespace ecogov::http
