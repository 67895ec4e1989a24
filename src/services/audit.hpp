#pragma once
// Audit trail (issue 3 item 7): every write a person makes is recorded in the same transaction —
// who, when, what, before and after — in `audit_log`, hash-chained so that rewriting or removing
// a row shows (docs/audit.md for the canonical form hashed).
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct AuditEntry {
    std::string action;     // create | update | delete | login | logout | import | disable | passwd ...
    std::string entity;     // table name: units, users, stations, targets, observations ...
    std::string entity_id;  // id of the row (or batch id)
    std::optional<std::string> before_json;
    std::optional<std::string> after_json;
};

/// Appends one entry on `tx` (the caller's open transaction), at time `at_iso` (UTC ISO 8601).
Result<void> append_audit(storage::Connection& tx, const Actor& who, const AuditEntry& entry,
                          const std::string& at_iso);

struct AuditVerification {
    std::int64_t entries = 0;                 // rows checked
    std::optional<std::int64_t> first_bad_id;  // first altered row, or the row after a gap
    std::string problem;                       // e.g. "hash mismatch", "entry 17 missing"
    bool ok() const noexcept { return !first_bad_id; }
};

/// Re-computes the chain from the first row; reports the first entry altered or removed.
Result<AuditVerification> verify_audit(storage::Connection& c);

}  // namespace ecogov
