#pragma once
// Problems and cases (问题 / 案件) domain: kinds, severity, the problem record, accountability
// records and the veto fact (issue 5 items 1 and 4; water-soil-assessment.md §6.1-§6.3).
//
// Pure: no I/O, no clock, no storage. Unit ids are the platform core's unit ids (services/
// organisation.hpp); the caller checks that they exist.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace ecogov::cases {

/// Kind of a problem (issue 5 item 1). The first seven are the damage kinds of the brief
/// (破坏山体、违法占地、私挖滥采、违建别墅、围河(库)造地、违规排放、毁坏森林; origin of the exact
/// list not found, §6.1 [NF]); the rest are the everyday problems. Contract: `kind_id` and
/// `kind_name_zh` are total and unique per kind; ids are stable (stored and exchanged).
enum class ProblemKind : unsigned char {
    mountain_destruction,       // 破坏山体
    illegal_land_occupation,    // 违法占地
    illegal_mining,             // 私挖滥采
    illegal_villa,              // 违建别墅
    river_reservoir_enclosure,  // 围河(库)造地
    illegal_discharge,          // 违规排放
    forest_destruction,         // 毁坏森林
    inspection_finding,         // 督察反馈问题 (central / provincial inspection)
    outfall,                    // 入河排污口问题
    four_chaos,                 // 河湖"四乱" (乱占、乱采、乱堆、乱建, §6.1)
    complaint,                  // 群众信访投诉
    dust,                       // 扬尘污染 (construction-site dust monitors, issue 7 item 4)
    other,                      // 其他
};

/// Every kind, in enumerator order.
std::span<const ProblemKind> all_problem_kinds() noexcept;
/// Stable ASCII id, e.g. "illegal_discharge".
std::string_view kind_id(ProblemKind kind) noexcept;
/// Chinese name, e.g. "违规排放".
std::string_view kind_name_zh(ProblemKind kind) noexcept;
/// Inverse of `kind_id`; nullopt for an unknown id.
std::optional<ProblemKind> parse_kind(std::string_view id) noexcept;
/// True for the seven damage kinds (the ones that can carry 党政同责 and the veto).
bool is_damage_kind(ProblemKind kind) noexcept;

/// Severity of a problem (issue 5 item 1): general, or serious consequences (造成严重后果), which
/// for a damage kind makes it a "serious damage case" (issue 5 item 4).
enum class Severity : unsigned char { general, serious };

std::string_view severity_id(Severity severity) noexcept;  // "general" / "serious"

/// Where a problem came from (issue 5 item 1).
enum class ProblemSource : unsigned char {
    inspection_batch,
    hotline,
    patrol,
    online_monitoring,
    media
};

/// Location of a problem: township (unit id), address and optional WGS-84 coordinates.
struct Location {
    std::int64_t township_unit_id = 0;
    std::string address;
    std::optional<double> longitude;
    std::optional<double> latitude;
};

/// A problem (issue 5 item 1). Contract: `code` is unique; `evidence_refs` are attachment
/// references of the platform core; the lifecycle state lives with the workflow (lifecycle.hpp).
struct Problem {
    std::string code;
    ProblemKind kind = ProblemKind::other;
    ProblemSource source = ProblemSource::patrol;
    std::string source_reference;  // inspection batch number, hotline ticket, ...
    Location location;
    Date discovered_on;
    std::string description;
    std::vector<std::string> evidence_refs;
    Severity severity = Severity::general;
    std::int64_t responsible_unit_id = 0;
    std::vector<std::int64_t> supervising_unit_ids;
};

/// True when `problem` is a serious damage case: a damage kind with serious consequences.
bool is_serious_damage_case(const Problem& problem) noexcept;

/// Accountability record (问责记录) of a serious damage case (issue 5 item 4; §6.3 党政同责).
/// Contract (checked by `validate`): the township's party secretary and head are named together
/// (党政同责: both answer, neither alone), the decision, its date and the document are given.
/// Supervising departments that failed to supervise may be empty (none held answerable).
struct AccountabilityRecord {
    std::string case_code;  // Problem::code
    std::int64_t township_unit_id = 0;
    std::string party_secretary;                     // 乡镇党委书记
    std::string township_head;                       // 乡镇长
    std::vector<std::int64_t> supervising_unit_ids;  // 监管不力的市直部门
    std::string decision;                            // e.g. 约谈 / 通报批评 / 党纪处分
    std::optional<Date> decided_on;
    std::string document;  // 文号 or attachment reference of the decision
};

/// Checks the contract of `AccountabilityRecord`; invalid_argument naming the missing field.
Result<void> validate(const AccountabilityRecord& record);

/// Veto fact for the assessment (issue 5 item 4, "these records feed the assessment's veto").
/// Rule: the township of `problem` is vetoed (一票否决) when `problem` is a serious damage case
/// (`is_serious_damage_case`) and `records` hold a valid accountability record for it (same case
/// code and township). The lifecycle state does not matter: rectifying or closing a case does not
/// lift the veto. Source: issue 5 "Why" (serious consequences → 党政同责, departments, veto);
/// §6.2 lists several veto effects (cannot be 优秀, 否合格, ...): which effect applies, and the
/// authorizing document, belong to the assessment's configuration, not to this fact.
bool veto_applies(const Problem& problem, std::span<const AccountabilityRecord> records);

}  // namespace ecogov::cases
