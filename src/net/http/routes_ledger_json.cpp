// JSON of the task ledger API (routes_ledger_json.hpp).
#include "net/http/routes_ledger_json.hpp"

#include <boost/json.hpp>

#include "net/http/json_input.hpp"
#include "net/http/routes_attachments.hpp"

namespace ecogov::http {

namespace json = boost::json;

namespace {

/// 400 naming `key` ("KEY must be WHAT"); out of line (GCC 12 -Warray-bounds false positive).
[[gnu::noinline]] std::unexpected<Error> must_be(std::string_view key, std::string_view what) {
    std::string msg(key);
    msg.append(" must be ");
    msg.append(what);
    return std::unexpected(Error{ErrorCode::invalid_argument, std::move(msg), std::string(key)});
}

template <typename T>
json::value nullable(const std::optional<T>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}

json::value nullable_date(const std::optional<Date>& d) {
    return d ? json::value(d->iso()) : json::value(nullptr);
}

json::object milestone_json(const LedgerMilestone& m, Date today) {
    const bool late = m.state == "pending" && m.due < today;
    return json::object{{"id", m.id},
                        {"seq", m.seq},
                        {"due", m.due.iso()},
                        {"deliverable", m.deliverable},
                        {"responsible_unit_id", m.responsible_unit_id},
                        {"state", late ? "late" : m.state},
                        {"done_on", nullable_date(m.done_on)},
                        {"evidence_report_id", nullable(m.evidence_report_id)},
                        {"evidence", m.evidence}};
}

Result<Date> date_value(const json::object& o, std::string_view key, bool required,
                        std::optional<Date>& out) {
    auto text = opt_string(o, key);
    if (!text) return std::unexpected(text.error());
    if (!*text) {
        if (required)
            return fail(ErrorCode::invalid_argument, std::string(key) + " is required",
                        std::string(key));
        return Date{};
    }
    const auto d = Date::parse(**text);
    if (!d || (*text)->size() != 10)
        return fail(ErrorCode::invalid_argument, std::string(key) + ": expected YYYY-MM-DD",
                    std::string(key));
    out = *d;
    return *d;
}

Result<std::optional<std::vector<std::string>>> string_list(const json::object& o,
                                                            std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v || v->is_null()) return std::optional<std::vector<std::string>>{};
    if (!v->is_array()) return must_be(key, "an array of strings");
    std::vector<std::string> out;
    for (const json::value& x : v->as_array()) {
        if (!x.is_string()) return must_be(key, "an array of strings");
        out.emplace_back(x.as_string());
    }
    return std::optional<std::vector<std::string>>{std::move(out)};
}

Result<std::optional<std::vector<std::int64_t>>> id_list(const json::object& o,
                                                         std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v || v->is_null()) return std::optional<std::vector<std::int64_t>>{};
    if (!v->is_array()) return must_be(key, "an array of ids");
    std::vector<std::int64_t> out;
    for (const json::value& x : v->as_array()) {
        if (!x.is_int64()) return must_be(key, "an array of ids");
        out.push_back(x.as_int64());
    }
    return std::optional<std::vector<std::int64_t>>{std::move(out)};
}

Result<std::vector<LedgerMilestone>> milestones_of(const json::object& o) {
    std::vector<LedgerMilestone> out;
    const auto* v = o.if_contains("milestones");
    if (!v || v->is_null()) return out;
    if (!v->is_array())
        return fail(ErrorCode::invalid_argument, "milestones must be an array", "milestones");
    std::size_t i = 0;
    for (const json::value& x : v->as_array()) {
        const std::string f = "milestones[" + std::to_string(i++) + "]";
        if (!x.is_object()) return fail(ErrorCode::invalid_argument, f + " must be an object", f);
        const json::object& m = x.as_object();
        for (const auto& kv : m)
            if (kv.key() != "due" && kv.key() != "deliverable" && kv.key() != "responsible_unit_id")
                return fail(ErrorCode::invalid_argument,
                            f + ": unknown field '" + std::string(kv.key()) + "'", f);
        LedgerMilestone ms;
        std::optional<Date> due;
        if (auto d = date_value(m, "due", true, due); !d)
            return fail(ErrorCode::invalid_argument, f + ".due: expected YYYY-MM-DD", f + ".due");
        ms.due = *due;
        auto deliverable = req_string(m, "deliverable");
        if (!deliverable)
            return fail(ErrorCode::invalid_argument, f + ".deliverable: a string is required",
                        f + ".deliverable");
        ms.deliverable = *deliverable;
        auto unit = opt_int(m, "responsible_unit_id");
        if (!unit)
            return fail(ErrorCode::invalid_argument, f + ".responsible_unit_id: an id",
                        f + ".responsible_unit_id");
        ms.responsible_unit_id = unit->value_or(0);
        out.push_back(std::move(ms));
    }
    return out;
}

template <typename T>
Result<void> take(Result<T> r, T& out) {
    if (!r) return std::unexpected(r.error());
    out = std::move(*r);
    return {};
}

}  // namespace

json::object ledger_view_json(const LedgerTaskView& v, Date today) {
    const LedgerTask& t = v.task;
    json::array measures;
    for (const auto& m : t.measures) measures.emplace_back(m);
    json::array coop;
    for (auto u : t.cooperating_unit_ids) coop.emplace_back(u);
    json::array warnings;
    for (const ledger::Warning& w : v.warnings)
        warnings.push_back(json::object{{"kind", ledger::warning_id(w.kind)},
                                        {"milestone_seq", w.milestone_order},
                                        {"due", w.due.iso()},
                                        {"days", w.days}});
    json::array ms;
    for (const LedgerMilestone& m : t.milestones) ms.push_back(milestone_json(m, today));
    json::object o{{"id", t.id},
                   {"code", t.code},
                   {"title", t.title},
                   {"category", t.category},
                   {"content", t.content},
                   {"measures", std::move(measures)},
                   {"lead_unit_id", t.lead_unit_id},
                   {"lead_unit_name", v.lead_unit_name},
                   {"cooperating_unit_ids", std::move(coop)},
                   {"responsible_leader", t.responsible_leader},
                   {"responsible_person", t.responsible_person},
                   {"target_id", nullable(t.target_id)},
                   {"start", t.start.iso()},
                   {"due", t.due.iso()},
                   {"priority", t.priority},
                   {"source_document", t.source_document},
                   {"status", t.status},
                   {"key_project", t.key_project},
                   {"investment_planned", nullable(t.investment_planned)},
                   {"investment_completed", nullable(t.investment_completed)},
                   {"physical_progress", nullable(t.physical_progress)},
                   {"last_report_on", nullable_date(t.last_report_on)},
                   {"version", t.version},
                   {"created_at", t.created_at},
                   {"updated_at", t.updated_at},
                   {"progress", json::object{{"done", v.progress.done},
                                             {"total", v.progress.total},
                                             {"percent", v.progress.percent()}}},
                   {"warning", v.worst_warning ? json::value(ledger::warning_id(*v.worst_warning))
                                               : json::value(nullptr)},
                   {"warnings", std::move(warnings)},
                   {"cards", json::object{{"yellow", v.yellow_cards}, {"red", v.red_cards}}},
                   {"milestones", std::move(ms)}};
    return o;
}

json::object ledger_report_json(const LedgerReport& r) {
    json::array files;
    for (const AttachmentMeta& m : r.attachments) files.push_back(attachment_object(m));
    return json::object{{"id", r.id},
                        {"task_id", r.task_id},
                        {"task_code", r.task_code},
                        {"task_title", r.task_title},
                        {"milestone_id", r.milestone_id},
                        {"milestone_seq", r.milestone_seq},
                        {"unit_id", r.unit_id},
                        {"reported_on", r.reported_on.iso()},
                        {"percent", r.percent},
                        {"body", r.body},
                        {"status", r.status},
                        {"review_reason", r.review_reason},
                        {"reviewed_at", r.reviewed_at},
                        {"created_at", r.created_at},
                        {"attachments", std::move(files)}};
}

json::object ledger_card_json(const LedgerCard& c) {
    return json::object{{"id", c.id},
                        {"task_id", c.task_id},
                        {"unit_id", c.unit_id},
                        {"color", c.color},
                        {"issued_on", c.issued_on.iso()},
                        {"milestone_seq", c.milestone_seq == 0 ? json::value(nullptr)
                                                               : json::value(c.milestone_seq)},
                        {"reason", c.reason},
                        {"recorded_at", c.recorded_at}};
}

json::object ledger_notice_json(const LedgerNotice& n) {
    return json::object{{"id", n.id},
                        {"task_id", nullable(n.task_id)},
                        {"task_code", n.task_code},
                        {"unit_id", n.unit_id},
                        {"level", n.level},
                        {"deadline", n.deadline.iso()},
                        {"body", n.body},
                        {"status", n.status},
                        {"answer", n.answer},
                        {"answered_at", n.answered_at},
                        {"issued_at", n.issued_at},
                        {"escalated_at", n.escalated_at}};
}

json::object ledger_stat_json(const LedgerStatRow& s) {
    return json::object{{"key", s.key},
                        {"name", s.name},
                        {"tasks", s.tasks},
                        {"milestones_due", s.milestones_due},
                        {"done", s.done},
                        {"on_time", s.on_time},
                        {"late", s.late},
                        {"completion_rate", s.completion_rate},
                        {"yellow_cards", s.yellow_cards},
                        {"red_cards", s.red_cards}};
}

json::object ledger_detail_json(const LedgerTaskDetail& d, Date today) {
    json::object o = ledger_view_json(d.view, today);
    json::array reports;
    for (const LedgerReport& r : d.reports) reports.push_back(ledger_report_json(r));
    json::array cards;
    for (const LedgerCard& c : d.cards) cards.push_back(ledger_card_json(c));
    json::array notices;
    for (const LedgerNotice& n : d.notices) notices.push_back(ledger_notice_json(n));
    o["reports"] = std::move(reports);
    o["card_list"] = std::move(cards);
    o["notices"] = std::move(notices);
    return o;
}

Result<LedgerTask> ledger_task_from_body(const json::object& o) {
    if (o.contains("version"))
        return fail(ErrorCode::invalid_argument, "version: not accepted on create", "version");
    LedgerTask t;
    if (auto ok = take(req_string(o, "code"), t.code); !ok) return std::unexpected(ok.error());
    if (auto ok = take(req_string(o, "title"), t.title); !ok) return std::unexpected(ok.error());
    if (auto ok = take(req_string(o, "category"), t.category); !ok)
        return std::unexpected(ok.error());
    if (auto ok = take(req_int(o, "lead_unit_id"), t.lead_unit_id); !ok)
        return std::unexpected(ok.error());
    std::optional<Date> d;
    auto start = date_value(o, "start", true, d);
    if (!start) return std::unexpected(start.error());
    t.start = *start;
    auto due = date_value(o, "due", true, d);
    if (!due) return std::unexpected(due.error());
    t.due = *due;
    auto patch = ledger_patch_from_body(o);  // the optional fields, same rules
    if (!patch) return std::unexpected(patch.error());
    const LedgerTaskPatch& p = *patch;
    if (p.content) t.content = *p.content;
    if (p.measures) t.measures = *p.measures;
    if (p.cooperating_unit_ids) t.cooperating_unit_ids = *p.cooperating_unit_ids;
    if (p.responsible_leader) t.responsible_leader = *p.responsible_leader;
    if (p.responsible_person) t.responsible_person = *p.responsible_person;
    if (p.target_id) t.target_id = *p.target_id;
    if (p.priority) t.priority = *p.priority;
    if (p.source_document) t.source_document = *p.source_document;
    if (p.status) t.status = *p.status;
    if (p.key_project) t.key_project = *p.key_project;
    if (p.investment_planned) t.investment_planned = *p.investment_planned;
    if (p.investment_completed) t.investment_completed = *p.investment_completed;
    if (p.physical_progress) t.physical_progress = *p.physical_progress;
    auto ms = milestones_of(o);
    if (!ms) return std::unexpected(ms.error());
    t.milestones = std::move(*ms);
    return t;
}

Result<LedgerTaskPatch> ledger_patch_from_body(const json::object& o) {
    LedgerTaskPatch p;
    if (const auto* v = o.if_contains("version")) {
        if (!v->is_int64())
            return fail(ErrorCode::invalid_argument, "version must be an integer", "version");
        p.version = v->as_int64();
    }
    if (auto ok = take(opt_string(o, "title"), p.title); !ok) return std::unexpected(ok.error());
    if (auto ok = take(opt_string(o, "category"), p.category); !ok)
        return std::unexpected(ok.error());
    if (auto ok = take(opt_string(o, "content"), p.content); !ok)
        return std::unexpected(ok.error());
    if (auto ok = take(string_list(o, "measures"), p.measures); !ok)
        return std::unexpected(ok.error());
    if (auto ok = take(opt_int(o, "lead_unit_id"), p.lead_unit_id); !ok)
        return std::unexpected(ok.error());
    if (auto ok = take(id_list(o, "cooperating_unit_ids"), p.cooperating_unit_ids); !ok)
        return std::unexpected(ok.error());
    if (auto ok = take(opt_string(o, "responsible_leader"), p.responsible_leader); !ok)
        return std::unexpected(ok.error());
    if (auto ok = take(opt_string(o, "responsible_person"), p.responsible_person); !ok)
        return std::unexpected(ok.error());
    if (auto ok = take(opt_nullable_int(o, "target_id"), p.target_id); !ok)
        return std::unexpected(ok.error());
    std::optional<Date> d;
    if (auto s = date_value(o, "start", false, d); !s) return std::unexpected(s.error());
    p.start = d;
    d.reset();
    if (auto s = date_value(o, "due", false, d); !s) return std::unexpected(s.error());
    p.due = d;
    if (auto ok = take(opt_string(o, "priority"), p.priority); !ok)
        return std::unexpected(ok.error());
    if (auto ok = take(opt_string(o, "source_document"), p.source_document); !ok)
        return std::unexpected(ok.error());
    if (auto ok = take(opt_string(o, "status"), p.status); !ok) return std::unexpected(ok.error());
    if (auto ok = take(opt_bool(o, "key_project"), p.key_project); !ok)
        return std::unexpected(ok.error());
    if (auto ok = take(opt_nullable_number(o, "investment_planned"), p.investment_planned); !ok)
        return std::unexpected(ok.error());
    if (auto ok = take(opt_nullable_number(o, "investment_completed"), p.investment_completed); !ok)
        return std::unexpected(ok.error());
    auto physical = opt_nullable_int(o, "physical_progress");
    if (!physical) return std::unexpected(physical.error());
    if (*physical) {
        if (**physical)
            p.physical_progress = std::optional<int>{
                static_cast<int>(std::clamp<std::int64_t>(***physical, -1, 101))};
        else
            p.physical_progress = std::optional<int>{};
    }
    return p;
}

}  // namespace ecogov::http
