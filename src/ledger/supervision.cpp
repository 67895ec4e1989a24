#include "ledger/supervision.hpp"

#include <array>
#include <utility>

namespace ecogov::ledger {
namespace {

constexpr std::array<std::pair<Priority, std::string_view>, 4> kPriorities{
    {{Priority::low, "low"},
     {Priority::normal, "normal"},
     {Priority::high, "high"},
     {Priority::urgent, "urgent"}}};
constexpr std::array<std::pair<TaskStatus, std::string_view>, 7> kStatuses{{
    {TaskStatus::not_started, "not_started"},
    {TaskStatus::in_progress, "in_progress"},
    {TaskStatus::awaiting_acceptance, "awaiting_acceptance"},
    {TaskStatus::accepted, "accepted"},
    {TaskStatus::closed, "closed"},
    {TaskStatus::overdue, "overdue"},
    {TaskStatus::relapsed, "relapsed"},
}};
constexpr std::array<std::pair<WarningKind, std::string_view>, 3> kWarnings{{
    {WarningKind::due_soon, "due_soon"},
    {WarningKind::overdue, "overdue"},
    {WarningKind::overdue_unreported, "overdue_unreported"},
}};

template <typename E, std::size_t N>
std::string_view id_of(const std::array<std::pair<E, std::string_view>, N>& table, E v) noexcept {
    for (const auto& [e, s] : table)
        if (e == v) return s;
    return "";
}

template <typename E, std::size_t N>
std::optional<E> parse_of(const std::array<std::pair<E, std::string_view>, N>& table,
                          std::string_view s) noexcept {
    for (const auto& [e, id] : table)
        if (id == s) return e;
    return std::nullopt;
}

}  // namespace

std::optional<NoticeState> escalate_notice(const NoticeState& n, Date today,
                                           const SupervisionPolicy& policy) {
    if (n.answered || today <= n.deadline || n.level >= policy.max_level) return std::nullopt;
    return NoticeState{n.level + 1, today + policy.extension_days, false};
}

std::string_view priority_id(Priority p) noexcept {
    return id_of(kPriorities, p);
}
std::optional<Priority> parse_priority(std::string_view s) noexcept {
    return parse_of(kPriorities, s);
}
std::string_view status_id(TaskStatus s) noexcept {
    return id_of(kStatuses, s);
}
std::optional<TaskStatus> parse_status(std::string_view s) noexcept {
    return parse_of(kStatuses, s);
}
std::string_view card_color_id(CardColor c) noexcept {
    return c == CardColor::red ? "red" : "yellow";
}
std::string_view warning_id(WarningKind k) noexcept {
    return id_of(kWarnings, k);
}
std::optional<WarningKind> parse_warning(std::string_view s) noexcept {
    return parse_of(kWarnings, s);
}

int warning_severity(WarningKind k) noexcept {
    switch (k) {
        case WarningKind::due_soon:
            return 1;
        case WarningKind::overdue:
            return 2;
        case WarningKind::overdue_unreported:
            return 3;
    }
    return 0;
}

}  // namespace ecogov::ledger
