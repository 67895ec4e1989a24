#pragma once
// Authentication (issue 3 item 3): argon2id password hashes (libsodium crypto_pwhash_str),
// sessions whose cookie token is stored only as its SHA-256 hex, CSRF tokens, logout and
// password change.
//
// Contract:
// - Wrong username, wrong password and disabled accounts all answer `unauthorized` with the same
//   message (no account enumeration).
// - A session token is 32 random bytes (randombytes_buf) sent as 64 hex characters; the
//   `sessions` table keeps only sha256_hex(token). An expired session, or one of a disabled user,
//   is no session.
// - login, logout and password changes are audited.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "services/accounts.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

/// Password hashing cost: `interactive` (OPSLIMIT/MEMLIMIT_INTERACTIVE) in production,
/// `minimum` (OPSLIMIT/MEMLIMIT_MIN) only to keep unit tests fast. Process-wide.
enum class HashCost : unsigned char { interactive, minimum };
void set_password_hash_cost(HashCost cost) noexcept;

/// Calls sodium_init once; false when libsodium cannot start (the server refuses to run).
bool crypto_ready() noexcept;
Result<std::string> hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);
/// At least 8 and at most 1024 bytes.
Result<void> check_password_strength(std::string_view password);
/// `bytes` random bytes as lower-case hex.
std::string random_token_hex(std::size_t bytes);

struct NewSession {
    std::string token;       // goes to the cookie, never stored
    std::string csrf_token;  // the client echoes it in X-CSRF-Token
    std::int64_t expires_ms = 0;
};

struct SessionView {
    Actor actor;
    std::string token_hash;
    std::string csrf_token;
};

struct LoginOutcome {
    User user;
    NewSession session;
};

struct LoginRequest {
    std::string username;
    std::string password;
    std::string address;  // remote address, stored with the session
    std::int64_t ttl_ms = 0;
};

Result<LoginOutcome> login(storage::Connection& c, const Clock& clock, const LoginRequest& req);
/// The live session for a cookie token; nullopt when unknown, expired or the user is disabled.
/// Records the session's last activity (`last_seen_ms`), at most once a minute.
Result<std::optional<SessionView>> find_session(storage::Connection& c, std::string_view token,
                                                std::int64_t now_ms);
Result<void> logout(storage::Connection& c, const Clock& clock, const Actor& who,
                    const std::string& token_hash);
/// Own password: checks the old one, stores the new hash, ends the user's other sessions.
Result<void> change_password(storage::Connection& c, const Clock& clock, const Actor& who,
                             std::string_view old_password, std::string_view new_password,
                             const std::string& keep_token_hash);

}  // namespace ecogov
