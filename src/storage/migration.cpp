#include "storage/migration.hpp"

#include <string>

namespace ecogov::storage {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)";

constexpr std::string_view kNowIso = "strftime('%Y-%m-%dT%H:%M:%SZ','now')";  // SQLite
constexpr std::string_view kNowIsoPg =
    "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

Result<int> current_version(Connection& c) {
    auto rows = c.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!rows) return std::unexpected(rows.error());
    return static_cast<int>(rows->at(0).integer(0));
}

Error with_context(const Migration& m, Error e) {
    e.message =
        "migration " + std::to_string(m.version) + " (" + std::string(m.name) + "): " + e.message;
    return e;
}

/// Applies `m` if it is still missing; true when it was applied.
Result<bool> apply_one(Connection& c, const Migration& m, const ScriptRunner& run_script,
                       std::string_view lock_sql) {
    auto tx = Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    if (!lock_sql.empty())
        if (auto r = c.execute(lock_sql); !r) return std::unexpected(r.error());
    if (auto r = run_script(kCreateTable); !r) return std::unexpected(r.error());
    auto version = current_version(c);
    if (!version) return std::unexpected(version.error());
    if (*version >= m.version) return false;
    if (auto r = run_script(m.sql); !r) return std::unexpected(with_context(m, r.error()));
    const std::string insert = "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, " +
                               std::string(c.backend() == Backend::sqlite ? kNowIso : kNowIsoPg) +
                               ")";
    const SqlValue v{static_cast<std::int64_t>(m.version)};
    if (auto r = c.execute(insert, std::span(&v, 1)); !r) return std::unexpected(r.error());
    if (auto r = tx->commit(); !r) return std::unexpected(with_context(m, r.error()));
    return true;
}

}  // namespace

Result<int> apply_migrations(Connection& c, std::span<const Migration> migrations,
                             const ScriptRunner& run_script, std::string_view lock_sql) {
    int reached = 0;
    for (const Migration& m : migrations) {
        if (m.version != reached + 1)
            return fail(ErrorCode::internal, "migrations are not numbered 1, 2, 3, ...");
        auto applied = apply_one(c, m, run_script, lock_sql);
        if (!applied) return std::unexpected(applied.error());
        reached = m.version;
    }
    return current_version(c);  // may exceed `reached` when a newer binary migrated this database
}

}  // namespace ecogov::storage
