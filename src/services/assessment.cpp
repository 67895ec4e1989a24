// Assessment schemes, manual inputs and runs (services/assessment.hpp).
#include "services/assessment.hpp"

#include <algorithm>
#include <cstdio>

#include <boost/json.hpp>

#include "assessment/engine.hpp"
#include "assessment/period.hpp"
#include "assessment/scheme_parser.hpp"
#include "core/text.hpp"
#include "services/assessment_indicators.hpp"
#include "services/audit.hpp"
#include "services/organisation.hpp"

namespace ecogov {

namespace {

using storage::Row;
using storage::SqlValue;
namespace as = assessment;

constexpr std::string_view kSchemeColumns = "id, code, version, name, body, created_by, created_at";

SchemeVersion scheme_from(const Row& r) {
    return SchemeVersion{r.integer(0), r.text(1), r.integer(2), r.text(3), r.text(4), r.text(5), r.text(6)};
}

bool valid_code(const std::string& code) {
    if (code.empty() || code.size() > 40) return false;
    return std::all_of(code.begin(), code.end(),
                       [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'; });
}

Result<void> writer(const Actor& who) {
    if (!can_write_campaign(who)) return fail(ErrorCode::forbidden, "only admin and bureau may change the assessment");
    return {};
}

Result<std::vector<SchemeVersion>> select_schemes(storage::Connection& c, std::string_view where, std::span<const SqlValue> p) {
    auto rows = c.query("SELECT " + std::string(kSchemeColumns) + " FROM assessment_schemes " + std::string(where), p);
    if (!rows) return std::unexpected(rows.error());
    std::vector<SchemeVersion> out;
    for (const Row& r : *rows) out.push_back(scheme_from(r));
    return out;
}

RunSummary run_from(const Row& r) {
    return RunSummary{r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5)};
}

/// The units a scheme covers, by code.
Result<std::vector<AssessedUnit>> covered_units(storage::Connection& c, const as::Scheme& s) {
    auto units = list_units(c);
    if (!units) return std::unexpected(units.error());
    std::vector<AssessedUnit> out;
    for (const Unit& u : *units) {
        const bool listed = std::find(s.unit_codes.begin(), s.unit_codes.end(), u.code) != s.unit_codes.end();
        if (listed || (!s.unit_kind.empty() && u.kind == s.unit_kind)) out.push_back(AssessedUnit{u.id, u.code, u.name, u.kind});
    }
    std::sort(out.begin(), out.end(), [](const AssessedUnit& a, const AssessedUnit& b) { return a.code < b.code; });
    return out;
}

std::string inputs_json(const std::vector<AssessedUnit>& units, const IndicatorTable& table, const std::string& period) {
    std::string out = "{\"period\":" + json_quote(period) + ",\"units\":[";
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (i) out += ',';
        out += "{\"code\":" + json_quote(units[i].code) + ",\"name\":" + json_quote(units[i].name) + ",\"values\":{";
        bool first = true;
        for (const auto& [id, v] : table.at(units[i].code)) {
            if (!first) out += ',';
            first = false;
            out += json_quote(id) + ":{\"value\":" + (v.value ? as::fixed_text(*v.value) : "null") + ",\"source\":" + json_quote(v.source) + "}";
        }
        out += "}}";
    }
    return out + "]}";
}

/// Totals and ranks of the latest run of `code` for `period`.
Result<std::vector<as::PreviousResult>> previous_results(storage::Connection& c, const std::string& code, const std::string& period) {
    const SqlValue p[] = {code, period};
    auto rows = c.query("SELECT results_json FROM assessment_runs WHERE scheme_code = $1 AND period = $2 ORDER BY id DESC LIMIT 1", p);
    if (!rows) return std::unexpected(rows.error());
    std::vector<as::PreviousResult> out;
    if (rows->empty()) return out;
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(rows->front().text(0), ec);
    if (ec || !v.is_object()) return fail(ErrorCode::internal, "stored run results are not JSON");
    for (const auto& u : v.at("units").as_array()) {
        const auto& o = u.as_object();
        // totals are written with at most 4 decimals; serialize() would give 6.765E1 for 67.65,
        // which the fixed-point parser (rightly) refuses
        char total[64];
        std::snprintf(total, sizeof total, "%.4f", o.at("total").to_number<double>());
        out.push_back(as::PreviousResult{std::string(o.at("code").as_string()), as::parse_fixed(total).value_or(0),
                                         static_cast<int>(o.at("rank").as_int64())});
    }
    return out;
}

std::vector<as::UnitInput> engine_inputs(const std::vector<AssessedUnit>& units, const IndicatorTable& table) {
    std::vector<as::UnitInput> out;
    for (const AssessedUnit& u : units) {
        as::UnitInput in{u.code, u.name, {}};
        for (const auto& [id, v] : table.at(u.code)) in.values[id] = v.value;
        out.push_back(std::move(in));
    }
    return out;
}

}  // namespace

Result<void> check_scheme_text(const std::string& code, const std::string& body) {
    auto s = as::parse_scheme(body, code + ".toml");
    if (!s) return std::unexpected(s.error());
    return {};
}

Result<SchemeVersion> save_scheme(storage::Connection& c, const Actor& who, const std::string& code, const std::string& body,
                                  const std::string& at_iso) {
    if (auto ok = writer(who); !ok) return std::unexpected(ok.error());
    if (!valid_code(code)) return fail(ErrorCode::invalid_argument, "code: 1-40 characters a-z, 0-9, '_' or '-'", "code");
    if (body.size() > 200'000) return fail(ErrorCode::invalid_argument, "scheme text is limited to 200 000 bytes", "body");
    auto parsed = as::parse_scheme(body, code + ".toml");
    if (!parsed) return fail(ErrorCode::invalid_argument, parsed.error().message, "body");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    const SqlValue pc[] = {code};
    auto max = c.query("SELECT COALESCE(MAX(version), 0) FROM assessment_schemes WHERE code = $1", pc);
    if (!max) return std::unexpected(max.error());
    SchemeVersion s{0, code, max->at(0).integer(0) + 1, parsed->name, body, who.username, at_iso};
    const SqlValue p[] = {s.code, s.version, s.name, s.body, s.created_by, s.created_at};
    auto id = c.query("INSERT INTO assessment_schemes (code, version, name, body, created_by, created_at) "
                      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                      p);
    if (!id) return std::unexpected(id.error());
    s.id = id->at(0).integer(0);
    const std::string after = "{\"id\":" + std::to_string(s.id) + ",\"code\":" + json_quote(s.code) +
                              ",\"version\":" + std::to_string(s.version) + ",\"name\":" + json_quote(s.name) + "}";
    if (auto a = append_audit(c, who, {"create", "assessment_schemes", std::to_string(s.id), std::nullopt, after}, at_iso); !a)
        return std::unexpected(a.error());
    if (auto k = tx->commit(); !k) return std::unexpected(k.error());
    return s;
}

Result<std::vector<SchemeVersion>> list_schemes(storage::Connection& c) {
    return select_schemes(c,
                          "s WHERE version = (SELECT MAX(version) FROM assessment_schemes t WHERE t.code = s.code) ORDER BY code",
                          {});
}

Result<std::vector<SchemeVersion>> scheme_versions(storage::Connection& c, const std::string& code) {
    const SqlValue p[] = {code};
    return select_schemes(c, "WHERE code = $1 ORDER BY version DESC", p);
}

Result<SchemeVersion> get_scheme(storage::Connection& c, std::int64_t id) {
    const SqlValue p[] = {id};
    auto s = select_schemes(c, "WHERE id = $1", p);
    if (!s) return std::unexpected(s.error());
    if (s->empty()) return fail(ErrorCode::not_found, "no scheme " + std::to_string(id));
    return s->front();
}

Result<ManualInput> set_manual_input(storage::Connection& c, const Actor& who, ManualInput in, const std::string& at_iso) {
    if (auto ok = writer(who); !ok) return std::unexpected(ok.error());
    if (!as::parse_period(in.period)) return fail(ErrorCode::invalid_argument, "period: YYYY-MM, YYYY-Qn or YYYY", "period");
    if (!valid_code(in.indicator) || in.indicator.find('-') != std::string::npos)
        return fail(ErrorCode::invalid_argument, "indicator: 1-40 characters a-z, 0-9, '_'", "indicator");
    const auto value = as::parse_fixed(in.value);
    if (!value) return fail(ErrorCode::invalid_argument, "value must be a decimal number", "value");
    if (in.note.size() > 500) return fail(ErrorCode::invalid_argument, "note: at most 500 bytes", "note");
    in.value = as::fixed_text(*value);
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    const SqlValue pu[] = {in.unit_id};
    auto unit = c.query("SELECT code FROM units WHERE id = $1", pu);
    if (!unit) return std::unexpected(unit.error());
    if (unit->empty()) return fail(ErrorCode::not_found, "no unit " + std::to_string(in.unit_id), "unit_id");
    in.unit_code = unit->front().text(0);
    const SqlValue key[] = {in.unit_id, in.period, in.indicator};
    auto old = c.query("SELECT value FROM assessment_inputs WHERE unit_id = $1 AND period = $2 AND indicator = $3", key);
    if (!old) return std::unexpected(old.error());
    if (auto d = c.execute("DELETE FROM assessment_inputs WHERE unit_id = $1 AND period = $2 AND indicator = $3", key); !d)
        return std::unexpected(d.error());
    in.updated_by = who.username;
    in.updated_at = at_iso;
    const SqlValue p[] = {in.unit_id, in.period, in.indicator, in.value, in.note, in.updated_by, in.updated_at};
    if (auto ins = c.execute("INSERT INTO assessment_inputs (unit_id, period, indicator, value, note, updated_by, updated_at) "
                             "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                             p);
        !ins)
        return std::unexpected(ins.error());
    const std::string id = std::to_string(in.unit_id) + "/" + in.period + "/" + in.indicator;
    std::optional<std::string> before;
    if (!old->empty()) before = "{\"value\":" + json_quote(old->front().text(0)) + "}";
    const std::string after = "{\"value\":" + json_quote(in.value) + ",\"note\":" + json_quote(in.note) + "}";
    if (auto a = append_audit(c, who, {before ? "update" : "create", "assessment_inputs", id, before, after}, at_iso); !a)
        return std::unexpected(a.error());
    if (auto k = tx->commit(); !k) return std::unexpected(k.error());
    return in;
}

Result<void> delete_manual_input(storage::Connection& c, const Actor& who, std::int64_t unit_id, const std::string& period,
                                 const std::string& indicator, const std::string& at_iso) {
    if (auto ok = writer(who); !ok) return ok;
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    const SqlValue key[] = {unit_id, period, indicator};
    auto old = c.query("SELECT value FROM assessment_inputs WHERE unit_id = $1 AND period = $2 AND indicator = $3", key);
    if (!old) return std::unexpected(old.error());
    if (old->empty()) return fail(ErrorCode::not_found, "no such manual input");
    if (auto d = c.execute("DELETE FROM assessment_inputs WHERE unit_id = $1 AND period = $2 AND indicator = $3", key); !d)
        return std::unexpected(d.error());
    const std::string id = std::to_string(unit_id) + "/" + period + "/" + indicator;
    if (auto a = append_audit(c, who, {"delete", "assessment_inputs", id, "{\"value\":" + json_quote(old->front().text(0)) + "}", std::nullopt},
                              at_iso);
        !a)
        return std::unexpected(a.error());
    return tx->commit();
}

Result<std::vector<ManualInput>> list_manual_inputs(storage::Connection& c, const std::string& period) {
    const SqlValue p[] = {period};
    auto rows = c.query("SELECT i.unit_id, u.code, i.period, i.indicator, i.value, i.note, i.updated_by, i.updated_at "
                        "FROM assessment_inputs i JOIN units u ON u.id = i.unit_id WHERE i.period = $1 ORDER BY u.code, i.indicator",
                        p);
    if (!rows) return std::unexpected(rows.error());
    std::vector<ManualInput> out;
    for (const Row& r : *rows)
        out.push_back(ManualInput{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7)});
    return out;
}

Result<StoredRun> run_assessment(storage::Connection& c, AirQueries& air, const Actor& who, std::int64_t scheme_id,
                                 const std::string& period_text, const std::string& at_iso) {
    if (auto ok = writer(who); !ok) return std::unexpected(ok.error());
    const auto period = as::parse_period(period_text);
    if (!period) return fail(ErrorCode::invalid_argument, "period: YYYY-MM, YYYY-Qn or YYYY", "period");
    auto stored = get_scheme(c, scheme_id);
    if (!stored) return std::unexpected(stored.error());
    auto scheme = as::parse_scheme(stored->body, stored->code + ".toml");
    if (!scheme) return std::unexpected(scheme.error());
    if (scheme->period != period->kind)
        return fail(ErrorCode::invalid_argument,
                    "scheme " + stored->code + " is scored per " + std::string(as::period_kind_id(scheme->period)) + ", not " + period_text,
                    "period");
    auto units = covered_units(c, *scheme);
    if (!units) return std::unexpected(units.error());
    auto table = compute_indicators(c, air, *units, *period, scheme->indicators());
    if (!table) return std::unexpected(table.error());
    auto previous = previous_results(c, stored->code, period->previous().label());
    if (!previous) return std::unexpected(previous.error());
    const as::Ranking ranking = as::score(*scheme, period->label(), engine_inputs(*units, *table), *previous);
    StoredRun run{RunSummary{0, stored->id, stored->code, period->label(), who.username, at_iso}, stored->body,
                  inputs_json(*units, *table, period->label()), as::ranking_json(ranking)};
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    const SqlValue p[] = {run.summary.scheme_id, run.summary.scheme_code, run.scheme_body, run.summary.period,
                          run.summary.created_by, run.summary.created_at, run.inputs_json, run.results_json};
    auto id = c.query("INSERT INTO assessment_runs (scheme_id, scheme_code, scheme_body, period, created_by, created_at, inputs_json, "
                      "results_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                      p);
    if (!id) return std::unexpected(id.error());
    run.summary.id = id->at(0).integer(0);
    const std::string after = "{\"scheme_id\":" + std::to_string(scheme_id) + ",\"period\":" + json_quote(run.summary.period) +
                              ",\"units\":" + std::to_string(units->size()) + "}";
    if (auto a = append_audit(c, who, {"create", "assessment_runs", std::to_string(run.summary.id), std::nullopt, after}, at_iso); !a)
        return std::unexpected(a.error());
    if (auto k = tx->commit(); !k) return std::unexpected(k.error());
    return run;
}

Result<std::vector<RunSummary>> list_runs(storage::Connection& c, const std::optional<std::string>& scheme_code) {
    std::vector<SqlValue> p;
    std::string sql = "SELECT id, scheme_id, scheme_code, period, created_by, created_at FROM assessment_runs";
    if (scheme_code) {
        sql += " WHERE scheme_code = $1";
        p.emplace_back(*scheme_code);
    }
    auto rows = c.query(sql + " ORDER BY id DESC", p);
    if (!rows) return std::unexpected(rows.error());
    std::vector<RunSummary> out;
    for (const Row& r : *rows) out.push_back(run_from(r));
    return out;
}

Result<StoredRun> get_run(storage::Connection& c, std::int64_t id) {
    const SqlValue p[] = {id};
    auto rows = c.query("SELECT id, scheme_id, scheme_code, period, created_by, created_at, scheme_body, inputs_json, results_json "
                        "FROM assessment_runs WHERE id = $1",
                        p);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return fail(ErrorCode::not_found, "no assessment run " + std::to_string(id));
    const Row& r = rows->front();
    return StoredRun{run_from(r), r.text(6), r.text(7), r.text(8)};
}

}  // namespace ecogov
