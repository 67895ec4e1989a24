// Ledger statistics per unit and per category (services/ledger.hpp; issue 4 item 8).
#include <algorithm>
#include <map>

#include "services/ledger.hpp"

namespace ecogov {

using storage::Row;
using storage::SqlValue;

namespace {

// One aggregate over the milestones due in [$1, $2], grouped by `key` (named by `name`).
std::string milestone_sql(std::string_view key, std::string_view name, std::string_view join) {
    return "SELECT " + std::string(key) + ", " + std::string(name) +
           ", COUNT(DISTINCT m.task_id), COUNT(*), "
           "SUM(CASE WHEN m.state = 'done' THEN 1 ELSE 0 END), "
           "SUM(CASE WHEN m.state = 'done' AND m.done_on <= m.due_on THEN 1 ELSE 0 END), "
           "SUM(CASE WHEN (m.state = 'done' AND m.done_on > m.due_on) OR (m.state = 'pending' AND "
           "m.due_on < $3) THEN 1 ELSE 0 END) "
           "FROM ledger_milestones m JOIN ledger_tasks t ON t.id = m.task_id " +
           std::string(join) + " WHERE m.due_on >= $1 AND m.due_on <= $2 GROUP BY " +
           std::string(key) + ", " + std::string(name);
}

Result<std::vector<LedgerStatRow>> aggregate(storage::Connection& c, const std::string& sql,
                                             const std::string& cards_sql,
                                             std::span<const SqlValue> period) {
    std::map<std::string, LedgerStatRow> by_key;
    auto rows = c.query(sql, period);
    if (!rows) return std::unexpected(rows.error());
    for (const Row& r : *rows) {
        LedgerStatRow& s = by_key[r.text(0)];
        s.key = r.text(0);
        s.name = r.text(1);
        s.tasks = r.integer(2);
        s.milestones_due = r.integer(3);
        s.done = r.integer(4);
        s.on_time = r.integer(5);
        s.late = r.integer(6);
        s.completion_rate = s.milestones_due == 0 ? 0.0
                                                  : static_cast<double>(s.done) /
                                                        static_cast<double>(s.milestones_due);
    }
    auto cards = c.query(cards_sql, period.first(2));
    if (!cards) return std::unexpected(cards.error());
    for (const Row& r : *cards) {
        LedgerStatRow& s = by_key[r.text(0)];
        s.key = r.text(0);
        if (s.name.empty()) s.name = r.text(1);
        (r.text(2) == "red" ? s.red_cards : s.yellow_cards) = r.integer(3);
    }
    std::vector<LedgerStatRow> out;
    for (auto& [k, v] : by_key) out.push_back(std::move(v));
    return out;
}

}  // namespace

Result<LedgerStatistics> ledger_unit_statistics(storage::Connection& c, Date period_from,
                                                Date period_to, std::optional<Date> as_of) {
    if (period_to < period_from)
        return fail(ErrorCode::invalid_argument, "from: must not be after to", "from");
    const Date judged = std::min(as_of.value_or(period_to), period_to);
    const SqlValue period[] = {std::int64_t{period_from.days}, std::int64_t{period_to.days},
                               std::int64_t{judged.days}};
    LedgerStatistics out{period_from, period_to, {}, {}};
    auto units = aggregate(
        c,
        milestone_sql("CAST(m.responsible_unit_id AS TEXT)", "u.name",
                      "JOIN units u ON u.id = m.responsible_unit_id"),
        "SELECT CAST(k.unit_id AS TEXT), u.name, k.color, COUNT(*) FROM ledger_cards k JOIN units "
        "u ON u.id = k.unit_id WHERE k.issued_on >= $1 AND k.issued_on <= $2 GROUP BY k.unit_id, "
        "u.name, k.color",
        period);
    if (!units) return std::unexpected(units.error());
    out.units = std::move(*units);
    auto cats = aggregate(
        c,
        milestone_sql("t.category", "g.name_zh", "JOIN ledger_categories g ON g.code = t.category"),
        "SELECT t.category, g.name_zh, k.color, COUNT(*) FROM ledger_cards k JOIN ledger_tasks t "
        "ON t.id = k.task_id JOIN ledger_categories g ON g.code = t.category WHERE k.issued_on >= "
        "$1 AND k.issued_on <= $2 GROUP BY t.category, g.name_zh, k.color",
        period);
    if (!cats) return std::unexpected(cats.error());
    out.categories = std::move(*cats);
    return out;
}

}  // namespace ecogov
