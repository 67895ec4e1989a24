#include "services/accounts.hpp"

#include <boost/json/serialize.hpp>

#include "services/audit.hpp"
#include "services/auth.hpp"
#include "services/organisation.hpp"

namespace ecogov {

namespace {

using storage::SqlValue;

constexpr std::string_view kUserColumns =
    "SELECT u.id, u.username, u.display_name, u.role, u.unit_id, COALESCE(n.name, ''), u.disabled "
    "FROM users u LEFT JOIN units n ON n.id = u.unit_id";

User to_user(const storage::Row& r) {
    return User{
        r.integer(0), r.text(1), r.text(2),        parse_role(r.text(3)).value_or(Role::leader),
        r.integer(4), r.text(5), r.integer(6) != 0};
}

Result<void> check_admin(const Actor& who) {
    if (!can_manage_accounts(who))
        return fail(ErrorCode::forbidden, "only an administrator manages accounts");
    return {};
}

Result<void> check_username(const std::string& name) {
    if (name.empty() || name.size() > 64)
        return fail(ErrorCode::invalid_argument, "username must have 1 to 64 characters",
                    "username");
    for (const char ch : name) {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                        (ch >= '0' && ch <= '9') || ch == '_' || ch == '.' || ch == '-' ||
                        ch == '@';
        if (!ok)
            return fail(ErrorCode::invalid_argument,
                        "username may hold letters, digits and _ . - @", "username");
    }
    return {};
}

Result<Role> check_role(const std::string& role) {
    auto r = parse_role(role);
    if (!r)
        return fail(ErrorCode::invalid_argument, "role must be admin, bureau, unit or leader",
                    "role");
    return *r;
}

Result<void> check_unit(storage::Connection& c, std::int64_t unit_id) {
    if (auto u = get_unit(c, unit_id); !u)
        return fail(ErrorCode::invalid_argument, "no unit with id " + std::to_string(unit_id),
                    "unit_id");
    return {};
}

Result<void> check_new_user(storage::Connection& c, const NewUser& u) {
    if (auto r = check_username(u.username); !r) return r;
    if (auto r = check_text(u.display_name, "display_name", 200, true); !r) return r;
    if (auto r = check_role(u.role); !r) return std::unexpected(r.error());
    if (auto r = check_password_strength(u.password); !r) return r;
    if (auto r = check_unit(c, u.unit_id); !r) return r;
    auto existing = find_user_by_username(c, u.username);
    if (!existing) return std::unexpected(existing.error());
    if (*existing) return fail(ErrorCode::conflict, "user " + u.username + " exists", "username");
    return {};
}

Result<void> end_sessions(storage::Connection& c, std::int64_t user_id) {
    const std::vector<SqlValue> params{user_id};
    if (auto n = c.execute("DELETE FROM sessions WHERE user_id = $1", params); !n)
        return std::unexpected(n.error());
    return {};
}

/// Validates the patch against `u`, applying it; returns the new password hash when one is set.
Result<std::optional<std::string>> apply_patch(storage::Connection& c, User& u,
                                               const UserPatch& p) {
    if (p.display_name) {
        if (auto r = check_text(*p.display_name, "display_name", 200, true); !r)
            return std::unexpected(r.error());
        u.display_name = *p.display_name;
    }
    if (p.role) {
        auto r = check_role(*p.role);
        if (!r) return std::unexpected(r.error());
        u.role = *r;
    }
    if (p.unit_id) {
        if (auto r = check_unit(c, *p.unit_id); !r) return std::unexpected(r.error());
        u.unit_id = *p.unit_id;
    }
    if (p.disabled) u.disabled = *p.disabled;
    if (!p.password) return std::optional<std::string>{};
    if (auto r = check_password_strength(*p.password); !r) return std::unexpected(r.error());
    auto hash = hash_password(*p.password);
    if (!hash) return std::unexpected(hash.error());
    return std::optional<std::string>{*hash};
}

Result<void> store_patch(storage::Connection& c, const User& u,
                         const std::optional<std::string>& hash, const std::string& now) {
    const std::vector<SqlValue> params{u.display_name, std::string(role_id(u.role)), u.unit_id,
                                       std::int64_t{u.disabled ? 1 : 0}, u.id};
    auto n = c.execute(
        "UPDATE users SET display_name = $1, role = $2, unit_id = $3, disabled = $4 WHERE id = $5",
        params);
    if (!n) return std::unexpected(n.error());
    if (hash) {
        const std::vector<SqlValue> p2{*hash, now, u.id};
        if (auto m = c.execute(
                "UPDATE users SET password_hash = $1, password_changed_at = $2 WHERE id = $3", p2);
            !m)
            return std::unexpected(m.error());
    }
    if (hash || u.disabled) return end_sessions(c, u.id);
    return {};
}

std::string audit_json(const User& u, bool password_changed = false) {
    boost::json::object o = to_json(u);
    if (password_changed) o["password_changed"] = true;
    return boost::json::serialize(o);
}

}  // namespace

boost::json::object to_json(const User& u) {
    boost::json::object o;
    o["id"] = u.id;
    o["username"] = u.username;
    o["display_name"] = u.display_name;
    o["role"] = role_id(u.role);
    o["unit_id"] = u.unit_id;
    o["unit_name"] = u.unit_name;
    o["disabled"] = u.disabled;
    return o;
}

Actor actor_of(const User& u) {
    return Actor{u.id, u.username, u.role, u.unit_id};
}

Result<User> get_user(storage::Connection& c, std::int64_t id) {
    const std::vector<SqlValue> params{id};
    auto rows = c.query(std::string(kUserColumns) + " WHERE u.id = $1", params);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty())
        return fail(ErrorCode::not_found, "no user with id " + std::to_string(id), "id");
    return to_user(rows->front());
}

Result<std::optional<User>> find_user_by_username(storage::Connection& c,
                                                  const std::string& username) {
    const std::vector<SqlValue> params{username};
    auto rows = c.query(std::string(kUserColumns) + " WHERE u.username = $1", params);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return std::optional<User>{};
    return std::optional<User>{to_user(rows->front())};
}

Result<std::vector<User>> list_users(storage::Connection& c, const Actor& who) {
    if (auto ok = check_admin(who); !ok) return std::unexpected(ok.error());
    auto rows = c.query(std::string(kUserColumns) + " ORDER BY u.id");
    if (!rows) return std::unexpected(rows.error());
    std::vector<User> out;
    for (const auto& r : *rows) out.push_back(to_user(r));
    return out;
}

Result<User> create_user(storage::Connection& c, const Clock& clock, const Actor& who,
                         const NewUser& u) {
    if (auto ok = check_admin(who); !ok) return std::unexpected(ok.error());
    return audited_write(
        c, clock, who, [&](storage::Connection& tx) -> Result<std::pair<User, AuditEntry>> {
            if (auto ok = check_new_user(tx, u); !ok) return std::unexpected(ok.error());
            auto hash = hash_password(u.password);
            if (!hash) return std::unexpected(hash.error());
            const std::string now = iso_utc(clock.now());
            const std::vector<SqlValue> params{
                u.username, u.display_name, u.role, u.unit_id, *hash, now, now};
            auto rows = tx.query(
                "INSERT INTO users (username, display_name, role, unit_id, password_hash, "
                "disabled, created_at, "
                "password_changed_at) VALUES ($1, $2, $3, $4, $5, 0, $6, $7) RETURNING id",
                params);
            if (!rows) return std::unexpected(rows.error());
            auto made = get_user(tx, rows->at(0).integer(0));
            if (!made) return std::unexpected(made.error());
            return std::pair{*made, AuditEntry{"create", "users", std::to_string(made->id),
                                               std::nullopt, audit_json(*made)}};
        });
}

Result<User> update_user(storage::Connection& c, const Clock& clock, const Actor& who,
                         std::int64_t id, const UserPatch& patch) {
    if (auto ok = check_admin(who); !ok) return std::unexpected(ok.error());
    return audited_write(
        c, clock, who, [&](storage::Connection& tx) -> Result<std::pair<User, AuditEntry>> {
            auto before = get_user(tx, id);
            if (!before) return std::unexpected(before.error());
            User after = *before;
            auto hash = apply_patch(tx, after, patch);
            if (!hash) return std::unexpected(hash.error());
            if (who.user_id == id && (after.disabled || after.role != Role::admin))
                return fail(ErrorCode::conflict, "you cannot disable or demote your own account");
            if (auto ok = store_patch(tx, after, *hash, iso_utc(clock.now())); !ok)
                return std::unexpected(ok.error());
            auto stored = get_user(tx, id);
            if (!stored) return std::unexpected(stored.error());
            const std::string action =
                patch.disabled && *patch.disabled && !before->disabled ? "disable" : "update";
            return std::pair{*stored,
                             AuditEntry{action, "users", std::to_string(id), audit_json(*before),
                                        audit_json(*stored, hash->has_value())}};
        });
}

Result<bool> admin_exists(storage::Connection& c) {
    auto rows = c.query("SELECT COUNT(*) FROM users WHERE role = 'admin'");
    if (!rows) return std::unexpected(rows.error());
    return !rows->empty() && rows->front().integer(0) > 0;
}

}  // namespace ecogov
