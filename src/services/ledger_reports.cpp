// Progress reports of the ledger and the bureau's review (services/ledger.hpp; issue 4 item 3).
#include <algorithm>

#include <boost/json.hpp>

#include "services/audit.hpp"
#include "services/ledger.hpp"
#include "services/ledger_rows.hpp"

namespace ecogov {

using storage::Row;
using storage::SqlValue;
namespace json = boost::json;

namespace {

constexpr std::string_view kReportSelect =
    "SELECT r.id, r.task_id, r.milestone_id, m.seq, r.unit_id, r.reported_on, r.percent, r.body, "
    "r.status, r.review_reason, r.reviewed_by, r.reviewed_at, r.created_by, r.created_at, t.code, "
    "t.title FROM ledger_reports r JOIN ledger_milestones m ON m.id = r.milestone_id JOIN "
    "ledger_tasks t ON t.id = r.task_id ";

LedgerReport report_of(const Row& r) {
    LedgerReport x;
    x.id = r.integer(0);
    x.task_id = r.integer(1);
    x.milestone_id = r.integer(2);
    x.milestone_seq = static_cast<int>(r.integer(3));
    x.unit_id = r.integer(4);
    x.reported_on = Date{static_cast<std::int32_t>(r.integer(5))};
    x.percent = static_cast<int>(r.integer(6));
    x.body = r.text(7);
    x.status = r.text(8);
    x.review_reason = r.text(9);
    x.reviewed_by = r.opt_integer(10);
    x.reviewed_at = r.text(11);
    x.created_by = r.opt_integer(12);
    x.created_at = r.text(13);
    x.task_code = r.text(14);
    x.task_title = r.text(15);
    return x;
}

std::string report_json(const LedgerReport& r) {
    return json::serialize(json::object{{"id", r.id},
                                        {"task_id", r.task_id},
                                        {"milestone_id", r.milestone_id},
                                        {"unit_id", r.unit_id},
                                        {"reported_on", r.reported_on.iso()},
                                        {"percent", r.percent},
                                        {"body", r.body},
                                        {"status", r.status},
                                        {"review_reason", r.review_reason}});
}

Result<LedgerReport> get_report(storage::Connection& c, std::int64_t id) {
    const SqlValue p[] = {id};
    auto rows = c.query(std::string(kReportSelect) + "WHERE r.id = $1", p);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty())
        return fail(ErrorCode::not_found, "no ledger report with id " + std::to_string(id), "id");
    return report_of(rows->front());
}

/// May `who` report on milestone `m` of task `t`? bureau/admin; or the clerk of the milestone's
/// responsible unit or of the task's lead unit.
bool may_report(const Actor& who, const LedgerTask& t, const LedgerMilestone& m) {
    if (can_write_campaign(who)) return true;
    return who.role == Role::unit &&
           (who.unit_id == m.responsible_unit_id || who.unit_id == t.lead_unit_id);
}

}  // namespace

Result<LedgerReport> create_ledger_report(storage::Connection& c, const Actor& who,
                                          std::int64_t task_id, const NewLedgerReport& in,
                                          Date today, const std::string& at_iso) {
    if (who.role == Role::leader) return fail(ErrorCode::forbidden, "a leader does not report");
    if (in.percent < 0 || in.percent > 100)
        return fail(ErrorCode::invalid_argument, "percent: 0..100", "percent");
    if (in.body.empty() || in.body.size() > 8000)
        return fail(ErrorCode::invalid_argument, "body: 1-8000 bytes", "body");
    const Date on = in.reported_on.value_or(today);
    if (on > today)
        return fail(ErrorCode::invalid_argument, "reported_on: must not be after today",
                    "reported_on");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto task = get_ledger_task(c, task_id);
    if (!task) return std::unexpected(task.error());
    const LedgerMilestone* m = nullptr;
    if (in.milestone_id) {
        for (const LedgerMilestone& x : task->milestones)
            if (x.id == *in.milestone_id) m = &x;
        if (!m)
            return fail(ErrorCode::invalid_argument,
                        "milestone_id: not a milestone of task " + task->code, "milestone_id");
    } else {
        for (const LedgerMilestone& x : task->milestones)
            if (!m && x.state != "done") m = &x;
        if (!m)
            return fail(ErrorCode::conflict, "every milestone of task " + task->code + " is done",
                        "milestone_id");
    }
    if (!may_report(who, *task, *m))
        return fail(ErrorCode::forbidden, "your unit is not responsible for task " + task->code);
    if (m->state == "done")
        return fail(ErrorCode::conflict, "milestone " + std::to_string(m->seq) + " is already done",
                    "milestone_id");
    const std::int64_t unit = who.role == Role::unit ? who.unit_id : m->responsible_unit_id;
    const SqlValue p[] = {task_id,
                          m->id,
                          unit,
                          std::int64_t{on.days},
                          std::int64_t{in.percent},
                          in.body,
                          who.user_id ? SqlValue{who.user_id} : SqlValue{},
                          at_iso};
    auto id = c.query(
        "INSERT INTO ledger_reports (task_id, milestone_id, unit_id, reported_on, percent, body, "
        "status, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8) "
        "RETURNING id",
        p);
    if (!id) return std::unexpected(id.error());
    const SqlValue u[] = {std::int64_t{on.days}, task_id};
    if (auto ok = c.execute(
            "UPDATE ledger_tasks SET last_report_on = CASE WHEN last_report_on IS NULL OR "
            "last_report_on < $1 THEN $1 ELSE last_report_on END, status = CASE WHEN status = "
            "'not_started' THEN 'in_progress' ELSE status END WHERE id = $2",
            u);
        !ok)
        return std::unexpected(ok.error());
    if (auto g = ledger_rows::bump_generation(c); !g) return std::unexpected(g.error());
    auto r = get_report(c, id->at(0).integer(0));
    if (!r) return std::unexpected(r.error());
    if (auto a = append_audit(
            c, who,
            {"create", "ledger_reports", std::to_string(r->id), std::nullopt, report_json(*r)},
            at_iso);
        !a)
        return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return r;
}

Result<AttachmentMeta> attach_to_ledger_report(storage::Connection& c, const Actor& who,
                                               std::int64_t report_id, const UploadedFile& file,
                                               const AttachmentPolicy& policy,
                                               const std::string& at_iso) {
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto r = get_report(c, report_id);
    if (!r) return std::unexpected(r.error());
    const bool allowed =
        can_write_campaign(who) || (who.role == Role::unit && who.unit_id == r->unit_id);
    if (!allowed)
        return fail(ErrorCode::forbidden, "only the reporting unit may attach files to report " +
                                              std::to_string(report_id));
    if (r->status != "pending")
        return fail(ErrorCode::conflict, "report " + std::to_string(report_id) + " was reviewed");
    auto meta = insert_attachment(c, who, "ledger_report", report_id, file, policy, at_iso);
    if (!meta) return std::unexpected(meta.error());
    if (auto a = append_audit(c, who,
                              {"attach", "ledger_reports", std::to_string(report_id), std::nullopt,
                               attachment_json(*meta)},
                              at_iso);
        !a)
        return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return meta;
}

Result<LedgerReport> review_ledger_report(storage::Connection& c, const Actor& who,
                                          std::int64_t report_id, bool accept,
                                          const std::string& reason, const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau review reports");
    if (!accept && reason.empty())
        return fail(ErrorCode::invalid_argument, "reason: required when a report is returned",
                    "reason");
    if (reason.size() > 2000)
        return fail(ErrorCode::invalid_argument, "reason: at most 2000 bytes", "reason");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto before = get_report(c, report_id);
    if (!before) return std::unexpected(before.error());
    if (before->status != "pending")
        return fail(ErrorCode::conflict,
                    "report " + std::to_string(report_id) + " was already " + before->status,
                    "decision");
    const SqlValue p[] = {std::string(accept ? "accepted" : "returned"), reason,
                          who.user_id ? SqlValue{who.user_id} : SqlValue{}, at_iso, report_id};
    if (auto ok = c.execute(
            "UPDATE ledger_reports SET status = $1, review_reason = $2, reviewed_by = $3, "
            "reviewed_at = $4 WHERE id = $5 AND status = 'pending'",
            p);
        !ok)
        return std::unexpected(ok.error());
    if (accept) {
        const SqlValue m[] = {std::int64_t{before->reported_on.days}, report_id,
                              "report:" + std::to_string(report_id), before->milestone_id};
        if (auto ok = c.execute(
                "UPDATE ledger_milestones SET state = 'done', done_on = $1, evidence_report_id = "
                "$2, evidence = $3 WHERE id = $4 AND state = 'pending'",
                m);
            !ok)
            return std::unexpected(ok.error());
        auto task = get_ledger_task(c, before->task_id);
        if (!task) return std::unexpected(task.error());
        const bool all_done = std::ranges::all_of(
            task->milestones, [](const LedgerMilestone& x) { return x.state == "done"; });
        const SqlValue s[] = {std::string(all_done ? "awaiting_acceptance" : "in_progress"),
                              before->task_id};
        if (auto ok = c.execute(
                "UPDATE ledger_tasks SET status = $1 WHERE id = $2 AND status IN ('not_started', "
                "'in_progress', 'overdue')",
                s);
            !ok)
            return std::unexpected(ok.error());
    }
    if (auto g = ledger_rows::bump_generation(c); !g) return std::unexpected(g.error());
    auto after = get_report(c, report_id);
    if (!after) return std::unexpected(after.error());
    if (auto a =
            append_audit(c, who,
                         {accept ? "accept" : "return", "ledger_reports", std::to_string(report_id),
                          report_json(*before), report_json(*after)},
                         at_iso);
        !a)
        return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return after;
}

Result<std::vector<LedgerReport>> list_ledger_reports(storage::Connection& c,
                                                      std::optional<std::string> status,
                                                      std::optional<std::int64_t> unit_id,
                                                      std::optional<std::int64_t> task_id,
                                                      std::int64_t limit) {
    std::string where;
    std::vector<SqlValue> params;
    auto add = [&](const std::string& cond, SqlValue v) {
        params.push_back(std::move(v));
        where += (where.empty() ? "WHERE " : " AND ") + cond + " $" + std::to_string(params.size());
    };
    if (status) add("r.status =", *status);
    if (unit_id) add("r.unit_id =", *unit_id);
    if (task_id) add("r.task_id =", *task_id);
    params.emplace_back(std::clamp<std::int64_t>(limit, 1, 1000));
    auto rows = c.query(std::string(kReportSelect) + where + " ORDER BY r.id DESC LIMIT $" +
                            std::to_string(params.size()),
                        params);
    if (!rows) return std::unexpected(rows.error());
    std::vector<LedgerReport> out;
    for (const Row& r : *rows) {
        out.push_back(report_of(r));
        auto files = list_attachments(c, "ledger_report", out.back().id);
        if (!files) return std::unexpected(files.error());
        out.back().attachments = std::move(*files);
    }
    return out;
}

}  // namespace ecogov
