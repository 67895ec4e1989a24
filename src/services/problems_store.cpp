// Row mapping and the history writer of the problem services (problems_store.hpp).
#include "services/problems_store.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <map>

#include "cases/lifecycle.hpp"
#include "core/text.hpp"

namespace ecogov::problem_store {

namespace json = boost::json;
using storage::Row;
using storage::SqlValue;

namespace {

constexpr std::string_view kColumns =
    "id, code, kind, source, source_reference, batch_id, township_unit_id, address, longitude, "
    "latitude, discovered_on, description, severity, sector, responsible_unit_id, state, version, "
    "plan_goal, plan_measures, deadline, responsible_person, created_at, updated_at";

std::vector<std::string> parse_measures(const std::string& text) {
    std::vector<std::string> out;
    boost::system::error_code ec;
    const json::value v = json::parse(text, ec);
    if (ec || !v.is_array()) return out;
    for (const auto& m : v.as_array())
        if (m.is_string()) out.emplace_back(m.as_string());
    return out;
}

ProblemRecord from_row(const Row& r, Date today) {
    ProblemRecord p;
    p.id = r.integer(0);
    p.code = r.text(1);
    p.kind = r.text(2);
    p.source = r.text(3);
    p.source_reference = r.text(4);
    p.batch_id = r.opt_integer(5);
    p.township_unit_id = r.integer(6);
    p.address = r.text(7);
    p.longitude = r.opt_real(8);
    p.latitude = r.opt_real(9);
    p.discovered_on = Date{static_cast<std::int32_t>(r.integer(10))};
    p.description = r.text(11);
    p.severity = r.text(12);
    p.sector = r.text(13);
    p.responsible_unit_id = r.integer(14);
    p.state = r.text(15);
    p.version = r.integer(16);
    p.plan_goal = r.text(17);
    p.plan_measures = parse_measures(r.text(18));
    if (auto d = r.opt_integer(19)) p.deadline = Date{static_cast<std::int32_t>(*d)};
    p.responsible_person = r.text(20);
    p.created_at = r.text(21);
    p.updated_at = r.text(22);
    if (auto s = cases::parse_state(p.state))
        p.warning = std::string(cases::warning_id(cases::deadline_warning(*s, p.deadline, today)));
    return p;
}

}  // namespace

std::string join_ids(const std::vector<std::int64_t>& ids) {
    std::string out;
    for (std::int64_t id : ids) {
        if (!out.empty()) out += ',';
        out += std::to_string(id);
    }
    return out;
}

std::vector<std::int64_t> split_ids(std::string_view text) {
    std::vector<std::int64_t> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of(",[] ", start);
        if (end == std::string_view::npos) end = text.size();
        std::int64_t v = 0;
        const auto part = text.substr(start, end - start);
        if (!part.empty() &&
            std::from_chars(part.data(), part.data() + part.size(), v).ec == std::errc{})
            out.push_back(v);
        start = end + 1;
    }
    return out;
}

std::string json_ids(const std::vector<std::int64_t>& ids) {
    return "[" + join_ids(ids) + "]";
}

std::vector<std::int64_t> parse_json_ids(std::string_view text) {
    return split_ids(text);
}

Result<std::vector<ProblemRecord>> select_problems(storage::Connection& c, std::string_view where,
                                                   std::span<const SqlValue> params, Date today) {
    auto rows = c.query(
        "SELECT " + std::string(kColumns) + " FROM problems " + std::string(where), params);
    if (!rows) return std::unexpected(rows.error());
    std::vector<ProblemRecord> out;
    out.reserve(rows->size());
    std::map<std::int64_t, std::size_t> index;
    for (const Row& r : *rows) {
        out.push_back(from_row(r, today));
        index[out.back().id] = out.size() - 1;
    }
    if (out.empty()) return out;
    auto sup = c.query("SELECT problem_id, unit_id FROM problem_supervisors ORDER BY unit_id");
    if (!sup) return std::unexpected(sup.error());
    for (const Row& r : *sup) {
        auto it = index.find(r.integer(0));
        if (it != index.end()) out[it->second].supervising_unit_ids.push_back(r.integer(1));
    }
    return out;
}

Result<std::int64_t> append_event(storage::Connection& c, const Actor& who, const NewEvent& e,
                                  const std::string& at_iso) {
    const SqlValue pid[] = {e.problem_id};
    auto seq = c.query("SELECT COALESCE(MAX(seq), 0) + 1 FROM problem_events WHERE problem_id = $1",
                       pid);
    if (!seq) return std::unexpected(seq.error());
    const SqlValue p[] = {e.problem_id,
                          seq->at(0).integer(0),
                          e.event,
                          e.from_state,
                          e.to_state,
                          e.reason,
                          e.person,
                          e.detail_json,
                          join_ids(e.evidence_ids),
                          who.user_id > 0 ? SqlValue{who.user_id} : SqlValue{nullptr},
                          who.username,
                          at_iso};
    auto id = c.query(
        "INSERT INTO problem_events (problem_id, seq, event, from_state, to_state, reason, person, "
        "detail_json, evidence_ids, user_id, username, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "$9, $10, $11, $12) RETURNING id",
        p);
    if (!id) return std::unexpected(id.error());
    return id->at(0).integer(0);
}

Result<std::string> display_name(storage::Connection& c, const Actor& who) {
    if (who.user_id <= 0) return who.username;
    const SqlValue p[] = {who.user_id};
    auto rows = c.query("SELECT display_name FROM users WHERE id = $1", p);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty() || rows->front().text(0).empty()) return who.username;
    return rows->front().text(0);
}

Result<void> unit_exists(storage::Connection& c, std::int64_t id, std::string_view field) {
    const SqlValue p[] = {id};
    auto rows = c.query("SELECT id FROM units WHERE id = $1", p);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty())
        return fail(ErrorCode::invalid_argument, "no unit with id " + std::to_string(id),
                    std::string(field));
    return {};
}

std::string audit_json(const ProblemRecord& p) {
    json::array measures;
    for (const auto& m : p.plan_measures) measures.emplace_back(m);
    json::array sup;
    for (auto id : p.supervising_unit_ids) sup.emplace_back(id);
    json::object o{{"id", p.id},
                   {"code", p.code},
                   {"kind", p.kind},
                   {"source", p.source},
                   {"township_unit_id", p.township_unit_id},
                   {"severity", p.severity},
                   {"responsible_unit_id", p.responsible_unit_id},
                   {"supervising_unit_ids", std::move(sup)},
                   {"state", p.state},
                   {"version", p.version},
                   {"plan_goal", p.plan_goal},
                   {"plan_measures", std::move(measures)},
                   {"deadline", p.deadline ? json::value(p.deadline->iso()) : json::value(nullptr)},
                   {"responsible_person", p.responsible_person}};
    return json::serialize(o);
}

}  // namespace ecogov::problem_store
