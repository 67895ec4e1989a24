#include "storage/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include "storage/sqlite/placeholders.hpp"
#include "storage/sqlite/sqlite_statement.hpp"

namespace ecogov::storage::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr std::size_t kMaxCachedStatements = 256;

constexpr std::string_view kOpenPragmas =
    "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;";

ErrorCode code_for(int rc) {
    switch (rc & 0xff) {
        case SQLITE_CONSTRAINT:
            return ErrorCode::conflict;
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
        case SQLITE_CANTOPEN:
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_PROTOCOL:
        case SQLITE_NOLFS:
            return ErrorCode::io;
        default:
            return ErrorCode::internal;
    }
}

/// True when what follows a statement is blank (SQLite ignores it; a second statement would be
/// lost).
bool only_separators(const char* tail) {
    for (; tail && *tail; ++tail)
        if (*tail != ';' && *tail != ' ' && *tail != '\n' && *tail != '\t' && *tail != '\r')
            return false;
    return true;
}

}  // namespace

StatementHandle::~StatementHandle() {
    sqlite3_finalize(stmt);
}

Error sqlite_error(sqlite3* db, int rc, std::string_view doing) {
    const ErrorCode code = code_for(rc);
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    if (code != ErrorCode::conflict && !doing.empty()) message += " [" + std::string(doing) + "]";
    return Error{code, std::move(message), {}};
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path) {
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    std::unique_ptr<SqliteConnection> c(new SqliteConnection(db));  // closes db on every path
    if (rc != SQLITE_OK) {
        Error e = sqlite_error(db, rc, {});
        e.message = "cannot open SQLite database " + path + ": " + e.message;
        return std::unexpected(std::move(e));
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    if (auto r = c->exec_script(kOpenPragmas); !r) return std::unexpected(r.error());
    return c;
}

SqliteConnection::~SqliteConnection() {
    cache_.clear();
    sqlite3_close_v2(db_);  // deferred until outstanding Statement objects are finalized
}

Result<std::shared_ptr<StatementHandle>> SqliteConnection::cached(std::string_view sql) {
    if (auto it = cache_.find(sql); it != cache_.end()) return it->second;
    const std::string text = rewrite_placeholders(sql);
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_, text.c_str(), static_cast<int>(text.size() + 1),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) return std::unexpected(sqlite_error(db_, rc, sql));
    if (!stmt) return fail(ErrorCode::invalid_argument, "empty SQL statement");
    if (!only_separators(tail)) {
        sqlite3_finalize(stmt);
        return fail(ErrorCode::invalid_argument, "one SQL statement per call: " + text);
    }
    if (cache_.size() >= kMaxCachedStatements) cache_.clear();  // Statements keep their handles
    auto handle = std::make_shared<StatementHandle>(stmt);
    cache_.emplace(std::string(sql), handle);
    return handle;
}

Result<Rows> SqliteConnection::query(std::string_view sql, std::span<const SqlValue> params) {
    auto h = cached(sql);
    if (!h) return std::unexpected(h.error());
    return query_statement(db_, (*h)->stmt, params);
}

Result<std::int64_t> SqliteConnection::execute(std::string_view sql,
                                               std::span<const SqlValue> params) {
    auto h = cached(sql);
    if (!h) return std::unexpected(h.error());
    return run_statement(db_, (*h)->stmt, params);
}

Result<std::unique_ptr<Statement>> SqliteConnection::prepare(std::string_view sql) {
    auto h = cached(sql);
    if (!h) return std::unexpected(h.error());
    return std::make_unique<SqliteStatement>(db_, std::move(*h));
}

Result<void> SqliteConnection::begin() {
    if (!sqlite3_get_autocommit(db_))
        return fail(ErrorCode::internal, "begin(): a transaction is already open");
    auto r = execute("BEGIN IMMEDIATE");
    if (!r) return std::unexpected(r.error());
    return {};
}

Result<void> SqliteConnection::commit() {
    if (auto r = execute("COMMIT"); !r) {
        reset_for_pool();  // leave the connection usable: the transaction is over either way
        return std::unexpected(r.error());
    }
    return {};
}

Result<void> SqliteConnection::rollback() {
    if (sqlite3_get_autocommit(db_)) return {};  // SQLite already rolled back (or never began)
    auto r = execute("ROLLBACK");
    if (!r) return std::unexpected(r.error());
    return {};
}

Result<void> SqliteConnection::exec_script(std::string_view script) {
    const std::string text(script);
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return {};
    Error e = sqlite_error(db_, rc, {});
    if (message) {
        e.message = message;
        sqlite3_free(message);
    }
    return std::unexpected(std::move(e));
}

void SqliteConnection::reset_for_pool() noexcept {
    if (!sqlite3_get_autocommit(db_))
        (void)sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace ecogov::storage::sqlite
