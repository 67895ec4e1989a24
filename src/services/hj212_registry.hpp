#pragma once
// HJ 212 registry (issue 7 item 3): enterprises (and construction sites, stations) in a
// township, their outlets (gas, water, dust, air), the devices on each outlet (MN, PW, ST,
// dialect, CRC variant, expected upload interval, whether the platform may set its clock), the
// pollutant codes each device reports with units, and emission limits per outlet and pollutant
// (concentration, converted concentration, hourly, daily). A dust monitor is a device on a
// `dust` outlet of a `construction_site`; its PM10 (a34002) alarm threshold is that outlet's
// concentration limit for a34002.
//
// Contract: writes need can_write_campaign (admin, bureau); each write appends its audit entry
// in the same transaction. Bad fields give invalid_argument naming the field; a duplicate name,
// outlet code or MN gives conflict; an unknown parent gives not_found. Reads are open to every
// signed-in role.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct Hj212Enterprise {
    std::int64_t id = 0;
    std::string name;
    std::string kind = "enterprise";  // enterprise | construction_site | station
    std::int64_t unit_id = 0;         // the township responsible
    std::string address;
};

struct Hj212Outlet {
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    std::string code;
    std::string name;
    std::string kind = "gas";  // gas | water | dust | air
};

struct Hj212DevicePollutant {
    std::string code;
    std::string unit;
};

struct Hj212Device {
    std::int64_t id = 0;
    std::string mn;
    std::string pw;
    std::string st = "31";
    std::string dialect = "2017";     // 2005 | 2017 | 2025
    std::string crc_variant = "hj212";  // hj212 | modbus | modbus-swapped
    std::int64_t outlet_id = 0;
    std::int64_t expected_interval_s = 3600;
    bool allow_time_set = false;
    std::optional<std::int64_t> last_seen_ms;
    std::vector<Hj212DevicePollutant> pollutants;
};

struct Hj212Limit {
    std::int64_t outlet_id = 0;
    std::string code;
    std::optional<double> concentration, converted, hourly, daily;
};

Result<Hj212Enterprise> create_hj212_enterprise(storage::Connection& c, const Actor& who,
                                                Hj212Enterprise e, const std::string& at_iso);
Result<std::vector<Hj212Enterprise>> list_hj212_enterprises(storage::Connection& c);

Result<Hj212Outlet> create_hj212_outlet(storage::Connection& c, const Actor& who, Hj212Outlet o,
                                        const std::string& at_iso);
Result<std::vector<Hj212Outlet>> list_hj212_outlets(storage::Connection& c);

Result<Hj212Device> create_hj212_device(storage::Connection& c, const Actor& who, Hj212Device d,
                                        const std::string& at_iso);
/// Replaces the editable fields (all but id, mn and last_seen_ms) and the pollutant list.
Result<Hj212Device> update_hj212_device(storage::Connection& c, const Actor& who, std::int64_t id,
                                        Hj212Device d, const std::string& at_iso);
Result<std::vector<Hj212Device>> list_hj212_devices(storage::Connection& c);
Result<Hj212Device> get_hj212_device(storage::Connection& c, std::int64_t id);

/// Inserts or replaces the limit of (outlet, code).
Result<Hj212Limit> put_hj212_limit(storage::Connection& c, const Actor& who, Hj212Limit l,
                                   const std::string& at_iso);
Result<std::vector<Hj212Limit>> list_hj212_limits(storage::Connection& c,
                                                  std::optional<std::int64_t> outlet_id = {});

}  // namespace ecogov

namespace ecogov {

/// Registers simulated devices sim_mn(first) … sim_mn(first + count - 1) (simulation/hj212_device)
/// with the simulator's password, one outlet per device under one enterprise "模拟企业 (simulated)"
/// in township `unit_id`, in ONE transaction with one audit entry; devices already registered are
/// skipped. For tests, benchmarks and the demo. Returns how many were added.
Result<std::int64_t> register_simulated_hj212_devices(storage::Connection& c, const Actor& who,
                                                      std::int64_t unit_id, std::int64_t first,
                                                      std::int64_t count, const std::string& st,
                                                      const std::string& at_iso);

}  // namespace ecogov
