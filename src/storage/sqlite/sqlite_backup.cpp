// SqliteDatabase::backup_to: online backup into a temporary name, integrity check, rename.
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace ecogov::storage::sqlite {
namespace {

struct CloseDb {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, CloseDb>;

Result<DbPtr> open_target(const std::string& file) {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    DbPtr db(raw);
    if (rc != SQLITE_OK) return std::unexpected(sqlite_error(raw, rc, "opening " + file));
    return db;
}

Result<void> copy_pages(sqlite3* from, sqlite3* to) {
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    if (!b) return std::unexpected(sqlite_error(to, sqlite3_errcode(to), "starting the backup"));
    const int step = sqlite3_backup_step(b, -1);  // all pages in one read transaction: consistent
    const int finish = sqlite3_backup_finish(b);
    if (step != SQLITE_DONE) return std::unexpected(sqlite_error(to, step, "copying pages"));
    if (finish != SQLITE_OK) return std::unexpected(sqlite_error(to, finish, "finishing backup"));
    return {};
}

Result<void> check_integrity(sqlite3* db) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr);
    if (rc != SQLITE_OK) return std::unexpected(sqlite_error(db, rc, "integrity_check"));
    StatementHandle guard(stmt);
    std::string verdict;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (!verdict.empty()) verdict += "; ";
        verdict += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    if (rc != SQLITE_DONE) return std::unexpected(sqlite_error(db, rc, "integrity_check"));
    if (verdict != "ok")
        return fail(ErrorCode::io, "backup copy fails integrity_check: " + verdict);
    return {};
}

Result<void> backup_into(sqlite3* source, const std::string& file) {
    auto target = open_target(file);
    if (!target) return std::unexpected(target.error());
    if (auto r = copy_pages(source, target->get()); !r) return r;
    if (auto r = check_integrity(target->get()); !r) return r;
    // The copy keeps WAL mode from the page header; checkpoint so FILE alone holds everything.
    sqlite3_wal_checkpoint_v2(target->get(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    return {};
}

}  // namespace

Result<void> SqliteDatabase::backup_to(const std::string& file) {
    std::error_code ec;
    if (std::filesystem::exists(file, ec))
        return fail(ErrorCode::conflict, "backup target already exists: " + file, "file");
    const std::string partial = file + ".partial";
    std::filesystem::remove(partial, ec);
    Lease lease = acquire();
    auto r = backup_into(static_cast<SqliteConnection&>(*lease).handle(), partial);
    if (r) std::filesystem::rename(partial, file, ec);
    if (r && ec) r = fail(ErrorCode::io, "cannot rename " + partial + ": " + ec.message());
    if (!r) {
        std::filesystem::remove(partial, ec);
        r.error().message = "backup to " + file + " failed: " + r.error().message;
    }
    return r;
}

}  // namespace ecogov::storage::sqlite
