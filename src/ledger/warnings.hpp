#pragma once
// Warnings and escalation cards of the task ledger, computed from milestones and a day passed in
// (issue 4 item 4; water-soil-assessment.md §7.4 "Warning rules for overdue nodes", §7.3 ladder).
//
// Pure: `today` is an argument, report dates are an argument; nothing is read from a clock or a
// database. All day arithmetic is in whole calendar days (ecogov::Date, CST); weekends and
// holidays count like any other day.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "ledger/task.hpp"

namespace ecogov::ledger {

/// Kind of a milestone warning (预警).
enum class WarningKind : unsigned char {
    due_soon,            // not done, due within `WarningPolicy::due_soon_days` (due today included)
    overdue,             // not done, past its due date, and reported on since the due date
    overdue_unreported,  // not done, past its due date, and no progress report since the due date
};

/// Settings of `milestone_warnings`. due_soon_days: a milestone due in 0..due_soon_days days
/// (inclusive) warns; the default 7 follows §7.4's suggested rule set ("today >= node.due - 7d").
struct WarningPolicy {
    int due_soon_days = 7;
};

/// One warning on one milestone. `days` is the days until the due date for due_soon (0 = due
/// today) and the days past the due date for the overdue kinds (>= 1).
struct Warning {
    WarningKind kind = WarningKind::due_soon;
    int milestone_order = 0;
    Date due;
    int days = 0;
    auto operator<=>(const Warning&) const = default;
};

/// Warnings of a task's milestones on `today` (issue 4 item 4).
/// Contract:
/// - Done milestones never warn (also when done after their date). Pending and late ones do.
/// - At most one warning per milestone, in milestone order:
///   today <= due and due - today <= due_soon_days      -> due_soon (days = due - today);
///   today > due, some report dated in [due, today]     -> overdue (days = today - due);
///   today > due, no report dated in [due, today]       -> overdue_unreported.
///   A report filed on the due date itself counts as reported; reports dated after `today` are
///   ignored. `report_dates` are the dates of the task's progress reports, in any order.
std::vector<Warning> milestone_warnings(std::span<const Milestone> milestones,
                                        std::span<const Date> report_dates, Date today,
                                        const WarningPolicy& policy = {});

/// Card colours of the escalation ladder (§7.3: 提醒 → 黄牌 → 红牌).
enum class CardColor : unsigned char { yellow, red };

/// What makes a `CardRule` fire.
enum class CardTrigger : unsigned char {
    /// A milestone overdue by more than `CardRule::days` days: one card per milestone, dated
    /// due + days + 1 (the first day the condition holds). Also fires for a milestone that was
    /// done later than that day (the card was due while it was still open).
    overdue_more_than,
    /// `count` cards of colour `counted` dated within a window of `days` consecutive days (last
    /// date - first date < days) make one card, dated on the last of them. Counted cards are
    /// consumed: each takes part in at most one such card (cf. 广元: two yellows on one task).
    cards_within,
};

/// One data-driven escalation rule (issue 4 item 4 "configurable rules"; §7.4 suggested rule set).
/// `reason` is the human-readable label copied into every card the rule issues.
struct CardRule {
    CardTrigger trigger = CardTrigger::overdue_more_than;
    CardColor issues = CardColor::yellow;
    int days = 0;
    int count = 2;                          // cards_within only
    CardColor counted = CardColor::yellow;  // cards_within only
    std::string reason;
};

/// An ordered rule list: a cards_within rule sees the cards issued by the rules before it.
struct EscalationPolicy {
    std::vector<CardRule> rules;

    /// Overdue by more than 0 days -> yellow (广元 黄牌: a node missed); two yellows within 30 days
    /// -> red (issue 4: "two yellows in a month make a red").
    static EscalationPolicy defaults();
};

/// A card, with the day it applies from and its reason. `milestone_order` names the milestone for
/// an overdue card and is empty for a card made of other cards.
struct Card {
    CardColor color = CardColor::yellow;
    Date issued_on;
    std::optional<int> milestone_order;
    std::string reason;
    auto operator<=>(const Card&) const = default;
};

/// The cards of one task on `today` (issue 4 item 4), in rule order, then by date, then by
/// milestone order. Only cards dated on or before `today` are issued (and counted). Deterministic:
/// the same milestones, day and policy give the same cards, so the caller can record the new ones.
std::vector<Card> task_cards(std::span<const Milestone> milestones, Date today,
                             const EscalationPolicy& policy = EscalationPolicy::defaults());

}  // namespace ecogov::ledger
