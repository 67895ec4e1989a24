#pragma once
// Demo problems and cases (issue 5 acceptance 4): the responsibility matrix, problems of every kind
// across the Dengfeng townships in every state (some overdue, one due soon), one serious damage
// case (私挖滥采 destroying a hillside in 送表矿区) with its accountability record, and an
// inspection batch (中央生态环境保护督察反馈). ILLUSTRATIVE: places, firms and people are invented.
//
// The history of each problem is written through the services (open_problem, apply_transition)
// with a demo clock set to plausible dates before `last_day`, so timelines read naturally.
#include <cstdint>
#include <map>
#include <string>

#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct CasesDemoSummary {
    int problems = 0;
    int accountability_records = 0;
    int batches = 0;
};

/// Needs the demo units (by name) and the demo users `bureau` and `songyang`.
Result<CasesDemoSummary> add_cases_demo(storage::Connection& c,
                                        const std::map<std::string, std::int64_t>& unit_by_name,
                                        Date last_day);

}  // namespace ecogov
