#include "storage/postgres/pg_connection.hpp"

#include <array>
#include <charconv>
#include <cstdio>
#include <vector>

namespace ecogov::storage::postgres {
namespace {

/// The parameters as libpq wants them: one C string (or NULL) per value.
class TextParams {
  public:
    explicit TextParams(std::span<const SqlValue> params) {
        numbers_.reserve(params.size());  // no reallocation: pointers into it stay valid
        pointers_.reserve(params.size());
        for (const SqlValue& v : params) pointers_.push_back(text_of(v));
    }
    const std::vector<const char*>& pointers() const noexcept { return pointers_; }

  private:
    const char* text_of(const SqlValue& v) {
        switch (v.index()) {
            case 1:
                return number(*std::get_if<std::int64_t>(&v));
            case 2:
                return number(*std::get_if<double>(&v));
            case 3:
                return std::get_if<std::string>(&v)->c_str();
            default:
                return nullptr;
        }
    }
    template <typename T>
    const char* number(T n) {
        std::array<char, 40> buf{};
        const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), n);
        return numbers_.emplace_back(buf.data(), r.ptr).c_str();
    }
    std::vector<std::string> numbers_;
    std::vector<const char*> pointers_;
};

std::string hashed_name(std::string_view sql, int attempt) {
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "eg_%016zx_%d", std::hash<std::string_view>{}(sql),
                  attempt);
    return buf.data();
}

/// storage::Statement over a named prepared statement of a PgConnection.
class PgStatement final : public Statement {
  public:
    PgStatement(PgConnection& c, std::string name) : c_(&c), name_(std::move(name)) {}
    Result<std::int64_t> run(std::span<const SqlValue> params) override {
        auto r = c_->exec_named(name_, params);
        if (!r) return std::unexpected(r.error());
        return static_cast<std::int64_t>(r->affected_rows());
    }
    Result<Rows> query(std::span<const SqlValue> params) override {
        auto r = c_->exec_named(name_, params);
        if (!r) return std::unexpected(r.error());
        return to_rows(*r);
    }

  private:
    PgConnection* c_;
    std::string name_;
};

}  // namespace

Result<std::unique_ptr<PgConnection>> PgConnection::open(const std::string& url) {
    try {
        auto c = std::make_unique<pqxx::connection>(url);
        return std::unique_ptr<PgConnection>(new PgConnection(std::move(c)));
    } catch (...) {
        return std::unexpected(current_pg_error());
    }
}

PgConnection::~PgConnection() {
    reset_for_pool();
}

Result<std::string> PgConnection::statement_name(std::string_view sql) {
    if (auto it = names_.find(sql); it != names_.end()) return it->second;
    std::string name;
    for (int attempt = 0; name.empty() || used_names_.contains(name); ++attempt)
        name = hashed_name(sql, attempt);  // a hash collision takes the next suffix
    try {
        conn_->prepare(name, std::string(sql));
    } catch (...) {
        return std::unexpected(current_pg_error());
    }
    used_names_.insert(name);
    names_.emplace(std::string(sql), name);
    return name;
}

Result<pqxx::result> PgConnection::exec_named(const std::string& name,
                                              std::span<const SqlValue> params) {
    const TextParams text(params);
    const auto args = pqxx::prepare::make_dynamic_params(text.pointers());
    try {
        if (tx_) return tx_->exec_prepared(name, args);
        pqxx::nontransaction autocommit(*conn_);
        return autocommit.exec_prepared(name, args);
    } catch (...) {
        return std::unexpected(current_pg_error());
    }
}

Result<Rows> PgConnection::query(std::string_view sql, std::span<const SqlValue> params) {
    auto name = statement_name(sql);
    if (!name) return std::unexpected(name.error());
    auto r = exec_named(*name, params);
    if (!r) return std::unexpected(r.error());
    return to_rows(*r);
}

Result<std::int64_t> PgConnection::execute(std::string_view sql, std::span<const SqlValue> params) {
    auto name = statement_name(sql);
    if (!name) return std::unexpected(name.error());
    auto r = exec_named(*name, params);
    if (!r) return std::unexpected(r.error());
    return static_cast<std::int64_t>(r->affected_rows());
}

Result<std::unique_ptr<Statement>> PgConnection::prepare(std::string_view sql) {
    auto name = statement_name(sql);
    if (!name) return std::unexpected(name.error());
    return std::make_unique<PgStatement>(*this, std::move(*name));
}

Result<void> PgConnection::begin() {
    if (tx_) return fail(ErrorCode::internal, "begin(): a transaction is already open");
    try {
        tx_ = std::make_unique<pqxx::work>(*conn_);
    } catch (...) {
        return std::unexpected(current_pg_error());
    }
    return {};
}

Result<void> PgConnection::commit() {
    if (!tx_) return fail(ErrorCode::internal, "commit(): no transaction is open");
    auto tx = std::move(tx_);  // the transaction is over whatever happens next
    try {
        tx->commit();
    } catch (...) {
        return std::unexpected(current_pg_error());
    }
    return {};
}

Result<void> PgConnection::rollback() {
    if (!tx_) return {};
    auto tx = std::move(tx_);
    try {
        tx->abort();
    } catch (...) {
        return std::unexpected(current_pg_error());
    }
    return {};
}

Result<void> PgConnection::exec_script(std::string_view script) {
    try {
        if (tx_) {
            tx_->exec(std::string(script));
        } else {
            pqxx::nontransaction autocommit(*conn_);
            autocommit.exec(std::string(script));
        }
    } catch (...) {
        return std::unexpected(current_pg_error());
    }
    return {};
}

void PgConnection::reset_for_pool() noexcept {
    (void)rollback();
}

}  // namespace ecogov::storage::postgres
