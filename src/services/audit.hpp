#pragma once
// Audit trail (issue 3 item 7): every write a person makes is recorded in the same transaction —
// who, when, what, before and after — in `audit_log`, hash-chained so that rewriting or removing
// a row shows (docs/audit.md for the canonical form hashed).
//
// Contract:
// - append_audit runs inside the caller's open transaction: id = max(id)+1 (no gaps),
//   prev_hash = the previous row's hash (64 zeros for the first), hash = hex SHA-256 of
//   prev_hash + '\n' + canonical_audit_row(...). PostgreSQL locks audit_log for the transaction.
// - audited_write opens the transaction, runs the work, appends its entry and commits: the
//   change and its audit row are stored together or not at all.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct AuditEntry {
    std::string
        action;  // create | update | delete | login | logout | import | disable | passwd ...
    std::string entity;     // table name: units, users, stations, targets, observations ...
    std::string entity_id;  // id of the row (or batch id)
    std::optional<std::string> before_json;
    std::optional<std::string> after_json;
};

/// Appends one entry on `tx` (the caller's open transaction), at time `at_iso` (UTC ISO 8601).
Result<void> append_audit(storage::Connection& tx, const Actor& who, const AuditEntry& entry,
                          const std::string& at_iso);

struct AuditVerification {
    std::int64_t entries = 0;                  // rows checked
    std::optional<std::int64_t> first_bad_id;  // first altered row, or the row after a gap
    std::string problem;                       // e.g. "hash mismatch", "entry 17 missing"
    std::int64_t head_id = 0;                  // the newest entry (0 when the trail is empty)
    std::string head_hash;                     // its hash: record it elsewhere as an anchor
    bool ok() const noexcept { return !first_bad_id; }
};

/// An entry's id and hash recorded outside the database (a log line, a printed bulletin, an
/// earlier `audit verify`): the chain must still hold exactly this entry. It is what notices
/// rows cut off the end, which a hash chain alone cannot (docs/audit.md "Anchors").
struct AuditAnchor {
    std::int64_t id = 0;
    std::string hash;
};

/// Parses "ID:HASH" (hash: 64 lower-case hex digits).
Result<AuditAnchor> parse_audit_anchor(std::string_view text);

/// Re-computes the chain from the first row; reports the first entry altered or removed, and,
/// given an anchor, whether the chain still holds it (entries removed from the end, or rewritten).
Result<AuditVerification> verify_audit(storage::Connection& c,
                                       const std::optional<AuditAnchor>& anchor = std::nullopt);

/// One stored audit row (the API's `entries`).
struct AuditRow {
    std::int64_t id = 0;
    std::string at;
    std::optional<std::int64_t> user_id;
    std::string username;
    std::string action;
    std::string entity;
    std::string entity_id;
    std::optional<std::string> before_json;
    std::optional<std::string> after_json;
    std::string prev_hash;
    std::string hash;
};

/// Newest first; `limit` clamped to 1..1000; only ids below `before_id` when given.
/// Readers: admin, bureau, leader (unit clerks get `forbidden`).
Result<std::vector<AuditRow>> list_audit(storage::Connection& c, const Actor& who,
                                         std::int64_t limit, std::optional<std::int64_t> before_id);

/// The exact text hashed for a row (docs/audit.md): a compact JSON array
/// [id,"at",user_id|null,"username","action","entity","entity_id","before"|null,"after"|null].
std::string canonical_audit_row(const AuditRow& row);
/// Lower-case hex SHA-256 of `data` (libsodium crypto_hash_sha256); also used for session tokens.
std::string sha256_hex(std::string_view data);
/// hex SHA-256 of prev_hash + '\n' + canonical_audit_row(row).
std::string audit_row_hash(const AuditRow& row);

/// Runs `work(connection)` in one transaction; work returns Result<std::pair<T, AuditEntry>>.
/// The entry is appended at clock.now() as `who`, then the transaction commits; T is returned.
template <typename Work>
auto audited_write(storage::Connection& c, const Clock& clock, const Actor& who, Work&& work)
    -> Result<typename decltype(work(c))::value_type::first_type> {
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto done = work(c);
    if (!done) return std::unexpected(done.error());
    if (auto a = append_audit(c, who, done->second, iso_utc(clock.now())); !a)
        return std::unexpected(a.error());
    if (auto k = tx->commit(); !k) return std::unexpected(k.error());
    return std::move(done->first);
}

}  // namespace ecogov
