#pragma once
// SqliteDatabase: the embedded backend (architecture.md "Storage").
// Contract: `path` is a file path, created if missing (":memory:" gets a pool of one, since each
// in-memory connection would be a separate database). All pool connections are opened up front,
// so open() fails early on an unusable path. A connection returned to the pool with a transaction
// still open is rolled back first. backup_to() uses SQLite's online backup API into FILE (which
// must not exist), checks the copy with `PRAGMA integrity_check` and only then gives it its name.
#include <memory>
#include <string>

#include "storage/database.hpp"
#include "storage/pool.hpp"

namespace ecogov::storage::sqlite {

class SqliteDatabase final : public Database {
  public:
    static Result<std::unique_ptr<Database>> open(const std::string& path, int pool_size);

    Backend backend() const noexcept override { return Backend::sqlite; }
    Lease acquire() override { return Lease(*this, pool_.take()); }
    Result<int> migrate() override;
    Result<void> backup_to(const std::string& file) override;

  protected:
    void release(std::unique_ptr<Connection> c) override;

  private:
    explicit SqliteDatabase(std::string path) : path_(std::move(path)) {}
    std::string path_;
    ConnectionPool pool_;
};

}  // namespace ecogov::storage::sqlite
