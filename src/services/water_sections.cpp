// Water sections (services/water_sections.hpp).
#include "services/water_sections.hpp"

#include <cmath>
#include <cstdio>

#include "services/audit.hpp"
#include "services/stations.hpp"

namespace ecogov {

namespace {

using storage::Row;
using storage::SqlValue;

constexpr std::string_view kColumns =
    "id, code, name, water_body, river, unit_id, target_class, kind, longitude, latitude";

WaterSection from_row(const Row& r) {
    return WaterSection{r.integer(0), r.text(1), r.text(2), r.text(3),     r.text(4),
                        r.integer(5), r.text(6), r.text(7), r.opt_real(8), r.opt_real(9)};
}

std::string audit_json(const WaterSection& s) {
    return "{\"id\":" + std::to_string(s.id) + ",\"code\":" + json_quote(s.code) +
           ",\"name\":" + json_quote(s.name) + ",\"water_body\":" + json_quote(s.water_body) +
           ",\"river\":" + json_quote(s.river) + ",\"unit_id\":" + std::to_string(s.unit_id) +
           ",\"target_class\":" + json_quote(s.target_class) + ",\"kind\":" + json_quote(s.kind) +
           ",\"longitude\":" + site_checks::json_number(s.longitude) +
           ",\"latitude\":" + site_checks::json_number(s.latitude) + "}";
}

bool one_of(const std::string& v, std::initializer_list<std::string_view> allowed) {
    for (std::string_view a : allowed)
        if (v == a) return true;
    return false;
}

Result<void> check_fields(storage::Connection& c, const WaterSection& s) {
    if (!site_checks::valid_code(s.code))
        return fail(ErrorCode::invalid_argument, "code: 1-32 letters, digits, '_' or '-'", "code");
    if (!one_of(s.water_body, {"river", "lake"}))
        return fail(ErrorCode::invalid_argument, "water_body must be river or lake", "water_body");
    if ((s.water_body == "river" && s.river.empty()) || s.river.size() > 200)
        return fail(ErrorCode::invalid_argument,
                    "river: 1-200 bytes (may be empty only for a lake)", "river");
    if (!one_of(s.target_class, {"I", "II", "III", "IV", "V"}))
        return fail(ErrorCode::invalid_argument, "target_class must be I, II, III, IV or V",
                    "target_class");
    if (!one_of(s.kind, {"national", "provincial", "city", "county", "drinking_source"}))
        return fail(ErrorCode::invalid_argument,
                    "kind must be national, provincial, city, county or drinking_source", "kind");
    return site_checks::name_and_place(c, s.name, s.unit_id, s.longitude, s.latitude);
}

Result<std::vector<WaterSection>> select(storage::Connection& c, std::string_view where,
                                         std::span<const SqlValue> params) {
    auto rows = c.query(
        "SELECT " + std::string(kColumns) + " FROM water_sections " + std::string(where), params);
    if (!rows) return std::unexpected(rows.error());
    std::vector<WaterSection> out;
    for (const Row& r : *rows) out.push_back(from_row(r));
    return out;
}

Result<WaterSection> commit_with(storage::Transaction& tx, const Actor& who, const AuditEntry& e,
                                 const std::string& at, WaterSection s) {
    if (auto a = append_audit(tx.connection(), who, e, at); !a) return std::unexpected(a.error());
    if (auto done = tx.commit(); !done) return std::unexpected(done.error());
    return s;
}

}  // namespace

namespace site_checks {

bool valid_code(std::string_view code) {
    if (code.empty() || code.size() > 32) return false;
    for (char ch : code) {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                        (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
        if (!ok) return false;
    }
    return true;
}

Result<void> name_and_place(storage::Connection& c, const std::string& name, std::int64_t unit_id,
                            const std::optional<double>& lon, const std::optional<double>& lat) {
    if (name.empty() || name.size() > 200)
        return fail(ErrorCode::invalid_argument, "name: 1-200 bytes", "name");
    if (lon && !(std::abs(*lon) <= 180.0))
        return fail(ErrorCode::invalid_argument, "longitude must lie in [-180, 180]", "longitude");
    if (lat && !(std::abs(*lat) <= 90.0))
        return fail(ErrorCode::invalid_argument, "latitude must lie in [-90, 90]", "latitude");
    const SqlValue unit[] = {unit_id};
    auto rows = c.query("SELECT id FROM units WHERE id = $1", unit);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty())
        return fail(ErrorCode::invalid_argument, "no unit with id " + std::to_string(unit_id),
                    "unit_id");
    return {};
}

std::string json_number(const std::optional<double>& v) {
    if (!v) return "null";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", *v);
    return buf;
}

SqlValue opt_real(const std::optional<double>& v) {
    return v ? SqlValue{*v} : SqlValue{nullptr};
}

}  // namespace site_checks

Result<std::vector<WaterSection>> list_water_sections(storage::Connection& c) {
    return select(c, "ORDER BY code", {});
}

Result<WaterSection> get_water_section(storage::Connection& c, std::int64_t id) {
    const SqlValue p[] = {id};
    auto found = select(c, "WHERE id = $1", p);
    if (!found) return std::unexpected(found.error());
    if (found->empty())
        return fail(ErrorCode::not_found, "no water section with id " + std::to_string(id), "id");
    return std::move(found->front());
}

Result<WaterSection> create_water_section(storage::Connection& c, const Actor& who, WaterSection s,
                                          const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may add water sections");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    if (auto ok = check_fields(c, s); !ok) return std::unexpected(ok.error());
    const SqlValue code[] = {s.code};
    auto dup = c.query("SELECT id FROM water_sections WHERE code = $1", code);
    if (!dup) return std::unexpected(dup.error());
    if (!dup->empty())
        return fail(ErrorCode::conflict, "water section code " + s.code + " exists", "code");
    const SqlValue p[] = {s.code,
                          s.name,
                          s.water_body,
                          s.river,
                          s.unit_id,
                          s.target_class,
                          s.kind,
                          site_checks::opt_real(s.longitude),
                          site_checks::opt_real(s.latitude),
                          at_iso};
    auto id = c.query(
        "INSERT INTO water_sections (code, name, water_body, river, unit_id, target_class, kind, "
        "longitude, "
        "latitude, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        p);
    if (!id) return std::unexpected(id.error());
    s.id = id->at(0).integer(0);
    return commit_with(
        *tx, who, {"create", "water_sections", std::to_string(s.id), std::nullopt, audit_json(s)},
        at_iso, s);
}

Result<WaterSection> update_water_section(storage::Connection& c, const Actor& who, std::int64_t id,
                                          const WaterSectionPatch& patch,
                                          const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may change water sections");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto before = get_water_section(c, id);
    if (!before) return std::unexpected(before.error());
    WaterSection s = *before;
    if (patch.name) s.name = *patch.name;
    if (patch.water_body) s.water_body = *patch.water_body;
    if (patch.river) s.river = *patch.river;
    if (patch.unit_id) s.unit_id = *patch.unit_id;
    if (patch.target_class) s.target_class = *patch.target_class;
    if (patch.kind) s.kind = *patch.kind;
    if (patch.longitude) s.longitude = *patch.longitude;
    if (patch.latitude) s.latitude = *patch.latitude;
    if (auto ok = check_fields(c, s); !ok) return std::unexpected(ok.error());
    const SqlValue p[] = {s.name,
                          s.water_body,
                          s.river,
                          s.unit_id,
                          s.target_class,
                          s.kind,
                          site_checks::opt_real(s.longitude),
                          site_checks::opt_real(s.latitude),
                          id};
    auto changed = c.execute(
        "UPDATE water_sections SET name = $1, water_body = $2, river = $3, unit_id = $4, "
        "target_class = $5, "
        "kind = $6, longitude = $7, latitude = $8 WHERE id = $9",
        p);
    if (!changed) return std::unexpected(changed.error());
    return commit_with(
        *tx, who,
        {"update", "water_sections", std::to_string(id), audit_json(*before), audit_json(s)},
        at_iso, s);
}

}  // namespace ecogov
