// Database::open: the one place that picks a backend from the target's spelling.
#include <string_view>

#include "storage/database.hpp"
#include "storage/postgres/pg_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace ecogov::storage {
namespace {

bool is_postgres_url(std::string_view target) {
    return target.starts_with("postgresql://") || target.starts_with("postgres://");
}

}  // namespace

Result<std::unique_ptr<Database>> Database::open(const std::string& target, int pool_size) {
    if (pool_size < 1) return fail(ErrorCode::invalid_argument, "pool size must be at least 1");
    if (is_postgres_url(target)) return postgres::PgDatabase::open(target, pool_size);
    return sqlite::SqliteDatabase::open(target, pool_size);
}

}  // namespace ecogov::storage
