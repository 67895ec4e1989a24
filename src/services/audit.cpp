#include "services/audit.hpp"

#include "core/text.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>

#include <algorithm>
#include <array>
#include <cstdio>

namespace ecogov {

namespace {

constexpr std::string_view kZeroHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

void append_optional_string(std::string& out, const std::optional<std::string>& s) {
    if (s) {
        append_json_string(out, *s);
    } else {
        out += "null";
    }
}

storage::SqlValue nullable(const std::optional<std::string>& s) {
    if (s) return *s;
    return nullptr;
}

std::optional<std::string> opt_text(const storage::Row& r, std::size_t i) {
    if (r.is_null(i)) return std::nullopt;
    return r.text(i);
}

constexpr std::string_view kSelectColumns =
    "SELECT id, at, user_id, username, action, entity, entity_id, before, after, prev_hash, hash "
    "FROM audit_log";

AuditRow to_audit_row(const storage::Row& r) {
    AuditRow a;
    a.id = r.integer(0);
    a.at = r.text(1);
    a.user_id = r.opt_integer(2);
    a.username = r.text(3);
    a.action = r.text(4);
    a.entity = r.text(5);
    a.entity_id = r.text(6);
    a.before_json = opt_text(r, 7);
    a.after_json = opt_text(r, 8);
    a.prev_hash = r.text(9);
    a.hash = r.text(10);
    return a;
}

/// Checks one row against its predecessor; "" when it is sound.
std::string check_row(const AuditRow& row, std::int64_t expected_id, std::string_view prev_hash) {
    if (row.id != expected_id) return "entry " + std::to_string(expected_id) + " missing";
    if (row.prev_hash != prev_hash) return "chain broken";
    if (row.hash != audit_row_hash(row)) return "hash mismatch";
    return {};
}

}  // namespace

std::string sha256_hex(std::string_view data) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()),
                       data.size());
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();
    return hex;
}

std::string canonical_audit_row(const AuditRow& row) {
    std::string out = "[" + std::to_string(row.id) + ",";
    append_json_string(out, row.at);
    out += ',';
    out += row.user_id ? std::to_string(*row.user_id) : std::string("null");
    for (const std::string* s : {&row.username, &row.action, &row.entity, &row.entity_id}) {
        out += ',';
        append_json_string(out, *s);
    }
    out += ',';
    append_optional_string(out, row.before_json);
    out += ',';
    append_optional_string(out, row.after_json);
    out += ']';
    return out;
}

std::string audit_row_hash(const AuditRow& row) {
    return sha256_hex(row.prev_hash + "\n" + canonical_audit_row(row));
}

Result<void> append_audit(storage::Connection& tx, const Actor& who, const AuditEntry& entry,
                          const std::string& at_iso) {
    if (tx.backend() == storage::Backend::postgresql) {
        if (auto l = tx.execute("LOCK TABLE audit_log IN EXCLUSIVE MODE"); !l)
            return std::unexpected(l.error());
    }
    auto last = tx.query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (!last) return std::unexpected(last.error());
    AuditRow row;
    row.id = last->empty() ? 1 : last->front().integer(0) + 1;
    row.prev_hash = last->empty() ? std::string(kZeroHash) : last->front().text(1);
    row.at = at_iso;
    if (who.user_id != 0) row.user_id = who.user_id;
    row.username = who.username;
    row.action = entry.action;
    row.entity = entry.entity;
    row.entity_id = entry.entity_id;
    row.before_json = entry.before_json;
    row.after_json = entry.after_json;
    row.hash = audit_row_hash(row);
    std::vector<storage::SqlValue> params;
    params.reserve(11);
    params.emplace_back(row.id);
    params.emplace_back(row.at);
    if (row.user_id) {
        params.emplace_back(*row.user_id);
    } else {
        params.emplace_back(nullptr);
    }
    for (const std::string* s : {&row.username, &row.action, &row.entity, &row.entity_id})
        params.emplace_back(*s);
    params.push_back(nullable(row.before_json));
    params.push_back(nullable(row.after_json));
    params.emplace_back(row.prev_hash);
    params.emplace_back(row.hash);
    auto ins = tx.execute(
        "INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, before, "
        "after, "
        "prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        params);
    if (!ins) return std::unexpected(ins.error());
    return {};
}

Result<AuditAnchor> parse_audit_anchor(std::string_view text) {
    const auto colon = text.find(':');
    const std::string_view id_text = text.substr(0, colon);
    AuditAnchor a;
    const auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), a.id);
    const bool id_ok = ec == std::errc{} && end == id_text.data() + id_text.size() && a.id > 0;
    if (colon == std::string_view::npos || !id_ok)
        return fail(ErrorCode::invalid_argument, "an anchor is ID:HASH, e.g. 42:3f2a…", "expect");
    a.hash = std::string(text.substr(colon + 1));
    const bool hex = a.hash.size() == 64 &&
                     std::all_of(a.hash.begin(), a.hash.end(), [](char ch) {
                         return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
                     });
    if (!hex)
        return fail(ErrorCode::invalid_argument,
                    "the anchor's hash must be 64 lower-case hex digits", "expect");
    return a;
}

Result<AuditVerification> verify_audit(storage::Connection& c,
                                       const std::optional<AuditAnchor>& anchor) {
    auto rows = c.query(std::string(kSelectColumns) + " ORDER BY id");
    if (!rows) return std::unexpected(rows.error());
    AuditVerification v;
    std::string prev(kZeroHash);
    std::int64_t expected = 1;
    bool anchor_seen = false;
    for (const storage::Row& r : *rows) {
        const AuditRow row = to_audit_row(r);
        ++v.entries;
        if (std::string problem = check_row(row, expected, prev); !problem.empty()) {
            v.first_bad_id = row.id;
            v.problem = std::move(problem);
            return v;
        }
        if (anchor && row.id == anchor->id) {
            anchor_seen = true;
            if (row.hash != anchor->hash) {
                v.first_bad_id = row.id;
                v.problem = "entry " + std::to_string(row.id) + " differs from the anchor";
                return v;
            }
        }
        prev = row.hash;
        expected = row.id + 1;
        v.head_id = row.id;
        v.head_hash = row.hash;
    }
    if (anchor && !anchor_seen) {
        v.first_bad_id = anchor->id;
        v.problem = "entry " + std::to_string(anchor->id) + " missing: the trail ends at entry " +
                    std::to_string(v.head_id) + " (newer entries were removed)";
    }
    return v;
}

Result<std::vector<AuditRow>> list_audit(storage::Connection& c, const Actor& who,
                                         std::int64_t limit,
                                         std::optional<std::int64_t> before_id) {
    if (who.role == Role::unit)
        return fail(ErrorCode::forbidden, "the audit trail is for admin, bureau and leader");
    const std::int64_t n = std::clamp<std::int64_t>(limit, 1, 1000);
    const std::int64_t below = before_id.value_or(INT64_MAX);
    const std::vector<storage::SqlValue> params{below, n};
    auto rows =
        c.query(std::string(kSelectColumns) + " WHERE id < $1 ORDER BY id DESC LIMIT $2", params);
    if (!rows) return std::unexpected(rows.error());
    std::vector<AuditRow> out;
    out.reserve(rows->size());
    for (const storage::Row& r : *rows) out.push_back(to_audit_row(r));
    return out;
}

}  // namespace ecogov
