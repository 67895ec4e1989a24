// Target CRUD (services/targets.hpp).
#include "services/targets.hpp"

#include "services/audit.hpp"
#include "services/stations.hpp"

namespace ecogov {

namespace {

using storage::SqlValue;

Target from_row(const storage::Row& r) {
    return Target{r.integer(0), r.integer(1), static_cast<int>(r.integer(2)), r.text(3), r.integer(4), r.text(5)};
}

std::string audit_json(const Target& t) {
    return "{\"id\":" + std::to_string(t.id) + ",\"unit_id\":" + std::to_string(t.unit_id) +
           ",\"year\":" + std::to_string(t.year) + ",\"indicator\":" + json_quote(t.indicator) +
           ",\"value\":" + std::to_string(t.value) + ",\"note\":" + json_quote(t.note) + "}";
}

bool valid_indicator(const std::string& name) {
    if (name.empty() || name.size() > 40) return false;
    for (char ch : name)
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
    return true;
}

Result<void> check(storage::Connection& c, const Target& t) {
    if (!valid_indicator(t.indicator))
        return fail(ErrorCode::invalid_argument, "indicator: 1-40 of a-z, 0-9 and '_'", "indicator");
    if (t.year < 2000 || t.year > 2100) return fail(ErrorCode::invalid_argument, "year must lie in 2000..2100", "year");
    if (t.value < 0) return fail(ErrorCode::invalid_argument, "value must not be negative", "value");
    if (t.note.size() > 2000) return fail(ErrorCode::invalid_argument, "note is longer than 2000 bytes", "note");
    const SqlValue p[] = {t.unit_id};
    auto unit = c.query("SELECT id FROM units WHERE id = $1", p);
    if (!unit) return std::unexpected(unit.error());
    if (unit->empty()) return fail(ErrorCode::invalid_argument, "no unit with id " + std::to_string(t.unit_id), "unit_id");
    return {};
}

Result<void> audit_and_commit(storage::Transaction& tx, const Actor& who, const AuditEntry& e, const std::string& at) {
    if (auto a = append_audit(tx.connection(), who, e, at); !a) return a;
    return tx.commit();
}

}  // namespace

Result<std::vector<Target>> list_targets(storage::Connection& c, std::optional<int> year) {
    const std::string sql = "SELECT id, unit_id, year, indicator, value, note FROM targets ";
    std::vector<SqlValue> p;
    auto rows = year ? (p.push_back(std::int64_t{*year}), c.query(sql + "WHERE year = $1 ORDER BY unit_id, indicator", p))
                     : c.query(sql + "ORDER BY year, unit_id, indicator");
    if (!rows) return std::unexpected(rows.error());
    std::vector<Target> out;
    for (const auto& r : *rows) out.push_back(from_row(r));
    return out;
}

Result<Target> get_target(storage::Connection& c, std::int64_t id) {
    const SqlValue p[] = {id};
    auto rows = c.query("SELECT id, unit_id, year, indicator, value, note FROM targets WHERE id = $1", p);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return fail(ErrorCode::not_found, "no target with id " + std::to_string(id), "id");
    return from_row(rows->front());
}

Result<Target> create_target(storage::Connection& c, const Actor& who, Target t, const std::string& at_iso) {
    if (!can_write_campaign(who)) return fail(ErrorCode::forbidden, "only admin and bureau may set targets");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    if (auto ok = check(c, t); !ok) return std::unexpected(ok.error());
    const SqlValue p[] = {t.unit_id, std::int64_t{t.year}, t.indicator, t.value, t.note, at_iso};
    const SqlValue key[] = {t.unit_id, std::int64_t{t.year}, t.indicator};
    auto dup = c.query("SELECT id FROM targets WHERE unit_id = $1 AND year = $2 AND indicator = $3", key);
    if (!dup) return std::unexpected(dup.error());
    if (!dup->empty()) return fail(ErrorCode::conflict, "this unit already has a " + t.indicator + " target for " +
                                                            std::to_string(t.year), "indicator");
    auto id = c.query(
        "INSERT INTO targets (unit_id, year, indicator, value, note, created_at) VALUES ($1, $2, $3, $4, $5, $6) "
        "RETURNING id",
        p);
    if (!id) return std::unexpected(id.error());
    t.id = id->at(0).integer(0);
    if (auto ok = audit_and_commit(*tx, who, {"create", "targets", std::to_string(t.id), std::nullopt, audit_json(t)}, at_iso); !ok)
        return std::unexpected(ok.error());
    return t;
}

Result<Target> update_target(storage::Connection& c, const Actor& who, std::int64_t id,
                             std::optional<std::int64_t> value, std::optional<std::string> note,
                             const std::string& at_iso) {
    if (!can_write_campaign(who)) return fail(ErrorCode::forbidden, "only admin and bureau may change targets");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto before = get_target(c, id);
    if (!before) return std::unexpected(before.error());
    Target t = *before;
    if (value) t.value = *value;
    if (note) t.note = *note;
    if (auto ok = check(c, t); !ok) return std::unexpected(ok.error());
    const SqlValue p[] = {t.value, t.note, id};
    if (auto up = c.execute("UPDATE targets SET value = $1, note = $2 WHERE id = $3", p); !up)
        return std::unexpected(up.error());
    if (auto ok = audit_and_commit(*tx, who, {"update", "targets", std::to_string(id), audit_json(*before), audit_json(t)}, at_iso); !ok)
        return std::unexpected(ok.error());
    return t;
}

Result<void> delete_target(storage::Connection& c, const Actor& who, std::int64_t id, const std::string& at_iso) {
    if (!can_write_campaign(who)) return fail(ErrorCode::forbidden, "only admin and bureau may delete targets");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto before = get_target(c, id);
    if (!before) return std::unexpected(before.error());
    const SqlValue p[] = {id};
    if (auto del = c.execute("DELETE FROM targets WHERE id = $1", p); !del) return std::unexpected(del.error());
    return audit_and_commit(*tx, who, {"delete", "targets", std::to_string(id), audit_json(*before), std::nullopt}, at_iso);
}

Date cst_date_of_ms(std::int64_t unix_ms) {
    const std::int64_t cst_ms = unix_ms + 8LL * 3600 * 1000;
    return Date{static_cast<std::int32_t>(HourLabel::floor_div(cst_ms, 86400LL * 1000))};
}

}  // namespace ecogov
