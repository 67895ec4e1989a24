// Ledger tasks: categories, create, change with optimistic versioning, list with filters
// (services/ledger.hpp).
#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "services/audit.hpp"
#include "services/ledger.hpp"
#include "services/ledger_rows.hpp"

namespace ecogov {

using storage::Row;
using storage::SqlValue;
namespace lr = ledger_rows;

namespace {

Result<std::vector<LedgerTask>> select_tasks(storage::Connection& c, const std::string& tail,
                                             std::span<const SqlValue> params) {
    auto rows =
        c.query("SELECT " + std::string(lr::kTaskColumns) + " FROM ledger_tasks t " + tail, params);
    if (!rows) return std::unexpected(rows.error());
    std::vector<LedgerTask> out;
    out.reserve(rows->size());
    for (const Row& r : *rows) out.push_back(lr::task_of(r));
    return out;
}

/// Fields a unit clerk of the lead unit may change.
bool clerk_patch_only(const LedgerTaskPatch& p) {
    return !p.title && !p.category && !p.lead_unit_id && !p.cooperating_unit_ids &&
           !p.responsible_leader && !p.target_id && !p.start && !p.due && !p.priority &&
           !p.source_document && !p.status && !p.key_project && !p.investment_planned;
}

void apply(LedgerTask& t, const LedgerTaskPatch& p) {
    if (p.title) t.title = *p.title;
    if (p.category) t.category = *p.category;
    if (p.content) t.content = *p.content;
    if (p.measures) t.measures = *p.measures;
    if (p.lead_unit_id) t.lead_unit_id = *p.lead_unit_id;
    if (p.cooperating_unit_ids) t.cooperating_unit_ids = *p.cooperating_unit_ids;
    if (p.responsible_leader) t.responsible_leader = *p.responsible_leader;
    if (p.responsible_person) t.responsible_person = *p.responsible_person;
    if (p.target_id) t.target_id = *p.target_id;
    if (p.start) t.start = *p.start;
    if (p.due) t.due = *p.due;
    if (p.priority) t.priority = *p.priority;
    if (p.source_document) t.source_document = *p.source_document;
    if (p.status) t.status = *p.status;
    if (p.key_project) t.key_project = *p.key_project;
    if (p.investment_planned) t.investment_planned = *p.investment_planned;
    if (p.investment_completed) t.investment_completed = *p.investment_completed;
    if (p.physical_progress) t.physical_progress = *p.physical_progress;
}

SqlValue opt_sql(const std::optional<double>& v) {
    return v ? SqlValue{*v} : SqlValue{};
}

/// WHERE clause and parameters of a list filter.
struct Where {
    std::string sql;
    std::vector<SqlValue> params;
    void add(const std::string& cond) { sql += (sql.empty() ? "WHERE " : " AND ") + cond; }
    std::string next(SqlValue v) {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    }
};

Result<Where> where_of(const LedgerFilter& f, Date today, const ledger::WarningPolicy& policy) {
    Where w;
    if (f.unit_id) {
        const std::string u = w.next(*f.unit_id);
        w.add("(t.lead_unit_id = " + u +
              " OR t.id IN (SELECT m.task_id FROM ledger_milestones m WHERE "
              "m.responsible_unit_id = " +
              u + "))");
    }
    if (f.category) w.add("t.category = " + w.next(*f.category));
    if (f.status) w.add("t.status = " + w.next(*f.status));
    if (f.key_project) w.add("t.key_project = " + w.next(std::int64_t{*f.key_project ? 1 : 0}));
    if (f.search) {
        const std::string like = "%" + *f.search + "%";
        const std::string p = w.next(like);
        w.add("(t.code LIKE " + p + " OR t.title LIKE " + p + ")");
    }
    if (f.warning) {
        const std::string open =
            "EXISTS (SELECT 1 FROM ledger_milestones m WHERE m.task_id = t.id AND m.state = "
            "'pending' AND ";
        const std::string& kind = *f.warning;
        if (kind == "due_soon") {
            const std::string a = w.next(std::int64_t{today.days});
            const std::string b = w.next(std::int64_t{today.days + policy.due_soon_days});
            w.add(open + "m.due_on >= " + a + " AND m.due_on <= " + b + ")");
        } else if (kind == "overdue") {
            w.add(open + "m.due_on < " + w.next(std::int64_t{today.days}) +
                  " AND t.last_report_on IS NOT NULL AND t.last_report_on >= m.due_on)");
        } else if (kind == "overdue_unreported") {
            w.add(open + "m.due_on < " + w.next(std::int64_t{today.days}) +
                  " AND (t.last_report_on IS NULL OR t.last_report_on < m.due_on))");
        } else if (kind == "late") {
            w.add(open + "m.due_on < " + w.next(std::int64_t{today.days}) + ")");
        } else if (kind == "any") {
            w.add(open + "m.due_on <= " + w.next(std::int64_t{today.days + policy.due_soon_days}) +
                  ")");
        } else {
            return fail(ErrorCode::invalid_argument,
                        "warning: due_soon, overdue, overdue_unreported, late or any", "warning");
        }
    }
    return w;
}

}  // namespace

Result<std::vector<LedgerCategory>> list_ledger_categories(storage::Connection& c) {
    auto rows = c.query(
        "SELECT code, name_zh, name_en, sort_order FROM ledger_categories ORDER BY sort_order, "
        "code");
    if (!rows) return std::unexpected(rows.error());
    std::vector<LedgerCategory> out;
    for (const Row& r : *rows)
        out.push_back({r.text(0), r.text(1), r.text(2), static_cast<int>(r.integer(3))});
    return out;
}

Result<LedgerCategory> create_ledger_category(storage::Connection& c, const Actor& who,
                                              const LedgerCategory& cat,
                                              const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may add ledger categories");
    const bool code_ok =
        !cat.code.empty() && cat.code.size() <= 32 && std::ranges::all_of(cat.code, [](char ch) {
            return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
        });
    if (!code_ok) return fail(ErrorCode::invalid_argument, "code: 1-32 of a-z, 0-9, '_'", "code");
    if (cat.name_zh.empty() || cat.name_zh.size() > 100)
        return fail(ErrorCode::invalid_argument, "name_zh: 1-100 bytes", "name_zh");
    if (cat.name_en.empty() || cat.name_en.size() > 100)
        return fail(ErrorCode::invalid_argument, "name_en: 1-100 bytes", "name_en");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    const SqlValue k[] = {cat.code};
    auto dup = c.query("SELECT code FROM ledger_categories WHERE code = $1", k);
    if (!dup) return std::unexpected(dup.error());
    if (!dup->empty()) return fail(ErrorCode::conflict, "category " + cat.code + " exists", "code");
    const SqlValue p[] = {cat.code, cat.name_zh, cat.name_en, std::int64_t{cat.sort_order}};
    if (auto ok = c.execute(
            "INSERT INTO ledger_categories (code, name_zh, name_en, sort_order) VALUES ($1, $2, "
            "$3, $4)",
            p);
        !ok)
        return std::unexpected(ok.error());
    const std::string after = "{\"code\":" + json_quote(cat.code) +
                              ",\"name_zh\":" + json_quote(cat.name_zh) +
                              ",\"name_en\":" + json_quote(cat.name_en) + "}";
    if (auto a = append_audit(
            c, who, {"create", "ledger_categories", cat.code, std::nullopt, after}, at_iso);
        !a)
        return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return cat;
}

Result<LedgerTask> create_ledger_task(storage::Connection& c, const Actor& who, LedgerTask task,
                                      const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may create ledger tasks");
    for (LedgerMilestone& m : task.milestones) {
        if (m.responsible_unit_id == 0) m.responsible_unit_id = task.lead_unit_id;
        m.state = "pending";
        m.done_on.reset();
    }
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto t = lr::insert_task(c, std::move(task), at_iso);
    if (!t) return std::unexpected(t.error());
    if (auto g = lr::bump_generation(c); !g) return std::unexpected(g.error());
    if (auto a = append_audit(
            c, who,
            {"create", "ledger_tasks", std::to_string(t->id), std::nullopt, lr::task_json(*t)},
            at_iso);
        !a)
        return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return t;
}

Result<LedgerTask> get_ledger_task(storage::Connection& c, std::int64_t id) {
    const SqlValue p[] = {id};
    auto found = select_tasks(c, "WHERE t.id = $1", p);
    if (!found) return std::unexpected(found.error());
    if (found->empty())
        return fail(ErrorCode::not_found, "no ledger task with id " + std::to_string(id), "id");
    if (auto ok = lr::attach_milestones(c, *found); !ok) return std::unexpected(ok.error());
    return std::move(found->front());
}

Result<LedgerTask> update_ledger_task(storage::Connection& c, const Actor& who, std::int64_t id,
                                      const LedgerTaskPatch& patch, const std::string& at_iso) {
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto before = get_ledger_task(c, id);
    if (!before) return std::unexpected(before.error());
    const bool bureau = can_write_campaign(who);
    const bool own_clerk = who.role == Role::unit && who.unit_id == before->lead_unit_id;
    if (!bureau && !own_clerk)
        return fail(ErrorCode::forbidden,
                    "only the bureau or the lead unit's clerk may change task " + before->code);
    if (!bureau && !clerk_patch_only(patch))
        return fail(ErrorCode::forbidden,
                    "a unit clerk may change only content, measures, responsible_person, "
                    "investment_completed and physical_progress");
    if (patch.version != before->version)
        return fail(ErrorCode::conflict,
                    "task " + before->code + " was changed by someone else (version " +
                        std::to_string(before->version) + ", you read " +
                        std::to_string(patch.version) + "); reload it and apply your change again",
                    "version");
    LedgerTask t = *before;
    apply(t, patch);
    if (auto ok = lr::check_task(c, t); !ok) return std::unexpected(ok.error());
    t.version = before->version + 1;
    t.updated_at = at_iso;
    const SqlValue p[] = {
        t.title,
        t.category,
        t.content,
        lr::join_lines(t.measures),
        t.lead_unit_id,
        lr::join_ids(t.cooperating_unit_ids),
        t.responsible_leader,
        t.responsible_person,
        t.target_id ? SqlValue{*t.target_id} : SqlValue{},
        std::int64_t{t.start.days},
        std::int64_t{t.due.days},
        t.priority,
        t.source_document,
        t.status,
        std::int64_t{t.key_project ? 1 : 0},
        opt_sql(t.investment_planned),
        opt_sql(t.investment_completed),
        t.physical_progress ? SqlValue{std::int64_t{*t.physical_progress}} : SqlValue{},
        at_iso,
        id,
        before->version};
    auto changed = c.execute(
        "UPDATE ledger_tasks SET title = $1, category = $2, content = $3, measures = $4, "
        "lead_unit_id = $5, cooperating_unit_ids = $6, responsible_leader = $7, "
        "responsible_person = $8, target_id = $9, start_on = $10, due_on = $11, priority = $12, "
        "source_document = $13, status = $14, key_project = $15, investment_planned = $16, "
        "investment_completed = $17, physical_progress = $18, updated_at = $19, version = "
        "version + 1 WHERE id = $20 AND version = $21",
        p);
    if (!changed) return std::unexpected(changed.error());
    if (*changed != 1)
        return fail(ErrorCode::conflict,
                    "task " + t.code + " was changed by someone else; reload it", "version");
    if (auto g = lr::bump_generation(c); !g) return std::unexpected(g.error());
    if (auto a = append_audit(c, who,
                              {"update", "ledger_tasks", std::to_string(id), lr::task_json(*before),
                               lr::task_json(t)},
                              at_iso);
        !a)
        return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return t;
}

Result<LedgerTask> add_ledger_milestone(storage::Connection& c, const Actor& who,
                                        std::int64_t task_id, std::int64_t version,
                                        LedgerMilestone m, const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau add milestones");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto before = get_ledger_task(c, task_id);
    if (!before) return std::unexpected(before.error());
    if (version != before->version)
        return fail(ErrorCode::conflict,
                    "task " + before->code + " was changed by someone else (version " +
                        std::to_string(before->version) + ", you read " + std::to_string(version) +
                        "); reload it and apply your change again",
                    "version");
    LedgerTask t = *before;
    if (m.responsible_unit_id == 0) m.responsible_unit_id = t.lead_unit_id;
    m.seq = static_cast<int>(t.milestones.size()) + 1;
    m.state = "pending";
    m.done_on.reset();
    m.evidence.clear();
    t.milestones.push_back(m);
    if (auto ok = lr::check_task(c, t); !ok) return std::unexpected(ok.error());
    if (auto ok = lr::insert_milestone(c, task_id, t.milestones.back()); !ok)
        return std::unexpected(ok.error());
    if (t.status == "awaiting_acceptance") t.status = "in_progress";
    const SqlValue p[] = {t.status, at_iso, task_id, version};
    auto changed = c.execute(
        "UPDATE ledger_tasks SET status = $1, updated_at = $2, version = version + 1 WHERE id = $3 "
        "AND version = $4",
        p);
    if (!changed) return std::unexpected(changed.error());
    if (*changed != 1)
        return fail(ErrorCode::conflict, "task " + t.code + " was changed by someone else",
                    "version");
    t.version = version + 1;
    if (auto g = lr::bump_generation(c); !g) return std::unexpected(g.error());
    if (auto a = append_audit(c, who,
                              {"update", "ledger_tasks", std::to_string(task_id),
                               lr::task_json(*before), lr::task_json(t)},
                              at_iso);
        !a)
        return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return t;
}

Result<std::vector<LedgerTaskView>> ledger_views(storage::Connection& c,
                                                 std::vector<LedgerTask> tasks, Date today,
                                                 const ledger::WarningPolicy& policy) {
    std::vector<LedgerTaskView> out;
    if (tasks.empty()) return out;
    if (auto ok = lr::attach_milestones(c, tasks); !ok) return std::unexpected(ok.error());
    std::vector<SqlValue> ids;
    std::vector<SqlValue> units;
    for (const LedgerTask& t : tasks) {
        ids.emplace_back(t.id);
        units.emplace_back(t.lead_unit_id);
    }
    std::map<std::int64_t, std::pair<int, int>> cards;
    auto rows = c.query("SELECT task_id, color, COUNT(*) FROM ledger_cards WHERE task_id IN (" +
                            lr::placeholders(1, ids.size()) + ") GROUP BY task_id, color",
                        ids);
    if (!rows) return std::unexpected(rows.error());
    for (const Row& r : *rows) {
        auto& [y, red] = cards[r.integer(0)];
        (r.text(1) == "red" ? red : y) = static_cast<int>(r.integer(2));
    }
    std::map<std::int64_t, std::string> names;
    auto urows = c.query(
        "SELECT id, name FROM units WHERE id IN (" + lr::placeholders(1, units.size()) + ")",
        units);
    if (!urows) return std::unexpected(urows.error());
    for (const Row& r : *urows) names[r.integer(0)] = r.text(1);
    out.reserve(tasks.size());
    for (LedgerTask& t : tasks) {
        LedgerTaskView v;
        const auto ms = lr::domain_milestones(t);
        v.progress = ledger::task_progress(ms);
        std::vector<Date> reports;
        if (t.last_report_on) reports.push_back(*t.last_report_on);
        v.warnings = ledger::milestone_warnings(ms, reports, today, policy);
        for (const ledger::Warning& w : v.warnings)
            if (!v.worst_warning ||
                ledger::warning_severity(w.kind) > ledger::warning_severity(*v.worst_warning))
                v.worst_warning = w.kind;
        if (auto it = cards.find(t.id); it != cards.end()) {
            v.yellow_cards = it->second.first;
            v.red_cards = it->second.second;
        }
        v.lead_unit_name = names[t.lead_unit_id];
        v.task = std::move(t);
        out.push_back(std::move(v));
    }
    return out;
}

Result<std::int64_t> ledger_generation(storage::Connection& c) {
    auto rows = c.query("SELECT generation FROM ledger_state WHERE id = 1");
    if (!rows) return std::unexpected(rows.error());
    return rows->empty() ? 0 : rows->front().integer(0);
}

Result<LedgerPage> list_ledger_tasks(storage::Connection& c, const LedgerFilter& f, Date today,
                                     const ledger::WarningPolicy& policy) {
    if (f.limit < 1 || f.limit > 500)
        return fail(ErrorCode::invalid_argument, "limit: 1..500", "limit");
    if (f.offset < 0) return fail(ErrorCode::invalid_argument, "offset: >= 0", "offset");
    if (f.status && !ledger::parse_status(*f.status))
        return fail(ErrorCode::invalid_argument, "status: unknown task status", "status");
    auto w = where_of(f, today, policy);
    if (!w) return std::unexpected(w.error());
    auto count = c.query("SELECT COUNT(*) FROM ledger_tasks t " + w->sql, w->params);
    if (!count) return std::unexpected(count.error());
    LedgerPage page;
    page.total = count->at(0).integer(0);
    std::vector<SqlValue> params = w->params;
    params.emplace_back(f.limit);
    params.emplace_back(f.offset);
    auto tasks = select_tasks(c,
                              w->sql + " ORDER BY t.due_on, t.id LIMIT $" +
                                  std::to_string(params.size() - 1) + " OFFSET $" +
                                  std::to_string(params.size()),
                              params);
    if (!tasks) return std::unexpected(tasks.error());
    auto views = ledger_views(c, std::move(*tasks), today, policy);
    if (!views) return std::unexpected(views.error());
    page.items = std::move(*views);
    if (!f.with_milestones)
        for (LedgerTaskView& v : page.items) v.task.milestones.clear();
    return page;
}

Result<LedgerTaskDetail> ledger_task_detail(storage::Connection& c, std::int64_t id, Date today,
                                            const ledger::WarningPolicy& policy) {
    auto t = get_ledger_task(c, id);
    if (!t) return std::unexpected(t.error());
    std::vector<LedgerTask> one{std::move(*t)};
    auto views = ledger_views(c, std::move(one), today, policy);
    if (!views) return std::unexpected(views.error());
    LedgerTaskDetail d;
    d.view = std::move(views->front());
    auto reports = list_ledger_reports(c, std::nullopt, std::nullopt, id, 500);
    if (!reports) return std::unexpected(reports.error());
    d.reports = std::move(*reports);
    auto cards = list_ledger_cards(c, id, std::nullopt);
    if (!cards) return std::unexpected(cards.error());
    d.cards = std::move(*cards);
    auto notices = list_ledger_notices(c, std::nullopt, std::nullopt, id);
    if (!notices) return std::unexpected(notices.error());
    d.notices = std::move(*notices);
    return d;
}

}  // namespace ecogov
