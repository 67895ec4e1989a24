// ObservationImport: the import service of services/observations.hpp.
#include <sodium.h>

#include <set>
#include <utility>
#include <vector>
#include <unordered_map>

#include "services/audit.hpp"
#include "services/observations.hpp"
#include "services/stations.hpp"

namespace ecogov {

namespace {

using storage::SqlValue;

// Rows are written in multi-row INSERTs of up to kRowsPerStatement: one round trip per batch
// matters on PostgreSQL (a server process away), hardly on SQLite (in process), which keeps 1.
constexpr std::string_view kUpsertHead =
    "INSERT INTO observations (station_id, label, so2, no2, co, o3, pm10, pm25, batch_id) VALUES ";
constexpr std::string_view kUpsertTail =
    " ON CONFLICT (station_id, label) DO UPDATE SET so2 = excluded.so2, no2 = excluded.no2, co = excluded.co, "
    "o3 = excluded.o3, pm10 = excluded.pm10, pm25 = excluded.pm25, batch_id = excluded.batch_id "
    "WHERE observations.so2 IS DISTINCT FROM excluded.so2 OR observations.no2 IS DISTINCT FROM excluded.no2 "
    "OR observations.co IS DISTINCT FROM excluded.co OR observations.o3 IS DISTINCT FROM excluded.o3 "
    "OR observations.pm10 IS DISTINCT FROM excluded.pm10 OR observations.pm25 IS DISTINCT FROM excluded.pm25";
constexpr std::size_t kColumns = 9;

std::size_t rows_per_statement(storage::Backend b) {
    return b == storage::Backend::postgresql ? 400 : 1;
}

/// The upsert of `rows` rows ($1..$9 for the first, $10..$18 for the second ...).
std::string upsert_sql(std::size_t rows) {
    std::string sql(kUpsertHead);
    for (std::size_t r = 0; r < rows; ++r) {
        sql += r ? ",(" : "(";
        for (std::size_t c = 0; c < kColumns; ++c) {
            if (c) sql += ',';
            sql += '$';
            sql += std::to_string(r * kColumns + c + 1);
        }
        sql += ')';
    }
    sql += kUpsertTail;
    return sql;
}

struct StationRef {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
};

struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

std::string hex(const unsigned char* bytes, std::size_t n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 15];
    }
    return out;
}

class Import final : public ObservationImport, private RecordSink {
public:
    Import(storage::Connection& c, Actor who, ImportOptions options, std::string at_iso, storage::Transaction tx)
        : c_(c), who_(std::move(who)), options_(std::move(options)), at_(std::move(at_iso)), tx_(std::move(tx)) {
        crypto_hash_sha256_init(&sha_);
    }

    Result<void> prepare() {
        auto rows = c_.query("SELECT code, id, unit_id FROM stations");
        if (!rows) return std::unexpected(rows.error());
        for (const auto& r : *rows) stations_.emplace(r.text(0), StationRef{r.integer(1), r.integer(2)});
        const SqlValue p[] = {options_.source, std::string{}, std::string{}, who_.user_id ? SqlValue{who_.user_id} : SqlValue{nullptr}, at_};
        auto id = c_.query(
            "INSERT INTO import_batches (source, format, sha256, user_id, started_at, rows_accepted, rows_rejected, "
            "rows_changed) VALUES ($1, $2, $3, $4, $5, 0, 0, 0) RETURNING id",
            p);
        if (!id) return std::unexpected(id.error());
        report_.batch_id = id->at(0).integer(0);
        batch_rows_ = rows_per_statement(c_.backend());
        auto st = c_.prepare(upsert_sql(batch_rows_));
        if (!st) return std::unexpected(st.error());
        upsert_ = std::move(*st);
        pending_.reserve(batch_rows_ * kColumns);
        return {};
    }

    Result<void> feed(std::string_view chunk) override {
        if (failure_) return std::unexpected(*failure_);
        crypto_hash_sha256_update(&sha_, reinterpret_cast<const unsigned char*>(chunk.data()), chunk.size());
        if (reader_) {
            reader_->feed(chunk);
            return check();
        }
        head_.append(chunk);  // the format is recognised from the first line
        if (head_.find('\n') == std::string::npos && head_.size() < (1u << 20)) return {};
        return open_reader();
    }

    Result<ImportReport> finish() override {
        if (!reader_ && !failure_ && !head_.empty()) {
            if (auto ok = open_reader(); !ok) return std::unexpected(ok.error());
        }
        if (reader_ && !failure_) reader_->finish();
        if (!failure_) flush();
        if (auto ok = check(); !ok) return std::unexpected(ok.error());
        if (!reader_) return fail(ErrorCode::bad_data, "the file is empty", "body");
        if (who_.role == Role::unit && own_records_ == 0 && foreign_records_ > 0)
            return fail(ErrorCode::forbidden, "none of the stations in this file belongs to your unit");
        if (auto ok = record_batch(); !ok) return std::unexpected(ok.error());
        if (auto done = tx_.commit(); !done) return std::unexpected(done.error());
        return report_;
    }

private:
    // ---- reading ----
    Result<void> open_reader() {
        std::optional<InputFormat> format = options_.format;
        if (!format) format = detect_format(std::string_view(head_).substr(0, head_.find('\n')));
        if (!format)
            return fail(ErrorCode::bad_data, "line 1: unrecognised header; expected a china_sites, CNEMC or PRSA file",
                        "body");
        report_.format = std::string(format_id(*format));
        reader_ = make_reader(*format, *this);
        reader_->feed(head_);
        head_.clear();
        head_.shrink_to_fit();
        return check();
    }

    Result<void> check() {
        if (failure_) return std::unexpected(*failure_);
        return {};
    }

    void on_issue(const ReadIssue& issue) override {
        if (issue.severity == IssueSeverity::fatal) {
            failure_ = Error{ErrorCode::bad_data,
                             "line " + std::to_string(issue.line) + ": " + issue.message, issue.field};
            return;
        }
        if (issue.severity == IssueSeverity::bad_line) ++report_.rejected;
        add_error(issue.line, issue.column, issue.field, issue.message);
    }

    void on_record(const HourlyRecord& r) override {
        if (failure_) return;
        bool any = false;
        for (const Conc& v : r.one_hour) any = any || v.has_value();
        if (!any) return;
        const StationRef* st = lookup(r.station);
        if (!st) return reject(r.station, "unknown station " + std::string(r.station));
        if (who_.role == Role::unit && st->unit_id != who_.unit_id) {
            ++foreign_records_;
            return reject(r.station, "station " + std::string(r.station) + " belongs to another unit");
        }
        ++own_records_;
        store(*st, r);
    }

    const StationRef* lookup(std::string_view code) {
        if (last_ && last_code_ == code) return last_;
        auto it = stations_.find(code);
        last_code_.assign(code);
        last_ = it == stations_.end() ? nullptr : &it->second;
        return last_;
    }

    // A station-hour already waiting in this statement is flushed first, so a file that repeats
    // one (a later line wins) writes exactly as row-at-a-time would.
    void store(const StationRef& st, const HourlyRecord& r) {
        const auto key = std::pair{st.id, static_cast<std::int64_t>(r.label.hours)};
        if (batch_rows_ > 1 && !pending_keys_.insert(key).second) {
            flush();
            pending_keys_.insert(key);
        }
        pending_.emplace_back(st.id);
        pending_.emplace_back(static_cast<std::int64_t>(r.label.hours));
        for (const auto& v : r.one_hour) {
            if (v)
                pending_.emplace_back(std::int64_t{*v});
            else
                pending_.emplace_back(nullptr);
        }
        pending_.emplace_back(report_.batch_id);
        if (pending_.size() == batch_rows_ * kColumns) flush();
    }

    void flush() {
        const std::size_t rows = pending_.size() / kColumns;
        if (rows == 0 || failure_) return;
        Result<std::int64_t> n = 0;
        if (rows == batch_rows_) {
            n = upsert_->run(pending_);
        } else {  // the last, shorter statement of the file
            n = c_.execute(upsert_sql(rows), pending_);
        }
        pending_.clear();
        pending_keys_.clear();
        if (!n) {
            failure_ = n.error();
            return;
        }
        report_.accepted += static_cast<std::int64_t>(rows);
        report_.changed += *n;
    }

    void reject(std::string_view station, std::string message) {
        ++report_.rejected;
        if (!reported_.emplace(std::string(station) + '\n' + message).second) return;
        add_error(reader_ ? reader_->lines() : 0, 0, "station", std::move(message));
    }

    void add_error(std::size_t line, std::size_t column, std::string field, std::string message) {
        ++report_.error_count;
        if (report_.errors.size() < kImportErrorsListed)
            report_.errors.push_back(ImportRowError{line, column, std::move(field), std::move(message)});
    }

    // ---- recording ----
    Result<void> record_batch() {
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&sha_, digest);
        const std::string sha = hex(digest, sizeof digest);
        const SqlValue p[] = {report_.format, sha, report_.accepted, report_.rejected, report_.changed,
                              report_.batch_id};
        auto up = c_.execute(
            "UPDATE import_batches SET format = $1, sha256 = $2, rows_accepted = $3, rows_rejected = $4, "
            "rows_changed = $5 WHERE id = $6",
            p);
        if (!up) return std::unexpected(up.error());
        const std::string after = "{\"source\":" + json_quote(options_.source) + ",\"format\":" +
                                  json_quote(report_.format) + ",\"sha256\":" + json_quote(sha) +
                                  ",\"accepted\":" + std::to_string(report_.accepted) +
                                  ",\"rejected\":" + std::to_string(report_.rejected) +
                                  ",\"changed\":" + std::to_string(report_.changed) + "}";
        AuditEntry entry{"import", "import_batches", std::to_string(report_.batch_id), std::nullopt, after};
        return append_audit(c_, who_, entry, at_);
    }

    storage::Connection& c_;
    Actor who_;
    ImportOptions options_;
    std::string at_;
    storage::Transaction tx_;
    crypto_hash_sha256_state sha_{};
    std::unordered_map<std::string, StationRef, Hash, std::equal_to<>> stations_;
    std::unique_ptr<storage::Statement> upsert_;
    std::unique_ptr<HourlyReader> reader_;
    std::string head_;
    std::string last_code_;
    const StationRef* last_ = nullptr;
    std::size_t batch_rows_ = 1;
    std::vector<SqlValue> pending_;  // parameters of the rows not yet written
    std::set<std::pair<std::int64_t, std::int64_t>> pending_keys_;
    std::set<std::string> reported_;
    std::optional<Error> failure_;
    std::int64_t own_records_ = 0;
    std::int64_t foreign_records_ = 0;
    ImportReport report_;
};

}  // namespace

Result<std::unique_ptr<ObservationImport>> ObservationImport::start(storage::Connection& c, const Actor& who,
                                                                    ImportOptions options, std::string at_iso) {
    if (who.role == Role::leader) return fail(ErrorCode::forbidden, "a leader may not import data");
    if (sodium_init() < 0) return fail(ErrorCode::internal, "libsodium failed to initialise");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto import = std::make_unique<Import>(c, who, std::move(options), std::move(at_iso), std::move(*tx));
    if (auto ok = import->prepare(); !ok) return std::unexpected(ok.error());
    return std::unique_ptr<ObservationImport>(std::move(import));
}

Result<ImportReport> import_observations(storage::Connection& c, const Actor& who, const ImportOptions& options,
                                         std::string_view text, const std::string& at_iso) {
    auto import = ObservationImport::start(c, who, options, at_iso);
    if (!import) return std::unexpected(import.error());
    constexpr std::size_t kChunk = 1 << 20;
    for (std::size_t at = 0; at < text.size(); at += kChunk) {
        if (auto ok = (*import)->feed(text.substr(at, kChunk)); !ok) return std::unexpected(ok.error());
    }
    return (*import)->finish();
}

}  // namespace ecogov
