#pragma once
// The demonstration database (issue 3 item 9; product.md "Dengfeng, the model for the demo"):
// 登封市生态环境局, its streets and towns, the main departments, contact people, eight stations
// from src/simulation/air_generator (seven in the city and towns plus the control point 少室山),
// their hourly data from 2025-01-01 through `last_day` imported through the import service,
// targets for the year of `last_day` (bureau and every township with a station) and one account
// per role, and the water and soil part of services/water_demo.hpp (sections on the 颍河, a
// drinking-water source, monthly samples, soil plots, a water_attainment target). Everything goes
// through the services (audit trail included).
//
// Contract: deterministic for a given `last_day` (same counts, same data); the database must be
// migrated and empty of units. Passwords are fixed demo passwords, printed by `ecogov demo`.
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct DemoAccount {
    std::string username;
    std::string password;
    std::string role;
    std::string unit_name;
};

struct DemoSummary {
    int units = 0;
    int people = 0;
    int stations = 0;
    int users = 0;
    int targets = 0;
    std::int64_t observations = 0;
    int water_sections = 0;  // services/water_demo.hpp
    std::int64_t water_samples = 0;
    int soil_plots = 0;
    std::int64_t soil_samples = 0;
    int problems = 0;  // services/cases_demo.hpp
    DateRange days;
    std::vector<DemoAccount> accounts;
};

Result<DemoSummary> build_demo_data(storage::Connection& c, const Clock& clock, Date last_day);

/// Whether the database already holds the demo (its bureau unit exists).
Result<bool> demo_data_present(storage::Connection& c);

/// The demo accounts and their passwords.
std::vector<DemoAccount> demo_accounts();

}  // namespace ecogov
