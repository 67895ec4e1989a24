#include "ledger/warnings.hpp"

#include <algorithm>
#include <cstddef>

namespace ecogov::ledger {

std::vector<Warning> milestone_warnings(std::span<const Milestone> milestones,
                                        std::span<const Date> report_dates, Date today,
                                        const WarningPolicy& policy) {
    std::vector<Warning> out;
    for (const Milestone& m : milestones) {
        if (m.is_done()) continue;
        if (today <= m.due) {
            const int until = m.due - today;
            if (until <= policy.due_soon_days) {
                out.push_back(Warning{WarningKind::due_soon, m.order, m.due, until});
            }
            continue;
        }
        const bool reported =
            std::ranges::any_of(report_dates, [&](Date r) { return m.due <= r && r <= today; });
        out.push_back(Warning{reported ? WarningKind::overdue : WarningKind::overdue_unreported,
                              m.order, m.due, today - m.due});
    }
    return out;
}

EscalationPolicy EscalationPolicy::defaults() {
    EscalationPolicy p;
    p.rules.push_back(CardRule{CardTrigger::overdue_more_than, CardColor::yellow, 0, 2,
                               CardColor::yellow, "milestone overdue"});
    p.rules.push_back(CardRule{CardTrigger::cards_within, CardColor::red, 30, 2, CardColor::yellow,
                               "two yellow cards within 30 days"});
    return p;
}

namespace {

void overdue_cards(const CardRule& rule, std::span<const Milestone> milestones, Date today,
                   std::vector<Card>& out) {
    std::vector<Card> made;
    for (const Milestone& m : milestones) {
        const Date from = m.due + (rule.days + 1);
        if (from > today) continue;
        if (m.is_done() && m.completion && m.completion->done_on < from) continue;
        made.push_back(Card{rule.issues, from, m.order,
                            rule.reason + ": milestone " + std::to_string(m.order) + " due " +
                                m.due.iso() + " overdue by more than " + std::to_string(rule.days) +
                                " days"});
    }
    std::ranges::sort(made);
    out.insert(out.end(), made.begin(), made.end());
}

void combined_cards(const CardRule& rule, Date today, std::vector<Card>& out) {
    if (rule.count < 1) return;
    std::vector<Card> counted;
    for (const Card& c : out) {
        if (c.color == rule.counted && c.issued_on <= today) counted.push_back(c);
    }
    std::ranges::sort(counted);
    const auto n = static_cast<std::size_t>(rule.count);
    std::vector<Card> made;
    std::size_t i = 0;
    while (i + n <= counted.size()) {
        const Card& first = counted[i];
        const Card& last = counted[i + n - 1];
        if (last.issued_on - first.issued_on < rule.days) {
            std::string reason = rule.reason + ": cards on";
            for (std::size_t k = i; k < i + n; ++k) {
                reason += (k == i ? " " : ", ") + counted[k].issued_on.iso();
            }
            made.push_back(Card{rule.issues, last.issued_on, std::nullopt, std::move(reason)});
            i += n;
        } else {
            ++i;
        }
    }
    out.insert(out.end(), made.begin(), made.end());
}

}  // namespace

std::vector<Card> task_cards(std::span<const Milestone> milestones, Date today,
                             const EscalationPolicy& policy) {
    std::vector<Card> out;
    for (const CardRule& rule : policy.rules) {
        switch (rule.trigger) {
            case CardTrigger::overdue_more_than:
                overdue_cards(rule, milestones, today, out);
                break;
            case CardTrigger::cards_within:
                combined_cards(rule, today, out);
                break;
        }
    }
    return out;
}

}  // namespace ecogov::ledger
