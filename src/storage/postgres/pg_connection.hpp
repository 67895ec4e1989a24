#pragma once
// PgConnection: one libpqxx 6.4 connection behind the storage::Connection interface.
// Contract:
// - Every query/execute/prepare uses a server-side prepared statement, named after a hash of its
//   SQL text and registered once per connection; parameters are sent as text (NULL as NULL),
//   never spliced into the SQL.
// - Outside begin()…commit()/rollback() each call runs in autocommit (pqxx::nontransaction);
//   between them, every call runs in the one pqxx::work held by the connection. A failed commit
//   ends the transaction (PostgreSQL has rolled it back).
// - Result cells: int2/int4/int8 and bool → int64 (bool as 0/1, like SQLite), float4/float8 →
//   double, NULL → nullptr, any other type → its text form.
// - Errors: integrity violations (unique, foreign key, check, not null) → conflict with the
//   server's message; lost connection and server resource errors → io; others → internal.
// Only src/storage/postgres includes this header (it pulls in libpqxx).
#include <pqxx/pqxx>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "storage/database.hpp"

namespace ecogov::storage::postgres {

class PgConnection final : public Connection {
  public:
    static Result<std::unique_ptr<PgConnection>> open(const std::string& url);
    ~PgConnection() override;

    Backend backend() const noexcept override { return Backend::postgresql; }
    Result<Rows> query(std::string_view sql, std::span<const SqlValue> params = {}) override;
    Result<std::int64_t> execute(std::string_view sql,
                                 std::span<const SqlValue> params = {}) override;
    Result<std::unique_ptr<Statement>> prepare(std::string_view sql) override;
    Result<void> begin() override;
    Result<void> commit() override;
    Result<void> rollback() override;

    /// Runs a parameterless multi-statement script (migrations).
    Result<void> exec_script(std::string_view script);
    /// Aborts a transaction left open, before the connection goes back to the pool.
    void reset_for_pool() noexcept;
    /// Runs a registered prepared statement with `params` (in the open transaction, if any).
    Result<pqxx::result> exec_named(const std::string& name, std::span<const SqlValue> params);
    /// Registers `sql` as a prepared statement (once) and returns its name.
    Result<std::string> statement_name(std::string_view sql);

  private:
    explicit PgConnection(std::unique_ptr<pqxx::connection> c) : conn_(std::move(c)) {}

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unique_ptr<pqxx::connection> conn_;
    std::unique_ptr<pqxx::work> tx_;  // the open explicit transaction, if any
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> names_;  // sql → name
    std::unordered_set<std::string> used_names_;
};

/// The current exception (thrown by libpqxx) as the project's error; call inside a catch block.
Error current_pg_error();
/// Converts a pqxx result into rows (see the contract above for the cell types).
Rows to_rows(const pqxx::result& r);

}  // namespace ecogov::storage::postgres
