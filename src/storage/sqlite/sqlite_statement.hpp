#pragma once
// Running one prepared SQLite statement: bind, step, read cells, reset.
// Contract: `params.size()` must equal the statement's parameter count (else invalid_argument);
// the statement is always reset before returning, whatever happened. Text is bound without a copy
// (SQLITE_STATIC): the caller's values only need to live for the duration of the call.
#include <memory>
#include <span>

#include "storage/database.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace ecogov::storage::sqlite {

/// Runs to completion; returns the number of rows changed.
Result<std::int64_t> run_statement(sqlite3* db, sqlite3_stmt* stmt,
                                   std::span<const SqlValue> params);
/// Runs to completion; returns every row.
Result<Rows> query_statement(sqlite3* db, sqlite3_stmt* stmt, std::span<const SqlValue> params);

/// storage::Statement over a cached handle (see SqliteConnection's contract).
class SqliteStatement final : public Statement {
  public:
    SqliteStatement(sqlite3* db, std::shared_ptr<StatementHandle> h) noexcept
        : db_(db), handle_(std::move(h)) {}
    Result<std::int64_t> run(std::span<const SqlValue> params) override {
        return run_statement(db_, handle_->stmt, params);
    }
    Result<Rows> query(std::span<const SqlValue> params) override {
        return query_statement(db_, handle_->stmt, params);
    }

  private:
    sqlite3* db_;
    std::shared_ptr<StatementHandle> handle_;
};

}  // namespace ecogov::storage::sqlite
