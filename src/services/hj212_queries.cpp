// HJ 212 monitoring queries (services/hj212_queries.hpp).
#include "services/hj212_queries.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "core/clock.hpp"
#include "hj212/message.hpp"

namespace ecogov {

namespace {

using storage::Row;
using storage::SqlValue;

std::string utc_text(std::int64_t ms) {
    return iso_utc(std::chrono::system_clock::time_point(std::chrono::milliseconds(ms)));
}

std::int64_t clamp_limit(std::int64_t n) { return std::clamp<std::int64_t>(n, 1, 1000); }

/// "YYYY-MM-DDThh:mm:ss" or "YYYY-MM-DD" → local seconds.
Result<std::int64_t> local_seconds(const std::string& text, const std::string& field) {
    std::string digits;
    for (char ch : text)
        if (ch >= '0' && ch <= '9') digits.push_back(ch);
    if (digits.size() == 8) digits += "000000";
    if (digits.size() == 12) digits += "00";
    auto t = hj212::parse_local_time(digits);
    if (!t) return fail(ErrorCode::invalid_argument, field + ": expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ss", field);
    return t->seconds;
}

}  // namespace

std::string hj212_local_time_text(std::int64_t local_seconds) {
    return hj212::format_local_time(hj212::LocalTime{local_seconds, 0});
}

Result<std::vector<Hj212DeviceStatus>> hj212_device_status(storage::Connection& c, std::int64_t now_ms,
                                                           double outage_factor) {
    auto rows = c.query(
        "SELECT d.id, d.mn, d.st, d.dialect, d.crc_variant, d.outlet_id, o.name, o.kind, e.name, e.id, "
        "e.unit_id, d.expected_interval_s, d.last_seen_ms, "
        "(SELECT count(*) FROM hj212_alarms a WHERE a.device_id = d.id AND a.closed_ms IS NULL) "
        "FROM hj212_devices d JOIN hj212_outlets o ON o.id = d.outlet_id "
        "JOIN hj212_enterprises e ON e.id = o.enterprise_id ORDER BY e.name, o.code, d.mn");
    if (!rows) return std::unexpected(rows.error());
    std::vector<Hj212DeviceStatus> out;
    for (const Row& r : *rows) {
        Hj212DeviceStatus d;
        d.id = r.integer(0);
        d.mn = r.text(1);
        d.st = r.text(2);
        d.dialect = r.text(3);
        d.crc_variant = r.text(4);
        d.outlet_id = r.integer(5);
        d.outlet_name = r.text(6);
        d.outlet_kind = r.text(7);
        d.enterprise_name = r.text(8);
        d.enterprise_id = r.integer(9);
        d.unit_id = r.integer(10);
        d.expected_interval_s = r.integer(11);
        if (auto seen = r.opt_integer(12)) {
            d.last_seen = utc_text(*seen);
            d.online = static_cast<double>(now_ms - *seen) <=
                       outage_factor * static_cast<double>(d.expected_interval_s) * 1000.0;
        }
        d.open_alarms = r.integer(13);
        out.push_back(std::move(d));
    }
    return out;
}

Result<Hj212OutletLatest> hj212_outlet_latest(storage::Connection& c, std::int64_t outlet_id) {
    const SqlValue p[] = {outlet_id};
    auto head = c.query(
        "SELECT o.id, o.name, o.kind, e.name FROM hj212_outlets o JOIN hj212_enterprises e ON "
        "e.id = o.enterprise_id WHERE o.id = $1",
        p);
    if (!head) return std::unexpected(head.error());
    if (head->empty()) return fail(ErrorCode::not_found, "outlet " + std::to_string(outlet_id) + " not found");
    Hj212OutletLatest out{outlet_id, head->at(0).text(1), head->at(0).text(2), head->at(0).text(3), {}};
    auto limits = c.query("SELECT code, concentration, hourly, daily FROM hj212_limits WHERE outlet_id = $1", p);
    if (!limits) return std::unexpected(limits.error());
    std::map<std::string, Row> limit_of;
    for (const Row& r : *limits) limit_of[r.text(0)] = r;
    auto units = c.query(
        "SELECT p.code, p.unit FROM hj212_device_pollutants p JOIN hj212_devices d ON d.id = p.device_id "
        "WHERE d.outlet_id = $1",
        p);
    if (!units) return std::unexpected(units.error());
    std::map<std::string, std::string> unit_of;
    for (const Row& r : *units) unit_of[r.text(0)] = r.text(1);
    // The newest row of each code among hourly, minute and real-time data.
    auto rows = c.query(
        "SELECT v.code, v.cn, v.data_time, v.avg, v.rtd, v.flag FROM hj212_values v "
        "JOIN hj212_devices d ON d.id = v.device_id WHERE d.outlet_id = $1 AND v.cn IN ('2061', '2051', '2011') "
        "AND v.data_time = (SELECT max(w.data_time) FROM hj212_values w WHERE w.device_id = v.device_id "
        "AND w.code = v.code AND w.cn = v.cn) ORDER BY v.code, v.data_time DESC",
        p);
    if (!rows) return std::unexpected(rows.error());
    std::map<std::string, const Row*> best;
    auto rank = [](const std::string& cn) { return cn == "2061" ? 0 : cn == "2051" ? 1 : 2; };
    for (const Row& r : *rows) {
        auto it = best.find(r.text(0));
        if (it == best.end() || r.integer(2) > it->second->integer(2) ||
            (r.integer(2) == it->second->integer(2) && rank(r.text(1)) < rank(it->second->text(1))))
            best[r.text(0)] = &r;
    }
    for (const auto& [code, r] : best) {
        Hj212LatestValue v;
        v.code = code;
        v.cn = r->text(1);
        v.data_time = hj212_local_time_text(r->integer(2));
        v.value = r->opt_real(3) ? r->opt_real(3) : r->opt_real(4);
        v.flag = r->text(5);
        if (auto u = unit_of.find(code); u != unit_of.end()) v.unit = u->second;
        if (auto l = limit_of.find(code); l != limit_of.end()) {
            v.limit = l->second.opt_real(1);
            if (v.cn == "2061" && l->second.opt_real(2)) v.limit = l->second.opt_real(2);
        }
        v.exceeded = v.flag == "T" || (v.limit && v.value && *v.value > *v.limit);
        out.values.push_back(std::move(v));
    }
    return out;
}

Result<std::vector<Hj212SeriesPoint>> hj212_series(storage::Connection& c, std::int64_t device_id,
                                                   const std::string& code, const std::string& cn,
                                                   const std::optional<std::string>& from,
                                                   const std::optional<std::string>& to) {
    if (cn != "2061" && cn != "2031" && cn != "2051" && cn != "2011")
        return fail(ErrorCode::invalid_argument, "cn: expected 2011, 2051, 2061 or 2031", "cn");
    std::int64_t lo = 0, hi = INT64_MAX / 2;
    if (from) {
        auto v = local_seconds(*from, "from");
        if (!v) return std::unexpected(v.error());
        lo = *v;
    }
    if (to) {
        auto v = local_seconds(*to, "to");
        if (!v) return std::unexpected(v.error());
        hi = *v + (to->size() <= 10 ? 86399 : 0);
    }
    const SqlValue p[] = {device_id, code, cn, lo, hi};
    auto rows = c.query(
        "SELECT data_time, avg, min, max, rtd, zs, flag FROM hj212_values WHERE device_id = $1 AND code = $2 "
        "AND cn = $3 AND data_time >= $4 AND data_time <= $5 ORDER BY data_time DESC LIMIT 2000",
        p);
    if (!rows) return std::unexpected(rows.error());
    std::vector<Hj212SeriesPoint> out;
    for (auto it = rows->rbegin(); it != rows->rend(); ++it)
        out.push_back({hj212_local_time_text(it->integer(0)), it->opt_real(1), it->opt_real(2), it->opt_real(3),
                       it->opt_real(4), it->opt_real(5), it->text(6)});
    return out;
}

Result<std::vector<Hj212Exceedance>> hj212_exceedances(storage::Connection& c,
                                                       std::optional<std::int64_t> outlet_id,
                                                       std::int64_t limit) {
    std::string sql =
        "SELECT x.id, x.device_id, x.outlet_id, d.mn, o.name, e.name, x.code, x.cn, x.data_time, x.flag, "
        "x.value, x.limit_value, x.run_length FROM hj212_exceedances x JOIN hj212_devices d ON d.id = "
        "x.device_id JOIN hj212_outlets o ON o.id = x.outlet_id JOIN hj212_enterprises e ON e.id = "
        "o.enterprise_id";
    std::vector<SqlValue> p;
    if (outlet_id) {
        sql += " WHERE x.outlet_id = $1";
        p.push_back(*outlet_id);
    }
    sql += " ORDER BY x.data_time DESC, x.id DESC LIMIT " + std::to_string(clamp_limit(limit));
    auto rows = c.query(sql, p);
    if (!rows) return std::unexpected(rows.error());
    std::vector<Hj212Exceedance> out;
    for (const Row& r : *rows) {
        Hj212Exceedance x;
        x.id = r.integer(0);
        x.device_id = r.integer(1);
        x.outlet_id = r.integer(2);
        x.mn = r.text(3);
        x.outlet_name = r.text(4);
        x.enterprise_name = r.text(5);
        x.code = r.text(6);
        x.cn = r.text(7);
        x.data_time = hj212_local_time_text(r.integer(8));
        x.flag = r.text(9);
        x.value = r.opt_real(10);
        x.limit = r.opt_real(11);
        x.run_length = r.integer(12);
        out.push_back(std::move(x));
    }
    return out;
}

Result<std::vector<Hj212Alarm>> hj212_alarms(storage::Connection& c, const std::optional<std::string>& kind,
                                             bool open_only, std::int64_t limit) {
    if (kind && *kind != "exceedance" && *kind != "outage" && *kind != "clock_skew")
        return fail(ErrorCode::invalid_argument, "kind: expected exceedance, outage or clock_skew", "kind");
    std::string sql =
        "SELECT a.id, a.device_id, a.outlet_id, a.kind, d.mn, o.name, e.name, a.code, a.title, a.detail, "
        "a.opened_ms, a.closed_ms, a.problem_kind, a.problem_status, a.problem_id, pr.code FROM hj212_alarms a "
        "JOIN hj212_devices d ON d.id = a.device_id JOIN hj212_outlets o ON o.id = a.outlet_id "
        "JOIN hj212_enterprises e ON e.id = o.enterprise_id LEFT JOIN problems pr ON pr.id = a.problem_id "
        "WHERE 1 = 1";
    std::vector<SqlValue> p;
    if (kind) {
        p.push_back(*kind);
        sql += " AND a.kind = $1";
    }
    if (open_only) sql += " AND a.closed_ms IS NULL";
    sql += " ORDER BY a.opened_ms DESC, a.id DESC LIMIT " + std::to_string(clamp_limit(limit));
    auto rows = c.query(sql, p);
    if (!rows) return std::unexpected(rows.error());
    std::vector<Hj212Alarm> out;
    for (const Row& r : *rows) {
        Hj212Alarm a;
        a.id = r.integer(0);
        a.device_id = r.integer(1);
        a.outlet_id = r.integer(2);
        a.kind = r.text(3);
        a.mn = r.text(4);
        a.outlet_name = r.text(5);
        a.enterprise_name = r.text(6);
        a.code = r.text(7);
        a.title = r.text(8);
        a.detail = r.text(9);
        a.opened = utc_text(r.integer(10));
        if (auto closed = r.opt_integer(11)) a.closed = utc_text(*closed);
        a.problem_kind = r.text(12);
        a.problem_status = r.text(13);
        a.problem_id = r.opt_integer(14);
        if (a.problem_id) a.problem_code = r.text(15);
        out.push_back(std::move(a));
    }
    return out;
}

Result<std::vector<Hj212Frame>> hj212_frames(storage::Connection& c, const std::string& mn,
                                             const std::optional<std::string>& status, std::int64_t limit) {
    std::string sql =
        "SELECT id, received_ms, peer, mn, cn, data_time, crc, status, reason, raw FROM hj212_frames "
        "WHERE mn = $1";
    std::vector<SqlValue> p{mn};
    if (status) {
        if (*status != "stored" && *status != "duplicate" && *status != "quarantined" && *status != "rejected")
            return fail(ErrorCode::invalid_argument, "status: expected stored, duplicate, quarantined or rejected",
                        "status");
        sql += " AND status = $2";
        p.push_back(*status);
    }
    sql += " ORDER BY received_ms DESC, id DESC LIMIT " + std::to_string(clamp_limit(limit));
    auto rows = c.query(sql, p);
    if (!rows) return std::unexpected(rows.error());
    std::vector<Hj212Frame> out;
    for (const Row& r : *rows) {
        Hj212Frame f;
        f.id = r.integer(0);
        f.received = utc_text(r.integer(1));
        f.peer = r.text(2);
        f.mn = r.text(3);
        f.cn = r.text(4);
        if (auto t = r.opt_integer(5)) f.data_time = hj212_local_time_text(*t);
        f.crc = r.text(6);
        f.status = r.text(7);
        f.reason = r.text(8);
        f.raw = r.text(9);
        out.push_back(std::move(f));
    }
    return out;
}

Result<Hj212Counts> hj212_counts(storage::Connection& c, std::int64_t now_ms, double outage_factor) {
    Hj212Counts n;
    auto devices = hj212_device_status(c, now_ms, outage_factor);
    if (!devices) return std::unexpected(devices.error());
    n.devices = static_cast<std::int64_t>(devices->size());
    for (const auto& d : *devices) n.online += d.online ? 1 : 0;
    auto frames = c.query("SELECT status, count(*) FROM hj212_frames GROUP BY status");
    if (!frames) return std::unexpected(frames.error());
    for (const Row& r : *frames) {
        const std::string s = r.text(0);
        (s == "stored" ? n.stored : s == "duplicate" ? n.duplicate : s == "quarantined" ? n.quarantined : n.rejected) =
            r.integer(1);
    }
    auto alarms = c.query("SELECT kind, count(*) FROM hj212_alarms WHERE closed_ms IS NULL GROUP BY kind");
    if (!alarms) return std::unexpected(alarms.error());
    for (const Row& r : *alarms) {
        if (r.text(0) == "exceedance") n.open_exceedance_alarms = r.integer(1);
        if (r.text(0) == "outage") n.open_outage_alarms = r.integer(1);
    }
    return n;
}

}  // namespace ecogov
