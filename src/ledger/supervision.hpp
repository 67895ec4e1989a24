#pragma once
// Supervision notices (督办) of the task ledger and the textual codes of the ledger's enums
// (issue 4 item 5: "the bureau issues a notice on a task or unit with a deadline and level; the
// unit must answer; unanswered notices escalate").
//
// Pure: the day is an argument. Levels are 1 (督办 notice) .. max_level (e.g. 3 = 挂牌督办).
#include <optional>
#include <string_view>

#include "core/time.hpp"
#include "ledger/task.hpp"
#include "ledger/warnings.hpp"

namespace ecogov::ledger {

/// Escalation settings: an unanswered notice past its deadline rises one level (up to
/// `max_level`) and gets a new deadline `extension_days` after the day it escalated.
struct SupervisionPolicy {
    int max_level = 3;
    int extension_days = 3;
};

/// The part of a notice escalation looks at.
struct NoticeState {
    int level = 1;
    Date deadline;
    bool answered = false;
    auto operator<=>(const NoticeState&) const = default;
};

/// The notice after escalation on `today`, or nullopt when it does not escalate.
/// Contract: escalates only when not answered, today > deadline (the deadline day itself is still
/// in time, weekends included) and level < max_level; the result has level + 1 and deadline
/// today + extension_days. Applied once per day by the sweep: a notice missed by many days rises
/// one level per sweep, not all at once.
std::optional<NoticeState> escalate_notice(const NoticeState& n, Date today,
                                           const SupervisionPolicy& policy = {});

// --- textual codes (storage, API, files) ---------------------------------------------------------
std::string_view priority_id(Priority p) noexcept;  // low normal high urgent
std::optional<Priority> parse_priority(std::string_view s) noexcept;
std::string_view status_id(TaskStatus s) noexcept;  // not_started in_progress ... relapsed
std::optional<TaskStatus> parse_status(std::string_view s) noexcept;
std::string_view card_color_id(CardColor c) noexcept;  // yellow red
std::string_view warning_id(WarningKind k) noexcept;   // due_soon overdue overdue_unreported
std::optional<WarningKind> parse_warning(std::string_view s) noexcept;
/// Severity for "the worst warning of a task": due_soon 1 < overdue 2 < overdue_unreported 3.
int warning_severity(WarningKind k) noexcept;

}  // namespace ecogov::ledger
