// Cards and supervision notices (督办) of the ledger, and the daily sweep (services/ledger.hpp;
// issue 4 items 4 and 5).
#include <boost/json.hpp>

#include "services/audit.hpp"
#include "services/ledger.hpp"
#include "services/ledger_rows.hpp"

namespace ecogov {

using storage::Row;
using storage::SqlValue;
namespace json = boost::json;
namespace lr = ledger_rows;

namespace {

constexpr std::string_view kNoticeSelect =
    "SELECT n.id, n.task_id, n.unit_id, n.level, n.deadline_on, n.body, n.status, n.answer, "
    "n.answered_at, n.issued_at, n.escalated_at, t.code FROM ledger_notices n LEFT JOIN "
    "ledger_tasks t ON t.id = n.task_id ";

LedgerNotice notice_of(const Row& r) {
    LedgerNotice n;
    n.id = r.integer(0);
    n.task_id = r.opt_integer(1);
    n.unit_id = r.integer(2);
    n.level = static_cast<int>(r.integer(3));
    n.deadline = Date{static_cast<std::int32_t>(r.integer(4))};
    n.body = r.text(5);
    n.status = r.text(6);
    n.answer = r.text(7);
    n.answered_at = r.text(8);
    n.issued_at = r.text(9);
    n.escalated_at = r.text(10);
    n.task_code = r.text(11);
    return n;
}

std::string notice_json(const LedgerNotice& n) {
    json::object o{{"id", n.id},        {"unit_id", n.unit_id},
                   {"level", n.level},  {"deadline", n.deadline.iso()},
                   {"body", n.body},    {"status", n.status},
                   {"answer", n.answer}};
    o["task_id"] = n.task_id ? json::value(*n.task_id) : json::value(nullptr);
    return json::serialize(o);
}

Result<LedgerNotice> get_notice(storage::Connection& c, std::int64_t id) {
    const SqlValue p[] = {id};
    auto rows = c.query(std::string(kNoticeSelect) + "WHERE n.id = $1", p);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty())
        return fail(ErrorCode::not_found, "no supervision notice with id " + std::to_string(id),
                    "id");
    return notice_of(rows->front());
}

/// Records the cards of every task on `today`; returns how many were new.
Result<std::int64_t> record_cards(storage::Connection& c, Date today, const std::string& at_iso) {
    auto rows = c.query("SELECT " + std::string(lr::kTaskColumns) +
                            " FROM ledger_tasks t WHERE EXISTS (SELECT 1 FROM ledger_milestones m "
                            "WHERE m.task_id = t.id AND m.due_on < $1 AND (m.state = 'pending' OR "
                            "m.done_on > m.due_on))",
                        std::array<SqlValue, 1>{std::int64_t{today.days}});
    if (!rows) return std::unexpected(rows.error());
    std::vector<LedgerTask> tasks;
    for (const Row& r : *rows) tasks.push_back(lr::task_of(r));
    if (auto ok = lr::attach_milestones(c, tasks); !ok) return std::unexpected(ok.error());
    auto st = c.prepare(
        "INSERT INTO ledger_cards (task_id, unit_id, color, issued_on, milestone_seq, reason, "
        "recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (task_id, color, issued_on, "
        "milestone_seq) DO NOTHING");
    if (!st) return std::unexpected(st.error());
    std::int64_t added = 0;
    for (const LedgerTask& t : tasks) {
        const auto ms = lr::domain_milestones(t);
        for (const ledger::Card& card : ledger::task_cards(ms, today)) {
            std::int64_t unit = t.lead_unit_id;
            if (card.milestone_order)
                for (const LedgerMilestone& m : t.milestones)
                    if (m.seq == *card.milestone_order) unit = m.responsible_unit_id;
            const SqlValue p[] = {t.id,
                                  unit,
                                  std::string(ledger::card_color_id(card.color)),
                                  std::int64_t{card.issued_on.days},
                                  std::int64_t{card.milestone_order.value_or(0)},
                                  card.reason,
                                  at_iso};
            auto n = (*st)->run(p);
            if (!n) return std::unexpected(n.error());
            added += *n;
        }
    }
    return added;
}

Result<std::int64_t> escalate_notices(storage::Connection& c, Date today,
                                      const std::string& at_iso) {
    const SqlValue p[] = {std::int64_t{today.days}};
    auto rows = c.query(
        std::string(kNoticeSelect) + "WHERE n.status = 'open' AND n.deadline_on < $1 ORDER BY n.id",
        p);
    if (!rows) return std::unexpected(rows.error());
    std::int64_t n = 0;
    for (const Row& r : *rows) {
        const LedgerNotice x = notice_of(r);
        const auto up = ledger::escalate_notice({x.level, x.deadline, false}, today);
        if (!up) continue;
        const SqlValue u[] = {std::int64_t{up->level}, std::int64_t{up->deadline.days}, at_iso,
                              x.id};
        if (auto ok = c.execute(
                "UPDATE ledger_notices SET level = $1, deadline_on = $2, escalated_at = $3 WHERE "
                "id = $4",
                u);
            !ok)
            return std::unexpected(ok.error());
        ++n;
    }
    return n;
}

}  // namespace

Result<std::vector<LedgerCard>> list_ledger_cards(storage::Connection& c,
                                                  std::optional<std::int64_t> task_id,
                                                  std::optional<std::int64_t> unit_id) {
    std::string where;
    std::vector<SqlValue> params;
    if (task_id) {
        params.emplace_back(*task_id);
        where = "WHERE task_id = $1";
    } else if (unit_id) {
        params.emplace_back(*unit_id);
        where = "WHERE unit_id = $1";
    }
    auto rows = c.query(
        "SELECT id, task_id, unit_id, color, issued_on, milestone_seq, reason, recorded_at FROM "
        "ledger_cards " +
            where + " ORDER BY issued_on, id",
        params);
    if (!rows) return std::unexpected(rows.error());
    std::vector<LedgerCard> out;
    for (const Row& r : *rows)
        out.push_back({r.integer(0), r.integer(1), r.integer(2), r.text(3),
                       Date{static_cast<std::int32_t>(r.integer(4))},
                       static_cast<int>(r.integer(5)), r.text(6), r.text(7)});
    return out;
}

Result<LedgerNotice> create_ledger_notice(storage::Connection& c, const Actor& who,
                                          const NewLedgerNotice& in, Date today,
                                          const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau issue supervision notices");
    if (in.level < 1 || in.level > ledger::SupervisionPolicy{}.max_level)
        return fail(ErrorCode::invalid_argument, "level: 1..3", "level");
    if (in.deadline < today)
        return fail(ErrorCode::invalid_argument, "deadline: must not be before today", "deadline");
    if (in.body.empty() || in.body.size() > 4000)
        return fail(ErrorCode::invalid_argument, "body: 1-4000 bytes", "body");
    if (!in.task_id && !in.unit_id)
        return fail(ErrorCode::invalid_argument, "task_id or unit_id: name one", "unit_id");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    std::int64_t unit = in.unit_id.value_or(0);
    if (in.task_id) {
        auto t = get_ledger_task(c, *in.task_id);
        if (!t) return fail(ErrorCode::invalid_argument, t.error().message, "task_id");
        if (!in.unit_id) unit = t->lead_unit_id;
    }
    const SqlValue u[] = {unit};
    auto found = c.query("SELECT id FROM units WHERE id = $1", u);
    if (!found) return std::unexpected(found.error());
    if (found->empty())
        return fail(ErrorCode::invalid_argument, "unit_id: no such unit", "unit_id");
    const SqlValue p[] = {in.task_id ? SqlValue{*in.task_id} : SqlValue{},
                          unit,
                          std::int64_t{in.level},
                          std::int64_t{in.deadline.days},
                          in.body,
                          who.user_id ? SqlValue{who.user_id} : SqlValue{},
                          at_iso};
    auto id = c.query(
        "INSERT INTO ledger_notices (task_id, unit_id, level, deadline_on, body, status, "
        "issued_by, issued_at) VALUES ($1, $2, $3, $4, $5, 'open', $6, $7) RETURNING id",
        p);
    if (!id) return std::unexpected(id.error());
    auto n = get_notice(c, id->at(0).integer(0));
    if (!n) return std::unexpected(n.error());
    if (auto a = append_audit(
            c, who,
            {"create", "ledger_notices", std::to_string(n->id), std::nullopt, notice_json(*n)},
            at_iso);
        !a)
        return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return n;
}

Result<LedgerNotice> answer_ledger_notice(storage::Connection& c, const Actor& who, std::int64_t id,
                                          const std::string& answer, const std::string& at_iso) {
    if (answer.empty() || answer.size() > 4000)
        return fail(ErrorCode::invalid_argument, "answer: 1-4000 bytes", "answer");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto before = get_notice(c, id);
    if (!before) return std::unexpected(before.error());
    if (!can_write_unit(who, before->unit_id))
        return fail(ErrorCode::forbidden, "only the unit the notice is addressed to answers it");
    if (before->status != "open")
        return fail(ErrorCode::conflict, "notice " + std::to_string(id) + " was already answered");
    const SqlValue p[] = {answer, who.user_id ? SqlValue{who.user_id} : SqlValue{}, at_iso, id};
    if (auto ok = c.execute(
            "UPDATE ledger_notices SET status = 'answered', answer = $1, answered_by = $2, "
            "answered_at = $3 WHERE id = $4",
            p);
        !ok)
        return std::unexpected(ok.error());
    auto after = get_notice(c, id);
    if (!after) return std::unexpected(after.error());
    if (auto a = append_audit(c, who,
                              {"answer", "ledger_notices", std::to_string(id), notice_json(*before),
                               notice_json(*after)},
                              at_iso);
        !a)
        return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return after;
}

Result<std::vector<LedgerNotice>> list_ledger_notices(storage::Connection& c,
                                                      std::optional<std::int64_t> unit_id,
                                                      std::optional<std::string> status,
                                                      std::optional<std::int64_t> task_id) {
    std::string where;
    std::vector<SqlValue> params;
    auto add = [&](const std::string& cond, SqlValue v) {
        params.push_back(std::move(v));
        where += (where.empty() ? "WHERE " : " AND ") + cond + " $" + std::to_string(params.size());
    };
    if (unit_id) add("n.unit_id =", *unit_id);
    if (status) add("n.status =", *status);
    if (task_id) add("n.task_id =", *task_id);
    auto rows =
        c.query(std::string(kNoticeSelect) + where + " ORDER BY n.id DESC LIMIT 500", params);
    if (!rows) return std::unexpected(rows.error());
    std::vector<LedgerNotice> out;
    for (const Row& r : *rows) out.push_back(notice_of(r));
    return out;
}

Result<LedgerSweep> ledger_sweep(storage::Connection& c, const Actor& who, Date today,
                                 const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau run the ledger sweep");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    LedgerSweep s;
    auto cards = record_cards(c, today, at_iso);
    if (!cards) return std::unexpected(cards.error());
    s.cards_recorded = *cards;
    auto up = escalate_notices(c, today, at_iso);
    if (!up) return std::unexpected(up.error());
    s.notices_escalated = *up;
    const SqlValue day[] = {std::int64_t{today.days}, at_iso};
    auto late = c.execute(
        "UPDATE ledger_tasks SET status = 'overdue', version = version + 1, updated_at = $2 WHERE "
        "due_on < $1 AND status IN ('not_started', 'in_progress')",
        day);
    if (!late) return std::unexpected(late.error());
    s.tasks_overdue = *late;
    if (s.cards_recorded > 0 || s.tasks_overdue > 0)
        if (auto g = lr::bump_generation(c); !g) return std::unexpected(g.error());
    const std::string after = "{\"day\":\"" + today.iso() +
                              "\",\"cards_recorded\":" + std::to_string(s.cards_recorded) +
                              ",\"notices_escalated\":" + std::to_string(s.notices_escalated) +
                              ",\"tasks_overdue\":" + std::to_string(s.tasks_overdue) + "}";
    if (auto a =
            append_audit(c, who, {"sweep", "ledger", today.iso(), std::nullopt, after}, at_iso);
        !a)
        return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return s;
}

}  // namespace ecogov
