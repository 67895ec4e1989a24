#pragma once
// HJ 212 monitoring queries for the API and UI (issue 7 item 7): devices online/offline, latest
// values per outlet against its limits, hourly/daily series per pollutant, exceedances, alarms
// (outage, exceedance, clock skew), raw frames of a device (kept for audit), quarantine counts.
//
// Contract: read-only; `now_ms` is passed in. A device is online when it was seen within
// outage_factor × its expected interval. Times of data (data_time) are the device's local
// (China) wall clock rendered "YYYY-MM-DDThh:mm:ss"; times of reception are UTC ISO 8601.
// Lists are newest first and bounded by `limit` (clamped to 1..1000).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct Hj212DeviceStatus {
    std::int64_t id = 0;
    std::string mn, st, dialect, crc_variant;
    std::int64_t outlet_id = 0;
    std::string outlet_name, outlet_kind, enterprise_name;
    std::int64_t enterprise_id = 0, unit_id = 0;
    std::int64_t expected_interval_s = 0;
    std::optional<std::string> last_seen;  // UTC ISO
    bool online = false;
    std::int64_t open_alarms = 0;
};

struct Hj212LatestValue {
    std::string code, unit, cn, data_time, flag;
    std::optional<double> value;  // Avg (or Rtd for 2011)
    std::optional<double> limit;  // the limit that applies to this CN
    bool exceeded = false;
};

struct Hj212OutletLatest {
    std::int64_t outlet_id = 0;
    std::string outlet_name, outlet_kind, enterprise_name;
    std::vector<Hj212LatestValue> values;
};

struct Hj212SeriesPoint {
    std::string data_time;
    std::optional<double> avg, min, max, rtd, zs;
    std::string flag;
};

struct Hj212Exceedance {
    std::int64_t id = 0, device_id = 0, outlet_id = 0;
    std::string mn, outlet_name, enterprise_name, code, cn, data_time, flag;
    std::optional<double> value, limit;
    std::int64_t run_length = 0;
};

struct Hj212Alarm {
    std::int64_t id = 0, device_id = 0, outlet_id = 0;
    std::string kind, mn, outlet_name, enterprise_name, code, title, detail;
    std::string opened;                  // UTC ISO
    std::optional<std::string> closed;   // UTC ISO
    std::string problem_kind, problem_status;
    std::optional<std::int64_t> problem_id;  // the problem the alarm opened (problem_status linked)
    std::string problem_code;                 // its code (problems.code), empty when not linked
};

struct Hj212Frame {
    std::int64_t id = 0;
    std::string received, peer, mn, cn, crc, status, reason, raw;
    std::optional<std::string> data_time;
};

struct Hj212Counts {
    std::int64_t devices = 0, online = 0, stored = 0, duplicate = 0, quarantined = 0, rejected = 0,
                 open_exceedance_alarms = 0, open_outage_alarms = 0;
};

std::string hj212_local_time_text(std::int64_t local_seconds);

Result<std::vector<Hj212DeviceStatus>> hj212_device_status(storage::Connection& c, std::int64_t now_ms,
                                                           double outage_factor = 2.0);
Result<Hj212OutletLatest> hj212_outlet_latest(storage::Connection& c, std::int64_t outlet_id);
/// cn: 2061 hourly, 2031 daily, 2051 minute, 2011 real time; times as YYYY-MM-DDThh:mm:ss (local).
Result<std::vector<Hj212SeriesPoint>> hj212_series(storage::Connection& c, std::int64_t device_id,
                                                   const std::string& code, const std::string& cn,
                                                   const std::optional<std::string>& from,
                                                   const std::optional<std::string>& to);
Result<std::vector<Hj212Exceedance>> hj212_exceedances(storage::Connection& c,
                                                       std::optional<std::int64_t> outlet_id,
                                                       std::int64_t limit);
Result<std::vector<Hj212Alarm>> hj212_alarms(storage::Connection& c, const std::optional<std::string>& kind,
                                             bool open_only, std::int64_t limit);
Result<std::vector<Hj212Frame>> hj212_frames(storage::Connection& c, const std::string& mn,
                                             const std::optional<std::string>& status, std::int64_t limit);
Result<Hj212Counts> hj212_counts(storage::Connection& c, std::int64_t now_ms, double outage_factor = 2.0);

}  // namespace ecogov
