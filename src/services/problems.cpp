// Problems: registering, reading, evidence, kinds and the responsibility matrix
// (services/problems.hpp).
#include "services/problems.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "services/audit.hpp"
#include "services/problems_store.hpp"
#include "services/targets.hpp"

namespace ecogov {

namespace json = boost::json;
using storage::Row;
using storage::SqlValue;
using namespace problem_store;

namespace {

bool blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

Result<bool> category_exists(storage::Connection& c, std::string_view table,
                             const std::string& id) {
    const SqlValue p[] = {id};
    auto rows = c.query("SELECT id FROM " + std::string(table) + " WHERE id = $1", p);
    if (!rows) return std::unexpected(rows.error());
    return !rows->empty();
}

Result<void> check_new_problem(storage::Connection& c, const NewProblem& p) {
    auto kind = category_exists(c, "problem_kinds", p.kind);
    if (!kind) return std::unexpected(kind.error());
    if (!*kind)
        return fail(ErrorCode::invalid_argument, "kind: unknown problem kind '" + p.kind + "'",
                    "kind");
    auto source = category_exists(c, "problem_sources", p.source);
    if (!source) return std::unexpected(source.error());
    if (!*source)
        return fail(ErrorCode::invalid_argument, "source: unknown source '" + p.source + "'",
                    "source");
    if (p.severity != "general" && p.severity != "serious")
        return fail(ErrorCode::invalid_argument, "severity must be general or serious",
                    "severity");
    if (blank(p.description) || p.description.size() > 4000)
        return fail(ErrorCode::invalid_argument, "description: 1-4000 bytes", "description");
    if (p.code.size() > 40)
        return fail(ErrorCode::invalid_argument, "code: at most 40 bytes", "code");
    if (p.address.size() > 400)
        return fail(ErrorCode::invalid_argument, "address: at most 400 bytes", "address");
    if (p.longitude && !(std::abs(*p.longitude) <= 180.0))
        return fail(ErrorCode::invalid_argument, "longitude must lie in [-180, 180]", "longitude");
    if (p.latitude && !(std::abs(*p.latitude) <= 90.0))
        return fail(ErrorCode::invalid_argument, "latitude must lie in [-90, 90]", "latitude");
    if (p.discovered_on.year() < 2000 || p.discovered_on.year() > 2100)
        return fail(ErrorCode::invalid_argument, "discovered_on: a date from 2000 to 2100",
                    "discovered_on");
    const SqlValue tp[] = {p.township_unit_id};
    auto town = c.query("SELECT kind FROM units WHERE id = $1", tp);
    if (!town) return std::unexpected(town.error());
    if (town->empty() || town->front().text(0) != "township")
        return fail(ErrorCode::invalid_argument,
                    "township_unit_id: no township with id " + std::to_string(p.township_unit_id),
                    "township_unit_id");
    if (auto ok = unit_exists(c, p.responsible_unit_id, "responsible_unit_id"); !ok) return ok;
    if (p.supervising_unit_ids)
        for (auto id : *p.supervising_unit_ids)
            if (auto ok = unit_exists(c, id, "supervising_unit_ids"); !ok) return ok;
    return {};
}

Result<std::string> next_code(storage::Connection& c, Date discovered) {
    auto rows = c.query("SELECT COALESCE(MAX(id), 0) + 1 FROM problems");
    if (!rows) return std::unexpected(rows.error());
    std::string n = std::to_string(rows->at(0).integer(0));
    while (n.size() < 4) n.insert(0, "0");
    return "P" + std::to_string(discovered.year()) + "-" + n;
}

SqlValue opt_real(const std::optional<double>& v) {
    return v ? SqlValue{*v} : SqlValue{nullptr};
}

}  // namespace

Date problems_today(const Clock& clock) {
    return cst_date_of_ms(unix_ms(clock.now()));
}

namespace problem_store {

Result<ProblemRecord> insert_problem(storage::Connection& c, const Actor& who, NewProblem p,
                                     const std::string& at, Date today) {
    if (p.responsible_unit_id == 0) p.responsible_unit_id = p.township_unit_id;
    if (!p.supervising_unit_ids) {
        auto proposed = propose_supervisors(c, p.sector);
        if (!proposed) return std::unexpected(proposed.error());
        p.supervising_unit_ids = std::move(*proposed);
    }
    if (auto ok = check_new_problem(c, p); !ok) return std::unexpected(ok.error());
    if (p.code.empty()) {
        auto code = next_code(c, p.discovered_on);
        if (!code) return std::unexpected(code.error());
        p.code = *code;
    }
    const SqlValue dup_p[] = {p.code};
    auto dup = c.query("SELECT id FROM problems WHERE code = $1", dup_p);
    if (!dup) return std::unexpected(dup.error());
    if (!dup->empty())
        return fail(ErrorCode::conflict, "problem code " + p.code + " exists", "code");
    const SqlValue params[] = {p.code,
                               p.kind,
                               p.source,
                               p.source_reference,
                               p.batch_id ? SqlValue{*p.batch_id} : SqlValue{nullptr},
                               p.township_unit_id,
                               p.address,
                               opt_real(p.longitude),
                               opt_real(p.latitude),
                               std::int64_t{p.discovered_on.days},
                               p.description,
                               p.severity,
                               p.sector,
                               p.responsible_unit_id,
                               who.user_id > 0 ? SqlValue{who.user_id} : SqlValue{nullptr},
                               at};
    auto id = c.query(
        "INSERT INTO problems (code, kind, source, source_reference, batch_id, township_unit_id, "
        "address, longitude, latitude, discovered_on, description, severity, sector, "
        "responsible_unit_id, state, version, created_by, created_at, updated_at) VALUES ($1, $2, "
        "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'reported', 1, $15, $16, $16) "
        "RETURNING id",
        params);
    if (!id) return std::unexpected(id.error());
    const std::int64_t pid = id->at(0).integer(0);
    std::vector<std::int64_t> sup = *p.supervising_unit_ids;
    std::sort(sup.begin(), sup.end());
    sup.erase(std::unique(sup.begin(), sup.end()), sup.end());
    for (auto unit : sup) {
        const SqlValue sp[] = {pid, unit};
        if (auto ok = c.execute(
                "INSERT INTO problem_supervisors (problem_id, unit_id) VALUES ($1, $2)", sp);
            !ok)
            return std::unexpected(ok.error());
    }
    auto person = display_name(c, who);
    if (!person) return std::unexpected(person.error());
    NewEvent e{pid, "register", "", "reported", "", *person, "{}", {}};
    if (auto ok = append_event(c, who, e, at); !ok) return std::unexpected(ok.error());
    const SqlValue gp[] = {pid};
    auto stored = select_problems(c, "WHERE id = $1", gp, today);
    if (!stored) return std::unexpected(stored.error());
    return stored->at(0);
}

}  // namespace problem_store

Result<ProblemRecord> open_problem_in(storage::Connection& tx, const Clock& clock,
                                      const Actor& who, NewProblem p) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may register problems");
    const std::string at = iso_utc(clock.now());
    auto rec = insert_problem(tx, who, std::move(p), at, problems_today(clock));
    if (!rec) return std::unexpected(rec.error());
    if (auto a = append_audit(tx, who,
                              {"create", "problems", std::to_string(rec->id), std::nullopt,
                               audit_json(*rec)},
                              at);
        !a)
        return std::unexpected(a.error());
    return rec;
}

Result<ProblemRecord> open_problem(storage::Connection& c, const Clock& clock, const Actor& who,
                                   NewProblem p) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may register problems");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto rec = open_problem_in(c, clock, who, std::move(p));
    if (!rec) return std::unexpected(rec.error());
    if (auto k = tx->commit(); !k) return std::unexpected(k.error());
    return rec;
}

Result<std::vector<ProblemRecord>> list_problems(storage::Connection& c, const ProblemFilter& f,
                                                 Date today) {
    std::string where = "WHERE 1 = 1";
    std::vector<SqlValue> params;
    auto add = [&](std::string_view column, SqlValue v) {
        params.push_back(std::move(v));
        where += " AND " + std::string(column) + " = $" + std::to_string(params.size());
    };
    if (f.kind) add("kind", *f.kind);
    if (f.township_unit_id) add("township_unit_id", *f.township_unit_id);
    if (f.state) add("state", *f.state);
    if (f.batch_id) add("batch_id", *f.batch_id);
    auto list = select_problems(c, where + " ORDER BY discovered_on DESC, id DESC", params, today);
    if (!list || !f.overdue) return list;
    std::vector<ProblemRecord> out;
    for (auto& p : *list)
        if ((p.warning == "overdue") == *f.overdue) out.push_back(std::move(p));
    return out;
}

Result<ProblemRecord> get_problem(storage::Connection& c, std::int64_t id, Date today) {
    const SqlValue p[] = {id};
    auto list = select_problems(c, "WHERE id = $1", p, today);
    if (!list) return std::unexpected(list.error());
    if (list->empty())
        return fail(ErrorCode::not_found, "no problem with id " + std::to_string(id), "id");
    return std::move(list->front());
}

Result<std::vector<ProblemEvent>> problem_history(storage::Connection& c, std::int64_t id) {
    const SqlValue p[] = {id};
    auto rows = c.query(
        "SELECT id, seq, event, from_state, to_state, reason, person, detail_json, evidence_ids, "
        "user_id, username, at FROM problem_events WHERE problem_id = $1 ORDER BY seq",
        p);
    if (!rows) return std::unexpected(rows.error());
    std::vector<ProblemEvent> out;
    for (const Row& r : *rows) {
        ProblemEvent e{r.integer(0),         r.integer(1), r.text(2),
                       r.text(3),            r.text(4),    r.text(5),
                       r.text(6),            r.text(7),    split_ids(r.text(8)),
                       r.opt_integer(9),     r.text(10),   r.text(11),
                       {}};
        auto files = list_attachments(c, "problem_event", e.id);
        if (!files) return std::unexpected(files.error());
        e.files = std::move(*files);
        out.push_back(std::move(e));
    }
    return out;
}

Result<AttachmentMeta> add_problem_evidence(storage::Connection& c, const Clock& clock,
                                            const Actor& who, std::int64_t id,
                                            const UploadedFile& file,
                                            const AttachmentPolicy& policy,
                                            const std::string& note) {
    if (note.size() > 2000)
        return fail(ErrorCode::invalid_argument, "note: at most 2000 bytes", "note");
    const std::string at = iso_utc(clock.now());
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto p = get_problem(c, id, problems_today(clock));
    if (!p) return std::unexpected(p.error());
    if (!can_write_unit(who, p->responsible_unit_id))
        return fail(ErrorCode::forbidden,
                    "only the responsible unit, admin and bureau may add evidence to " + p->code);
    if (p->state == "closed" || p->state == "dismissed")
        return fail(ErrorCode::conflict, "problem " + p->code + " is " + p->state +
                                             "; its evidence can no longer change");
    auto person = display_name(c, who);
    if (!person) return std::unexpected(person.error());
    NewEvent e{id, "add_evidence", p->state, p->state, note, *person, "{}", {}};
    auto event_id = append_event(c, who, e, at);
    if (!event_id) return std::unexpected(event_id.error());
    auto meta = insert_attachment(c, who, "problem_event", *event_id, file, policy, at);
    if (!meta) return std::unexpected(meta.error());
    if (auto a = append_audit(c, who,
                              {"evidence", "problems", std::to_string(id), std::nullopt,
                               attachment_json(*meta)},
                              at);
        !a)
        return std::unexpected(a.error());
    if (auto k = tx->commit(); !k) return std::unexpected(k.error());
    return meta;
}

Result<std::vector<ProblemCategory>> list_problem_kinds(storage::Connection& c) {
    auto rows = c.query("SELECT id, name_zh, name_en, damage FROM problem_kinds ORDER BY position, id");
    if (!rows) return std::unexpected(rows.error());
    std::vector<ProblemCategory> out;
    for (const Row& r : *rows) out.push_back({r.text(0), r.text(1), r.text(2), r.integer(3) != 0});
    return out;
}

Result<std::vector<ProblemCategory>> list_problem_sources(storage::Connection& c) {
    auto rows = c.query("SELECT id, name_zh, name_en FROM problem_sources ORDER BY position, id");
    if (!rows) return std::unexpected(rows.error());
    std::vector<ProblemCategory> out;
    for (const Row& r : *rows) out.push_back({r.text(0), r.text(1), r.text(2), false});
    return out;
}

Result<ProblemCategory> add_problem_kind(storage::Connection& c, const Clock& clock,
                                         const Actor& who, const ProblemCategory& k) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may add problem kinds");
    const bool id_ok = !k.id.empty() && k.id.size() <= 40 &&
                       std::all_of(k.id.begin(), k.id.end(), [](char ch) {
                           return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
                       });
    if (!id_ok) return fail(ErrorCode::invalid_argument, "id: 1-40 of a-z, 0-9, '_'", "id");
    if (blank(k.name_zh) || k.name_zh.size() > 100)
        return fail(ErrorCode::invalid_argument, "name_zh: 1-100 bytes", "name_zh");
    if (k.name_en.size() > 100)
        return fail(ErrorCode::invalid_argument, "name_en: at most 100 bytes", "name_en");
    return audited_write(c, clock, who, [&](storage::Connection& tx) -> Result<std::pair<ProblemCategory, AuditEntry>> {
        auto exists = category_exists(tx, "problem_kinds", k.id);
        if (!exists) return std::unexpected(exists.error());
        if (*exists) return fail(ErrorCode::conflict, "problem kind " + k.id + " exists", "id");
        const SqlValue p[] = {k.id, k.name_zh, k.name_en};
        auto ok = tx.execute(
            "INSERT INTO problem_kinds (id, name_zh, name_en, damage, position) VALUES ($1, $2, "
            "$3, 0, (SELECT COALESCE(MAX(position), 0) + 1 FROM problem_kinds))",
            p);
        if (!ok) return std::unexpected(ok.error());
        ProblemCategory out{k.id, k.name_zh, k.name_en, false};
        std::string after = "{\"id\":" + json_quote(k.id) + ",\"name_zh\":" + json_quote(k.name_zh) +
                            ",\"name_en\":" + json_quote(k.name_en) + "}";
        return std::pair{out, AuditEntry{"create", "problem_kinds", k.id, std::nullopt, after}};
    });
}

Result<std::vector<MatrixEntry>> list_matrix(storage::Connection& c) {
    auto rows = c.query(
        "SELECT sector, sector_zh, unit_id FROM responsibility_matrix ORDER BY sector, unit_id");
    if (!rows) return std::unexpected(rows.error());
    std::vector<MatrixEntry> out;
    for (const Row& r : *rows) {
        if (out.empty() || out.back().sector != r.text(0))
            out.push_back({r.text(0), r.text(1), {}});
        out.back().unit_ids.push_back(r.integer(2));
    }
    return out;
}

Result<MatrixEntry> set_matrix_entry(storage::Connection& c, const Clock& clock, const Actor& who,
                                     const MatrixEntry& e) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may change the responsibility matrix");
    const bool sector_ok = !e.sector.empty() && e.sector.size() <= 40 &&
                           std::all_of(e.sector.begin(), e.sector.end(), [](char ch) {
                               return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                                      ch == '_';
                           });
    if (!sector_ok)
        return fail(ErrorCode::invalid_argument, "sector: 1-40 of a-z, 0-9, '_'", "sector");
    if (!e.unit_ids.empty() && (blank(e.sector_zh) || e.sector_zh.size() > 100))
        return fail(ErrorCode::invalid_argument, "sector_zh: 1-100 bytes", "sector_zh");
    return audited_write(c, clock, who, [&](storage::Connection& tx) -> Result<std::pair<MatrixEntry, AuditEntry>> {
        const SqlValue sp[] = {e.sector};
        auto before = tx.query("SELECT unit_id FROM responsibility_matrix WHERE sector = $1 ORDER BY unit_id", sp);
        if (!before) return std::unexpected(before.error());
        std::vector<std::int64_t> old;
        for (const Row& r : *before) old.push_back(r.integer(0));
        if (auto ok = tx.execute("DELETE FROM responsibility_matrix WHERE sector = $1", sp); !ok)
            return std::unexpected(ok.error());
        MatrixEntry out{e.sector, e.sector_zh, e.unit_ids};
        std::sort(out.unit_ids.begin(), out.unit_ids.end());
        out.unit_ids.erase(std::unique(out.unit_ids.begin(), out.unit_ids.end()), out.unit_ids.end());
        for (auto unit : out.unit_ids) {
            if (auto ok = unit_exists(tx, unit, "unit_ids"); !ok) return std::unexpected(ok.error());
            const SqlValue p[] = {e.sector, e.sector_zh, unit};
            if (auto ok = tx.execute("INSERT INTO responsibility_matrix (sector, sector_zh, unit_id) VALUES ($1, $2, $3)", p); !ok)
                return std::unexpected(ok.error());
        }
        const std::string after = "{\"sector\":" + json_quote(e.sector) + ",\"sector_zh\":" +
                                  json_quote(e.sector_zh) + ",\"unit_ids\":" + json_ids(out.unit_ids) + "}";
        const std::string prior = "{\"sector\":" + json_quote(e.sector) + ",\"unit_ids\":" + json_ids(old) + "}";
        return std::pair{out, AuditEntry{"update", "responsibility_matrix", e.sector, prior, after}};
    });
}

Result<std::vector<std::int64_t>> propose_supervisors(storage::Connection& c,
                                                      const std::string& sector) {
    std::vector<std::int64_t> out;
    if (sector.empty()) return out;
    const SqlValue p[] = {sector};
    auto rows = c.query(
        "SELECT unit_id FROM responsibility_matrix WHERE sector = $1 ORDER BY unit_id", p);
    if (!rows) return std::unexpected(rows.error());
    for (const Row& r : *rows) out.push_back(r.integer(0));
    return out;
}

}  // namespace ecogov
