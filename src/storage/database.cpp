#include "storage/database.hpp"

#include <charconv>
#include <cstdlib>

namespace ecogov::storage {

std::int64_t Row::integer(std::size_t i) const { return opt_integer(i).value_or(0); }

std::optional<std::int64_t> Row::opt_integer(std::size_t i) const {
    const SqlValue& v = cells.at(i);
    if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
    if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
    if (const auto* s = std::get_if<std::string>(&v)) {
        std::int64_t out = 0;
        const auto r = std::from_chars(s->data(), s->data() + s->size(), out);
        if (r.ec == std::errc{} && r.ptr == s->data() + s->size()) return out;
    }
    return std::nullopt;
}

double Row::real(std::size_t i) const { return opt_real(i).value_or(0.0); }

std::optional<double> Row::opt_real(std::size_t i) const {
    const SqlValue& v = cells.at(i);
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
    if (const auto* s = std::get_if<std::string>(&v)) {
        char* end = nullptr;
        const double d = std::strtod(s->c_str(), &end);
        if (end && *end == '\0' && !s->empty()) return d;
    }
    return std::nullopt;
}

std::string Row::text(std::size_t i) const {
    const SqlValue& v = cells.at(i);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
    if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
    return {};
}

Result<Transaction> Transaction::begin(Connection& c) {
    if (auto r = c.begin(); !r) return std::unexpected(r.error());
    return Transaction(c);
}

Transaction::~Transaction() {
    if (open_) (void)c_->rollback();
}

Result<void> Transaction::commit() {
    if (!open_) return fail(ErrorCode::internal, "transaction already finished");
    open_ = false;
    return c_->commit();
}

Lease::~Lease() {
    if (db_ && c_) db_->release(std::move(c_));
}

}  // namespace ecogov::storage
