// Soil routes (docs/api.md "Water and soil"; routes_water.hpp).
#include <boost/json.hpp>

#include "net/http/json_input.hpp"
#include "net/http/routes_air_params.hpp"
#include "net/http/routes_water.hpp"
#include "net/http/routes_water_json.hpp"
#include "services/soil_assessment.hpp"
#include "services/water_import.hpp"

namespace ecogov::http {

namespace json = boost::json;

namespace {

Result<SoilPlot> plot_from_body(const json::object& o) {
    auto code = req_string(o, "code");
    auto name = req_string(o, "name");
    auto unit = req_int(o, "unit_id");
    auto land_use = req_string(o, "land_use");
    auto lon = opt_number(o, "longitude");
    auto lat = opt_number(o, "latitude");
    if (!code) return std::unexpected(code.error());
    if (!name) return std::unexpected(name.error());
    if (!unit) return std::unexpected(unit.error());
    if (!land_use) return std::unexpected(land_use.error());
    if (!lon) return std::unexpected(lon.error());
    if (!lat) return std::unexpected(lat.error());
    return SoilPlot{0, *code, *name, *unit, *land_use, *lon, *lat};
}

}  // namespace

void register_soil_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/soil/plots", Access::read, "Soil plots with their classes",
               [&ctx](Request&) {
                   auto c = ctx.db.acquire();
                   auto list = soil_plot_summaries(*c);
                   if (!list) return error_response(list.error());
                   json::array out;
                   for (const PlotSummary& p : *list) out.push_back(plot_summary_json(p));
                   return json_response(200, json::object{{"plots", std::move(out)}});
               });
    router.add("POST", "/api/v1/soil/plots", Access::write, "Add a soil plot (admin, bureau)",
               [&ctx](Request& r) {
                   auto body = parse_json_object(
                       r, {"code", "name", "unit_id", "land_use", "longitude", "latitude"});
                   if (!body) return error_response(body.error());
                   auto input = plot_from_body(*body);
                   if (!input) return error_response(input.error());
                   auto c = ctx.db.acquire();
                   auto p = create_soil_plot(*c, *r.actor, *input, now_iso(ctx));
                   if (!p) return error_response(p.error());
                   return json_response(201, plot_json(*p));
               });
    router.add("POST", "/api/v1/soil/samples/import", Access::write,
               "Import soil samples (CSV or XLSX body; unit: only its plots; all or nothing)",
               [&ctx](Request& r) {
                   std::string converted;
                   auto text = sample_import_text(r, converted);
                   if (!text) return error_response(text.error());
                   auto c = ctx.db.acquire();
                   return sample_import_response(import_soil_samples(
                       *c, *r.actor, sample_import_source(r), *text, now_iso(ctx)));
               });
    router.add("GET", "/api/v1/soil/plots/{id}", Access::read,
               "A soil plot, its class and its samples", [&ctx](Request& r) {
                   auto id = parse_id(r.path_params["id"], "id");
                   if (!id) return error_response(id.error());
                   auto c = ctx.db.acquire();
                   auto d = soil_plot_detail(*c, *id);
                   if (!d) return error_response(d.error());
                   return json_response(200, plot_detail_json(*d));
               });
}

}  // namespace ecogov::http
