// The flow shared by the water and soil sample imports (services/sample_import.hpp).
#include "services/sample_import.hpp"

#include "core/text.hpp"
#include "services/audit.hpp"

namespace ecogov {

namespace sample_batch {

using storage::SqlValue;

Result<std::int64_t> open(storage::Connection& c, const Actor& who, const std::string& source,
                          const std::string& at_iso) {
    const SqlValue p[] = {source, std::string{}, std::string{},
                          who.user_id ? SqlValue{who.user_id} : SqlValue{nullptr}, at_iso};
    auto id = c.query(
        "INSERT INTO import_batches (source, format, sha256, user_id, started_at, rows_accepted, "
        "rows_rejected, "
        "rows_changed) VALUES ($1, $2, $3, $4, $5, 0, 0, 0) RETURNING id",
        p);
    if (!id) return std::unexpected(id.error());
    return id->at(0).integer(0);
}

Result<void> close(storage::Connection& c, const Actor& who, const std::string& source,
                   std::string_view format, std::string_view text, const SampleImportReport& r,
                   const std::string& at_iso) {
    const std::string sha = sha256_hex(text);
    const SqlValue p[] = {std::string(format), sha, r.accepted, r.changed, r.batch_id};
    auto up = c.execute(
        "UPDATE import_batches SET format = $1, sha256 = $2, rows_accepted = $3, rows_rejected = "
        "0, "
        "rows_changed = $4 WHERE id = $5",
        p);
    if (!up) return std::unexpected(up.error());
    const std::string after =
        "{\"source\":" + json_quote(source) + ",\"format\":" + json_quote(format) +
        ",\"sha256\":" + json_quote(sha) + ",\"accepted\":" + std::to_string(r.accepted) +
        ",\"rejected\":0,\"changed\":" + std::to_string(r.changed) + "}";
    return append_audit(
        c, who, {"import", "import_batches", std::to_string(r.batch_id), std::nullopt, after},
        at_iso);
}

void add_error(SampleImportReport& r, std::size_t line, std::size_t column, std::string field,
               std::string message) {
    ++r.error_count;
    if (r.errors.size() < kSampleErrorsListed)
        r.errors.push_back(ImportRowError{line, column, std::move(field), std::move(message)});
}

Result<void> may_import(const Actor& who) {
    if (who.role == Role::leader) return fail(ErrorCode::forbidden, "a leader may not import data");
    return {};
}

std::optional<Result<SampleImportReport>> verdict(const Actor& who, const Kind& kind,
                                                  const std::optional<CsvIssue>& header,
                                                  bool no_rows, Tally& check) {
    if (header) check.error(*header);
    if (!header && check.report.error_count == 0 && no_rows)
        check.error({1, 1, "body", "the file has no data lines"});
    if (who.role == Role::unit && check.own == 0 && check.foreign > 0)
        return fail(ErrorCode::forbidden, "none of the " + std::string(kind.entities) +
                                              " in this file belongs to your unit");
    if (check.report.error_count > 0) return std::move(check.report);
    return std::nullopt;
}

}  // namespace sample_batch

}  // namespace ecogov
