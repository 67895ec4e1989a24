#include "services/organisation.hpp"

#include <boost/json/serialize.hpp>

#include "services/audit.hpp"

namespace ecogov {

namespace {

using storage::SqlValue;

constexpr std::string_view kUnitColumns = "SELECT id, code, name, kind, parent_id FROM units";

Unit to_unit(const storage::Row& r) {
    return Unit{r.integer(0), r.text(1), r.text(2), r.text(3), r.opt_integer(4)};
}

SqlValue nullable(std::optional<std::int64_t> v) {
    if (v) return *v;
    return nullptr;
}

bool valid_kind(std::string_view k) {
    return k == "bureau" || k == "township" || k == "department";
}

Result<void> check_kind(const std::string& kind) {
    if (!valid_kind(kind))
        return fail(ErrorCode::invalid_argument, "kind must be bureau, township or department",
                    "kind");
    return {};
}

/// The parent must exist and must not be `self` or one of its descendants.
Result<void> check_parent(storage::Connection& c, std::optional<std::int64_t> parent,
                          std::int64_t self) {
    std::optional<std::int64_t> at = parent;
    for (int depth = 0; at; ++depth) {
        if (*at == self || depth > 64)
            return fail(ErrorCode::invalid_argument, "parent_id would make a cycle", "parent_id");
        auto u = get_unit(c, *at);
        if (!u)
            return fail(ErrorCode::invalid_argument, "no unit with id " + std::to_string(*at),
                        "parent_id");
        at = u->parent_id;
    }
    return {};
}

Result<void> check_new_unit(storage::Connection& c, const NewUnit& u) {
    if (auto r = check_text(u.code, "code", 32, true); !r) return r;
    if (auto r = check_text(u.name, "name", 200, true); !r) return r;
    if (auto r = check_kind(u.kind); !r) return r;
    if (auto r = check_parent(c, u.parent_id, 0); !r) return r;
    auto existing = find_unit_by_code(c, u.code);
    if (!existing) return std::unexpected(existing.error());
    if (*existing)
        return fail(ErrorCode::conflict, "a unit with code " + u.code + " exists", "code");
    return {};
}

Result<void> apply_unit_patch(storage::Connection& c, Unit& u, const UnitPatch& p) {
    if (p.name) {
        if (auto r = check_text(*p.name, "name", 200, true); !r) return r;
        u.name = *p.name;
    }
    if (p.kind) {
        if (auto r = check_kind(*p.kind); !r) return r;
        u.kind = *p.kind;
    }
    if (p.parent_id) {
        if (auto r = check_parent(c, *p.parent_id, u.id); !r) return r;
        u.parent_id = *p.parent_id;
    }
    return {};
}

std::string json_text(const boost::json::object& o) {
    return boost::json::serialize(o);
}

}  // namespace

Result<void> check_text(const std::string& value, std::string_view field, std::size_t max,
                        bool required) {
    if (required && value.empty())
        return fail(ErrorCode::invalid_argument, std::string(field) + " is required",
                    std::string(field));
    if (value.size() > max)
        return fail(ErrorCode::invalid_argument,
                    std::string(field) + " is longer than " + std::to_string(max) + " bytes",
                    std::string(field));
    for (const char ch : value) {
        if (static_cast<unsigned char>(ch) < 0x20)
            return fail(ErrorCode::invalid_argument,
                        std::string(field) + " contains a control character", std::string(field));
    }
    return {};
}

boost::json::object to_json(const Unit& u) {
    boost::json::object o;
    o["id"] = u.id;
    o["code"] = u.code;
    o["name"] = u.name;
    o["kind"] = u.kind;
    o["parent_id"] = u.parent_id ? boost::json::value(*u.parent_id) : boost::json::value(nullptr);
    return o;
}

Result<std::vector<Unit>> list_units(storage::Connection& c) {
    auto rows = c.query(std::string(kUnitColumns) + " ORDER BY id");
    if (!rows) return std::unexpected(rows.error());
    std::vector<Unit> out;
    for (const auto& r : *rows) out.push_back(to_unit(r));
    return out;
}

Result<Unit> get_unit(storage::Connection& c, std::int64_t id) {
    const std::vector<SqlValue> params{id};
    auto rows = c.query(std::string(kUnitColumns) + " WHERE id = $1", params);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty())
        return fail(ErrorCode::not_found, "no unit with id " + std::to_string(id), "id");
    return to_unit(rows->front());
}

Result<std::optional<Unit>> find_unit_by_code(storage::Connection& c, const std::string& code) {
    const std::vector<SqlValue> params{code};
    auto rows = c.query(std::string(kUnitColumns) + " WHERE code = $1", params);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return std::optional<Unit>{};
    return std::optional<Unit>{to_unit(rows->front())};
}

Result<Unit> create_unit(storage::Connection& c, const Clock& clock, const Actor& who,
                         const NewUnit& u) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may write units");
    return audited_write(
        c, clock, who, [&](storage::Connection& tx) -> Result<std::pair<Unit, AuditEntry>> {
            if (auto ok = check_new_unit(tx, u); !ok) return std::unexpected(ok.error());
            const std::vector<SqlValue> params{u.code, u.name, u.kind, nullable(u.parent_id),
                                               iso_utc(clock.now())};
            auto rows = tx.query(
                "INSERT INTO units (code, name, kind, parent_id, created_at) VALUES ($1, $2, $3, "
                "$4, $5) RETURNING id",
                params);
            if (!rows) return std::unexpected(rows.error());
            Unit made{rows->at(0).integer(0), u.code, u.name, u.kind, u.parent_id};
            AuditEntry e{"create", "units", std::to_string(made.id), std::nullopt,
                         json_text(to_json(made))};
            return std::pair{made, e};
        });
}

Result<Unit> update_unit(storage::Connection& c, const Clock& clock, const Actor& who,
                         std::int64_t id, const UnitPatch& patch) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may write units");
    return audited_write(
        c, clock, who, [&](storage::Connection& tx) -> Result<std::pair<Unit, AuditEntry>> {
            auto before = get_unit(tx, id);
            if (!before) return std::unexpected(before.error());
            Unit after = *before;
            if (auto ok = apply_unit_patch(tx, after, patch); !ok)
                return std::unexpected(ok.error());
            const std::vector<SqlValue> params{after.name, after.kind, nullable(after.parent_id),
                                               id};
            auto n = tx.execute(
                "UPDATE units SET name = $1, kind = $2, parent_id = $3 WHERE id = $4", params);
            if (!n) return std::unexpected(n.error());
            AuditEntry e{"update", "units", std::to_string(id), json_text(to_json(*before)),
                         json_text(to_json(after))};
            return std::pair{after, e};
        });
}

Result<std::int64_t> count_observations(storage::Connection& c) {
    auto rows = c.query("SELECT COUNT(*) FROM observations");
    if (!rows) return std::unexpected(rows.error());
    return rows->empty() ? 0 : rows->front().integer(0);
}

}  // namespace ecogov
