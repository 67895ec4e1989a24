#include "storage/sqlite/sqlite_statement.hpp"

#include <sqlite3.h>

#include <string>

namespace ecogov::storage::sqlite {
namespace {

/// Resets the statement when the call ends, on every path.
class ResetGuard {
  public:
    explicit ResetGuard(sqlite3_stmt* s) noexcept : s_(s) {}
    ResetGuard(const ResetGuard&) = delete;
    ResetGuard& operator=(const ResetGuard&) = delete;
    ~ResetGuard() { sqlite3_reset(s_); }

  private:
    sqlite3_stmt* s_;
};

int bind_one(sqlite3_stmt* stmt, int i, const SqlValue& v) {
    switch (v.index()) {
        case 1:
            return sqlite3_bind_int64(stmt, i, *std::get_if<std::int64_t>(&v));
        case 2:
            return sqlite3_bind_double(stmt, i, *std::get_if<double>(&v));
        case 3: {
            const std::string& s = *std::get_if<std::string>(&v);
            return sqlite3_bind_text64(stmt, i, s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8);
        }
        default:
            return sqlite3_bind_null(stmt, i);
    }
}

Result<void> bind_all(sqlite3* db, sqlite3_stmt* stmt, std::span<const SqlValue> params) {
    const int expected = sqlite3_bind_parameter_count(stmt);
    if (params.size() != static_cast<std::size_t>(expected))
        return fail(ErrorCode::invalid_argument,
                    "statement takes " + std::to_string(expected) + " parameters, " +
                        std::to_string(params.size()) + " given: " + sqlite3_sql(stmt));
    for (int i = 0; i < expected; ++i)
        if (const int rc = bind_one(stmt, i + 1, params[static_cast<std::size_t>(i)]);
            rc != SQLITE_OK)
            return std::unexpected(sqlite_error(db, rc, "binding a parameter"));
    return {};
}

SqlValue cell(sqlite3_stmt* stmt, int col) {
    switch (sqlite3_column_type(stmt, col)) {
        case SQLITE_INTEGER:
            return static_cast<std::int64_t>(sqlite3_column_int64(stmt, col));
        case SQLITE_FLOAT:
            return sqlite3_column_double(stmt, col);
        case SQLITE_NULL:
            return nullptr;
        default: {
            const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, col));
            const int n = sqlite3_column_bytes(stmt, col);
            return p ? std::string(p, static_cast<std::size_t>(n)) : std::string();
        }
    }
}

Row read_row(sqlite3_stmt* stmt) {
    const int n = sqlite3_column_count(stmt);
    Row row;
    row.cells.reserve(static_cast<std::size_t>(n));
    for (int c = 0; c < n; ++c) row.cells.push_back(cell(stmt, c));
    return row;
}

}  // namespace

Result<std::int64_t> run_statement(sqlite3* db, sqlite3_stmt* stmt,
                                   std::span<const SqlValue> params) {
    ResetGuard guard(stmt);
    if (auto b = bind_all(db, stmt, params); !b) return std::unexpected(b.error());
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW) rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE) return std::unexpected(sqlite_error(db, rc, sqlite3_sql(stmt)));
    return static_cast<std::int64_t>(sqlite3_changes64(db));
}

Result<Rows> query_statement(sqlite3* db, sqlite3_stmt* stmt, std::span<const SqlValue> params) {
    ResetGuard guard(stmt);
    if (auto b = bind_all(db, stmt, params); !b) return std::unexpected(b.error());
    Rows rows;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) rows.push_back(read_row(stmt));
    if (rc != SQLITE_DONE) return std::unexpected(sqlite_error(db, rc, sqlite3_sql(stmt)));
    return rows;
}

}  // namespace ecogov::storage::sqlite
