#include "services/stations.hpp"

#include <cmath>
#include <cstdio>

#include "services/audit.hpp"

namespace ecogov {

namespace {

using storage::Row;
using storage::SqlValue;

constexpr std::string_view kColumns =
    "id, code, name, kind, unit_id, city, longitude, latitude, control";

Station from_row(const Row& r) {
    Station s;
    s.id = r.integer(0);
    s.code = r.text(1);
    s.name = r.text(2);
    s.kind = r.text(3);
    s.unit_id = r.integer(4);
    s.city = r.text(5);
    s.longitude = r.opt_real(6);
    s.latitude = r.opt_real(7);
    s.control = r.integer(8) != 0;
    return s;
}

SqlValue opt_real(const std::optional<double>& v) { return v ? SqlValue{*v} : SqlValue{nullptr}; }

std::string json_number(const std::optional<double>& v) {
    if (!v) return "null";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", *v);
    return buf;
}

bool valid_code(std::string_view code) {
    if (code.empty() || code.size() > 32) return false;
    for (char ch : code) {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                        ch == '_' || ch == '-';
        if (!ok) return false;
    }
    return true;
}

Result<void> check_fields(storage::Connection& c, const Station& s) {
    if (!valid_code(s.code)) return fail(ErrorCode::invalid_argument, "code: 1-32 letters, digits, '_' or '-'", "code");
    if (s.name.empty()) return fail(ErrorCode::invalid_argument, "name must not be empty", "name");
    if (s.city.empty()) return fail(ErrorCode::invalid_argument, "city must not be empty", "city");
    if (s.kind != "national" && s.kind != "provincial" && s.kind != "county" && s.kind != "micro")
        return fail(ErrorCode::invalid_argument, "kind must be national, provincial, county or micro", "kind");
    if (s.longitude && !(std::abs(*s.longitude) <= 180.0))
        return fail(ErrorCode::invalid_argument, "longitude must lie in [-180, 180]", "longitude");
    if (s.latitude && !(std::abs(*s.latitude) <= 90.0))
        return fail(ErrorCode::invalid_argument, "latitude must lie in [-90, 90]", "latitude");
    const SqlValue unit[] = {s.unit_id};
    auto rows = c.query("SELECT id FROM units WHERE id = $1", unit);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return fail(ErrorCode::invalid_argument, "no unit with id " + std::to_string(s.unit_id), "unit_id");
    return {};
}

Result<std::vector<Station>> select_stations(storage::Connection& c, std::string_view where,
                                             std::span<const SqlValue> params) {
    auto rows = c.query("SELECT " + std::string(kColumns) + " FROM stations " + std::string(where), params);
    if (!rows) return std::unexpected(rows.error());
    std::vector<Station> out;
    out.reserve(rows->size());
    for (const Row& r : *rows) out.push_back(from_row(r));
    return out;
}

}  // namespace

std::string station_audit_json(const Station& s) {
    return "{\"id\":" + std::to_string(s.id) + ",\"code\":" + json_quote(s.code) + ",\"name\":" + json_quote(s.name) +
           ",\"kind\":" + json_quote(s.kind) + ",\"unit_id\":" + std::to_string(s.unit_id) +
           ",\"city\":" + json_quote(s.city) + ",\"longitude\":" + json_number(s.longitude) +
           ",\"latitude\":" + json_number(s.latitude) + ",\"control\":" + (s.control ? "true" : "false") + "}";
}

Result<std::vector<Station>> list_stations(storage::Connection& c) { return select_stations(c, "ORDER BY code", {}); }

Result<Station> get_station(storage::Connection& c, std::int64_t id) {
    const SqlValue p[] = {id};
    auto found = select_stations(c, "WHERE id = $1", p);
    if (!found) return std::unexpected(found.error());
    if (found->empty()) return fail(ErrorCode::not_found, "no station with id " + std::to_string(id), "id");
    return std::move(found->front());
}

Result<std::optional<Station>> find_station(storage::Connection& c, std::string_view code) {
    const SqlValue p[] = {std::string(code)};
    auto found = select_stations(c, "WHERE code = $1", p);
    if (!found) return std::unexpected(found.error());
    if (found->empty()) return std::optional<Station>{};
    return std::optional<Station>{std::move(found->front())};
}

Result<Station> create_station(storage::Connection& c, const Actor& who, Station s, const std::string& at_iso) {
    if (!can_write_campaign(who)) return fail(ErrorCode::forbidden, "only admin and bureau may add stations");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    if (auto ok = check_fields(c, s); !ok) return std::unexpected(ok.error());
    if (auto dup = find_station(c, s.code); !dup || *dup)
        return dup ? fail(ErrorCode::conflict, "station code " + s.code + " exists", "code")
                   : std::unexpected(dup.error());
    const SqlValue p[] = {s.code, s.name, s.kind, s.unit_id, s.city, opt_real(s.longitude), opt_real(s.latitude),
                          std::int64_t{s.control ? 1 : 0}, at_iso};
    auto id = c.query(
        "INSERT INTO stations (code, name, kind, unit_id, city, longitude, latitude, control, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        p);
    if (!id) return std::unexpected(id.error());
    s.id = id->at(0).integer(0);
    AuditEntry entry{"create", "stations", std::to_string(s.id), std::nullopt, station_audit_json(s)};
    if (auto a = append_audit(c, who, entry, at_iso); !a) return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return s;
}

Result<Station> update_station(storage::Connection& c, const Actor& who, std::int64_t id, const StationPatch& patch,
                               const std::string& at_iso) {
    if (!can_write_campaign(who)) return fail(ErrorCode::forbidden, "only admin and bureau may change stations");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto before = get_station(c, id);
    if (!before) return std::unexpected(before.error());
    Station s = *before;
    if (patch.name) s.name = *patch.name;
    if (patch.kind) s.kind = *patch.kind;
    if (patch.unit_id) s.unit_id = *patch.unit_id;
    if (patch.city) s.city = *patch.city;
    if (patch.longitude) s.longitude = *patch.longitude;
    if (patch.latitude) s.latitude = *patch.latitude;
    if (patch.control) s.control = *patch.control;
    if (auto ok = check_fields(c, s); !ok) return std::unexpected(ok.error());
    const SqlValue p[] = {s.name,  s.kind, s.unit_id, s.city, opt_real(s.longitude), opt_real(s.latitude),
                          std::int64_t{s.control ? 1 : 0}, id};
    auto changed = c.execute(
        "UPDATE stations SET name = $1, kind = $2, unit_id = $3, city = $4, longitude = $5, latitude = $6, "
        "control = $7 WHERE id = $8",
        p);
    if (!changed) return std::unexpected(changed.error());
    AuditEntry entry{"update", "stations", std::to_string(id), station_audit_json(*before), station_audit_json(s)};
    if (auto a = append_audit(c, who, entry, at_iso); !a) return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return s;
}

}  // namespace ecogov
