// Lifecycle transitions of a problem with rights, optimistic versioning and the append-only
// history (services/problems.hpp "apply_transition").
#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "cases/lifecycle.hpp"
#include "services/audit.hpp"
#include "services/problems.hpp"
#include "services/problems_store.hpp"

namespace ecogov {

namespace json = boost::json;
using storage::Row;
using storage::SqlValue;
using namespace problem_store;

namespace {

/// Who may fire an event: the bureau side (campaign writers) or the responsible unit's side.
enum class Side : unsigned char { bureau, unit };

Side side_of(std::string_view event, std::string_view state) {
    if (event == "start_rectification" || event == "report_progress" || event == "submit" ||
        event == "self_accept")
        return Side::unit;
    if (event == "return" && state == "submitted") return Side::unit;
    return Side::bureau;
}

bool may_fire(const Actor& who, std::string_view event, const ProblemRecord& p) {
    return side_of(event, p.state) == Side::unit ? can_write_unit(who, p.responsible_unit_id)
                                                 : can_write_campaign(who);
}

Result<cases::CaseEvent> build_event(const TransitionRequest& t, std::string person,
                                     std::vector<std::string> evidence) {
    using namespace cases;
    const std::string& e = t.event;
    if (e == "verify") return Verify{};
    if (e == "dismiss") return Dismiss{t.reason};
    if (e == "assign")
        return Assign{RectificationPlan{t.goal, t.measures, t.deadline, t.responsible_unit_id,
                                        t.responsible_person}};
    if (e == "start_rectification") return StartRectification{};
    if (e == "report_progress") return ReportProgress{t.note};
    if (e == "submit") return Submit{};
    if (e == "self_accept") return SelfAccept{Acceptance{std::move(person), std::move(evidence)}};
    if (e == "bureau_accept")
        return BureauAccept{Acceptance{std::move(person), std::move(evidence)}, 0, {}};
    if (e == "return") return Return{t.reason};
    if (e == "publish_notice") return PublishNotice{};
    if (e == "close") return Close{};
    return fail(ErrorCode::invalid_argument,
                "event: unknown event '" + e +
                    "' (verify, dismiss, assign, start_rectification, report_progress, submit, "
                    "self_accept, bureau_accept, return, publish_notice, close)",
                "event");
}

/// Attachment ids stored on this problem's history rows.
Result<std::set<std::int64_t>> problem_attachment_ids(storage::Connection& c, std::int64_t id) {
    const SqlValue p[] = {id};
    auto rows = c.query(
        "SELECT a.id FROM attachments a JOIN problem_events e ON a.owner_kind = 'problem_event' "
        "AND a.owner_id = e.id WHERE e.problem_id = $1",
        p);
    if (!rows) return std::unexpected(rows.error());
    std::set<std::int64_t> out;
    for (const Row& r : *rows) out.insert(r.integer(0));
    return out;
}

Result<void> check_evidence(storage::Connection& c, const ProblemRecord& p,
                            const std::vector<std::int64_t>& ids) {
    auto own = problem_attachment_ids(c, p.id);
    if (!own) return std::unexpected(own.error());
    for (auto id : ids)
        if (!own->contains(id))
            return fail(ErrorCode::invalid_argument,
                        "evidence_ids: attachment " + std::to_string(id) +
                            " is not evidence of problem " + p.code,
                        "evidence_ids");
    return {};
}

/// Users who started, reported, submitted or self-accepted the rectification.
Result<std::vector<std::int64_t>> rectifiers(const std::vector<ProblemEvent>& history) {
    std::vector<std::int64_t> out;
    for (const ProblemEvent& e : history)
        if (e.user_id && (e.event == "start_rectification" || e.event == "report_progress" ||
                          e.event == "submit" || e.event == "self_accept"))
            out.push_back(*e.user_id);
    return out;
}

std::vector<cases::PastEvent> past_events(const std::vector<ProblemEvent>& history) {
    std::vector<cases::PastEvent> out;
    for (const ProblemEvent& e : history) out.push_back({e.event, e.evidence_ids.size()});
    return out;
}

std::string detail_json(const TransitionRequest& t) {
    json::object o;
    if (t.event == "assign") {
        json::array m;
        for (const auto& x : t.measures) m.emplace_back(x);
        o = {{"goal", t.goal},
             {"measures", std::move(m)},
             {"deadline", t.deadline ? t.deadline->iso() : std::string()},
             {"responsible_unit_id", t.responsible_unit_id},
             {"responsible_person", t.responsible_person}};
    }
    if (!t.note.empty()) o["note"] = t.note;
    return json::serialize(o);
}

Result<void> store_state(storage::Connection& c, const ProblemRecord& p,
                         const TransitionRequest& t, std::string_view to, const std::string& at) {
    std::int64_t changed = 0;
    if (t.event == "assign") {
        json::array m;
        for (const auto& x : t.measures) m.emplace_back(x);
        const SqlValue params[] = {std::string(to),        at,
                                   t.goal,                 json::serialize(m),
                                   std::int64_t{t.deadline->days}, t.responsible_unit_id,
                                   t.responsible_person,   p.id,
                                   t.version};
        auto r = c.execute(
            "UPDATE problems SET state = $1, version = version + 1, updated_at = $2, plan_goal = "
            "$3, plan_measures = $4, deadline = $5, responsible_unit_id = $6, responsible_person "
            "= $7 WHERE id = $8 AND version = $9",
            params);
        if (!r) return std::unexpected(r.error());
        changed = *r;
    } else {
        const SqlValue params[] = {std::string(to), at, p.id, t.version};
        auto r = c.execute(
            "UPDATE problems SET state = $1, version = version + 1, updated_at = $2 WHERE id = $3 "
            "AND version = $4",
            params);
        if (!r) return std::unexpected(r.error());
        changed = *r;
    }
    if (changed != 1)
        return fail(ErrorCode::conflict,
                    "problem " + p.code + " was changed by someone else meanwhile; reload it",
                    "version");
    return {};
}

}  // namespace

std::vector<std::string> allowed_events(const Actor& who, const ProblemRecord& p) {
    std::vector<std::string> out;
    const auto state = cases::parse_state(p.state);
    if (!state) return out;
    static const std::vector<std::string> kEvents{
        "verify",        "dismiss", "assign",         "start_rectification", "report_progress",
        "submit",        "self_accept", "bureau_accept", "return", "publish_notice", "close"};
    for (const auto& e : kEvents) {
        TransitionRequest probe;
        probe.event = e;
        auto ev = build_event(probe, "", {});
        if (!ev) continue;
        auto next = cases::transition(*state, *ev);
        // A guard failure (missing data) still means the event is possible here.
        const bool possible = next || next.error().code != ErrorCode::conflict;
        if (possible && may_fire(who, e, p)) out.push_back(e);
    }
    return out;
}

Result<ProblemRecord> apply_transition(storage::Connection& c, const Clock& clock,
                                       const Actor& who, std::int64_t id,
                                       const TransitionRequest& request) {
    const std::string at = iso_utc(clock.now());
    const Date today = problems_today(clock);
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto p = get_problem(c, id, today);
    if (!p) return std::unexpected(p.error());
    const TransitionRequest& t0 = request;
    if (p->version != t0.version)
        return fail(ErrorCode::conflict,
                    "problem " + p->code + " is at version " + std::to_string(p->version) +
                        " (state " + p->state + "), the request was made on version " +
                        std::to_string(t0.version) + "; reload it",
                    "version");
    const auto state = cases::parse_state(p->state);
    if (!state) return fail(ErrorCode::internal, "problem " + p->code + " has an unknown state");
    TransitionRequest t = request;  // the plan's unit defaults to the current responsible unit
    if (t.event == "assign" && t.responsible_unit_id == 0)
        t.responsible_unit_id = p->responsible_unit_id;
    std::string person = t.person;
    if (person.empty()) {
        auto name = display_name(c, who);
        if (!name) return std::unexpected(name.error());
        person = *name;
    }
    std::vector<std::string> refs;
    for (auto e : t.evidence_ids) refs.push_back(std::to_string(e));
    auto event = build_event(t, person, refs);
    if (!event) return std::unexpected(event.error());
    // The state check first (a clear 409 naming state and event), then rights, then guards.
    if (auto s = cases::transition(*state, *event);
        !s && s.error().code == ErrorCode::conflict)
        return std::unexpected(s.error());
    if (!may_fire(who, t.event, *p))
        return fail(ErrorCode::forbidden,
                    side_of(t.event, p->state) == Side::unit
                        ? t.event + " on " + p->code + ": only the responsible unit (or the bureau)"
                        : t.event + " on " + p->code + ": only the bureau (admin, bureau)");
    if (t.event == "assign" && t.responsible_unit_id > 0)
        if (auto ok = unit_exists(c, t.responsible_unit_id, "responsible_unit_id"); !ok)
            return std::unexpected(ok.error());
    if (!t.evidence_ids.empty())
        if (auto ok = check_evidence(c, *p, t.evidence_ids); !ok)
            return std::unexpected(ok.error());
    auto history = problem_history(c, id);
    if (!history) return std::unexpected(history.error());
    if (auto* b = std::get_if<cases::BureauAccept>(&*event)) {
        b->accepted_by_user = who.user_id;
        auto r = rectifiers(*history);
        if (!r) return std::unexpected(r.error());
        b->rectified_by_users = std::move(*r);
    }
    auto next = cases::transition(*state, *event);
    if (!next) return std::unexpected(next.error());
    if (t.event == "close")
        if (auto ok = cases::check_acceptances(past_events(*history)); !ok)
            return std::unexpected(ok.error());
    const std::string to(cases::state_id(*next));
    if (auto ok = store_state(c, *p, t, to, at); !ok) return std::unexpected(ok.error());
    const std::string reason = t.event == "report_progress" ? t.note : t.reason;
    NewEvent e{id, t.event, p->state, to, reason, person, detail_json(t), t.evidence_ids};
    if (auto ok = append_event(c, who, e, at); !ok) return std::unexpected(ok.error());
    auto after = get_problem(c, id, today);
    if (!after) return std::unexpected(after.error());
    if (auto a = append_audit(c, who,
                              {"transition:" + t.event, "problems", std::to_string(id),
                               audit_json(*p), audit_json(*after)},
                              at);
        !a)
        return std::unexpected(a.error());
    if (auto k = tx->commit(); !k) return std::unexpected(k.error());
    return after;
}

}  // namespace ecogov
