#include "cases/problem.hpp"

#include <algorithm>
#include <array>

namespace ecogov::cases {
namespace {

struct KindInfo {
    ProblemKind kind;
    std::string_view id;
    std::string_view name_zh;
};

constexpr std::array<KindInfo, 13> kKinds{{
    {ProblemKind::mountain_destruction, "mountain_destruction", "破坏山体"},
    {ProblemKind::illegal_land_occupation, "illegal_land_occupation", "违法占地"},
    {ProblemKind::illegal_mining, "illegal_mining", "私挖滥采"},
    {ProblemKind::illegal_villa, "illegal_villa", "违建别墅"},
    {ProblemKind::river_reservoir_enclosure, "river_reservoir_enclosure", "围河(库)造地"},
    {ProblemKind::illegal_discharge, "illegal_discharge", "违规排放"},
    {ProblemKind::forest_destruction, "forest_destruction", "毁坏森林"},
    {ProblemKind::inspection_finding, "inspection_finding", "督察反馈问题"},
    {ProblemKind::outfall, "outfall", "入河排污口问题"},
    {ProblemKind::four_chaos, "four_chaos", "河湖四乱"},
    {ProblemKind::complaint, "complaint", "信访投诉"},
    {ProblemKind::dust, "dust", "扬尘污染"},
    {ProblemKind::other, "other", "其他"},
}};

constexpr std::array<ProblemKind, 13> kAllKinds{
    ProblemKind::mountain_destruction,
    ProblemKind::illegal_land_occupation,
    ProblemKind::illegal_mining,
    ProblemKind::illegal_villa,
    ProblemKind::river_reservoir_enclosure,
    ProblemKind::illegal_discharge,
    ProblemKind::forest_destruction,
    ProblemKind::inspection_finding,
    ProblemKind::outfall,
    ProblemKind::four_chaos,
    ProblemKind::complaint,
    ProblemKind::dust,
    ProblemKind::other,
};

const KindInfo& info(ProblemKind kind) noexcept {
    return kKinds[static_cast<std::size_t>(kind)];
}

bool blank(std::string_view s) noexcept {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

}  // namespace

std::span<const ProblemKind> all_problem_kinds() noexcept {
    return kAllKinds;
}

std::string_view kind_id(ProblemKind kind) noexcept {
    return info(kind).id;
}

std::string_view kind_name_zh(ProblemKind kind) noexcept {
    return info(kind).name_zh;
}

std::optional<ProblemKind> parse_kind(std::string_view id) noexcept {
    for (const auto& k : kKinds) {
        if (k.id == id) return k.kind;
    }
    return std::nullopt;
}

bool is_damage_kind(ProblemKind kind) noexcept {
    return static_cast<unsigned>(kind) <= static_cast<unsigned>(ProblemKind::forest_destruction);
}

std::string_view severity_id(Severity severity) noexcept {
    return severity == Severity::serious ? "serious" : "general";
}

bool is_serious_damage_case(const Problem& problem) noexcept {
    return problem.severity == Severity::serious && is_damage_kind(problem.kind);
}

Result<void> validate(const AccountabilityRecord& record) {
    auto missing = [](std::string_view field) {
        return fail(ErrorCode::invalid_argument,
                    "accountability record: " + std::string(field) + " is required",
                    std::string(field));
    };
    if (blank(record.case_code)) return missing("case_code");
    if (record.township_unit_id <= 0) return missing("township_unit_id");
    if (blank(record.party_secretary))
        return fail(ErrorCode::invalid_argument,
                    "accountability record: party_secretary is required (党政同责: the party "
                    "secretary and the township head answer together)",
                    "party_secretary");
    if (blank(record.township_head))
        return fail(ErrorCode::invalid_argument,
                    "accountability record: township_head is required (党政同责: the party "
                    "secretary and the township head answer together)",
                    "township_head");
    if (blank(record.decision)) return missing("decision");
    if (!record.decided_on) return missing("decided_on");
    if (blank(record.document)) return missing("document");
    return {};
}

bool veto_applies(const Problem& problem, std::span<const AccountabilityRecord> records) {
    if (!is_serious_damage_case(problem)) return false;
    return std::any_of(records.begin(), records.end(), [&](const AccountabilityRecord& r) {
        return r.case_code == problem.code &&
               r.township_unit_id == problem.location.township_unit_id && validate(r).has_value();
    });
}

}  // namespace ecogov::cases
