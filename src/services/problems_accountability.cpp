// Accountability records and per-township statistics (services/problems.hpp).
#include <algorithm>
#include <map>

#include "cases/lifecycle.hpp"
#include "cases/problem.hpp"
#include "core/text.hpp"
#include "services/audit.hpp"
#include "services/problems.hpp"
#include "services/problems_store.hpp"

namespace ecogov {

using storage::Row;
using storage::SqlValue;
using namespace problem_store;

namespace {

cases::AccountabilityRecord domain_record(const AccountabilityEntry& e) {
    return cases::AccountabilityRecord{e.problem_code,    e.township_unit_id, e.party_secretary,
                                       e.township_head,   e.supervising_unit_ids, e.decision,
                                       e.decided_on,      e.document};
}

/// The domain view of a stored problem (for veto_applies).
cases::Problem domain_problem(const ProblemRecord& p) {
    cases::Problem d;
    d.code = p.code;
    d.kind = cases::parse_kind(p.kind).value_or(cases::ProblemKind::other);
    d.location.township_unit_id = p.township_unit_id;
    d.discovered_on = p.discovered_on;
    d.severity = p.severity == "serious" ? cases::Severity::serious : cases::Severity::general;
    d.responsible_unit_id = p.responsible_unit_id;
    d.supervising_unit_ids = p.supervising_unit_ids;
    return d;
}

std::string record_json(const AccountabilityEntry& e) {
    return "{\"problem_id\":" + std::to_string(e.problem_id) +
           ",\"problem_code\":" + json_quote(e.problem_code) +
           ",\"township_unit_id\":" + std::to_string(e.township_unit_id) +
           ",\"party_secretary\":" + json_quote(e.party_secretary) +
           ",\"township_head\":" + json_quote(e.township_head) +
           ",\"supervising_unit_ids\":" + json_ids(e.supervising_unit_ids) +
           ",\"decision\":" + json_quote(e.decision) +
           ",\"decided_on\":" + json_quote(e.decided_on ? e.decided_on->iso() : "") +
           ",\"document\":" + json_quote(e.document) + "}";
}

}  // namespace

Result<AccountabilityEntry> add_accountability(storage::Connection& c, const Clock& clock,
                                               const Actor& who, AccountabilityEntry e) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau record accountability");
    for (const std::string* s : {&e.party_secretary, &e.township_head, &e.decision, &e.document})
        if (s->size() > 400)
            return fail(ErrorCode::invalid_argument, "accountability texts: at most 400 bytes");
    e.created_at = iso_utc(clock.now());
    return audited_write(c, clock, who, [&](storage::Connection& tx) -> Result<std::pair<AccountabilityEntry, AuditEntry>> {
        auto p = get_problem(tx, e.problem_id, problems_today(clock));
        if (!p) return std::unexpected(p.error());
        e.problem_code = p->code;
        e.township_unit_id = p->township_unit_id;
        if (!cases::is_serious_damage_case(domain_problem(*p)))
            return fail(ErrorCode::conflict,
                        "problem " + p->code +
                            " is not a serious damage case (one of the seven damage kinds with "
                            "severity serious); accountability records are for those",
                        "problem_id");
        if (auto ok = cases::validate(domain_record(e)); !ok) return std::unexpected(ok.error());
        for (auto unit : e.supervising_unit_ids)
            if (auto ok = unit_exists(tx, unit, "supervising_unit_ids"); !ok)
                return std::unexpected(ok.error());
        const SqlValue params[] = {e.problem_id,     e.township_unit_id,
                                   e.party_secretary, e.township_head,
                                   json_ids(e.supervising_unit_ids), e.decision,
                                   std::int64_t{e.decided_on->days}, e.document,
                                   who.user_id > 0 ? SqlValue{who.user_id} : SqlValue{nullptr},
                                   e.created_at};
        auto id = tx.query(
            "INSERT INTO accountability_records (problem_id, township_unit_id, party_secretary, "
            "township_head, supervising_unit_ids, decision, decided_on, document, created_by, "
            "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            params);
        if (!id) return std::unexpected(id.error());
        e.id = id->at(0).integer(0);
        return std::pair{e, AuditEntry{"create", "accountability_records", std::to_string(e.id),
                                       std::nullopt, record_json(e)}};
    });
}

Result<std::vector<AccountabilityEntry>> list_accountability(
    storage::Connection& c, std::optional<std::int64_t> problem_id) {
    std::vector<SqlValue> params;
    std::string where;
    if (problem_id) {
        params.push_back(*problem_id);
        where = " WHERE a.problem_id = $1";
    }
    auto rows = c.query(
        "SELECT a.id, a.problem_id, p.code, a.township_unit_id, a.party_secretary, "
        "a.township_head, a.supervising_unit_ids, a.decision, a.decided_on, a.document, "
        "a.created_at FROM accountability_records a JOIN problems p ON p.id = a.problem_id" +
            where + " ORDER BY a.decided_on DESC, a.id DESC",
        params);
    if (!rows) return std::unexpected(rows.error());
    std::vector<AccountabilityEntry> out;
    for (const Row& r : *rows)
        out.push_back({r.integer(0), r.integer(1), r.text(2), r.integer(3), r.text(4), r.text(5),
                       parse_json_ids(r.text(6)), r.text(7),
                       Date{static_cast<std::int32_t>(r.integer(8))}, r.text(9), r.text(10)});
    return out;
}

Result<std::vector<UnitProblemStatistics>> problem_unit_statistics(storage::Connection& c,
                                                                   Date from, Date to) {
    if (to < from) return fail(ErrorCode::invalid_argument, "from: must not be after to", "from");
    auto towns = c.query("SELECT id FROM units WHERE kind = 'township' ORDER BY id");
    if (!towns) return std::unexpected(towns.error());
    std::map<std::int64_t, UnitProblemStatistics> by_unit;
    for (const Row& r : *towns) by_unit[r.integer(0)].unit_id = r.integer(0);
    const SqlValue range[] = {std::int64_t{from.days}, std::int64_t{to.days}};
    auto problems = problem_store::select_problems(
        c, "WHERE discovered_on >= $1 AND discovered_on <= $2 AND state <> 'dismissed'", range,
        to);
    if (!problems) return std::unexpected(problems.error());
    auto records = list_accountability(c, std::nullopt);
    if (!records) return std::unexpected(records.error());
    std::vector<cases::AccountabilityRecord> domain;
    for (const auto& r : *records) domain.push_back(domain_record(r));
    for (const ProblemRecord& p : *problems) {
        auto it = by_unit.find(p.township_unit_id);
        if (it == by_unit.end()) continue;
        UnitProblemStatistics& s = it->second;
        const auto state = cases::parse_state(p.state);
        ++s.problems;
        if (state && cases::is_rectified(*state)) ++s.rectified;
        if (p.warning == "overdue") ++s.overdue;
        if (p.kind == "complaint") ++s.complaints;
        const cases::Problem d = domain_problem(p);
        if (cases::is_serious_damage_case(d)) ++s.serious_damage_cases;
        if (cases::veto_applies(d, domain)) ++s.accountable_cases;
    }
    std::vector<UnitProblemStatistics> out;
    for (auto& [id, s] : by_unit) {
        if (s.problems > 0)
            s.rectification_rate =
                static_cast<double>(s.rectified) / static_cast<double>(s.problems);
        s.veto = s.accountable_cases > 0;
        out.push_back(s);
    }
    return out;
}

namespace {

void count_into(std::map<std::string, ProblemCount>& m, const std::string& key, bool rectified,
                bool overdue) {
    ProblemCount& c = m[key];
    c.key = key;
    ++c.problems;
    c.rectified += rectified ? 1 : 0;
    c.overdue += overdue ? 1 : 0;
}

std::vector<ProblemCount> values(const std::map<std::string, ProblemCount>& m) {
    std::vector<ProblemCount> out;
    for (const auto& [k, v] : m) out.push_back(v);
    return out;
}

}  // namespace

Result<ProblemSummary> summarize_problems(storage::Connection& c, Date from, Date to, Date today) {
    if (to < from) return fail(ErrorCode::invalid_argument, "from: must not be after to", "from");
    const SqlValue range[] = {std::int64_t{from.days}, std::int64_t{to.days}};
    auto problems = problem_store::select_problems(
        c, "WHERE discovered_on >= $1 AND discovered_on <= $2 AND state <> 'dismissed'", range,
        today);
    if (!problems) return std::unexpected(problems.error());
    ProblemSummary s;
    std::map<std::string, ProblemCount> kinds, states, months;
    for (const ProblemRecord& p : *problems) {
        const auto state = cases::parse_state(p.state);
        const bool rectified = state && cases::is_rectified(*state);
        const bool overdue = p.warning == "overdue";
        ++s.problems;
        s.rectified += rectified ? 1 : 0;
        s.overdue += overdue ? 1 : 0;
        s.due_soon += p.warning == "due_soon" ? 1 : 0;
        count_into(kinds, p.kind, rectified, overdue);
        count_into(states, p.state, rectified, overdue);
        count_into(months, p.discovered_on.iso().substr(0, 7), rectified, overdue);
    }
    if (s.problems > 0)
        s.rectification_rate = static_cast<double>(s.rectified) / static_cast<double>(s.problems);
    s.by_kind = values(kinds);
    s.by_state = values(states);
    s.by_month = values(months);
    return s;
}

}  // namespace ecogov
