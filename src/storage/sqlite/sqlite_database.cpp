#include "storage/sqlite/sqlite_database.hpp"

#include <algorithm>

#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace ecogov::storage::sqlite {

Result<std::unique_ptr<Database>> SqliteDatabase::open(const std::string& path, int pool_size) {
    if (path.empty()) return fail(ErrorCode::invalid_argument, "empty SQLite database path");
    const int size = path == ":memory:" ? 1 : std::max(pool_size, 1);
    std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(path));
    for (int i = 0; i < size; ++i) {
        auto c = SqliteConnection::open(path);
        if (!c) return std::unexpected(c.error());
        db->pool_.put(std::move(*c));
    }
    return db;
}

void SqliteDatabase::release(std::unique_ptr<Connection> c) {
    static_cast<SqliteConnection&>(*c).reset_for_pool();
    pool_.put(std::move(c));
}

Result<int> SqliteDatabase::migrate() {
    Lease lease = acquire();
    auto& c = static_cast<SqliteConnection&>(*lease);
    return apply_migrations(c, migrations(),
                            [&c](std::string_view script) { return c.exec_script(script); });
}

}  // namespace ecogov::storage::sqlite
