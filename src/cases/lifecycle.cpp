#include "cases/lifecycle.hpp"

#include <algorithm>
#include <type_traits>

namespace ecogov::cases {
namespace {

bool blank(std::string_view s) noexcept {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string what(CaseState from, std::string_view event) {
    return std::string(event) + " from " + std::string(state_id(from));
}

std::unexpected<Error> missing(CaseState from, std::string_view event, std::string_view field) {
    return fail(ErrorCode::invalid_argument,
                what(from, event) + ": " + std::string(field) + " is required", std::string(field));
}

Result<void> check_acceptance(CaseState from, std::string_view event, const Acceptance& a) {
    if (blank(a.person)) return missing(from, event, "acceptance.person");
    if (a.evidence_refs.empty() || std::any_of(a.evidence_refs.begin(), a.evidence_refs.end(),
                                               [](const std::string& e) { return blank(e); }))
        return missing(from, event, "acceptance.evidence_refs");
    return {};
}

Result<void> check_plan(CaseState from, const RectificationPlan& p) {
    constexpr std::string_view ev = "assign";
    if (blank(p.goal)) return missing(from, ev, "plan.goal");
    if (p.measures.empty() || std::any_of(p.measures.begin(), p.measures.end(),
                                          [](const std::string& m) { return blank(m); }))
        return missing(from, ev, "plan.measures");
    if (!p.deadline) return missing(from, ev, "plan.deadline");
    if (p.responsible_unit_id <= 0) return missing(from, ev, "plan.responsible_unit_id");
    if (blank(p.responsible_person)) return missing(from, ev, "plan.responsible_person");
    return {};
}

struct Step {
    std::string_view allowed_from;  // for the conflict message
    bool ok;
    CaseState to;
};

// The transition table: whether `event` may fire from `from`, and where it leads.
Step step(CaseState from, const CaseEvent& event) {
    using S = CaseState;
    return std::visit(
        [from](const auto& e) -> Step {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, Verify>) {
                return {"reported", from == S::reported, S::verified};
            } else if constexpr (std::is_same_v<E, Dismiss>) {
                return {"reported", from == S::reported, S::dismissed};
            } else if constexpr (std::is_same_v<E, Assign>) {
                return {"verified", from == S::verified, S::assigned};
            } else if constexpr (std::is_same_v<E, StartRectification>) {
                return {"assigned", from == S::assigned, S::rectifying};
            } else if constexpr (std::is_same_v<E, Submit>) {
                return {"rectifying", from == S::rectifying, S::submitted};
            } else if constexpr (std::is_same_v<E, SelfAccept>) {
                return {"submitted", from == S::submitted, S::self_accepted};
            } else if constexpr (std::is_same_v<E, BureauAccept>) {
                return {"self_accepted", from == S::self_accepted, S::bureau_accepted};
            } else if constexpr (std::is_same_v<E, Return>) {
                return {"submitted or self_accepted",
                        from == S::submitted || from == S::self_accepted, S::rectifying};
            } else if constexpr (std::is_same_v<E, PublishNotice>) {
                return {"bureau_accepted", from == S::bureau_accepted, S::public_notice};
            } else if constexpr (std::is_same_v<E, ReportProgress>) {
                return {"rectifying", from == S::rectifying, S::rectifying};
            } else {
                static_assert(std::is_same_v<E, Close>);
                return {"public_notice", from == S::public_notice, S::closed};
            }
        },
        event);
}

}  // namespace

std::string_view state_id(CaseState state) noexcept {
    switch (state) {
        case CaseState::reported:
            return "reported";
        case CaseState::verified:
            return "verified";
        case CaseState::dismissed:
            return "dismissed";
        case CaseState::assigned:
            return "assigned";
        case CaseState::rectifying:
            return "rectifying";
        case CaseState::submitted:
            return "submitted";
        case CaseState::self_accepted:
            return "self_accepted";
        case CaseState::bureau_accepted:
            return "bureau_accepted";
        case CaseState::public_notice:
            return "public_notice";
        case CaseState::closed:
            return "closed";
    }
    return "unknown";
}

std::string_view event_id(const CaseEvent& event) noexcept {
    static constexpr std::string_view kIds[] = {
        "verify",      "dismiss",       "assign", "start_rectification", "submit",
        "self_accept", "bureau_accept", "return", "publish_notice",      "close",
        "report_progress"};
    return kIds[event.index()];
}

Result<CaseState> transition(CaseState current, const CaseEvent& event) {
    const std::string_view ev = event_id(event);
    const Step s = step(current, event);
    if (!s.ok)
        return fail(ErrorCode::conflict, "cannot " + std::string(ev) + " a case in state " +
                                             std::string(state_id(current)) + "; " +
                                             std::string(ev) + " is allowed only from " +
                                             std::string(s.allowed_from));
    if (const auto* d = std::get_if<Dismiss>(&event); d && blank(d->reason))
        return missing(current, ev, "reason");
    if (const auto* r = std::get_if<Return>(&event); r && blank(r->reason))
        return missing(current, ev, "reason");
    if (const auto* a = std::get_if<Assign>(&event)) {
        if (auto ok = check_plan(current, a->plan); !ok) return std::unexpected(ok.error());
    }
    if (const auto* a = std::get_if<SelfAccept>(&event)) {
        if (auto ok = check_acceptance(current, ev, a->acceptance); !ok)
            return std::unexpected(ok.error());
    }
    if (const auto* a = std::get_if<BureauAccept>(&event)) {
        if (a->accepted_by_user > 0 &&
            std::find(a->rectified_by_users.begin(), a->rectified_by_users.end(),
                      a->accepted_by_user) != a->rectified_by_users.end())
            return fail(ErrorCode::forbidden,
                        what(current, ev) +
                            ": a person cannot accept their own rectification (this user "
                            "started, reported, submitted or self-accepted it)");
        if (auto ok = check_acceptance(current, ev, a->acceptance); !ok)
            return std::unexpected(ok.error());
    }
    if (const auto* p = std::get_if<ReportProgress>(&event); p && blank(p->note))
        return missing(current, ev, "note");
    return s.to;
}

std::optional<CaseState> parse_state(std::string_view id) noexcept {
    for (CaseState s : all_states())
        if (state_id(s) == id) return s;
    return std::nullopt;
}

std::vector<CaseState> all_states() {
    using S = CaseState;
    return {S::reported,  S::verified,      S::dismissed,       S::assigned,      S::rectifying,
            S::submitted, S::self_accepted, S::bureau_accepted, S::public_notice, S::closed};
}

bool is_rectified(CaseState state) noexcept {
    return state == CaseState::bureau_accepted || state == CaseState::public_notice ||
           state == CaseState::closed;
}

bool is_open_rectification(CaseState state) noexcept {
    return state == CaseState::assigned || state == CaseState::rectifying;
}

Result<void> check_acceptances(const std::vector<PastEvent>& history) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < history.size(); ++i)
        if (history[i].event == "return") start = i + 1;
    bool self_ok = false;
    bool bureau_ok = false;
    for (std::size_t i = start; i < history.size(); ++i) {
        const PastEvent& e = history[i];
        if (e.event == "self_accept") self_ok = e.evidence > 0;
        if (e.event == "bureau_accept") bureau_ok = self_ok && e.evidence > 0;
    }
    if (!self_ok)
        return fail(ErrorCode::invalid_argument,
                    "close: the unit's self-acceptance with evidence is missing", "self_accept");
    if (!bureau_ok)
        return fail(ErrorCode::invalid_argument,
                    "close: the bureau's acceptance with evidence is missing", "bureau_accept");
    return {};
}

std::string_view warning_id(DeadlineWarning w) noexcept {
    switch (w) {
        case DeadlineWarning::due_soon:
            return "due_soon";
        case DeadlineWarning::overdue:
            return "overdue";
        case DeadlineWarning::none:
            break;
    }
    return "none";
}

DeadlineWarning deadline_warning(CaseState state, std::optional<Date> deadline, Date today,
                                 int soon_days) noexcept {
    if (!deadline || !is_open_rectification(state)) return DeadlineWarning::none;
    if (today > *deadline) return DeadlineWarning::overdue;
    if (*deadline - today <= soon_days) return DeadlineWarning::due_soon;
    return DeadlineWarning::none;
}

}  // namespace ecogov::cases
