// Monitoring data and targets (docs/api.md "Monitoring data", "Targets").
#include "net/http/routes_air.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "core/decimal.hpp"
#include "net/http/json_input.hpp"
#include "net/http/routes_air_json.hpp"
#include "net/http/routes_air_params.hpp"
#include "services/targets.hpp"

namespace ecogov::http {

namespace json = boost::json;

namespace {

/// A target value in the indicator's unit → the stored scaled integer (exact on the decimal text).
Result<std::int64_t> scaled_value(const json::value& v, const std::string& indicator) {
    char buf[64];
    std::to_chars_result r{};
    if (v.is_int64()) r = std::to_chars(buf, buf + sizeof buf, v.as_int64());
    else if (v.is_uint64()) r = std::to_chars(buf, buf + sizeof buf, v.as_uint64());
    else if (v.is_double()) r = std::to_chars(buf, buf + sizeof buf, v.as_double(), std::chars_format::fixed);
    else return fail(ErrorCode::invalid_argument, "value: expected a number", "value");
    const ParsedCell cell = parse_rounded(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)),
                                          target_decimals(indicator));
    if (cell.status != CellStatus::value) return fail(ErrorCode::invalid_argument, "value: must be a number >= 0", "value");
    return cell.scaled;
}

Response created(const json::object& o) { return json_response(201, o); }

template <typename F>
Response guarded(F&& f) {
    try {
        return f();
    } catch (const std::exception& e) {
        return error_response(500, "internal", e.what());
    }
}

Result<Station> station_from_body(const json::object& o) {
    Station s;
    auto code = req_string(o, "code");
    auto name = req_string(o, "name");
    auto kind = req_string(o, "kind");
    auto unit = req_int(o, "unit_id");
    auto city = req_string(o, "city");
    auto lon = opt_nullable_number(o, "longitude");
    auto lat = opt_nullable_number(o, "latitude");
    auto control = opt_bool(o, "control");
    if (!code) return std::unexpected(code.error());
    if (!name) return std::unexpected(name.error());
    if (!kind) return std::unexpected(kind.error());
    if (!unit) return std::unexpected(unit.error());
    if (!city) return std::unexpected(city.error());
    if (!lon) return std::unexpected(lon.error());
    if (!lat) return std::unexpected(lat.error());
    if (!control) return std::unexpected(control.error());
    s.code = *code;
    s.name = *name;
    s.kind = *kind;
    s.unit_id = *unit;
    s.city = *city;
    if (*lon) s.longitude = **lon;
    if (*lat) s.latitude = **lat;
    s.control = control->value_or(false);
    return s;
}

Result<StationPatch> station_patch(const json::object& o) {
    StationPatch p;
    auto name = opt_string(o, "name");
    auto kind = opt_string(o, "kind");
    auto unit = opt_int(o, "unit_id");
    auto city = opt_string(o, "city");
    auto lon = opt_nullable_number(o, "longitude");
    auto lat = opt_nullable_number(o, "latitude");
    auto control = opt_bool(o, "control");
    for (const Error* e : {name ? nullptr : &name.error(), kind ? nullptr : &kind.error(), unit ? nullptr : &unit.error(),
                           city ? nullptr : &city.error(), lon ? nullptr : &lon.error(), lat ? nullptr : &lat.error(),
                           control ? nullptr : &control.error()})
        if (e) return std::unexpected(*e);
    p.name = *name;
    p.kind = *kind;
    p.unit_id = *unit;
    p.city = *city;
    p.longitude = *lon;
    p.latitude = *lat;
    p.control = *control;
    return p;
}

void add_station_routes(Router& router, AppContext& ctx, const std::shared_ptr<AirQueries>& air) {
    router.add("GET", "/api/v1/stations", Access::read, "Monitoring stations", [&ctx](Request&) {
        auto c = ctx.db.acquire();
        auto list = list_stations(*c);
        if (!list) return error_response(list.error());
        json::array out;
        for (const Station& s : *list) out.push_back(station_json(s));
        return json_response(200, json::object{{"stations", std::move(out)}});
    });
    router.add("POST", "/api/v1/stations", Access::write, "Add a station (admin, bureau)", [&ctx, air](Request& r) {
        auto body = parse_json_object(r, {"code", "name", "kind", "unit_id", "city", "longitude", "latitude", "control"});
        if (!body) return error_response(body.error());
        auto input = station_from_body(*body);
        if (!input) return error_response(input.error());
        auto c = ctx.db.acquire();
        auto s = create_station(*c, *r.actor, *input, now_iso(ctx));
        if (!s) return error_response(s.error());
        air->data_changed();
        return created(station_json(*s));
    });
    router.add("PATCH", "/api/v1/stations/{id}", Access::write, "Change a station (admin, bureau)",
               [&ctx, air](Request& r) {
                   auto id = parse_id(r.path_params["id"], "id");
                   if (!id) return error_response(id.error());
                   auto body = parse_json_object(r, {"name", "kind", "unit_id", "city", "longitude", "latitude", "control"});
                   if (!body) return error_response(body.error());
                   auto patch = station_patch(*body);
                   if (!patch) return error_response(patch.error());
                   auto c = ctx.db.acquire();
                   auto s = update_station(*c, *r.actor, *id, *patch, now_iso(ctx));
                   if (!s) return error_response(s.error());
                   air->data_changed();
                   return json_response(200, station_json(*s));
               });
}

void add_observation_routes(Router& router, AppContext& ctx, const std::shared_ptr<AirQueries>& air) {
    router.add("POST", "/api/v1/observations/import", Access::write,
               "Import hourly observations (CSV body; unit: only its stations)", [&ctx, air](Request& r) {
                   ImportOptions options{r.param("source").value_or("upload.csv"), std::nullopt};
                   if (const auto f = r.param("format")) {
                       options.format = parse_format_id(*f);
                       if (!options.format)
                           return error_response(400, "invalid_argument", "format: china-sites, cnemc or prsa", "format");
                   }
                   auto c = ctx.db.acquire();
                   auto report = import_observations(*c, *r.actor, options, r.body, now_iso(ctx));
                   if (!report) return error_response(report.error());
                   air->data_changed();
                   return json_response(200, import_report_json(*report));
               });
    router.add("GET", "/api/v1/observations", Access::read, "Stored hourly values of a station", [&ctx](Request& r) {
        auto c = ctx.db.acquire();
        auto station = station_param(*c, r);
        if (!station) return error_response(station.error());
        auto range = range_params(*c, ctx, r, 1, 366);
        if (!range) return error_response(range.error());
        auto hours = load_hours(*c, station->id, HourLabel::of(range->first, 1), HourLabel::of(range->last, 24));
        if (!hours) return error_response(hours.error());
        json::array out;
        for (const StoredHour& h : *hours) out.push_back(observation_json(h));
        return json_response(200, json::object{{"observations", std::move(out)}});
    });
}

Result<Target> target_from_body(const json::object& o) {
    auto unit = req_int(o, "unit_id");
    auto year = req_int(o, "year");
    auto indicator = req_string(o, "indicator");
    auto note = opt_string(o, "note");
    if (!unit) return std::unexpected(unit.error());
    if (!year) return std::unexpected(year.error());
    if (!indicator) return std::unexpected(indicator.error());
    if (!note) return std::unexpected(note.error());
    const auto* v = o.if_contains("value");
    if (!v) return fail(ErrorCode::invalid_argument, "value: required", "value");
    auto value = scaled_value(*v, *indicator);
    if (!value) return std::unexpected(value.error());
    if (*year < 2000 || *year > 2100) return fail(ErrorCode::invalid_argument, "year must lie in 2000..2100", "year");
    return Target{0, *unit, static_cast<int>(*year), *indicator, *value, note->value_or("")};
}

void add_target_reads(Router& router, AppContext& ctx, const std::shared_ptr<AirQueries>& air) {
    router.add("GET", "/api/v1/targets/progress", Access::read, "Progress of the year's targets",
               [&ctx, air](Request& r) {
                   auto year = int_param(r, "year", 2000, 2100);
                   if (!year) return error_response(year.error());
                   auto unit = int_param(r, "unit_id", 1, INT64_MAX);
                   if (!unit) return error_response(unit.error());
                   const Date today = today_cst(ctx);
                   auto c = ctx.db.acquire();
                   auto progress = targets_progress(*c, *air, static_cast<int>(year->value_or(today.year())), *unit, today);
                   if (!progress) return error_response(progress.error());
                   json::array out;
                   for (const TargetProgress& p : *progress) out.push_back(progress_json(p));
                   return json_response(200, json::object{{"progress", std::move(out)}});
               });
    router.add("GET", "/api/v1/targets", Access::read, "Targets of a year", [&ctx](Request& r) {
        auto year = int_param(r, "year", 2000, 2100);
        if (!year) return error_response(year.error());
        auto c = ctx.db.acquire();
        auto list = list_targets(*c, *year ? std::optional<int>(static_cast<int>(**year)) : std::nullopt);
        if (!list) return error_response(list.error());
        json::array out;
        for (const Target& t : *list) out.push_back(target_json(t));
        return json_response(200, json::object{{"targets", std::move(out)}});
    });
}

void add_target_writes(Router& router, AppContext& ctx, const std::shared_ptr<AirQueries>& air) {
    router.add("POST", "/api/v1/targets", Access::write, "Set a target (admin, bureau)", [&ctx, air](Request& r) {
        auto body = parse_json_object(r, {"unit_id", "year", "indicator", "value", "note"});
        if (!body) return error_response(body.error());
        auto input = target_from_body(*body);
        if (!input) return error_response(input.error());
        auto c = ctx.db.acquire();
        auto t = create_target(*c, *r.actor, *input, now_iso(ctx));
        if (!t) return error_response(t.error());
        air->data_changed();  // the overview shows target progress
        return created(target_json(*t));
    });
    router.add("PATCH", "/api/v1/targets/{id}", Access::write, "Change a target's value or note", [&ctx, air](Request& r) {
        auto id = parse_id(r.path_params["id"], "id");
        if (!id) return error_response(id.error());
        auto body = parse_json_object(r, {"value", "note"});
        if (!body) return error_response(body.error());
        auto note = opt_string(*body, "note");
        if (!note) return error_response(note.error());
        auto c = ctx.db.acquire();
        auto before = get_target(*c, *id);
        if (!before) return error_response(before.error());
        std::optional<std::int64_t> value;
        if (const auto* v = body->if_contains("value")) {
            auto scaled = scaled_value(*v, before->indicator);
            if (!scaled) return error_response(scaled.error());
            value = *scaled;
        }
        auto t = update_target(*c, *r.actor, *id, value, *note, now_iso(ctx));
        if (!t) return error_response(t.error());
        air->data_changed();
        return json_response(200, target_json(*t));
    });
    router.add("DELETE", "/api/v1/targets/{id}", Access::write, "Delete a target", [&ctx, air](Request& r) {
        auto id = parse_id(r.path_params["id"], "id");
        if (!id) return error_response(id.error());
        auto c = ctx.db.acquire();
        auto done = delete_target(*c, *r.actor, *id, now_iso(ctx));
        if (!done) return error_response(done.error());
        air->data_changed();
        return json_response(200, json::object{{"ok", true}});
    });
}

}  // namespace

std::shared_ptr<AirQueries> shared_air_queries(AppContext& ctx) {
    if (!ctx.air) ctx.air = std::make_shared<AirQueries>();
    return ctx.air;
}

void register_air_routes(Router& router, AppContext& ctx) {
    // Shared by the handlers (each holds a reference): lives as long as the router's routes.
    auto air = shared_air_queries(ctx);
    add_station_routes(router, ctx, air);
    add_observation_routes(router, ctx, air);
    add_target_reads(router, ctx, air);
    add_target_writes(router, ctx, air);
    register_air_quality_routes(router, ctx, air);
}

}  // namespace ecogov::http
