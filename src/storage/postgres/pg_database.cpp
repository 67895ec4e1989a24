#include "storage/postgres/pg_database.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "storage/postgres/migrations.hpp"
#include "storage/postgres/pg_connection.hpp"

namespace ecogov::storage::postgres {
namespace {

// Any fixed 64-bit key; identifies "ecogov migrations" among advisory locks.
constexpr std::string_view kMigrationLock = "SELECT pg_advisory_xact_lock(4672119402561) ";

std::string pg_dump_program() {
    const char* env = std::getenv("ECOGOV_PG_DUMP");
    return env && *env ? env : "pg_dump";
}

}  // namespace

Result<std::unique_ptr<Database>> PgDatabase::open(const std::string& url, int pool_size) {
    std::unique_ptr<PgDatabase> db(new PgDatabase(url));
    for (int i = 0; i < std::max(pool_size, 1); ++i) {
        auto c = PgConnection::open(url);
        if (!c) return std::unexpected(c.error());
        db->pool_.put(std::move(*c));
    }
    return db;
}

void PgDatabase::release(std::unique_ptr<Connection> c) {
    static_cast<PgConnection&>(*c).reset_for_pool();
    pool_.put(std::move(c));
}

Result<int> PgDatabase::migrate() {
    Lease lease = acquire();
    auto& c = static_cast<PgConnection&>(*lease);
    return apply_migrations(
        c, migrations(), [&c](std::string_view script) { return c.exec_script(script); },
        kMigrationLock);
}

Result<void> PgDatabase::backup_to(const std::string& file) {
    std::error_code ec;
    if (std::filesystem::exists(file, ec))
        return fail(ErrorCode::conflict, "backup target already exists: " + file, "file");
    const std::string partial = file + ".partial";
    auto r = run_program(
        {pg_dump_program(), "--format=custom", "--file=" + partial, "--dbname=" + url_});
    if (r) std::filesystem::rename(partial, file, ec);
    if (r && ec) r = fail(ErrorCode::io, "cannot rename " + partial + ": " + ec.message());
    if (!r) {
        std::filesystem::remove(partial, ec);
        r.error().message = "backup to " + file + " failed: " + r.error().message;
    }
    return r;
}

}  // namespace ecogov::storage::postgres
