// Inspection batch import (services/problems_import.hpp).
#include "services/problems_import.hpp"

#include <map>
#include <set>

#include "core/text.hpp"
#include "ingest/csv_fields.hpp"
#include "services/audit.hpp"
#include "services/problems_store.hpp"

namespace ecogov {

using storage::Row;
using storage::SqlValue;

namespace {

constexpr std::size_t kErrorsListed = 100;
constexpr std::size_t kColumnCount = 8;

struct Lookups {
    std::map<std::string, std::string> kinds;           // id and Chinese name → id
    std::map<std::string, std::int64_t> townships;      // name and code → id
    std::set<std::string> codes;                        // stored problem codes
};

Result<Lookups> load_lookups(storage::Connection& c) {
    Lookups l;
    auto kinds = list_problem_kinds(c);
    if (!kinds) return std::unexpected(kinds.error());
    for (const auto& k : *kinds) {
        l.kinds[k.id] = k.id;
        l.kinds[k.name_zh] = k.id;
    }
    auto towns = c.query("SELECT id, name, code FROM units WHERE kind = 'township'");
    if (!towns) return std::unexpected(towns.error());
    for (const Row& r : *towns) {
        l.townships[r.text(1)] = r.integer(0);
        l.townships[r.text(2)] = r.integer(0);
    }
    auto codes = c.query("SELECT code FROM problems");
    if (!codes) return std::unexpected(codes.error());
    for (const Row& r : *codes) l.codes.insert(r.text(0));
    return l;
}

void add_error(ProblemImportReport& r, std::size_t line, std::size_t column, std::string field,
               std::string message) {
    ++r.error_count;
    if (r.errors.size() < kErrorsListed)
        r.errors.push_back({line, column, std::move(field), std::move(message)});
}

std::string unquoted(std::string_view s) {
    s = ingest::unquote(s);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        out += s[i];
        if (s[i] == '"' && i + 1 < s.size() && s[i + 1] == '"') ++i;  // "" → "
    }
    return out;
}

/// Checks one data line; on success appends the problem to `rows`.
void check_line(std::size_t n, std::string_view line, const Lookups& l,
                const ProblemBatchInfo& batch, std::set<std::string>& seen_codes,
                std::vector<NewProblem>& rows, ProblemImportReport& r) {
    std::vector<std::string_view> raw;
    ingest::split_fields(line, raw);
    if (raw.size() != kColumnCount) {
        add_error(r, n, 1, "row",
                  "expected " + std::to_string(kColumnCount) + " fields (" +
                      std::string(kProblemCsvHeader) + "), found " + std::to_string(raw.size()));
        return;
    }
    std::vector<std::string> f;
    for (auto v : raw) f.push_back(unquoted(v));
    const std::int64_t before = r.error_count;
    NewProblem p;
    p.code = f[0];
    if (!p.code.empty() && (l.codes.contains(p.code) || !seen_codes.insert(p.code).second))
        add_error(r, n, 1, "code", "problem code '" + p.code + "' exists already");
    if (p.code.size() > 40) add_error(r, n, 1, "code", "code: at most 40 bytes");
    auto kind = l.kinds.find(f[1]);
    if (kind == l.kinds.end())
        add_error(r, n, 2, "kind", "unknown kind '" + f[1] + "'");
    else
        p.kind = kind->second;
    auto town = l.townships.find(f[2]);
    if (town == l.townships.end())
        add_error(r, n, 3, "township", "unknown township '" + f[2] + "'");
    else
        p.township_unit_id = town->second;
    p.address = f[3];
    if (p.address.size() > 400) add_error(r, n, 4, "address", "address: at most 400 bytes");
    const auto date = Date::parse(f[4]);
    if (!date || date->year() < 2000 || date->year() > 2100)
        add_error(r, n, 5, "discovered_on", "'" + f[4] + "' is not a date YYYY-MM-DD");
    else
        p.discovered_on = *date;
    p.description = f[5];
    if (p.description.empty() || p.description.size() > 4000)
        add_error(r, n, 6, "description", "description: 1-4000 bytes");
    if (f[6].empty() || f[6] == "general" || f[6] == "一般")
        p.severity = "general";
    else if (f[6] == "serious" || f[6] == "严重")
        p.severity = "serious";
    else
        add_error(r, n, 7, "severity", "severity '" + f[6] + "': expected general or serious");
    p.sector = f[7];
    p.source = batch.source;
    p.source_reference = batch.code;
    if (r.error_count == before) rows.push_back(std::move(p));
}

Result<std::int64_t> insert_batch(storage::Connection& c, const Actor& who,
                                  const ProblemBatchInfo& b, std::int64_t count,
                                  const std::string& at) {
    const SqlValue p[] = {b.code,
                          b.title.empty() ? b.code : b.title,
                          b.source,
                          std::int64_t{b.received_on.days},
                          count,
                          who.user_id > 0 ? SqlValue{who.user_id} : SqlValue{nullptr},
                          at};
    auto id = c.query(
        "INSERT INTO problem_batches (code, title, source, received_on, problems, imported_by, "
        "imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        p);
    if (!id) return std::unexpected(id.error());
    return id->at(0).integer(0);
}

Result<void> check_batch(storage::Connection& c, const ProblemBatchInfo& b) {
    if (b.code.empty() || b.code.size() > 80)
        return fail(ErrorCode::invalid_argument, "batch: 1-80 bytes", "batch");
    if (b.title.size() > 200)
        return fail(ErrorCode::invalid_argument, "title: at most 200 bytes", "title");
    const SqlValue sp[] = {b.source};
    auto src = c.query("SELECT id FROM problem_sources WHERE id = $1", sp);
    if (!src) return std::unexpected(src.error());
    if (src->empty())
        return fail(ErrorCode::invalid_argument, "source: unknown source '" + b.source + "'",
                    "source");
    const SqlValue cp[] = {b.code};
    auto dup = c.query("SELECT id FROM problem_batches WHERE code = $1", cp);
    if (!dup) return std::unexpected(dup.error());
    if (!dup->empty())
        return fail(ErrorCode::conflict, "batch " + b.code + " was imported already", "batch");
    return {};
}

ProblemBatch batch_of(const Row& r) {
    return ProblemBatch{r.integer(0), r.text(1),  r.text(2), r.text(3),
                        Date{static_cast<std::int32_t>(r.integer(4))}, r.integer(5), r.text(6)};
}

constexpr std::string_view kBatchColumns =
    "SELECT id, code, title, source, received_on, problems, imported_at FROM problem_batches";

}  // namespace

Result<ProblemImportReport> import_problem_batch(storage::Connection& c, const Clock& clock,
                                                 const Actor& who, const ProblemBatchInfo& batch,
                                                 std::string_view csv) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau import inspection batches");
    if (auto ok = check_batch(c, batch); !ok) return std::unexpected(ok.error());
    auto lookups = load_lookups(c);
    if (!lookups) return std::unexpected(lookups.error());
    ProblemImportReport report;
    std::vector<NewProblem> rows;
    std::set<std::string> seen;
    csv = ingest::strip_bom(csv);
    std::size_t n = 0;
    while (!csv.empty() || n == 0) {
        ++n;
        const std::size_t nl = csv.find('\n');
        std::string_view line = csv.substr(0, nl);
        csv = nl == std::string_view::npos ? std::string_view{} : csv.substr(nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (n == 1) {
            if (line != kProblemCsvHeader)
                add_error(report, 1, 1, "header",
                          "the first line must be: " + std::string(kProblemCsvHeader));
            if (report.error_count > 0) return report;
            continue;
        }
        if (line.find_first_not_of(" ,\t") == std::string_view::npos) continue;
        check_line(n, line, *lookups, batch, seen, rows, report);
    }
    if (report.error_count > 0) return report;
    if (rows.empty()) {
        add_error(report, 1, 1, "file", "the file holds no problems");
        return report;
    }
    const std::string at = iso_utc(clock.now());
    const Date today = problems_today(clock);
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto id = insert_batch(c, who, batch, static_cast<std::int64_t>(rows.size()), at);
    if (!id) return std::unexpected(id.error());
    for (NewProblem& p : rows) {
        p.batch_id = *id;
        auto stored = problem_store::insert_problem(c, who, std::move(p), at, today);
        if (!stored) return std::unexpected(stored.error());
    }
    report.batch_id = *id;
    report.imported = static_cast<std::int64_t>(rows.size());
    const std::string after = "{\"batch\":" + json_quote(batch.code) +
                              ",\"source\":" + json_quote(batch.source) +
                              ",\"problems\":" + std::to_string(report.imported) + "}";
    if (auto a = append_audit(c, who,
                              {"import", "problem_batches", std::to_string(*id), std::nullopt, after},
                              at);
        !a)
        return std::unexpected(a.error());
    if (auto k = tx->commit(); !k) return std::unexpected(k.error());
    return report;
}

Result<std::vector<ProblemBatch>> list_problem_batches(storage::Connection& c) {
    auto rows = c.query(std::string(kBatchColumns) + " ORDER BY received_on DESC, id DESC");
    if (!rows) return std::unexpected(rows.error());
    std::vector<ProblemBatch> out;
    for (const Row& r : *rows) out.push_back(batch_of(r));
    return out;
}

Result<ProblemBatch> get_problem_batch(storage::Connection& c, std::int64_t id) {
    const SqlValue p[] = {id};
    auto rows = c.query(std::string(kBatchColumns) + " WHERE id = $1", p);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty())
        return fail(ErrorCode::not_found, "no problem batch with id " + std::to_string(id), "id");
    return batch_of(rows->front());
}

}  // namespace ecogov
