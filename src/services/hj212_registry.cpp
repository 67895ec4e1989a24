// HJ 212 registry (services/hj212_registry.hpp).
#include "services/hj212_registry.hpp"

#include <boost/json.hpp>

#include "services/audit.hpp"

namespace ecogov {

namespace {

using storage::Row;
using storage::SqlValue;
namespace json = boost::json;

SqlValue opt(const std::optional<double>& v) {
    return v ? SqlValue(*v) : SqlValue(nullptr);
}

json::value jopt(const std::optional<double>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}

bool one_of(const std::string& v, std::initializer_list<std::string_view> allowed) {
    for (std::string_view a : allowed)
        if (v == a) return true;
    return false;
}

bool printable(const std::string& s, std::size_t max) {
    if (s.size() > max) return false;
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x21 || c == ';' || c == ',' || c == '=' || c == '&')
            return false;
    return true;
}

Result<void> exists(storage::Connection& c, std::string_view sql, std::int64_t id,
                    const std::string& what, const std::string& field) {
    const SqlValue p[] = {id};
    auto r = c.query(sql, p);
    if (!r) return std::unexpected(r.error());
    if (r->empty()) return fail(ErrorCode::not_found, what + " " + std::to_string(id) + " not found", field);
    return {};
}

template <typename T>
Result<T> commit(storage::Transaction& tx, const Actor& who, AuditEntry e, const std::string& at,
                 T value) {
    if (auto a = append_audit(tx.connection(), who, e, at); !a) return std::unexpected(a.error());
    if (auto done = tx.commit(); !done) return std::unexpected(done.error());
    return value;
}

std::string device_json(const Hj212Device& d) {
    json::array pols;
    for (const auto& p : d.pollutants) pols.push_back(json::object{{"code", p.code}, {"unit", p.unit}});
    return json::serialize(json::object{{"id", d.id},
                                        {"mn", d.mn},
                                        {"st", d.st},
                                        {"dialect", d.dialect},
                                        {"crc_variant", d.crc_variant},
                                        {"outlet_id", d.outlet_id},
                                        {"expected_interval_s", d.expected_interval_s},
                                        {"allow_time_set", d.allow_time_set},
                                        {"pollutants", pols}});  // the password is not logged
}

Result<void> check_device(storage::Connection& c, const Hj212Device& d) {
    if (d.mn.empty() || !printable(d.mn, 64))
        return fail(ErrorCode::invalid_argument, "MN must be 1..64 visible characters without ;,=&", "mn");
    if (!printable(d.pw, 64))
        return fail(ErrorCode::invalid_argument, "PW must be at most 64 visible characters without ;,=&", "pw");
    if (d.st.empty() || !printable(d.st, 8))
        return fail(ErrorCode::invalid_argument, "ST must be 1..8 visible characters", "st");
    if (!one_of(d.dialect, {"2005", "2017", "2025"}))
        return fail(ErrorCode::invalid_argument, "dialect must be 2005, 2017 or 2025", "dialect");
    if (!one_of(d.crc_variant, {"hj212", "modbus", "modbus-swapped"}))
        return fail(ErrorCode::invalid_argument, "crc_variant must be hj212, modbus or modbus-swapped",
                    "crc_variant");
    if (d.expected_interval_s < 30 || d.expected_interval_s > 7 * 86400)
        return fail(ErrorCode::invalid_argument, "expected_interval_s must be 30..604800",
                    "expected_interval_s");
    for (const auto& p : d.pollutants)
        if (p.code.empty() || !printable(p.code, 16) || p.unit.size() > 32)
            return fail(ErrorCode::invalid_argument, "pollutant codes must be 1..16 visible characters",
                        "pollutants");
    return exists(c, "SELECT id FROM hj212_outlets WHERE id = $1", d.outlet_id, "outlet", "outlet_id");
}

Result<void> write_pollutants(storage::Connection& c, const Hj212Device& d) {
    const SqlValue del[] = {d.id};
    if (auto r = c.execute("DELETE FROM hj212_device_pollutants WHERE device_id = $1", del); !r)
        return std::unexpected(r.error());
    for (const auto& p : d.pollutants) {
        const SqlValue v[] = {d.id, p.code, p.unit};
        auto r = c.execute(
            "INSERT INTO hj212_device_pollutants (device_id, code, unit) VALUES ($1, $2, $3) "
            "ON CONFLICT (device_id, code) DO UPDATE SET unit = excluded.unit",
            v);
        if (!r) return std::unexpected(r.error());
    }
    return {};
}

Result<bool> mn_taken(storage::Connection& c, const std::string& mn, std::int64_t except) {
    const SqlValue p[] = {mn, except};
    auto r = c.query("SELECT id FROM hj212_devices WHERE mn = $1 AND id <> $2", p);
    if (!r) return std::unexpected(r.error());
    return !r->empty();
}

}  // namespace

Result<Hj212Enterprise> create_hj212_enterprise(storage::Connection& c, const Actor& who,
                                                Hj212Enterprise e, const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may register enterprises");
    if (e.name.empty() || e.name.size() > 200)
        return fail(ErrorCode::invalid_argument, "name must be 1..200 characters", "name");
    if (!one_of(e.kind, {"enterprise", "construction_site", "station"}))
        return fail(ErrorCode::invalid_argument, "kind must be enterprise, construction_site or station",
                    "kind");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    if (auto u = exists(c, "SELECT id FROM units WHERE id = $1", e.unit_id, "unit", "unit_id"); !u)
        return std::unexpected(u.error());
    const SqlValue dup[] = {e.name};
    auto d = c.query("SELECT id FROM hj212_enterprises WHERE name = $1", dup);
    if (!d) return std::unexpected(d.error());
    if (!d->empty()) return fail(ErrorCode::conflict, "enterprise " + e.name + " exists", "name");
    const SqlValue p[] = {e.name, e.kind, e.unit_id, e.address, at_iso};
    auto id = c.query(
        "INSERT INTO hj212_enterprises (name, kind, unit_id, address, created_at) "
        "VALUES ($1, $2, $3, $4, $5) RETURNING id",
        p);
    if (!id) return std::unexpected(id.error());
    e.id = id->at(0).integer(0);
    const std::string after = json::serialize(json::object{
        {"id", e.id}, {"name", e.name}, {"kind", e.kind}, {"unit_id", e.unit_id}, {"address", e.address}});
    return commit(*tx, who, {"create", "hj212_enterprises", std::to_string(e.id), std::nullopt, after},
                  at_iso, e);
}

Result<std::vector<Hj212Enterprise>> list_hj212_enterprises(storage::Connection& c) {
    auto rows = c.query("SELECT id, name, kind, unit_id, address FROM hj212_enterprises ORDER BY id");
    if (!rows) return std::unexpected(rows.error());
    std::vector<Hj212Enterprise> out;
    for (const Row& r : *rows) out.push_back({r.integer(0), r.text(1), r.text(2), r.integer(3), r.text(4)});
    return out;
}

Result<Hj212Outlet> create_hj212_outlet(storage::Connection& c, const Actor& who, Hj212Outlet o,
                                        const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may register outlets");
    if (o.code.empty() || !printable(o.code, 32))
        return fail(ErrorCode::invalid_argument, "code must be 1..32 visible characters", "code");
    if (o.name.empty() || o.name.size() > 200)
        return fail(ErrorCode::invalid_argument, "name must be 1..200 characters", "name");
    if (!one_of(o.kind, {"gas", "water", "dust", "air"}))
        return fail(ErrorCode::invalid_argument, "kind must be gas, water, dust or air", "kind");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    if (auto u = exists(c, "SELECT id FROM hj212_enterprises WHERE id = $1", o.enterprise_id,
                        "enterprise", "enterprise_id");
        !u)
        return std::unexpected(u.error());
    const SqlValue dup[] = {o.enterprise_id, o.code};
    auto d = c.query("SELECT id FROM hj212_outlets WHERE enterprise_id = $1 AND code = $2", dup);
    if (!d) return std::unexpected(d.error());
    if (!d->empty()) return fail(ErrorCode::conflict, "outlet " + o.code + " exists", "code");
    const SqlValue p[] = {o.enterprise_id, o.code, o.name, o.kind, at_iso};
    auto id = c.query(
        "INSERT INTO hj212_outlets (enterprise_id, code, name, kind, created_at) "
        "VALUES ($1, $2, $3, $4, $5) RETURNING id",
        p);
    if (!id) return std::unexpected(id.error());
    o.id = id->at(0).integer(0);
    const std::string after = json::serialize(json::object{{"id", o.id},
                                                           {"enterprise_id", o.enterprise_id},
                                                           {"code", o.code},
                                                           {"name", o.name},
                                                           {"kind", o.kind}});
    return commit(*tx, who, {"create", "hj212_outlets", std::to_string(o.id), std::nullopt, after},
                  at_iso, o);
}

Result<std::vector<Hj212Outlet>> list_hj212_outlets(storage::Connection& c) {
    auto rows = c.query("SELECT id, enterprise_id, code, name, kind FROM hj212_outlets ORDER BY id");
    if (!rows) return std::unexpected(rows.error());
    std::vector<Hj212Outlet> out;
    for (const Row& r : *rows) out.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4)});
    return out;
}

Result<Hj212Device> create_hj212_device(storage::Connection& c, const Actor& who, Hj212Device d,
                                        const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may register devices");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    if (auto ok = check_device(c, d); !ok) return std::unexpected(ok.error());
    auto taken = mn_taken(c, d.mn, 0);
    if (!taken) return std::unexpected(taken.error());
    if (*taken) return fail(ErrorCode::conflict, "a device with MN " + d.mn + " exists", "mn");
    const SqlValue p[] = {d.mn,        d.pw,        d.st, d.dialect, d.crc_variant,
                          d.outlet_id, d.expected_interval_s, std::int64_t{d.allow_time_set ? 1 : 0},
                          at_iso};
    auto id = c.query(
        "INSERT INTO hj212_devices (mn, pw, st, dialect, crc_variant, outlet_id, expected_interval_s, "
        "allow_time_set, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        p);
    if (!id) return std::unexpected(id.error());
    d.id = id->at(0).integer(0);
    if (auto w = write_pollutants(c, d); !w) return std::unexpected(w.error());
    return commit(*tx, who, {"create", "hj212_devices", std::to_string(d.id), std::nullopt, device_json(d)},
                  at_iso, d);
}

Result<Hj212Device> update_hj212_device(storage::Connection& c, const Actor& who, std::int64_t id,
                                        Hj212Device d, const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may change devices");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto before = get_hj212_device(c, id);
    if (!before) return std::unexpected(before.error());
    d.id = id;
    d.mn = before->mn;
    d.last_seen_ms = before->last_seen_ms;
    if (auto ok = check_device(c, d); !ok) return std::unexpected(ok.error());
    const SqlValue p[] = {d.pw,        d.st,        d.dialect, d.crc_variant, d.outlet_id,
                          d.expected_interval_s, std::int64_t{d.allow_time_set ? 1 : 0}, id};
    auto r = c.execute(
        "UPDATE hj212_devices SET pw = $1, st = $2, dialect = $3, crc_variant = $4, outlet_id = $5, "
        "expected_interval_s = $6, allow_time_set = $7 WHERE id = $8",
        p);
    if (!r) return std::unexpected(r.error());
    if (auto w = write_pollutants(c, d); !w) return std::unexpected(w.error());
    return commit(*tx, who,
                  {"update", "hj212_devices", std::to_string(id), device_json(*before), device_json(d)},
                  at_iso, d);
}

namespace {
constexpr std::string_view kDeviceColumns =
    "SELECT id, mn, pw, st, dialect, crc_variant, outlet_id, expected_interval_s, allow_time_set, "
    "last_seen_ms FROM hj212_devices";

Hj212Device device_of(const Row& r) {
    Hj212Device d;
    d.id = r.integer(0);
    d.mn = r.text(1);
    d.pw = r.text(2);
    d.st = r.text(3);
    d.dialect = r.text(4);
    d.crc_variant = r.text(5);
    d.outlet_id = r.integer(6);
    d.expected_interval_s = r.integer(7);
    d.allow_time_set = r.integer(8) != 0;
    d.last_seen_ms = r.opt_integer(9);
    return d;
}
}  // namespace

Result<std::vector<Hj212Device>> list_hj212_devices(storage::Connection& c) {
    auto rows = c.query(std::string(kDeviceColumns) + " ORDER BY id");
    if (!rows) return std::unexpected(rows.error());
    std::vector<Hj212Device> out;
    for (const Row& r : *rows) out.push_back(device_of(r));
    auto pols = c.query("SELECT device_id, code, unit FROM hj212_device_pollutants ORDER BY device_id, code");
    if (!pols) return std::unexpected(pols.error());
    std::size_t i = 0;
    for (const Row& r : *pols) {
        while (i < out.size() && out[i].id < r.integer(0)) ++i;
        if (i < out.size() && out[i].id == r.integer(0)) out[i].pollutants.push_back({r.text(1), r.text(2)});
    }
    return out;
}

Result<Hj212Device> get_hj212_device(storage::Connection& c, std::int64_t id) {
    const SqlValue p[] = {id};
    auto rows = c.query(std::string(kDeviceColumns) + " WHERE id = $1", p);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return fail(ErrorCode::not_found, "device " + std::to_string(id) + " not found");
    Hj212Device d = device_of(rows->front());
    auto pols = c.query("SELECT code, unit FROM hj212_device_pollutants WHERE device_id = $1 ORDER BY code", p);
    if (!pols) return std::unexpected(pols.error());
    for (const Row& r : *pols) d.pollutants.push_back({r.text(0), r.text(1)});
    return d;
}

Result<Hj212Limit> put_hj212_limit(storage::Connection& c, const Actor& who, Hj212Limit l,
                                   const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may set emission limits");
    if (l.code.empty() || !printable(l.code, 16))
        return fail(ErrorCode::invalid_argument, "code must be 1..16 visible characters", "code");
    for (const auto* v : {&l.concentration, &l.converted, &l.hourly, &l.daily})
        if (*v && !(**v >= 0))
            return fail(ErrorCode::invalid_argument, "limits must be non-negative numbers", "limit");
    if (!l.concentration && !l.converted && !l.hourly && !l.daily)
        return fail(ErrorCode::invalid_argument, "give at least one limit", "concentration");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    if (auto u = exists(c, "SELECT id FROM hj212_outlets WHERE id = $1", l.outlet_id, "outlet", "outlet_id"); !u)
        return std::unexpected(u.error());
    const SqlValue p[] = {l.outlet_id, l.code, opt(l.concentration), opt(l.converted), opt(l.hourly),
                          opt(l.daily)};
    auto r = c.execute(
        "INSERT INTO hj212_limits (outlet_id, code, concentration, converted, hourly, daily) "
        "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (outlet_id, code) DO UPDATE SET "
        "concentration = excluded.concentration, converted = excluded.converted, "
        "hourly = excluded.hourly, daily = excluded.daily",
        p);
    if (!r) return std::unexpected(r.error());
    const std::string after = json::serialize(json::object{{"outlet_id", l.outlet_id},
                                                           {"code", l.code},
                                                           {"concentration", jopt(l.concentration)},
                                                           {"converted", jopt(l.converted)},
                                                           {"hourly", jopt(l.hourly)},
                                                           {"daily", jopt(l.daily)}});
    return commit(*tx, who,
                  {"update", "hj212_limits", std::to_string(l.outlet_id) + "/" + l.code, std::nullopt, after},
                  at_iso, l);
}

Result<std::vector<Hj212Limit>> list_hj212_limits(storage::Connection& c,
                                                  std::optional<std::int64_t> outlet_id) {
    std::string sql = "SELECT outlet_id, code, concentration, converted, hourly, daily FROM hj212_limits";
    std::vector<SqlValue> p;
    if (outlet_id) {
        sql += " WHERE outlet_id = $1";
        p.push_back(*outlet_id);
    }
    sql += " ORDER BY outlet_id, code";
    auto rows = c.query(sql, p);
    if (!rows) return std::unexpected(rows.error());
    std::vector<Hj212Limit> out;
    for (const Row& r : *rows)
        out.push_back({r.integer(0), r.text(1), r.opt_real(2), r.opt_real(3), r.opt_real(4), r.opt_real(5)});
    return out;
}

}  // namespace ecogov

#include "simulation/hj212_device.hpp"

namespace ecogov {

Result<std::int64_t> register_simulated_hj212_devices(storage::Connection& c, const Actor& who,
                                                      std::int64_t unit_id, std::int64_t first,
                                                      std::int64_t count, const std::string& st,
                                                      const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may register devices");
    if (count < 0 || count > 1'000'000 || first < 0)
        return fail(ErrorCode::invalid_argument, "count must be 0..1000000", "devices");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    if (auto u = exists(c, "SELECT id FROM units WHERE id = $1", unit_id, "unit", "unit_id"); !u)
        return std::unexpected(u.error());
    const std::string name = "模拟企业 (simulated)";
    const SqlValue n[] = {name, unit_id, at_iso};
    if (auto r = c.execute(
            "INSERT INTO hj212_enterprises (name, kind, unit_id, address, created_at) VALUES ($1, "
            "'enterprise', $2, '', $3) ON CONFLICT (name) DO NOTHING",
            n);
        !r)
        return std::unexpected(r.error());
    const SqlValue q[] = {name};
    auto ent = c.query("SELECT id FROM hj212_enterprises WHERE name = $1", q);
    if (!ent) return std::unexpected(ent.error());
    const std::int64_t enterprise = ent->at(0).integer(0);
    auto outlet = c.prepare(
        "INSERT INTO hj212_outlets (enterprise_id, code, name, kind, created_at) VALUES ($1, $2, $3, $4, $5) "
        "ON CONFLICT (enterprise_id, code) DO UPDATE SET name = excluded.name RETURNING id");
    auto device = c.prepare(
        "INSERT INTO hj212_devices (mn, pw, st, dialect, crc_variant, outlet_id, expected_interval_s, "
        "allow_time_set, created_at) VALUES ($1, $2, $3, '2017', 'hj212', $4, 3600, 0, $5) "
        "ON CONFLICT (mn) DO NOTHING");
    if (!outlet) return std::unexpected(outlet.error());
    if (!device) return std::unexpected(device.error());
    const std::string kind = st == "32" ? "water" : st == "39" ? "dust" : "gas";
    std::int64_t added = 0;
    for (std::int64_t i = first; i < first + count; ++i) {
        const std::string mn = simulation::sim_mn(i);
        const SqlValue o[] = {enterprise, "SIM-" + std::to_string(i), "模拟排口 " + std::to_string(i), kind, at_iso};
        auto oid = (*outlet)->query(o);
        if (!oid) return std::unexpected(oid.error());
        const SqlValue d[] = {mn, std::string(simulation::kSimPassword), st, oid->at(0).integer(0), at_iso};
        auto r = (*device)->run(d);
        if (!r) return std::unexpected(r.error());
        added += *r;
    }
    const std::string after = json::serialize(json::object{{"first", first}, {"count", count}, {"added", added}});
    return commit(*tx, who, {"import", "hj212_devices", "simulated", std::nullopt, after}, at_iso, added);
}

}  // namespace ecogov
