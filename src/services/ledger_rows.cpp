// Shared internals of the ledger services (services/ledger_rows.hpp).
#include "services/ledger_rows.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include <boost/json.hpp>

namespace ecogov::ledger_rows {

namespace json = boost::json;
using storage::Row;
using storage::SqlValue;

const std::string_view kTaskColumns =
    "t.id, t.code, t.title, t.category, t.content, t.measures, t.lead_unit_id, "
    "t.cooperating_unit_ids, t.responsible_leader, t.responsible_person, t.target_id, t.start_on, "
    "t.due_on, t.priority, t.source_document, t.status, t.key_project, t.investment_planned, "
    "t.investment_completed, t.physical_progress, t.last_report_on, t.version, t.created_at, "
    "t.updated_at";

namespace {

std::optional<Date> opt_date(const Row& r, std::size_t i) {
    const auto v = r.opt_integer(i);
    if (!v) return std::nullopt;
    return Date{static_cast<std::int32_t>(*v)};
}

SqlValue opt_value(const std::optional<double>& v) {
    return v ? SqlValue{*v} : SqlValue{nullptr};
}
SqlValue opt_value(const std::optional<int>& v) {
    return v ? SqlValue{std::int64_t{*v}} : SqlValue{nullptr};
}
SqlValue opt_value(const std::optional<std::int64_t>& v) {
    return v ? SqlValue{*v} : SqlValue{nullptr};
}

Result<void> text_field(const std::string& v, std::string_view field, std::size_t max,
                        bool required) {
    if (required && v.empty())
        return fail(ErrorCode::invalid_argument, std::string(field) + ": must not be empty",
                    std::string(field));
    if (v.size() > max)
        return fail(ErrorCode::invalid_argument,
                    std::string(field) + ": at most " + std::to_string(max) + " bytes",
                    std::string(field));
    return {};
}

bool valid_code(std::string_view code) {
    if (code.empty() || code.size() > 40) return false;
    return std::ranges::all_of(code, [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
               ch == '_' || ch == '-' || ch == '.';
    });
}

Result<bool> exists(storage::Connection& c, std::string_view sql, SqlValue v) {
    const SqlValue p[] = {std::move(v)};
    auto rows = c.query(sql, p);
    if (!rows) return std::unexpected(rows.error());
    return !rows->empty();
}

Result<void> unit_exists(storage::Connection& c, std::int64_t id, const std::string& field) {
    auto ok = exists(c, "SELECT id FROM units WHERE id = $1", id);
    if (!ok) return std::unexpected(ok.error());
    if (!*ok)
        return fail(ErrorCode::invalid_argument, field + ": no unit with id " + std::to_string(id),
                    field);
    return {};
}

bool one_of(const std::string& v, std::initializer_list<std::string_view> allowed) {
    return std::ranges::any_of(allowed, [&](std::string_view a) { return v == a; });
}

Result<void> check_milestones(storage::Connection& c, const LedgerTask& t) {
    for (std::size_t i = 0; i < t.milestones.size(); ++i) {
        const LedgerMilestone& m = t.milestones[i];
        const std::string f = "milestones[" + std::to_string(i) + "]";
        if (auto ok = text_field(m.deliverable, f + ".deliverable", 1000, true); !ok) return ok;
        if (m.due < t.start || m.due > t.due)
            return fail(ErrorCode::invalid_argument,
                        f + ".due: " + m.due.iso() + " lies outside the task's " + t.start.iso() +
                            " .. " + t.due.iso(),
                        f + ".due");
        if (i > 0 && m.due < t.milestones[i - 1].due)
            return fail(ErrorCode::invalid_argument,
                        f + ".due: milestones are ordered; this one is due before the previous",
                        f + ".due");
        if (!one_of(m.state, {"pending", "done"}))
            return fail(ErrorCode::invalid_argument, f + ".state: pending or done", f + ".state");
        if ((m.state == "done") != m.done_on.has_value())
            return fail(ErrorCode::invalid_argument,
                        f + ".done_on: required for a done milestone and only for it",
                        f + ".done_on");
        if (auto ok = unit_exists(c, m.responsible_unit_id, f + ".responsible_unit_id"); !ok)
            return ok;
    }
    return {};
}

}  // namespace

LedgerTask task_of(const Row& r) {
    LedgerTask t;
    t.id = r.integer(0);
    t.code = r.text(1);
    t.title = r.text(2);
    t.category = r.text(3);
    t.content = r.text(4);
    t.measures = split_lines(r.text(5));
    t.lead_unit_id = r.integer(6);
    t.cooperating_unit_ids = split_ids(r.text(7));
    t.responsible_leader = r.text(8);
    t.responsible_person = r.text(9);
    t.target_id = r.opt_integer(10);
    t.start = Date{static_cast<std::int32_t>(r.integer(11))};
    t.due = Date{static_cast<std::int32_t>(r.integer(12))};
    t.priority = r.text(13);
    t.source_document = r.text(14);
    t.status = r.text(15);
    t.key_project = r.integer(16) != 0;
    t.investment_planned = r.opt_real(17);
    t.investment_completed = r.opt_real(18);
    if (const auto p = r.opt_integer(19)) t.physical_progress = static_cast<int>(*p);
    t.last_report_on = opt_date(r, 20);
    t.version = r.integer(21);
    t.created_at = r.text(22);
    t.updated_at = r.text(23);
    return t;
}

Result<void> bump_generation(storage::Connection& c) {
    auto ok = c.execute("UPDATE ledger_state SET generation = generation + 1 WHERE id = 1");
    if (!ok) return std::unexpected(ok.error());
    return {};
}

std::string placeholders(std::size_t first, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        if (i) out += ", ";
        out += "$" + std::to_string(first + i);
    }
    return out;
}

Result<void> attach_milestones(storage::Connection& c, std::vector<LedgerTask>& tasks) {
    if (tasks.empty()) return {};
    std::map<std::int64_t, LedgerTask*> by_id;
    std::vector<SqlValue> ids;
    for (LedgerTask& t : tasks) {
        by_id[t.id] = &t;
        ids.emplace_back(t.id);
        t.milestones.clear();
    }
    auto rows = c.query(
        "SELECT task_id, id, seq, due_on, deliverable, responsible_unit_id, state, done_on, "
        "evidence_report_id, evidence FROM ledger_milestones WHERE task_id IN (" +
            placeholders(1, ids.size()) + ") ORDER BY task_id, seq",
        ids);
    if (!rows) return std::unexpected(rows.error());
    for (const Row& r : *rows) {
        LedgerMilestone m;
        m.id = r.integer(1);
        m.seq = static_cast<int>(r.integer(2));
        m.due = Date{static_cast<std::int32_t>(r.integer(3))};
        m.deliverable = r.text(4);
        m.responsible_unit_id = r.integer(5);
        m.state = r.text(6);
        m.done_on = opt_date(r, 7);
        m.evidence_report_id = r.opt_integer(8);
        m.evidence = r.text(9);
        by_id.at(r.integer(0))->milestones.push_back(std::move(m));
    }
    return {};
}

std::string join_lines(const std::vector<std::string>& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += '\n';
        out += v[i];
    }
    return out;
}

std::vector<std::string> split_lines(std::string_view s) {
    std::vector<std::string> out;
    while (!s.empty()) {
        const auto nl = s.find('\n');
        std::string_view line = s.substr(0, nl);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty()) out.emplace_back(line);
        if (nl == std::string_view::npos) break;
        s.remove_prefix(nl + 1);
    }
    return out;
}

std::string join_ids(const std::vector<std::int64_t>& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += ',';
        out += std::to_string(v[i]);
    }
    return out;
}

std::vector<std::int64_t> split_ids(std::string_view s) {
    std::vector<std::int64_t> out;
    while (!s.empty()) {
        const auto comma = s.find(',');
        const std::string_view part = s.substr(0, comma);
        std::int64_t v = 0;
        if (std::from_chars(part.data(), part.data() + part.size(), v).ec == std::errc{})
            out.push_back(v);
        if (comma == std::string_view::npos) break;
        s.remove_prefix(comma + 1);
    }
    return out;
}

Result<void> check_task(storage::Connection& c, const LedgerTask& t) {
    if (!valid_code(t.code))
        return fail(ErrorCode::invalid_argument, "code: 1-40 of letters, digits, '_', '-', '.'",
                    "code");
    if (auto ok = text_field(t.title, "title", 300, true); !ok) return ok;
    if (auto ok = text_field(t.content, "content", 4000, false); !ok) return ok;
    if (auto ok = text_field(t.responsible_leader, "responsible_leader", 100, false); !ok)
        return ok;
    if (auto ok = text_field(t.responsible_person, "responsible_person", 100, false); !ok)
        return ok;
    if (auto ok = text_field(t.source_document, "source_document", 300, false); !ok) return ok;
    for (const std::string& m : t.measures) {
        if (m.empty() || m.find('\n') != std::string::npos || m.size() > 1000)
            return fail(ErrorCode::invalid_argument, "measures: each one 1-1000 bytes on one line",
                        "measures");
    }
    auto cat = exists(c, "SELECT code FROM ledger_categories WHERE code = $1", t.category);
    if (!cat) return std::unexpected(cat.error());
    if (!*cat)
        return fail(ErrorCode::invalid_argument, "category: unknown category '" + t.category + "'",
                    "category");
    if (auto ok = unit_exists(c, t.lead_unit_id, "lead_unit_id"); !ok) return ok;
    for (std::int64_t u : t.cooperating_unit_ids)
        if (auto ok = unit_exists(c, u, "cooperating_unit_ids"); !ok) return ok;
    if (t.target_id) {
        auto ok = exists(c, "SELECT id FROM targets WHERE id = $1", *t.target_id);
        if (!ok) return std::unexpected(ok.error());
        if (!*ok)
            return fail(ErrorCode::invalid_argument, "target_id: no such target", "target_id");
    }
    if (t.due < t.start) return fail(ErrorCode::invalid_argument, "due: before start", "due");
    if (!ledger::parse_priority(t.priority))
        return fail(ErrorCode::invalid_argument, "priority: low, normal, high or urgent",
                    "priority");
    if (!ledger::parse_status(t.status))
        return fail(ErrorCode::invalid_argument,
                    "status: not_started, in_progress, awaiting_acceptance, accepted, closed, "
                    "overdue or relapsed",
                    "status");
    for (const auto& [v, f] : {std::pair{t.investment_planned, "investment_planned"},
                               std::pair{t.investment_completed, "investment_completed"}})
        if (v && !(*v >= 0 && *v < 1e9))
            return fail(ErrorCode::invalid_argument, std::string(f) + ": 0 .. 1e9 (万元)", f);
    if (t.physical_progress && (*t.physical_progress < 0 || *t.physical_progress > 100))
        return fail(ErrorCode::invalid_argument, "physical_progress: 0..100", "physical_progress");
    return check_milestones(c, t);
}

Result<void> insert_milestone(storage::Connection& c, std::int64_t task_id, LedgerMilestone& m) {
    const SqlValue mp[] = {task_id,
                           std::int64_t{m.seq},
                           std::int64_t{m.due.days},
                           m.deliverable,
                           m.responsible_unit_id,
                           m.state,
                           m.done_on ? SqlValue{std::int64_t{m.done_on->days}} : SqlValue{},
                           m.evidence};
    auto mid = c.query(
        "INSERT INTO ledger_milestones (task_id, seq, due_on, deliverable, responsible_unit_id, "
        "state, done_on, evidence) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        mp);
    if (!mid) return std::unexpected(mid.error());
    m.id = mid->at(0).integer(0);
    return {};
}

Result<LedgerTask> insert_task(storage::Connection& c, LedgerTask t, const std::string& at_iso) {
    if (auto ok = check_task(c, t); !ok) return std::unexpected(ok.error());
    auto dup = exists(c, "SELECT id FROM ledger_tasks WHERE code = $1", t.code);
    if (!dup) return std::unexpected(dup.error());
    if (*dup) return fail(ErrorCode::conflict, "a task with code " + t.code + " exists", "code");
    t.version = 1;
    t.created_at = t.updated_at = at_iso;
    const SqlValue p[] = {t.code,
                          t.title,
                          t.category,
                          t.content,
                          join_lines(t.measures),
                          t.lead_unit_id,
                          join_ids(t.cooperating_unit_ids),
                          t.responsible_leader,
                          t.responsible_person,
                          opt_value(t.target_id),
                          std::int64_t{t.start.days},
                          std::int64_t{t.due.days},
                          t.priority,
                          t.source_document,
                          t.status,
                          std::int64_t{t.key_project ? 1 : 0},
                          opt_value(t.investment_planned),
                          opt_value(t.investment_completed),
                          opt_value(t.physical_progress),
                          at_iso};
    auto id = c.query(
        "INSERT INTO ledger_tasks (code, title, category, content, measures, lead_unit_id, "
        "cooperating_unit_ids, responsible_leader, responsible_person, target_id, start_on, "
        "due_on, priority, source_document, status, key_project, investment_planned, "
        "investment_completed, physical_progress, version, created_at, updated_at) VALUES ($1, "
        "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 1, "
        "$20, $20) RETURNING id",
        p);
    if (!id) return std::unexpected(id.error());
    t.id = id->at(0).integer(0);
    int seq = 0;
    for (LedgerMilestone& m : t.milestones) {
        m.seq = ++seq;
        if (auto ok = insert_milestone(c, t.id, m); !ok) return std::unexpected(ok.error());
    }
    return t;
}

std::string task_json(const LedgerTask& t) {
    json::array measures;
    for (const auto& m : t.measures) measures.emplace_back(m);
    json::array coop;
    for (auto u : t.cooperating_unit_ids) coop.emplace_back(u);
    json::array ms;
    for (const LedgerMilestone& m : t.milestones)
        ms.push_back(json::object{{"seq", m.seq},
                                  {"due", m.due.iso()},
                                  {"deliverable", m.deliverable},
                                  {"responsible_unit_id", m.responsible_unit_id},
                                  {"state", m.state}});
    json::object o{{"id", t.id},
                   {"code", t.code},
                   {"title", t.title},
                   {"category", t.category},
                   {"content", t.content},
                   {"measures", std::move(measures)},
                   {"lead_unit_id", t.lead_unit_id},
                   {"cooperating_unit_ids", std::move(coop)},
                   {"responsible_leader", t.responsible_leader},
                   {"responsible_person", t.responsible_person},
                   {"start", t.start.iso()},
                   {"due", t.due.iso()},
                   {"priority", t.priority},
                   {"source_document", t.source_document},
                   {"status", t.status},
                   {"key_project", t.key_project},
                   {"version", t.version},
                   {"milestones", std::move(ms)}};
    o["target_id"] = t.target_id ? json::value(*t.target_id) : json::value(nullptr);
    o["investment_planned"] =
        t.investment_planned ? json::value(*t.investment_planned) : json::value(nullptr);
    o["investment_completed"] =
        t.investment_completed ? json::value(*t.investment_completed) : json::value(nullptr);
    o["physical_progress"] =
        t.physical_progress ? json::value(*t.physical_progress) : json::value(nullptr);
    return json::serialize(o);
}

std::vector<ledger::Milestone> domain_milestones(const LedgerTask& t) {
    std::vector<ledger::Milestone> out;
    out.reserve(t.milestones.size());
    for (const LedgerMilestone& m : t.milestones) {
        ledger::Milestone d;
        d.order = m.seq;
        d.due = m.due;
        d.deliverable = m.deliverable;
        d.responsible_unit_id = m.responsible_unit_id;
        if (m.state == "done" && m.done_on) {
            d.state = ledger::MilestoneState::done;
            d.completion = ledger::Completion{m.evidence, *m.done_on};
        }
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace ecogov::ledger_rows
