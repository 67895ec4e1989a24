#pragma once
// Organisation (issue 3 item 3): units (the bureau, townships, departments) and their people
// (责任人 and contacts).
//
// Contract:
// - Units are written by admin and bureau only; people by admin/bureau for any unit and by a unit
//   clerk for their own unit only (else `forbidden`).
// - Every write runs in one transaction together with its audit row (before/after JSON).
// - Text is stored verbatim (prepared statements): quotes, semicolons and the like are data.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct Unit {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string kind;  // bureau | township | department
    std::optional<std::int64_t> parent_id;
};

struct NewUnit {
    std::string code;
    std::string name;
    std::string kind;
    std::optional<std::int64_t> parent_id;
};

struct UnitPatch {
    std::optional<std::string> name;
    std::optional<std::string> kind;
    std::optional<std::optional<std::int64_t>>
        parent_id;  // set: new parent (nullopt inside = none)
};

struct Person {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::string name;
    std::string post;
    std::string phone;
};

struct PersonPatch {
    std::optional<std::string> name;
    std::optional<std::string> post;
    std::optional<std::string> phone;
};

boost::json::object to_json(const Unit& u);
boost::json::object to_json(const Person& p);

Result<std::vector<Unit>> list_units(storage::Connection& c);
Result<Unit> get_unit(storage::Connection& c, std::int64_t id);
Result<std::optional<Unit>> find_unit_by_code(storage::Connection& c, const std::string& code);
Result<Unit> create_unit(storage::Connection& c, const Clock& clock, const Actor& who,
                         const NewUnit& u);
Result<Unit> update_unit(storage::Connection& c, const Clock& clock, const Actor& who,
                         std::int64_t id, const UnitPatch& patch);

Result<std::vector<Person>> list_people(storage::Connection& c,
                                        std::optional<std::int64_t> unit_id);
Result<Person> create_person(storage::Connection& c, const Clock& clock, const Actor& who,
                             const Person& p);
Result<Person> update_person(storage::Connection& c, const Clock& clock, const Actor& who,
                             std::int64_t id, const PersonPatch& patch);
Result<void> delete_person(storage::Connection& c, const Clock& clock, const Actor& who,
                           std::int64_t id);

/// Rows in `observations` (the /metrics gauge).
Result<std::int64_t> count_observations(storage::Connection& c);

/// Checks a text field: not empty (when required), at most `max` bytes, no control characters.
Result<void> check_text(const std::string& value, std::string_view field, std::size_t max,
                        bool required);

}  // namespace ecogov
