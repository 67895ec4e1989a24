// Water sample import (services/water_import.hpp).
#include "services/water_import.hpp"

#include <map>
#include <tuple>

#include "services/audit.hpp"
#include "services/stations.hpp"
#include "services/water_csv.hpp"

namespace ecogov {

namespace {

using storage::SqlValue;

constexpr std::string_view kUpsert =
    "INSERT INTO water_samples (section_id, sampled_on, item, value, batch_id) VALUES ($1, $2, $3, "
    "$4, $5) "
    "ON CONFLICT (section_id, sampled_on, item) DO UPDATE SET value = excluded.value, batch_id = "
    "excluded.batch_id "
    "WHERE water_samples.value <> excluded.value";

struct SectionRef {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::string body;
};

struct Checked {
    std::int64_t section_id;
    WaterCsvRow row;
};

class WaterCheck {
  public:
    WaterCheck(const Actor& who, std::map<std::string, SectionRef> sections)
        : who_(who), sections_(std::move(sections)) {}

    void line(int number, std::string_view text) {
        auto row = parse_water_line(number, text);
        if (!row) return error(row.error());
        const auto it = sections_.find(row->section);
        if (it == sections_.end())
            return error({number, 1, "section", "unknown section " + row->section});
        if (who_.role == Role::unit && it->second.unit_id != who_.unit_id) {
            ++foreign;
            return error(
                {number, 1, "section", "section " + row->section + " belongs to another unit"});
        }
        ++own;
        if (water::water_body_id(row->body) != it->second.body)
            return error(
                {number, 2, "water_body", "section " + row->section + " is a " + it->second.body});
        const auto key = std::make_tuple(it->second.id, row->date.days, row->item);
        const auto [seen, fresh] = lines_.emplace(key, number);
        if (!fresh)
            return error({number, 4, "item",
                          "duplicate of line " + std::to_string(seen->second) +
                              " (same section, date and item)"});
        rows.push_back(Checked{it->second.id, std::move(*row)});
    }
    void error(const CsvIssue& i) {
        sample_batch::add_error(report, i.line, i.column, i.field, i.message);
    }

    SampleImportReport report;
    std::vector<Checked> rows;
    std::int64_t own = 0;
    std::int64_t foreign = 0;

  private:
    const Actor& who_;
    std::map<std::string, SectionRef> sections_;
    std::map<std::tuple<std::int64_t, std::int32_t, water::WaterItem>, int> lines_;
};

Result<std::map<std::string, SectionRef>> load_sections(storage::Connection& c) {
    auto rows = c.query("SELECT code, id, unit_id, water_body FROM water_sections");
    if (!rows) return std::unexpected(rows.error());
    std::map<std::string, SectionRef> out;
    for (const auto& r : *rows)
        out.emplace(r.text(0), SectionRef{r.integer(1), r.integer(2), r.text(3)});
    return out;
}

Result<void> store(storage::Connection& c, const std::vector<Checked>& rows,
                   SampleImportReport& r) {
    auto st = c.prepare(kUpsert);
    if (!st) return std::unexpected(st.error());
    for (const Checked& k : rows) {
        const SqlValue p[] = {k.section_id, std::int64_t{k.row.date.days},
                              std::string(water::info(k.row.item).id), k.row.value_text,
                              r.batch_id};
        auto n = (*st)->run(p);
        if (!n) return std::unexpected(n.error());
        ++r.accepted;
        r.changed += *n;
    }
    return {};
}

}  // namespace

Result<SampleImportReport> import_water_samples(storage::Connection& c, const Actor& who,
                                                const std::string& source, std::string_view text,
                                                const std::string& at_iso) {
    if (who.role == Role::leader) return fail(ErrorCode::forbidden, "a leader may not import data");
    auto sections = load_sections(c);
    if (!sections) return std::unexpected(sections.error());
    WaterCheck check(who, std::move(*sections));
    const auto header = for_each_csv_line(text, kWaterCsvHeader,
                                          [&](int n, std::string_view l) { check.line(n, l); });
    if (header) check.error(*header);
    if (!header && check.report.error_count == 0 && check.rows.empty())
        check.error({1, 1, "body", "the file has no data lines"});
    if (who.role == Role::unit && check.own == 0 && check.foreign > 0)
        return fail(ErrorCode::forbidden, "none of the sections in this file belongs to your unit");
    if (check.report.error_count > 0) return std::move(check.report);
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto batch = sample_batch::open(c, who, source, at_iso);
    if (!batch) return std::unexpected(batch.error());
    check.report.batch_id = *batch;
    if (auto ok = store(c, check.rows, check.report); !ok) return std::unexpected(ok.error());
    if (auto ok = sample_batch::close(c, who, source, "water", text, check.report, at_iso); !ok)
        return std::unexpected(ok.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return std::move(check.report);
}

namespace sample_batch {

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

}  // namespace sample_batch

}  // namespace ecogov
