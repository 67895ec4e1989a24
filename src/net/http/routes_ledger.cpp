// Task ledger routes (docs/api.md "Task ledger"; issue 4). Thin: parse, call one service, render.
#include "net/http/routes_ledger.hpp"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>

#include <boost/json.hpp>

#include "net/http/json_input.hpp"
#include "net/http/routes_air_params.hpp"
#include "net/http/routes_attachments.hpp"
#include "net/http/routes_common.hpp"
#include "net/http/routes_ledger_json.hpp"

namespace ecogov::http {

namespace json = boost::json;

namespace {

Result<ledger::WarningPolicy> warning_policy(const Request& r) {
    auto days = int_param(r, "due_soon_days", 0, 365);
    if (!days) return std::unexpected(days.error());
    ledger::WarningPolicy p;
    if (*days) p.due_soon_days = static_cast<int>(**days);
    return p;
}

Result<std::optional<std::string>> text_param(const Request& r, const std::string& name) {
    auto v = r.param(name);
    if (!v || v->empty()) return std::optional<std::string>{};
    if (v->size() > 200)
        return fail(ErrorCode::invalid_argument, name + ": at most 200 bytes", name);
    return std::optional<std::string>{*v};
}

Result<LedgerFilter> filter_of(const Request& r) {
    LedgerFilter f;
    auto unit = int_param(r, "unit_id", 1, INT64_MAX);
    if (!unit) return std::unexpected(unit.error());
    f.unit_id = *unit;
    auto offset = int_param(r, "offset", 0, INT64_MAX);
    if (!offset) return std::unexpected(offset.error());
    f.offset = offset->value_or(0);
    auto limit = int_param(r, "limit", 1, 500);
    if (!limit) return std::unexpected(limit.error());
    f.limit = limit->value_or(50);
    for (auto [name, slot] : {std::pair{"category", &f.category}, std::pair{"status", &f.status},
                              std::pair{"warning", &f.warning}, std::pair{"q", &f.search}}) {
        auto v = text_param(r, name);
        if (!v) return std::unexpected(v.error());
        *slot = *v;
    }
    if (auto k = r.param("key_project")) {
        if (*k != "true" && *k != "false")
            return fail(ErrorCode::invalid_argument, "key_project: true or false", "key_project");
        f.key_project = *k == "true";
    }
    if (auto m = r.param("milestones")) f.with_milestones = *m == "1" || *m == "true";
    return f;
}

json::object page_json(const LedgerPage& p, const LedgerFilter& f, Date today) {
    json::array items;
    for (const LedgerTaskView& v : p.items) items.push_back(ledger_view_json(v, today));
    return json::object{{"total", p.total},
                        {"offset", f.offset},
                        {"limit", f.limit},
                        {"today", today.iso()},
                        {"items", std::move(items)}};
}

/// Rendered list answers by request (path, query, day), valid while the ledger generation
/// (services/ledger.hpp ledger_generation) is unchanged and for at most kTtl (so that a renamed
/// unit shows within seconds). Shared by the server's threads.
class ListCache {
  public:
    static constexpr auto kTtl = std::chrono::seconds(5);
    static constexpr std::size_t kMaxEntries = 512;

    std::optional<std::string> find(const std::string& key, std::int64_t generation) {
        std::lock_guard lock(mutex_);
        const auto it = entries_.find(key);
        if (it == entries_.end() || it->second.generation != generation ||
            std::chrono::steady_clock::now() - it->second.at > kTtl)
            return std::nullopt;
        return it->second.body;
    }
    void put(const std::string& key, std::int64_t generation, std::string body) {
        std::lock_guard lock(mutex_);
        if (entries_.size() >= kMaxEntries) entries_.clear();
        entries_[key] = Entry{generation, std::chrono::steady_clock::now(), std::move(body)};
    }

  private:
    struct Entry {
        std::int64_t generation = 0;
        std::chrono::steady_clock::time_point at;
        std::string body;
    };
    std::mutex mutex_;
    std::map<std::string, Entry> entries_;
};

std::string cache_key(const Request& r, Date today) {
    std::string key = r.path + '?' + today.iso();
    for (const auto& [k, v] : r.query) key += '&' + k + '=' + v;
    return key;
}

Response list_tasks(AppContext& ctx, Request& r, bool key_projects, ListCache& cache) {
    const Date today = today_cst(ctx);
    auto c = ctx.db.acquire();
    auto generation = ledger_generation(*c);
    if (!generation) return error_response(generation.error());
    const std::string key = cache_key(r, today);
    if (auto hit = cache.find(key, *generation)) {
        Response res;
        res.body = std::move(*hit);
        return res;
    }
    auto f = filter_of(r);
    if (!f) return error_response(f.error());
    if (key_projects) f->key_project = true;
    auto policy = warning_policy(r);
    if (!policy) return error_response(policy.error());
    auto page = list_ledger_tasks(*c, *f, today, *policy);
    if (!page) return error_response(page.error());
    Response res = json_response(200, page_json(*page, *f, today));
    cache.put(key, *generation, res.body);
    return res;
}

Result<std::int64_t> path_id(Request& r) {
    return parse_id(r.path_params["id"], "id");
}

void add_task_routes(Router& router, AppContext& ctx) {
    auto cache = std::make_shared<ListCache>();
    router.add("GET", "/api/v1/ledger/categories", Access::read, "Ledger task categories",
               [&ctx](Request&) {
                   auto c = ctx.db.acquire();
                   auto list = list_ledger_categories(*c);
                   if (!list) return error_response(list.error());
                   json::array out;
                   for (const LedgerCategory& k : *list)
                       out.push_back(json::object{{"code", k.code},
                                                  {"name_zh", k.name_zh},
                                                  {"name_en", k.name_en},
                                                  {"sort_order", k.sort_order}});
                   return json_response(200, json::object{{"categories", std::move(out)}});
               });
    router.add("POST", "/api/v1/ledger/categories", Access::write,
               "Add a ledger category (admin, bureau)", [&ctx](Request& r) {
                   auto body = parse_json_object(r, {"code", "name_zh", "name_en", "sort_order"});
                   if (!body) return error_response(body.error());
                   auto code = req_string(*body, "code");
                   auto zh = req_string(*body, "name_zh");
                   auto en = req_string(*body, "name_en");
                   auto order = opt_int(*body, "sort_order");
                   if (!code) return error_response(code.error());
                   if (!zh) return error_response(zh.error());
                   if (!en) return error_response(en.error());
                   if (!order) return error_response(order.error());
                   auto c = ctx.db.acquire();
                   auto k = create_ledger_category(
                       *c, actor(r),
                       {*code, *zh, *en,
                        static_cast<int>(std::clamp<std::int64_t>(order->value_or(100), 0, 10000))},
                       now_iso(ctx));
                   if (!k) return error_response(k.error());
                   return json_response(201, json::object{{"code", k->code},
                                                          {"name_zh", k->name_zh},
                                                          {"name_en", k->name_en},
                                                          {"sort_order", k->sort_order}});
               });
    router.add("GET", "/api/v1/ledger/tasks", Access::read,
               "Ledger tasks with filters (unit_id, category, status, warning, key_project, q) "
               "and paging (offset, limit)",
               [&ctx, cache](Request& r) { return list_tasks(ctx, r, false, *cache); });
    router.add("GET", "/api/v1/ledger/key-projects", Access::read, "Key projects (重点项目)",
               [&ctx, cache](Request& r) { return list_tasks(ctx, r, true, *cache); });
    router.add("POST", "/api/v1/ledger/tasks", Access::write,
               "Create a task with its milestones (admin, bureau)", [&ctx](Request& r) {
                   auto body = parse_json_object(r, {"code",
                                                     "title",
                                                     "category",
                                                     "content",
                                                     "measures",
                                                     "lead_unit_id",
                                                     "cooperating_unit_ids",
                                                     "responsible_leader",
                                                     "responsible_person",
                                                     "target_id",
                                                     "start",
                                                     "due",
                                                     "priority",
                                                     "source_document",
                                                     "status",
                                                     "key_project",
                                                     "investment_planned",
                                                     "investment_completed",
                                                     "physical_progress",
                                                     "milestones"});
                   if (!body) return error_response(body.error());
                   auto task = ledger_task_from_body(*body);
                   if (!task) return error_response(task.error());
                   auto c = ctx.db.acquire();
                   auto made = create_ledger_task(*c, actor(r), std::move(*task), now_iso(ctx));
                   if (!made) return error_response(made.error());
                   auto d = ledger_task_detail(*c, made->id, today_cst(ctx), {});
                   if (!d) return error_response(d.error());
                   return json_response(201, ledger_detail_json(*d, today_cst(ctx)));
               });
    router.add("GET", "/api/v1/ledger/tasks/{id}", Access::read,
               "A task with milestones, reports, cards and notices", [&ctx](Request& r) {
                   auto id = path_id(r);
                   if (!id) return error_response(id.error());
                   auto policy = warning_policy(r);
                   if (!policy) return error_response(policy.error());
                   const Date today = today_cst(ctx);
                   auto c = ctx.db.acquire();
                   auto d = ledger_task_detail(*c, *id, today, *policy);
                   if (!d) return error_response(d.error());
                   return json_response(200, ledger_detail_json(*d, today));
               });
    router.add(
        "PATCH", "/api/v1/ledger/tasks/{id}", Access::write,
        "Change a task, naming the version read (409 when it changed meanwhile)",
        [&ctx](Request& r) {
            auto id = path_id(r);
            if (!id) return error_response(id.error());
            auto body = parse_json_object(
                r, {"version", "title", "category", "content", "measures", "lead_unit_id",
                    "cooperating_unit_ids", "responsible_leader", "responsible_person", "target_id",
                    "start", "due", "priority", "source_document", "status", "key_project",
                    "investment_planned", "investment_completed", "physical_progress"});
            if (!body) return error_response(body.error());
            if (!body->contains("version"))
                return error_response(400, "invalid_argument",
                                      "version: the version you read is required", "version");
            auto patch = ledger_patch_from_body(*body);
            if (!patch) return error_response(patch.error());
            auto c = ctx.db.acquire();
            auto t = update_ledger_task(*c, actor(r), *id, *patch, now_iso(ctx));
            if (!t) return error_response(t.error());
            auto d = ledger_task_detail(*c, *id, today_cst(ctx), {});
            if (!d) return error_response(d.error());
            return json_response(200, ledger_detail_json(*d, today_cst(ctx)));
        });
}

void add_milestone_route(Router& router, AppContext& ctx) {
    router.add(
        "POST", "/api/v1/ledger/tasks/{id}/milestones", Access::write,
        "Append a milestone to a task, naming the version read (admin, bureau)",
        [&ctx](Request& r) {
            auto id = path_id(r);
            if (!id) return error_response(id.error());
            auto body =
                parse_json_object(r, {"version", "due", "deliverable", "responsible_unit_id"});
            if (!body) return error_response(body.error());
            auto version = req_int(*body, "version");
            if (!version) return error_response(version.error());
            auto due = req_string(*body, "due");
            if (!due) return error_response(due.error());
            const auto d = Date::parse(*due);
            if (!d || due->size() != 10)
                return error_response(400, "invalid_argument", "due: expected YYYY-MM-DD", "due");
            auto deliverable = req_string(*body, "deliverable");
            if (!deliverable) return error_response(deliverable.error());
            auto unit = opt_int(*body, "responsible_unit_id");
            if (!unit) return error_response(unit.error());
            LedgerMilestone m;
            m.due = *d;
            m.deliverable = *deliverable;
            m.responsible_unit_id = unit->value_or(0);
            auto c = ctx.db.acquire();
            auto t = add_ledger_milestone(*c, actor(r), *id, *version, m, now_iso(ctx));
            if (!t) return error_response(t.error());
            auto detail = ledger_task_detail(*c, *id, today_cst(ctx), {});
            if (!detail) return error_response(detail.error());
            return json_response(201, ledger_detail_json(*detail, today_cst(ctx)));
        });
}

void add_report_routes(Router& router, AppContext& ctx) {
    router.add(
        "POST", "/api/v1/ledger/tasks/{id}/reports", Access::write,
        "File a progress report on a milestone (its unit's clerk, bureau)", [&ctx](Request& r) {
            auto id = path_id(r);
            if (!id) return error_response(id.error());
            auto body = parse_json_object(r, {"milestone_id", "reported_on", "percent", "body"});
            if (!body) return error_response(body.error());
            NewLedgerReport in;
            auto m = opt_int(*body, "milestone_id");
            if (!m) return error_response(m.error());
            in.milestone_id = *m;
            auto pct = req_int(*body, "percent");
            if (!pct) return error_response(pct.error());
            in.percent = static_cast<int>(std::clamp<std::int64_t>(*pct, -1, 101));
            auto text = req_string(*body, "body");
            if (!text) return error_response(text.error());
            in.body = *text;
            auto on = opt_string(*body, "reported_on");
            if (!on) return error_response(on.error());
            if (*on) {
                const auto d = Date::parse(**on);
                if (!d || (*on)->size() != 10)
                    return error_response(400, "invalid_argument",
                                          "reported_on: expected YYYY-MM-DD", "reported_on");
                in.reported_on = *d;
            }
            auto c = ctx.db.acquire();
            auto rep = create_ledger_report(*c, actor(r), *id, in, today_cst(ctx), now_iso(ctx));
            if (!rep) return error_response(rep.error());
            return json_response(201, ledger_report_json(*rep));
        });
    router.add("POST", "/api/v1/ledger/reports/{id}/attachments", Access::write,
               "Attach a file to a pending report (raw body, Content-Type, ?filename=)",
               [&ctx](Request& r) {
                   auto id = path_id(r);
                   if (!id) return error_response(id.error());
                   auto c = ctx.db.acquire();
                   auto meta = attach_to_ledger_report(*c, actor(r), *id, uploaded_file(r),
                                                       ctx.settings.attachments, now_iso(ctx));
                   if (!meta) return error_response(meta.error());
                   return json_response(201, attachment_object(*meta));
               });
    router.add("POST", "/api/v1/ledger/reports/{id}/review", Access::write,
               "Accept or return a report (admin, bureau)", [&ctx](Request& r) {
                   auto id = path_id(r);
                   if (!id) return error_response(id.error());
                   auto body = parse_json_object(r, {"decision", "reason"});
                   if (!body) return error_response(body.error());
                   auto decision = req_string(*body, "decision");
                   if (!decision) return error_response(decision.error());
                   if (*decision != "accept" && *decision != "return")
                       return error_response(400, "invalid_argument", "decision: accept or return",
                                             "decision");
                   auto reason = opt_string(*body, "reason");
                   if (!reason) return error_response(reason.error());
                   auto c = ctx.db.acquire();
                   auto rep = review_ledger_report(*c, actor(r), *id, *decision == "accept",
                                                   reason->value_or(""), now_iso(ctx));
                   if (!rep) return error_response(rep.error());
                   return json_response(200, ledger_report_json(*rep));
               });
    router.add("GET", "/api/v1/ledger/reports", Access::read,
               "Progress reports (status, unit_id, task_id filters), newest first",
               [&ctx](Request& r) {
                   auto status = text_param(r, "status");
                   if (!status) return error_response(status.error());
                   auto unit = int_param(r, "unit_id", 1, INT64_MAX);
                   if (!unit) return error_response(unit.error());
                   auto task = int_param(r, "task_id", 1, INT64_MAX);
                   if (!task) return error_response(task.error());
                   auto c = ctx.db.acquire();
                   auto list = list_ledger_reports(*c, *status, *unit, *task, 200);
                   if (!list) return error_response(list.error());
                   json::array out;
                   for (const LedgerReport& x : *list) out.push_back(ledger_report_json(x));
                   return json_response(200, json::object{{"reports", std::move(out)}});
               });
}

void add_supervision_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/ledger/cards", Access::read, "Recorded yellow and red cards",
               [&ctx](Request& r) {
                   auto unit = int_param(r, "unit_id", 1, INT64_MAX);
                   if (!unit) return error_response(unit.error());
                   auto c = ctx.db.acquire();
                   auto list = list_ledger_cards(*c, std::nullopt, *unit);
                   if (!list) return error_response(list.error());
                   json::array out;
                   for (const LedgerCard& x : *list) out.push_back(ledger_card_json(x));
                   return json_response(200, json::object{{"cards", std::move(out)}});
               });
    router.add("GET", "/api/v1/ledger/notices", Access::read,
               "Supervision notices (督办) (unit_id, status, task_id filters)", [&ctx](Request& r) {
                   auto unit = int_param(r, "unit_id", 1, INT64_MAX);
                   if (!unit) return error_response(unit.error());
                   auto task = int_param(r, "task_id", 1, INT64_MAX);
                   if (!task) return error_response(task.error());
                   auto status = text_param(r, "status");
                   if (!status) return error_response(status.error());
                   auto c = ctx.db.acquire();
                   auto list = list_ledger_notices(*c, *unit, *status, *task);
                   if (!list) return error_response(list.error());
                   json::array out;
                   for (const LedgerNotice& x : *list) out.push_back(ledger_notice_json(x));
                   return json_response(200, json::object{{"notices", std::move(out)}});
               });
    router.add(
        "POST", "/api/v1/ledger/notices", Access::write,
        "Issue a supervision notice on a task or unit (admin, bureau)", [&ctx](Request& r) {
            auto body = parse_json_object(r, {"task_id", "unit_id", "level", "deadline", "body"});
            if (!body) return error_response(body.error());
            NewLedgerNotice n;
            auto task = opt_int(*body, "task_id");
            if (!task) return error_response(task.error());
            auto unit = opt_int(*body, "unit_id");
            if (!unit) return error_response(unit.error());
            auto level = opt_int(*body, "level");
            if (!level) return error_response(level.error());
            auto deadline = req_string(*body, "deadline");
            if (!deadline) return error_response(deadline.error());
            auto text = req_string(*body, "body");
            if (!text) return error_response(text.error());
            const auto d = Date::parse(*deadline);
            if (!d || deadline->size() != 10)
                return error_response(400, "invalid_argument", "deadline: expected YYYY-MM-DD",
                                      "deadline");
            n.task_id = *task;
            n.unit_id = *unit;
            n.level = static_cast<int>(std::clamp<std::int64_t>(level->value_or(1), 0, 99));
            n.deadline = *d;
            n.body = *text;
            auto c = ctx.db.acquire();
            auto made = create_ledger_notice(*c, actor(r), n, today_cst(ctx), now_iso(ctx));
            if (!made) return error_response(made.error());
            return json_response(201, ledger_notice_json(*made));
        });
    router.add("POST", "/api/v1/ledger/notices/{id}/answer", Access::write,
               "Answer a supervision notice (the unit addressed, bureau)", [&ctx](Request& r) {
                   auto id = path_id(r);
                   if (!id) return error_response(id.error());
                   auto body = parse_json_object(r, {"answer"});
                   if (!body) return error_response(body.error());
                   auto answer = req_string(*body, "answer");
                   if (!answer) return error_response(answer.error());
                   auto c = ctx.db.acquire();
                   auto n = answer_ledger_notice(*c, actor(r), *id, *answer, now_iso(ctx));
                   if (!n) return error_response(n.error());
                   return json_response(200, ledger_notice_json(*n));
               });
    router.add(
        "POST", "/api/v1/ledger/sweep", Access::write,
        "Record earned cards and escalate overdue notices (admin, bureau)", [&ctx](Request& r) {
            auto c = ctx.db.acquire();
            auto s = ledger_sweep(*c, actor(r), today_cst(ctx), now_iso(ctx));
            if (!s) return error_response(s.error());
            return json_response(200, json::object{{"cards_recorded", s->cards_recorded},
                                                   {"notices_escalated", s->notices_escalated},
                                                   {"tasks_overdue", s->tasks_overdue}});
        });
    router.add("GET", "/api/v1/ledger/statistics", Access::read,
               "Per-unit and per-category figures for a period (from, to; default this year)",
               [&ctx](Request& r) {
                   auto from = date_param(r, "from");
                   if (!from) return error_response(from.error());
                   auto to = date_param(r, "to");
                   if (!to) return error_response(to.error());
                   const Date today = today_cst(ctx);
                   const Date f = from->value_or(Date::from_ymd(today.year(), 1, 1));
                   const Date t = to->value_or(today);
                   auto c = ctx.db.acquire();
                   auto s = ledger_unit_statistics(*c, f, t, today);
                   if (!s) return error_response(s.error());
                   json::array units;
                   for (const auto& x : s->units) units.push_back(ledger_stat_json(x));
                   json::array cats;
                   for (const auto& x : s->categories) cats.push_back(ledger_stat_json(x));
                   return json_response(200, json::object{{"from", f.iso()},
                                                          {"to", t.iso()},
                                                          {"units", std::move(units)},
                                                          {"categories", std::move(cats)}});
               });
}

Response import_response(const Result<LedgerImportReport>& r) {
    if (!r) return error_response(r.error());
    if (!r->errors.empty()) {
        json::array errors;
        for (const LedgerImportError& e : r->errors)
            errors.push_back(
                json::object{{"row", e.row}, {"column", e.column}, {"message", e.message}});
        const std::string message = std::to_string(r->errors.size()) +
                                    " bad row(s), the first in row " +
                                    std::to_string(r->errors.front().row) + "; nothing was stored";
        return json_response(422, json::object{{"error", json::object{{"code", "bad_data"},
                                                                      {"message", message},
                                                                      {"field", "body"}}},
                                               {"errors", std::move(errors)}});
    }
    return json_response(200, json::object{{"tasks", r->tasks}, {"milestones", r->milestones}});
}

void add_file_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/ledger/export.csv", Access::read,
               "The ledger as CSV (docs/ledger.md layout)", [&ctx](Request&) {
                   auto c = ctx.db.acquire();
                   auto csv = ledger_export_csv(*c);
                   if (!csv) return error_response(csv.error());
                   Response res;
                   res.content_type = "text/csv; charset=utf-8";
                   res.body = std::move(*csv);
                   res.headers.emplace_back("Content-Disposition",
                                            "attachment; filename=\"ledger.csv\"");
                   return res;
               });
    router.add(
        "GET", "/api/v1/ledger/export.xlsx", Access::read,
        "The ledger as XLSX (docs/ledger.md layout)", [&ctx](Request&) {
            auto c = ctx.db.acquire();
            auto xlsx = ledger_export_xlsx(*c);
            if (!xlsx) return error_response(xlsx.error());
            Response res;
            res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            res.body = std::move(*xlsx);
            res.headers.emplace_back("Content-Disposition", "attachment; filename=\"ledger.xlsx\"");
            return res;
        });
    router.add("POST", "/api/v1/ledger/import", Access::write,
               "Import tasks from CSV or XLSX in the export layout (admin, bureau; all or nothing)",
               [&ctx](Request& r) {
                   if (!can_write_campaign(actor(r)))
                       return error_response(403, "forbidden",
                                             "only admin and bureau import the ledger");
                   auto rows = ledger_file_rows(r.body);
                   if (!rows) return error_response(rows.error());
                   auto c = ctx.db.acquire();
                   return import_response(import_ledger_rows(*c, actor(r), *rows, now_iso(ctx)));
               });
}

}  // namespace

void register_ledger_routes(Router& router, AppContext& ctx) {
    add_task_routes(router, ctx);
    add_milestone_route(router, ctx);
    add_report_routes(router, ctx);
    add_supervision_routes(router, ctx);
    add_file_routes(router, ctx);
}

}  // namespace ecogov::http
