#pragma once
// The assessment part of the demo database (issue 6; services/demo_data.hpp): the shipped
// township and department schemes (schemes/*.toml, docs/assessment.md) saved as version 1, and
// two manual inputs for the last complete month (complaints of 颍阳镇, an honour of 少林街道), and
// the township scheme run for the two complete months before `last_day`'s month, so the ranking,
// its change and a unit's rank trend show at once.
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/time.hpp"
#include "services/actor.hpp"
#include "services/air_queries.hpp"
#include "storage/database.hpp"

namespace ecogov {

/// The text of schemes/townships.toml and schemes/departments.toml.
std::string_view demo_township_scheme();
std::string_view demo_department_scheme();

/// Saves both schemes and runs the township scheme twice; returns the number of runs.
Result<int> add_assessment_demo(storage::Connection& c, AirQueries& air, const Actor& cli, const std::string& at, Date last_day);

}  // namespace ecogov
