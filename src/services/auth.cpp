#include "services/auth.hpp"

#include <sodium.h>

#include <boost/json/serialize.hpp>

#include <atomic>
#include <vector>

#include "services/audit.hpp"

namespace ecogov {

namespace {

using storage::SqlValue;

std::atomic<HashCost> g_cost{HashCost::interactive};

constexpr std::string_view kBadLogin = "wrong username or password";

struct Credentials {
    User user;
    std::string password_hash;
};

Result<std::optional<Credentials>> load_credentials(storage::Connection& c,
                                                    const std::string& username) {
    auto user = find_user_by_username(c, username);
    if (!user) return std::unexpected(user.error());
    if (!*user) return std::optional<Credentials>{};
    const std::vector<SqlValue> params{(*user)->id};
    auto rows = c.query("SELECT password_hash FROM users WHERE id = $1", params);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return std::optional<Credentials>{};
    return std::optional<Credentials>{Credentials{**user, rows->front().text(0)}};
}

Result<NewSession> store_session(storage::Connection& c, const User& u, const LoginRequest& req,
                                 std::int64_t now) {
    NewSession s{random_token_hex(32), random_token_hex(32), now + req.ttl_ms};
    const std::vector<SqlValue> params{sha256_hex(s.token), u.id, s.csrf_token, now,
                                       s.expires_ms,        now,  req.address};
    auto n = c.execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_ms, expires_ms, "
        "last_seen_ms, address) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7)",
        params);
    if (!n) return std::unexpected(n.error());
    return s;
}

}  // namespace

void set_password_hash_cost(HashCost cost) noexcept {
    g_cost = cost;
}

bool crypto_ready() noexcept {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

Result<std::string> hash_password(std::string_view password) {
    if (!crypto_ready()) return fail(ErrorCode::internal, "libsodium did not start");
    const bool fast = g_cost == HashCost::minimum;
    const unsigned long long ops =
        fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const std::size_t mem = fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return fail(ErrorCode::internal, "out of memory while hashing a password");
    return std::string(out);
}

bool verify_password(const std::string& hash, std::string_view password) {
    if (!crypto_ready() || hash.empty()) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Result<void> check_password_strength(std::string_view password) {
    if (password.size() < 8)
        return fail(ErrorCode::invalid_argument, "password must have at least 8 characters",
                    "password");
    if (password.size() > 1024)
        return fail(ErrorCode::invalid_argument, "password is longer than 1024 bytes", "password");
    return {};
}

std::string random_token_hex(std::size_t bytes) {
    (void)crypto_ready();
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.pop_back();
    return hex;
}

Result<LoginOutcome> login(storage::Connection& c, const Clock& clock, const LoginRequest& req) {
    auto cred = load_credentials(c, req.username);
    if (!cred) return std::unexpected(cred.error());
    if (!*cred || (*cred)->user.disabled || !verify_password((*cred)->password_hash, req.password))
        return fail(ErrorCode::unauthorized, std::string(kBadLogin));
    const User user = (*cred)->user;
    const std::int64_t now = unix_ms(clock.now());
    return audited_write(
        c, clock, actor_of(user),
        [&](storage::Connection& tx) -> Result<std::pair<LoginOutcome, AuditEntry>> {
            auto s = store_session(tx, user, req, now);
            if (!s) return std::unexpected(s.error());
            boost::json::object after{{"address", req.address}};
            return std::pair{LoginOutcome{user, *s},
                             AuditEntry{"login", "users", std::to_string(user.id), std::nullopt,
                                        boost::json::serialize(after)}};
        });
}

constexpr std::int64_t kLastSeenGranularityMs = 60'000;

Result<std::optional<SessionView>> find_session(storage::Connection& c, std::string_view token,
                                                std::int64_t now_ms) {
    if (token.size() != 64) return std::optional<SessionView>{};
    const std::vector<SqlValue> params{sha256_hex(token), now_ms};
    auto rows = c.query(
        "SELECT s.token_hash, s.csrf_token, u.id, u.username, u.role, u.unit_id, s.last_seen_ms "
        "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND "
        "s.expires_ms > $2 AND u.disabled = 0",
        params);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return std::optional<SessionView>{};
    const storage::Row& r = rows->front();
    // last_seen_ms is written at most once a minute per session, so reads stay reads.
    if (const auto seen = r.opt_integer(6); !seen || *seen < now_ms - kLastSeenGranularityMs) {
        const std::vector<SqlValue> touch{now_ms, r.text(0)};
        if (auto n = c.execute("UPDATE sessions SET last_seen_ms = $1 WHERE token_hash = $2", touch); !n)
            return std::unexpected(n.error());
    }
    Actor a{r.integer(2), r.text(3), parse_role(r.text(4)).value_or(Role::leader), r.integer(5)};
    return std::optional<SessionView>{SessionView{a, r.text(0), r.text(1)}};
}

Result<void> logout(storage::Connection& c, const Clock& clock, const Actor& who,
                    const std::string& token_hash) {
    auto done = audited_write(
        c, clock, who, [&](storage::Connection& tx) -> Result<std::pair<bool, AuditEntry>> {
            const std::vector<SqlValue> params{token_hash};
            if (auto n = tx.execute("DELETE FROM sessions WHERE token_hash = $1", params); !n)
                return std::unexpected(n.error());
            return std::pair{true, AuditEntry{"logout", "users", std::to_string(who.user_id),
                                              std::nullopt, std::nullopt}};
        });
    if (!done) return std::unexpected(done.error());
    return {};
}

Result<void> change_password(storage::Connection& c, const Clock& clock, const Actor& who,
                             std::string_view old_password, std::string_view new_password,
                             const std::string& keep_token_hash) {
    auto cred = load_credentials(c, who.username);
    if (!cred) return std::unexpected(cred.error());
    if (!*cred || !verify_password((*cred)->password_hash, old_password))
        return fail(ErrorCode::invalid_argument, "the old password is wrong", "old_password");
    if (auto ok = check_password_strength(new_password); !ok)
        return fail(ErrorCode::invalid_argument, ok.error().message, "new_password");
    auto hash = hash_password(new_password);
    if (!hash) return std::unexpected(hash.error());
    auto done = audited_write(
        c, clock, who, [&](storage::Connection& tx) -> Result<std::pair<bool, AuditEntry>> {
            const std::vector<SqlValue> p1{*hash, iso_utc(clock.now()), who.user_id};
            if (auto n = tx.execute(
                    "UPDATE users SET password_hash = $1, password_changed_at = $2 WHERE id = $3",
                    p1);
                !n)
                return std::unexpected(n.error());
            const std::vector<SqlValue> p2{who.user_id, keep_token_hash};
            if (auto n =
                    tx.execute("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2", p2);
                !n)
                return std::unexpected(n.error());
            return std::pair{
                true, AuditEntry{"passwd", "users", std::to_string(who.user_id), std::nullopt,
                                 std::string(R"({"password_changed":true})")}};
        });
    if (!done) return std::unexpected(done.error());
    return {};
}

}  // namespace ecogov
