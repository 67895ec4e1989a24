// Assessment routes (docs/api.md "Assessment"; routes_assessment.hpp).
#include "net/http/routes_assessment.hpp"

#include <memory>

#include <boost/json.hpp>

#include "assessment/period.hpp"
#include "assessment/scheme_parser.hpp"
#include "net/http/json_input.hpp"
#include "net/http/routes_air.hpp"
#include "net/http/routes_air_params.hpp"
#include "services/assessment.hpp"
#include "services/assessment_indicators.hpp"

namespace ecogov::http {

namespace json = boost::json;

namespace {

json::object scheme_json(const SchemeVersion& s, bool with_body) {
    json::object o{{"id", s.id},           {"code", s.code},           {"version", s.version},
                   {"name", s.name},       {"created_by", s.created_by}, {"created_at", s.created_at}};
    if (with_body) o["body"] = s.body;
    const auto parsed = assessment::parse_scheme(s.body, s.code + ".toml");  // stored text always parses
    o["period_kind"] = parsed ? std::string(assessment::period_kind_id(parsed->period)) : std::string("month");
    return o;
}

json::object run_summary_json(const RunSummary& r) {
    return json::object{{"id", r.id},         {"scheme_id", r.scheme_id},   {"scheme_code", r.scheme_code},
                        {"period", r.period}, {"created_by", r.created_by}, {"created_at", r.created_at}};
}

json::object input_json(const ManualInput& i) {
    return json::object{{"unit_id", i.unit_id}, {"unit_code", i.unit_code},   {"period", i.period},
                        {"indicator", i.indicator}, {"value", i.value},     {"note", i.note},
                        {"updated_by", i.updated_by}, {"updated_at", i.updated_at}};
}

Response run_json(const StoredRun& r, int status) {
    json::object o = run_summary_json(r.summary);
    o["results"] = json::parse(r.results_json);
    o["inputs"] = json::parse(r.inputs_json);
    o["scheme_body"] = r.scheme_body;
    return json_response(status, o);
}

Result<StoredRun> run_param(AppContext& ctx, Request& r) {
    auto id = parse_id(r.path_params["id"], "id");
    if (!id) return std::unexpected(id.error());
    auto c = ctx.db.acquire();
    return get_run(*c, *id);
}

Response download(std::string body, std::string type, const std::string& file) {
    Response res;
    res.content_type = std::move(type);
    res.body = std::move(body);
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
    return res;
}

std::string bulletin_name(const StoredRun& r, const char* ext) {
    return "bulletin-" + r.summary.scheme_code + "-" + r.summary.period + ext;
}

void add_scheme_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/assessment/indicators", Access::read, "Indicators a scheme may name", [](Request&) {
        json::array out;
        for (const IndicatorInfo& i : indicator_catalog())
            out.push_back(json::object{{"id", i.id}, {"name_zh", i.name_zh}, {"name_en", i.name_en},
                                       {"unit", i.unit}, {"source", i.source}, {"pending", i.pending}});
        return json_response(200, json::object{{"indicators", std::move(out)}});
    });
    router.add("GET", "/api/v1/assessment/schemes", Access::read, "Assessment schemes (latest versions)", [&ctx](Request&) {
        auto c = ctx.db.acquire();
        auto list = list_schemes(*c);
        if (!list) return error_response(list.error());
        json::array out;
        for (const SchemeVersion& s : *list) out.push_back(scheme_json(s, false));
        return json_response(200, json::object{{"schemes", std::move(out)}});
    });
    router.add("GET", "/api/v1/assessment/schemes/{id}", Access::read, "One scheme version with its text", [&ctx](Request& r) {
        auto id = parse_id(r.path_params["id"], "id");
        if (!id) return error_response(id.error());
        auto c = ctx.db.acquire();
        auto s = get_scheme(*c, *id);
        if (!s) return error_response(s.error());
        auto versions = scheme_versions(*c, s->code);
        if (!versions) return error_response(versions.error());
        json::object o = scheme_json(*s, true);
        json::array vs;
        for (const SchemeVersion& v : *versions) vs.push_back(scheme_json(v, false));
        o["versions"] = std::move(vs);
        return json_response(200, o);
    });
    router.add("POST", "/api/v1/assessment/schemes/check", Access::write, "Validate scheme text without saving", [](Request& r) {
        auto body = parse_json_object(r, {"code", "body"});
        if (!body) return error_response(body.error());
        auto code = req_string(*body, "code");
        auto text = req_string(*body, "body");
        if (!code) return error_response(code.error());
        if (!text) return error_response(text.error());
        auto ok = check_scheme_text(*code, *text);
        if (!ok) return json_response(200, json::object{{"ok", false}, {"message", ok.error().message}});
        return json_response(200, json::object{{"ok", true}});
    });
    router.add("POST", "/api/v1/assessment/schemes", Access::write, "Save a scheme (new version; admin, bureau)", [&ctx](Request& r) {
        auto body = parse_json_object(r, {"code", "body"});
        if (!body) return error_response(body.error());
        auto code = req_string(*body, "code");
        auto text = req_string(*body, "body");
        if (!code) return error_response(code.error());
        if (!text) return error_response(text.error());
        auto c = ctx.db.acquire();
        auto s = save_scheme(*c, *r.actor, *code, *text, now_iso(ctx));
        if (!s) return error_response(s.error());
        return json_response(201, scheme_json(*s, true));
    });
}

void add_input_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/assessment/inputs", Access::read, "Manual indicator inputs of a period", [&ctx](Request& r) {
        const auto period = r.param("period");
        if (!period || !assessment::parse_period(*period))
            return error_response(Error{ErrorCode::invalid_argument, "period: YYYY-MM, YYYY-Qn or YYYY", "period"});
        auto c = ctx.db.acquire();
        auto list = list_manual_inputs(*c, *period);
        if (!list) return error_response(list.error());
        json::array out;
        for (const ManualInput& i : *list) out.push_back(input_json(i));
        return json_response(200, json::object{{"inputs", std::move(out)}});
    });
    router.add("PUT", "/api/v1/assessment/inputs", Access::write, "Set a manual indicator input (admin, bureau)", [&ctx](Request& r) {
        auto body = parse_json_object(r, {"unit_id", "period", "indicator", "value", "note"});
        if (!body) return error_response(body.error());
        auto unit = req_int(*body, "unit_id");
        auto period = req_string(*body, "period");
        auto indicator = req_string(*body, "indicator");
        auto value = req_string(*body, "value");
        auto note = opt_string(*body, "note");
        for (const Error* e : {unit ? nullptr : &unit.error(), period ? nullptr : &period.error(), indicator ? nullptr : &indicator.error(),
                               value ? nullptr : &value.error(), note ? nullptr : &note.error()})
            if (e) return error_response(*e);
        auto c = ctx.db.acquire();
        auto saved = set_manual_input(*c, *r.actor, ManualInput{*unit, "", *period, *indicator, *value, note->value_or(""), "", ""},
                                      now_iso(ctx));
        if (!saved) return error_response(saved.error());
        return json_response(200, input_json(*saved));
    });
    router.add("DELETE", "/api/v1/assessment/inputs", Access::write, "Remove a manual indicator input (admin, bureau)",
               [&ctx](Request& r) {
                   auto unit = parse_id(r.param("unit_id").value_or(""), "unit_id");
                   if (!unit) return error_response(unit.error());
                   auto c = ctx.db.acquire();
                   auto done = delete_manual_input(*c, *r.actor, *unit, r.param("period").value_or(""), r.param("indicator").value_or(""),
                                                   now_iso(ctx));
                   if (!done) return error_response(done.error());
                   return json_response(200, json::object{{"ok", true}});
               });
}

void add_run_routes(Router& router, AppContext& ctx, const std::shared_ptr<AirQueries>& air) {
    router.add("GET", "/api/v1/assessment/runs", Access::read, "Assessment runs (newest first; ?scheme=CODE)", [&ctx](Request& r) {
        auto c = ctx.db.acquire();
        auto list = list_runs(*c, r.param("scheme"));
        if (!list) return error_response(list.error());
        json::array out;
        for (const RunSummary& s : *list) out.push_back(run_summary_json(s));
        return json_response(200, json::object{{"runs", std::move(out)}});
    });
    router.add("POST", "/api/v1/assessment/runs", Access::write, "Run a scheme over a period (admin, bureau)", [&ctx, air](Request& r) {
        auto body = parse_json_object(r, {"scheme_id", "period"});
        if (!body) return error_response(body.error());
        auto scheme = req_int(*body, "scheme_id");
        auto period = req_string(*body, "period");
        if (!scheme) return error_response(scheme.error());
        if (!period) return error_response(period.error());
        auto c = ctx.db.acquire();
        auto run = run_assessment(*c, *air, *r.actor, *scheme, *period, now_iso(ctx));
        if (!run) return error_response(run.error());
        return run_json(*run, 201);
    });
    router.add("GET", "/api/v1/assessment/runs/{id}", Access::read, "A run: ranking, inputs used, scheme text", [&ctx](Request& r) {
        auto run = run_param(ctx, r);
        if (!run) return error_response(run.error());
        return run_json(*run, 200);
    });
    router.add("GET", "/api/v1/assessment/runs/{id}/units/{code}", Access::read, "One unit's explanation in a run", [&ctx](Request& r) {
        auto run = run_param(ctx, r);
        if (!run) return error_response(run.error());
        const std::string code = r.path_params["code"];
        const json::value results = json::parse(run->results_json);
        const json::value inputs = json::parse(run->inputs_json);
        for (const json::value& u : results.at("units").as_array()) {
            if (u.at("code").as_string() != code) continue;
            json::object o{{"run", run_summary_json(run->summary)}, {"unit", u}};
            for (const json::value& i : inputs.at("units").as_array())
                if (i.at("code").as_string() == code) o["inputs"] = i.at("values");
            return json_response(200, o);
        }
        return error_response(Error{ErrorCode::not_found, "unit " + code + " is not in run " + std::to_string(run->summary.id), "code"});
    });
}

void add_report_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/assessment/trend", Access::read, "A unit's rank and total over the periods (?scheme=&unit=)",
               [&ctx](Request& r) {
                   const auto scheme = r.param("scheme");
                   const auto unit = r.param("unit");
                   if (!scheme || !unit) return error_response(Error{ErrorCode::invalid_argument, "scheme and unit are required", "scheme"});
                   auto c = ctx.db.acquire();
                   auto runs = list_runs(*c, *scheme);
                   if (!runs) return error_response(runs.error());
                   std::map<std::string, json::object> latest;  // period → point of its latest run
                   for (const RunSummary& s : *runs) {
                       if (latest.contains(s.period)) continue;
                       auto run = get_run(*c, s.id);
                       if (!run) return error_response(run.error());
                       const json::value results = json::parse(run->results_json);
                       for (const json::value& u : results.at("units").as_array())
                           if (u.at("code").as_string() == *unit)
                               latest[s.period] = json::object{{"period", s.period}, {"run_id", s.id},     {"rank", u.at("rank")},
                                                               {"total", u.at("total")}, {"grade", u.at("grade")}, {"group", u.at("group")}};
                   }
                   json::array out;
                   for (auto& [period, point] : latest) out.push_back(std::move(point));
                   return json_response(200, json::object{{"scheme", *scheme}, {"unit", *unit}, {"points", std::move(out)}});
               });
    router.add("GET", "/api/v1/assessment/runs/{id}/bulletin.xlsx", Access::read, "The bulletin as an XLSX workbook", [&ctx](Request& r) {
        auto run = run_param(ctx, r);
        if (!run) return error_response(run.error());
        auto book = bulletin_xlsx(json::parse(run->results_json), json::parse(run->inputs_json));
        if (!book) return error_response(book.error());
        return download(std::move(*book), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bulletin_name(*run, ".xlsx"));
    });
    router.add("GET", "/api/v1/assessment/runs/{id}/bulletin.html", Access::read, "The bulletin as a printable page", [&ctx](Request& r) {
        auto run = run_param(ctx, r);
        if (!run) return error_response(run.error());
        Response res;
        res.content_type = "text/html; charset=utf-8";
        res.body = bulletin_html(json::parse(run->results_json));
        return res;
    });
    router.add("GET", "/api/v1/assessment/runs/{id}/bulletin.pdf", Access::read, "The bulletin as PDF (Chromium headless)", [&ctx](Request& r) {
        auto run = run_param(ctx, r);
        if (!run) return error_response(run.error());
        auto pdf = bulletin_pdf(bulletin_html(json::parse(run->results_json)));
        if (!pdf) return error_response(pdf.error());
        return download(std::move(*pdf), "application/pdf", bulletin_name(*run, ".pdf"));
    });
}

}  // namespace

void register_assessment_routes(Router& router, AppContext& ctx) {
    auto air = shared_air_queries(ctx);
    add_scheme_routes(router, ctx);
    add_input_routes(router, ctx);
    add_run_routes(router, ctx, air);
    add_report_routes(router, ctx);
}

}  // namespace ecogov::http
