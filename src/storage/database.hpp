#pragma once
// Storage: one interface over SQLite (embedded default) and PostgreSQL 15 (libpqxx)
// (architecture.md "Storage"). Services talk SQL through it; nothing above src/storage includes a
// database header.
//
// Contract:
// - SQL is written once with `$1, $2, ...` placeholders; the SQLite backend rewrites them to `?1`.
//   Only portable SQL: INTEGER/BIGINT, TEXT, REAL/DOUBLE PRECISION, `RETURNING id`,
//   `ON CONFLICT ... DO UPDATE/NOTHING`. Booleans are INTEGER 0/1. Times are TEXT ISO 8601 UTC
//   (`2026-11-29T02:04:18Z`) or INTEGER milliseconds, as each column says (docs/schema.md).
// - Prepared statements only: parameters are always bound, never spliced into SQL text.
// - A Connection is used by one thread at a time; Database hands out pooled connections.
// - Errors come back as Error{code, message}: `conflict` for unique/foreign-key violations,
//   `io` for connection or disk problems, `internal` otherwise.
// - One statement per query/execute/prepare call. After an error inside a transaction, roll it
//   back: PostgreSQL aborts the whole transaction, SQLite only the failed statement.
// - Implementations: src/storage/sqlite/ and src/storage/postgres/ (their headers state the
//   details: caching, type mapping, pool behaviour); migrations in each folder's migrations.cpp.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace ecogov::storage {

enum class Backend : unsigned char { sqlite, postgresql };

/// A bound parameter or a result cell.
using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

struct Row {
    std::vector<SqlValue> cells;

    bool is_null(std::size_t i) const { return std::holds_alternative<std::nullptr_t>(cells.at(i)); }
    std::int64_t integer(std::size_t i) const;                  // 0 when NULL; parses TEXT digits
    std::optional<std::int64_t> opt_integer(std::size_t i) const;
    double real(std::size_t i) const;                           // 0 when NULL
    std::optional<double> opt_real(std::size_t i) const;
    std::string text(std::size_t i) const;                      // "" when NULL; numbers as text
};
using Rows = std::vector<Row>;

/// A prepared statement, run many times with different parameters (bulk import).
class Statement {
public:
    virtual ~Statement() = default;
    /// Runs once; returns the number of rows changed.
    virtual Result<std::int64_t> run(std::span<const SqlValue> params) = 0;
    /// Runs a query once; returns its rows.
    virtual Result<Rows> query(std::span<const SqlValue> params) = 0;
};

class Connection {
public:
    virtual ~Connection() = default;
    virtual Backend backend() const noexcept = 0;
    virtual Result<Rows> query(std::string_view sql, std::span<const SqlValue> params = {}) = 0;
    /// Returns the number of rows changed.
    virtual Result<std::int64_t> execute(std::string_view sql, std::span<const SqlValue> params = {}) = 0;
    virtual Result<std::unique_ptr<Statement>> prepare(std::string_view sql) = 0;
    virtual Result<void> begin() = 0;  // BEGIN (SQLite: BEGIN IMMEDIATE)
    virtual Result<void> commit() = 0;
    virtual Result<void> rollback() = 0;
};

/// Rolls back on destruction unless commit() succeeded.
class Transaction {
public:
    static Result<Transaction> begin(Connection& c);
    Transaction(Transaction&& o) noexcept : c_(o.c_), open_(o.open_) { o.open_ = false; }
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Result<void> commit();
    Connection& connection() noexcept { return *c_; }

private:
    explicit Transaction(Connection& c) : c_(&c), open_(true) {}
    Connection* c_;
    bool open_;
};

class Database;

/// A connection borrowed from the pool; returned when destroyed.
class Lease {
public:
    Lease(Database& db, std::unique_ptr<Connection> c) : db_(&db), c_(std::move(c)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) noexcept = default;
    ~Lease();
    Connection& operator*() noexcept { return *c_; }
    Connection* operator->() noexcept { return c_.get(); }

private:
    Database* db_;
    std::unique_ptr<Connection> c_;
};

class Database {
public:
    virtual ~Database() = default;
    /// `target` is `postgresql://...` (or `postgres://...`) for PostgreSQL, else a SQLite file path
    /// (created if missing; WAL, foreign keys on, synchronous=FULL, busy timeout).
    static Result<std::unique_ptr<Database>> open(const std::string& target, int pool_size = 4);

    virtual Backend backend() const noexcept = 0;
    /// Blocks until a connection is free.
    virtual Lease acquire() = 0;
    /// Applies the numbered migrations of the backend not yet applied (schema_migrations table),
    /// each in its own transaction. Returns the version reached.
    virtual Result<int> migrate() = 0;
    /// A consistent copy taken while the database is in use: SQLite online backup to FILE;
    /// PostgreSQL `pg_dump --format=custom` to FILE.
    virtual Result<void> backup_to(const std::string& file) = 0;

protected:
    friend class Lease;
    virtual void release(std::unique_ptr<Connection> c) = 0;
};

}  // namespace ecogov::storage
