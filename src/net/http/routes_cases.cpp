// Problems and cases routes (routes_cases.hpp; docs/api.md "Problems and cases").
#include "net/http/routes_cases.hpp"

#include <boost/json.hpp>

#include "net/http/json_input.hpp"
#include "net/http/routes_air_params.hpp"
#include "net/http/routes_attachments.hpp"
#include "net/http/routes_common.hpp"
#include "net/http/routes_water_json.hpp"

namespace ecogov::http {

namespace json = boost::json;

namespace {

json::value opt_date(const std::optional<Date>& d) {
    return d ? json::value(d->iso()) : json::value(nullptr);
}

json::value opt_double(const std::optional<double>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}

json::array ids_json(const std::vector<std::int64_t>& ids) {
    json::array a;
    for (auto id : ids) a.emplace_back(id);
    return a;
}

json::array strings_json(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.emplace_back(s);
    return a;
}

Result<std::optional<std::vector<std::int64_t>>> opt_ids(const json::object& o,
                                                         std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v || v->is_null()) return std::optional<std::vector<std::int64_t>>{};
    if (!v->is_array())
        return fail(ErrorCode::invalid_argument, std::string(key) + ": expected an array of ids",
                    std::string(key));
    std::vector<std::int64_t> out;
    for (const auto& x : v->as_array()) {
        if (!x.is_int64())
            return fail(ErrorCode::invalid_argument,
                        std::string(key) + ": expected an array of ids", std::string(key));
        out.push_back(x.as_int64());
    }
    return std::optional{out};
}

Result<std::vector<std::string>> opt_strings(const json::object& o, std::string_view key) {
    std::vector<std::string> out;
    const auto* v = o.if_contains(key);
    if (!v || v->is_null()) return out;
    if (!v->is_array())
        return fail(ErrorCode::invalid_argument, std::string(key) + ": expected an array of texts",
                    std::string(key));
    for (const auto& x : v->as_array()) {
        if (!x.is_string())
            return fail(ErrorCode::invalid_argument,
                        std::string(key) + ": expected an array of texts", std::string(key));
        out.emplace_back(x.as_string());
    }
    return out;
}

Result<std::optional<Date>> opt_date_field(const json::object& o, std::string_view key) {
    auto text = opt_string(o, key);
    if (!text) return std::unexpected(text.error());
    if (!*text || (*text)->empty()) return std::optional<Date>{};
    auto d = Date::parse(**text);
    if (!d)
        return fail(ErrorCode::invalid_argument, std::string(key) + ": expected YYYY-MM-DD",
                    std::string(key));
    return std::optional<Date>{*d};
}

#define ECOGOV_TRY(var, expr)                                  \
    auto var = (expr);                                         \
    if (!var) return error_response(var.error())

json::object event_json(const ProblemEvent& e) {
    json::array files;
    for (const auto& f : e.files) files.push_back(attachment_object(f));
    boost::system::error_code ec;
    json::value detail = json::parse(e.detail_json, ec);
    if (ec) detail = json::object{};
    return {{"id", e.id},
            {"seq", e.seq},
            {"event", e.event},
            {"from_state", e.from_state},
            {"to_state", e.to_state},
            {"reason", e.reason},
            {"person", e.person},
            {"detail", std::move(detail)},
            {"evidence_ids", ids_json(e.evidence_ids)},
            {"user_id", e.user_id ? json::value(*e.user_id) : json::value(nullptr)},
            {"username", e.username},
            {"at", e.at},
            {"files", std::move(files)}};
}

json::object accountability_json(const AccountabilityEntry& a) {
    return {{"id", a.id},
            {"problem_id", a.problem_id},
            {"problem_code", a.problem_code},
            {"township_unit_id", a.township_unit_id},
            {"party_secretary", a.party_secretary},
            {"township_head", a.township_head},
            {"supervising_unit_ids", ids_json(a.supervising_unit_ids)},
            {"decision", a.decision},
            {"decided_on", opt_date(a.decided_on)},
            {"document", a.document},
            {"created_at", a.created_at}};
}

json::object count_json(const ProblemCount& c) {
    return {{"key", c.key}, {"problems", c.problems}, {"rectified", c.rectified},
            {"overdue", c.overdue}};
}

json::array categories_json(const std::vector<ProblemCategory>& list, bool kinds) {
    json::array a;
    for (const auto& k : list) {
        json::object o{{"id", k.id}, {"name_zh", k.name_zh}, {"name_en", k.name_en}};
        if (kinds) o["damage"] = k.damage;
        a.push_back(std::move(o));
    }
    return a;
}

json::object matrix_json(const MatrixEntry& e) {
    return {{"sector", e.sector}, {"sector_zh", e.sector_zh}, {"unit_ids", ids_json(e.unit_ids)}};
}

Result<NewProblem> new_problem_from(const json::object& o) {
    NewProblem p;
    auto code = opt_string(o, "code");
    auto kind = req_string(o, "kind");
    auto source = opt_string(o, "source");
    auto ref = opt_string(o, "source_reference");
    auto town = req_int(o, "township_unit_id");
    auto address = opt_string(o, "address");
    auto lon = opt_number(o, "longitude");
    auto lat = opt_number(o, "latitude");
    auto discovered = opt_date_field(o, "discovered_on");
    auto description = req_string(o, "description");
    auto severity = opt_string(o, "severity");
    auto sector = opt_string(o, "sector");
    auto responsible = opt_int(o, "responsible_unit_id");
    auto supervising = opt_ids(o, "supervising_unit_ids");
    for (const Error* e :
         {code ? nullptr : &code.error(), kind ? nullptr : &kind.error(),
          source ? nullptr : &source.error(), ref ? nullptr : &ref.error(),
          town ? nullptr : &town.error(), address ? nullptr : &address.error(),
          lon ? nullptr : &lon.error(), lat ? nullptr : &lat.error(),
          discovered ? nullptr : &discovered.error(), description ? nullptr : &description.error(),
          severity ? nullptr : &severity.error(), sector ? nullptr : &sector.error(),
          responsible ? nullptr : &responsible.error(),
          supervising ? nullptr : &supervising.error()})
        if (e) return std::unexpected(*e);
    if (!*discovered)
        return fail(ErrorCode::invalid_argument, "discovered_on is required (YYYY-MM-DD)",
                    "discovered_on");
    p.code = code->value_or("");
    p.kind = *kind;
    p.source = source->value_or("patrol");
    p.source_reference = ref->value_or("");
    p.township_unit_id = *town;
    p.address = address->value_or("");
    p.longitude = *lon;
    p.latitude = *lat;
    p.discovered_on = **discovered;
    p.description = *description;
    p.severity = severity->value_or("general");
    p.sector = sector->value_or("");
    p.responsible_unit_id = responsible->value_or(0);
    p.supervising_unit_ids = *supervising;
    return p;
}

Result<TransitionRequest> transition_from(const json::object& o) {
    TransitionRequest t;
    auto event = req_string(o, "event");
    auto version = req_int(o, "version");
    auto reason = opt_string(o, "reason");
    auto note = opt_string(o, "note");
    auto person = opt_string(o, "person");
    auto evidence = opt_ids(o, "evidence_ids");
    auto goal = opt_string(o, "goal");
    auto measures = opt_strings(o, "measures");
    auto deadline = opt_date_field(o, "deadline");
    auto unit = opt_int(o, "responsible_unit_id");
    auto rperson = opt_string(o, "responsible_person");
    for (const Error* e :
         {event ? nullptr : &event.error(), version ? nullptr : &version.error(),
          reason ? nullptr : &reason.error(), note ? nullptr : &note.error(),
          person ? nullptr : &person.error(), evidence ? nullptr : &evidence.error(),
          goal ? nullptr : &goal.error(), measures ? nullptr : &measures.error(),
          deadline ? nullptr : &deadline.error(), unit ? nullptr : &unit.error(),
          rperson ? nullptr : &rperson.error()})
        if (e) return std::unexpected(*e);
    t.event = *event;
    t.version = *version;
    t.reason = reason->value_or("");
    t.note = note->value_or("");
    t.person = person->value_or("");
    t.evidence_ids = evidence->value_or(std::vector<std::int64_t>{});
    t.goal = goal->value_or("");
    t.measures = *measures;
    t.deadline = *deadline;
    t.responsible_unit_id = unit->value_or(0);
    t.responsible_person = rperson->value_or("");
    for (const std::string* s : {&t.reason, &t.note, &t.person, &t.goal, &t.responsible_person})
        if (s->size() > 4000)
            return fail(ErrorCode::invalid_argument, "texts: at most 4000 bytes each");
    return t;
}

Result<ProblemFilter> filter_from(const Request& r) {
    ProblemFilter f;
    f.kind = r.param("kind");
    f.state = r.param("state");
    auto town = int_param(r, "township", 1, INT64_MAX);
    if (!town) return std::unexpected(town.error());
    f.township_unit_id = *town;
    auto batch = int_param(r, "batch", 1, INT64_MAX);
    if (!batch) return std::unexpected(batch.error());
    f.batch_id = *batch;
    if (auto o = r.param("overdue")) {
        if (*o != "true" && *o != "false")
            return fail(ErrorCode::invalid_argument, "overdue: true or false", "overdue");
        f.overdue = *o == "true";
    }
    return f;
}

/// ?from=&to= (default: the current year up to today).
Result<DateRange> stats_range(const AppContext& ctx, const Request& r) {
    auto from = date_param(r, "from");
    if (!from) return std::unexpected(from.error());
    auto to = date_param(r, "to");
    if (!to) return std::unexpected(to.error());
    const Date today = today_cst(ctx);
    DateRange range{from->value_or(Date::from_ymd(today.year(), 1, 1)), to->value_or(today)};
    if (range.last < range.first)
        return fail(ErrorCode::invalid_argument, "from: must not be after to", "from");
    return range;
}

json::object unit_stats_json(const UnitProblemStatistics& s) {
    return {{"unit_id", s.unit_id},
            {"problems", s.problems},
            {"rectified", s.rectified},
            {"overdue", s.overdue},
            {"rectification_rate", opt_double(s.rectification_rate)},
            {"complaints", s.complaints},
            {"serious_damage_cases", s.serious_damage_cases},
            {"accountable_cases", s.accountable_cases},
            {"veto", s.veto}};
}

Response statistics(AppContext& ctx, Request& r) {
    ECOGOV_TRY(range, stats_range(ctx, r));
    auto c = ctx.db.acquire();
    ECOGOV_TRY(summary, summarize_problems(*c, range->first, range->last, today_cst(ctx)));
    ECOGOV_TRY(units, problem_unit_statistics(*c, range->first, range->last));
    json::array kinds, states, months, towns;
    for (const auto& x : summary->by_kind) kinds.push_back(count_json(x));
    for (const auto& x : summary->by_state) states.push_back(count_json(x));
    for (const auto& x : summary->by_month) months.push_back(count_json(x));
    for (const auto& x : *units) towns.push_back(unit_stats_json(x));
    return json_response(200, json::object{{"from", range->first.iso()},
                                           {"to", range->last.iso()},
                                           {"problems", summary->problems},
                                           {"rectified", summary->rectified},
                                           {"overdue", summary->overdue},
                                           {"due_soon", summary->due_soon},
                                           {"rectification_rate",
                                            opt_double(summary->rectification_rate)},
                                           {"by_kind", std::move(kinds)},
                                           {"by_state", std::move(states)},
                                           {"by_month", std::move(months)},
                                           {"by_township", std::move(towns)}});
}

Response problem_page(AppContext& ctx, Request& r) {
    ECOGOV_TRY(id, parse_id(r.path_params["id"], "id"));
    auto c = ctx.db.acquire();
    ECOGOV_TRY(p, get_problem(*c, *id, today_cst(ctx)));
    ECOGOV_TRY(history, problem_history(*c, *id));
    ECOGOV_TRY(records, list_accountability(*c, *id));
    json::object o = problem_json(*p);
    json::array events, acc;
    for (const auto& e : *history) events.push_back(event_json(e));
    for (const auto& a : *records) acc.push_back(accountability_json(a));
    o["history"] = std::move(events);
    o["accountability"] = std::move(acc);
    o["allowed_events"] = strings_json(allowed_events(*r.actor, *p));
    return json_response(200, o);
}

Response add_record(AppContext& ctx, Request& r) {
    ECOGOV_TRY(body, parse_json_object(r, {"problem_id", "party_secretary", "township_head",
                                           "supervising_unit_ids", "decision", "decided_on",
                                           "document"}));
    ECOGOV_TRY(pid, req_int(*body, "problem_id"));
    ECOGOV_TRY(secretary, opt_string(*body, "party_secretary"));
    ECOGOV_TRY(head, opt_string(*body, "township_head"));
    ECOGOV_TRY(units, opt_ids(*body, "supervising_unit_ids"));
    ECOGOV_TRY(decision, opt_string(*body, "decision"));
    ECOGOV_TRY(decided, opt_date_field(*body, "decided_on"));
    ECOGOV_TRY(document, opt_string(*body, "document"));
    AccountabilityEntry e;
    e.problem_id = *pid;
    e.party_secretary = secretary->value_or("");
    e.township_head = head->value_or("");
    e.supervising_unit_ids = units->value_or(std::vector<std::int64_t>{});
    e.decision = decision->value_or("");
    e.decided_on = *decided;
    e.document = document->value_or("");
    auto c = ctx.db.acquire();
    return render_result(add_accountability(*c, ctx.clock, *r.actor, e), 201,
                         accountability_json);
}

json::object import_errors_json(const ProblemImportReport& r) {
    json::array errors;
    for (const ImportRowError& e : r.errors)
        errors.push_back(json::object{
            {"line", e.line}, {"column", e.column}, {"field", e.field}, {"message", e.message}});
    std::string message = std::to_string(r.error_count) + " bad row(s); nothing was stored";
    if (!r.errors.empty())
        message += " (first: row " + std::to_string(r.errors.front().line) + ", " +
                   r.errors.front().field + ": " + r.errors.front().message + ")";
    return {{"error", json::object{{"code", "bad_data"}, {"message", message}, {"field", "body"}}},
            {"errors", std::move(errors)}};
}

Response import_batch(AppContext& ctx, Request& r) {
    ProblemBatchInfo b;
    b.code = r.param("batch").value_or("");
    b.title = r.param("title").value_or("");
    b.source = r.param("source").value_or("inspection_batch");
    ECOGOV_TRY(received, date_param(r, "received_on"));
    b.received_on = received->value_or(today_cst(ctx));
    std::string converted;
    ECOGOV_TRY(text, sample_import_text(r, converted));
    auto c = ctx.db.acquire();
    ECOGOV_TRY(report, import_problem_batch(*c, ctx.clock, *r.actor, b, *text));
    if (!report->errors.empty()) return json_response(422, import_errors_json(*report));
    return json_response(200, json::object{{"batch_id", report->batch_id},
                                           {"imported", report->imported}});
}

json::object batch_json(const ProblemBatch& b) {
    return {{"id", b.id},
            {"code", b.code},
            {"title", b.title},
            {"source", b.source},
            {"received_on", b.received_on.iso()},
            {"problems", b.problems},
            {"imported_at", b.imported_at}};
}

void add_reference_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/problems/meta", Access::read,
               "Problem kinds, sources, states and events", [&ctx](Request&) {
                   auto c = ctx.db.acquire();
                   ECOGOV_TRY(kinds, list_problem_kinds(*c));
                   ECOGOV_TRY(sources, list_problem_sources(*c));
                   json::array states;
                   for (const char* s : {"reported", "verified", "dismissed", "assigned",
                                         "rectifying", "submitted", "self_accepted",
                                         "bureau_accepted", "public_notice", "closed"})
                       states.emplace_back(s);
                   return json_response(200, json::object{{"kinds", categories_json(*kinds, true)},
                                                          {"sources", categories_json(*sources, false)},
                                                          {"states", std::move(states)}});
               });
    router.add("POST", "/api/v1/problems/kinds", Access::write,
               "Add a problem kind (admin, bureau)", [&ctx](Request& r) {
                   ECOGOV_TRY(body, parse_json_object(r, {"id", "name_zh", "name_en"}));
                   ECOGOV_TRY(id, req_string(*body, "id"));
                   ECOGOV_TRY(zh, req_string(*body, "name_zh"));
                   ECOGOV_TRY(en, opt_string(*body, "name_en"));
                   auto c = ctx.db.acquire();
                   return render_result(
                       add_problem_kind(*c, ctx.clock, *r.actor,
                                        ProblemCategory{*id, *zh, en->value_or(""), false}),
                       201, [](const ProblemCategory& k) {
                           return json::object{{"id", k.id}, {"name_zh", k.name_zh},
                                               {"name_en", k.name_en}, {"damage", k.damage}};
                       });
               });
    router.add("GET", "/api/v1/problems/matrix", Access::read,
               "Responsibility matrix (三管三必须): sector → departments", [&ctx](Request&) {
                   auto c = ctx.db.acquire();
                   return render_result(list_matrix(*c), 200, [](const auto& list) {
                       json::array a;
                       for (const auto& e : list) a.push_back(matrix_json(e));
                       return json::object{{"sectors", std::move(a)}};
                   });
               });
    router.add("POST", "/api/v1/problems/matrix", Access::write,
               "Set one sector's responsible departments (admin, bureau)", [&ctx](Request& r) {
                   ECOGOV_TRY(body, parse_json_object(r, {"sector", "sector_zh", "unit_ids"}));
                   ECOGOV_TRY(sector, req_string(*body, "sector"));
                   ECOGOV_TRY(zh, opt_string(*body, "sector_zh"));
                   ECOGOV_TRY(units, opt_ids(*body, "unit_ids"));
                   MatrixEntry e{*sector, zh->value_or(""),
                                 units->value_or(std::vector<std::int64_t>{})};
                   auto c = ctx.db.acquire();
                   return render_result(set_matrix_entry(*c, ctx.clock, *r.actor, e), 200,
                                        matrix_json);
               });
    router.add("GET", "/api/v1/problems/matrix/proposal", Access::read,
               "Departments the matrix proposes for ?sector=", [&ctx](Request& r) {
                   const std::string sector = r.param("sector").value_or("");
                   auto c = ctx.db.acquire();
                   return render_result(propose_supervisors(*c, sector), 200,
                                        [&](const std::vector<std::int64_t>& ids) {
                                            return json::object{{"sector", sector},
                                                                {"unit_ids", ids_json(ids)}};
                                        });
               });
}

void add_report_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/problems/warnings", Access::read,
               "Overdue and due-soon rectifications", [&ctx](Request&) {
                   auto c = ctx.db.acquire();
                   ECOGOV_TRY(list, list_problems(*c, {}, today_cst(ctx)));
                   json::array overdue, soon;
                   for (const auto& p : *list) {
                       if (p.warning == "overdue") overdue.push_back(problem_json(p));
                       if (p.warning == "due_soon") soon.push_back(problem_json(p));
                   }
                   return json_response(200, json::object{{"today", today_cst(ctx).iso()},
                                                          {"overdue", std::move(overdue)},
                                                          {"due_soon", std::move(soon)}});
               });
    router.add("GET", "/api/v1/problems/statistics", Access::read,
               "Counts by kind, state, month and township; rectification rate; veto facts",
               [&ctx](Request& r) { return statistics(ctx, r); });
    router.add("GET", "/api/v1/problems/accountability", Access::read,
               "Accountability records (党政同责)", [&ctx](Request&) {
                   auto c = ctx.db.acquire();
                   return render_result(list_accountability(*c, std::nullopt), 200,
                                        [](const auto& list) {
                                            json::array a;
                                            for (const auto& x : list)
                                                a.push_back(accountability_json(x));
                                            return json::object{{"records", std::move(a)}};
                                        });
               });
    router.add("POST", "/api/v1/problems/accountability", Access::write,
               "Record accountability for a serious damage case (admin, bureau)",
               [&ctx](Request& r) { return add_record(ctx, r); });
    router.add("GET", "/api/v1/problems/batches", Access::read, "Inspection batches",
               [&ctx](Request&) {
                   auto c = ctx.db.acquire();
                   return render_result(list_problem_batches(*c), 200, [](const auto& list) {
                       json::array a;
                       for (const auto& b : list) a.push_back(batch_json(b));
                       return json::object{{"batches", std::move(a)}};
                   });
               });
    router.add("POST", "/api/v1/problems/batches/import", Access::write,
               "Import an inspection batch (CSV or XLSX; all or nothing; admin, bureau)",
               [&ctx](Request& r) { return import_batch(ctx, r); });
}

void add_problem_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/problems", Access::read,
               "Problems (?kind=&township=&state=&overdue=&batch=)", [&ctx](Request& r) {
                   ECOGOV_TRY(f, filter_from(r));
                   auto c = ctx.db.acquire();
                   return render_result(list_problems(*c, *f, today_cst(ctx)), 200,
                                        [](const auto& list) {
                                            json::array a;
                                            for (const auto& p : list) a.push_back(problem_json(p));
                                            return json::object{{"problems", std::move(a)}};
                                        });
               });
    router.add("POST", "/api/v1/problems", Access::write, "Register a problem (admin, bureau)",
               [&ctx](Request& r) {
                   ECOGOV_TRY(body, parse_json_object(
                                        r, {"code", "kind", "source", "source_reference",
                                            "township_unit_id", "address", "longitude", "latitude",
                                            "discovered_on", "description", "severity", "sector",
                                            "responsible_unit_id", "supervising_unit_ids"}));
                   ECOGOV_TRY(input, new_problem_from(*body));
                   auto c = ctx.db.acquire();
                   return render_result(open_problem(*c, ctx.clock, *r.actor, *input), 201,
                                        [&](const ProblemRecord& p) {
                                            json::object o = problem_json(p);
                                            o["allowed_events"] =
                                                strings_json(allowed_events(*r.actor, p));
                                            return o;
                                        });
               });
    router.add("GET", "/api/v1/problems/{id}", Access::read,
               "A problem with its history, accountability and the caller's allowed events",
               [&ctx](Request& r) { return problem_page(ctx, r); });
    router.add("POST", "/api/v1/problems/{id}/transitions", Access::write,
               "Fire a lifecycle event (version required; 409 when stale or illegal)",
               [&ctx](Request& r) {
                   ECOGOV_TRY(id, parse_id(r.path_params["id"], "id"));
                   ECOGOV_TRY(body, parse_json_object(
                                        r, {"event", "version", "reason", "note", "person",
                                            "evidence_ids", "goal", "measures", "deadline",
                                            "responsible_unit_id", "responsible_person"}));
                   ECOGOV_TRY(t, transition_from(*body));
                   auto c = ctx.db.acquire();
                   return render_result(apply_transition(*c, ctx.clock, *r.actor, *id, *t), 200,
                                        [&](const ProblemRecord& p) {
                                            json::object o = problem_json(p);
                                            o["allowed_events"] =
                                                strings_json(allowed_events(*r.actor, p));
                                            return o;
                                        });
               });
    router.add("POST", "/api/v1/problems/{id}/evidence", Access::write,
               "Upload an evidence file (raw body, Content-Type, ?filename=, ?note=)",
               [&ctx](Request& r) {
                   ECOGOV_TRY(id, parse_id(r.path_params["id"], "id"));
                   auto c = ctx.db.acquire();
                   return render_result(
                       add_problem_evidence(*c, ctx.clock, *r.actor, *id, uploaded_file(r),
                                            ctx.settings.attachments,
                                            r.param("note").value_or("")),
                       201, [](const AttachmentMeta& m) { return attachment_object(m); });
               });
}

}  // namespace

json::object problem_json(const ProblemRecord& p) {
    return {{"id", p.id},
            {"code", p.code},
            {"kind", p.kind},
            {"source", p.source},
            {"source_reference", p.source_reference},
            {"batch_id", p.batch_id ? json::value(*p.batch_id) : json::value(nullptr)},
            {"township_unit_id", p.township_unit_id},
            {"address", p.address},
            {"longitude", opt_double(p.longitude)},
            {"latitude", opt_double(p.latitude)},
            {"discovered_on", p.discovered_on.iso()},
            {"description", p.description},
            {"severity", p.severity},
            {"sector", p.sector},
            {"responsible_unit_id", p.responsible_unit_id},
            {"supervising_unit_ids", ids_json(p.supervising_unit_ids)},
            {"state", p.state},
            {"version", p.version},
            {"plan",
             json::object{{"goal", p.plan_goal},
                          {"measures", strings_json(p.plan_measures)},
                          {"deadline", opt_date(p.deadline)},
                          {"responsible_person", p.responsible_person}}},
            {"warning", p.warning},
            {"created_at", p.created_at},
            {"updated_at", p.updated_at}};
}

void register_cases_routes(Router& router, AppContext& ctx) {
    // Literal paths before /api/v1/problems/{id}: the router takes the first match.
    add_reference_routes(router, ctx);
    add_report_routes(router, ctx);
    register_cases_export_routes(router, ctx);
    add_problem_routes(router, ctx);
}

}  // namespace ecogov::http
