#pragma once
// Lifecycle of a problem as a state machine with guards (issue 5 item 2; water-soil-assessment.md
// §7.2 "拉条挂账、督办落实、办结销号", §7.5 acceptance and closure).
//
// reported → verified | dismissed → assigned → rectifying → submitted → self_accepted →
// bureau_accepted → public_notice → closed; `Return` at either acceptance step (submitted,
// self_accepted) goes back to rectifying. No skipping.
//
// Pure: dates are event data, nothing is read from a clock. Who may fire an event (roles, "cannot
// accept one's own rectification") is checked by the services, not here.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ecogov::cases {

/// State of a problem. `dismissed` and `closed` are final.
enum class CaseState : unsigned char {
    reported,         // 发现/交办
    verified,         // 已核实
    dismissed,        // 不予立案 (with reason)
    assigned,         // 已交办 (rectification plan set)
    rectifying,       // 整改中
    submitted,        // 申请验收
    self_accepted,    // 自行验收通过
    bureau_accepted,  // 局验收通过
    public_notice,    // 公示中
    closed,           // 已销号
};

std::string_view state_id(CaseState state) noexcept;

/// Rectification plan (§7.2 清单制: 责任单位、整改目标、整改措施、整改时限; plus 责任人).
/// Contract: goal, at least one non-blank measure, deadline, responsible unit (> 0) and person.
struct RectificationPlan {
    std::string goal;
    std::vector<std::string> measures;
    std::optional<Date> deadline;
    std::int64_t responsible_unit_id = 0;
    std::string responsible_person;
};

/// Acceptance (验收, §7.5): the accepting person and at least one non-blank evidence reference.
struct Acceptance {
    std::string person;
    std::vector<std::string> evidence_refs;
};

// Events. Each carries the data its guard checks.
struct Verify {};
struct Dismiss {
    std::string reason;
};
struct Assign {
    RectificationPlan plan;
};
struct StartRectification {};
struct Submit {};
struct SelfAccept {
    Acceptance acceptance;
};
/// The bureau's acceptance. Guard "a person cannot accept their own rectification": when
/// `accepted_by_user` (> 0) is one of `rectified_by_users` (the users who started, reported,
/// submitted or self-accepted the rectification), the event is refused with `forbidden`.
struct BureauAccept {
    Acceptance acceptance;
    std::int64_t accepted_by_user = 0;
    std::vector<std::int64_t> rectified_by_users;
};
struct Return {  // 退回 at an acceptance step
    std::string reason;
};
struct PublishNotice {};
struct Close {};  // 销号
/// Progress report (整改进展) while rectifying: the state stays `rectifying`; a note is required.
struct ReportProgress {
    std::string note;
};

using CaseEvent = std::variant<Verify, Dismiss, Assign, StartRectification, Submit, SelfAccept,
                               BureauAccept, Return, PublishNotice, Close, ReportProgress>;

std::string_view event_id(const CaseEvent& event) noexcept;

/// The state `event` leads to from `current`.
/// Errors: conflict when the event is not allowed in `current` (message names the event, the
/// current state and the state(s) it is allowed from); invalid_argument when a guard fails
/// (message names the state, the event and the missing field; `Error::field` is the field path,
/// e.g. "plan.deadline").
Result<CaseState> transition(CaseState current, const CaseEvent& event);

/// Parses a state id ("rectifying"); nullopt for an unknown id.
std::optional<CaseState> parse_state(std::string_view id) noexcept;
/// Every state, in enumerator order.
std::vector<CaseState> all_states();
/// True in the states where the rectification is done as far as the unit is concerned and the
/// bureau has accepted it (bureau_accepted, public_notice, closed): counted as "rectified".
bool is_rectified(CaseState state) noexcept;
/// True while the responsible unit still has to act on the plan (assigned, rectifying): the
/// states in which the deadline can be overdue.
bool is_open_rectification(CaseState state) noexcept;

/// A past event of a problem's history, as the close guard needs it (oldest first).
struct PastEvent {
    std::string event;        // event_id
    std::size_t evidence = 0;  // evidence files attached to the event
};

/// Close guard (issue 5 acceptance 1, "cannot close without both acceptances and evidence"):
/// since the last `return`, the history holds a `self_accept` and then a `bureau_accept`, each
/// with at least one evidence file. Else invalid_argument naming the missing acceptance.
Result<void> check_acceptances(const std::vector<PastEvent>& history);

/// Warning of a rectification against its deadline (as the task ledger's warnings): `overdue`
/// when the problem is in an open rectification state and `today` is after the deadline;
/// `due_soon` when the deadline falls within `soon_days` from today; else none.
enum class DeadlineWarning : unsigned char { none, due_soon, overdue };
std::string_view warning_id(DeadlineWarning w) noexcept;  // "none", "due_soon", "overdue"
DeadlineWarning deadline_warning(CaseState state, std::optional<Date> deadline, Date today,
                                 int soon_days = 7) noexcept;

}  // namespace ecogov::cases
