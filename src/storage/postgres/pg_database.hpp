#pragma once
// PgDatabase: the PostgreSQL 15 server backend (libpqxx).
// Contract: `url` is a libpq URI (`postgresql://user@host:port/db?...`). All pool connections are
// opened up front, so open() fails early (io) when the server is unreachable. A connection
// returned to the pool with a transaction open is rolled back first. migrate() holds a
// transaction-scoped advisory lock, so two processes starting together migrate once.
// backup_to() runs `pg_dump --format=custom` (the program named by $ECOGOV_PG_DUMP, else
// `pg_dump` on PATH) into FILE, which must not exist; on failure FILE is not left behind and the
// error carries pg_dump's own message.
#include <memory>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/pool.hpp"

namespace ecogov::storage::postgres {

class PgDatabase final : public Database {
  public:
    static Result<std::unique_ptr<Database>> open(const std::string& url, int pool_size);

    Backend backend() const noexcept override { return Backend::postgresql; }
    Lease acquire() override { return Lease(*this, pool_.take()); }
    Result<int> migrate() override;
    Result<void> backup_to(const std::string& file) override;

  protected:
    void release(std::unique_ptr<Connection> c) override;

  private:
    explicit PgDatabase(std::string url) : url_(std::move(url)) {}
    std::string url_;
    ConnectionPool pool_;
};

/// Runs `program args...` without a shell; returns its stderr text on a non-zero exit.
Result<void> run_program(const std::vector<std::string>& argv);

}  // namespace ecogov::storage::postgres
