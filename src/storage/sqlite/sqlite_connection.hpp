#pragma once
// SqliteConnection: one libsqlite3 connection behind the storage::Connection interface.
// Contract:
// - Opened with WAL, foreign_keys=ON, synchronous=FULL and a 5 s busy timeout; extended error
//   codes on. Used by one thread at a time (opened with SQLITE_OPEN_NOMUTEX).
// - SQL is written with `$N`; it is rewritten to `?N` once and prepared once per connection
//   (SQLITE_PREPARE_PERSISTENT), then reused from a cache keyed by the original SQL text.
// - Every call binds exactly as many parameters as the statement declares (else
//   invalid_argument), steps it to completion and resets it, so a cached statement never holds a
//   read transaction open between calls.
// - Statements returned by prepare() share the cached handle; they must not outlive the
//   connection's lease (the SQLite handle itself stays valid until the last one is destroyed).
// - Errors: SQLITE_CONSTRAINT → conflict (SQLite's constraint text), I/O, full, corrupt, busy,
//   read-only → io, anything else → internal.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace ecogov::storage::sqlite {

/// A prepared statement owned jointly by the connection's cache and any Statement objects.
class StatementHandle {
  public:
    explicit StatementHandle(sqlite3_stmt* s) noexcept : stmt(s) {}
    StatementHandle(const StatementHandle&) = delete;
    StatementHandle& operator=(const StatementHandle&) = delete;
    ~StatementHandle();
    sqlite3_stmt* const stmt;
};

/// Maps a SQLite result code to the project's error (see the contract above).
Error sqlite_error(sqlite3* db, int rc, std::string_view doing);

class SqliteConnection final : public Connection {
  public:
    static Result<std::unique_ptr<SqliteConnection>> open(const std::string& path);
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;
    ~SqliteConnection() override;

    Backend backend() const noexcept override { return Backend::sqlite; }
    Result<Rows> query(std::string_view sql, std::span<const SqlValue> params = {}) override;
    Result<std::int64_t> execute(std::string_view sql,
                                 std::span<const SqlValue> params = {}) override;
    Result<std::unique_ptr<Statement>> prepare(std::string_view sql) override;
    Result<void> begin() override;
    Result<void> commit() override;
    Result<void> rollback() override;

    /// Runs a parameterless multi-statement script (migrations).
    Result<void> exec_script(std::string_view script);
    /// Rolls back a transaction left open, before the connection goes back to the pool.
    void reset_for_pool() noexcept;
    sqlite3* handle() const noexcept { return db_; }

  private:
    explicit SqliteConnection(sqlite3* db) noexcept : db_(db) {}
    Result<std::shared_ptr<StatementHandle>> cached(std::string_view sql);

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    sqlite3* db_;
    std::unordered_map<std::string, std::shared_ptr<StatementHandle>, Hash, std::equal_to<>> cache_;
};

}  // namespace ecogov::storage::sqlite
