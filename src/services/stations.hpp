#pragma once
// Monitoring stations (issue 3 item 5; docs/api.md "Monitoring data", docs/schema.md `stations`).
//
// Contract:
// - Anyone signed in reads; only admin and bureau write (can_write_campaign, else `forbidden`).
// - Every write runs in one transaction with its audit entry (before/after JSON of the row).
// - Input is checked before storage: code 1-32 of [A-Za-z0-9_-] (unique, never changed), name and
//   city non-empty, kind national|provincial|county|micro, unit_id an existing unit, longitude in
//   [-180, 180], latitude in [-90, 90]. A bad value is `invalid_argument` naming the field; a
//   duplicate code is `conflict`; an unknown station id `not_found`.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/text.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct Station {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string kind = "county";
    std::int64_t unit_id = 0;
    std::string city;
    std::optional<double> longitude;
    std::optional<double> latitude;
    bool control = false;
};

/// Fields a PATCH may change (everything but id and code).
struct StationPatch {
    std::optional<std::string> name;
    std::optional<std::string> kind;
    std::optional<std::int64_t> unit_id;
    std::optional<std::string> city;
    std::optional<std::optional<double>> longitude;
    std::optional<std::optional<double>> latitude;
    std::optional<bool> control;
};

Result<std::vector<Station>> list_stations(storage::Connection& c);
Result<Station> get_station(storage::Connection& c, std::int64_t id);
/// nullopt when no station has that code.
Result<std::optional<Station>> find_station(storage::Connection& c, std::string_view code);

Result<Station> create_station(storage::Connection& c, const Actor& who, Station input,
                               const std::string& at_iso);
Result<Station> update_station(storage::Connection& c, const Actor& who, std::int64_t id,
                               const StationPatch& patch, const std::string& at_iso);

/// The row as a JSON object (audit before/after).
std::string station_audit_json(const Station& s);

}  // namespace ecogov
