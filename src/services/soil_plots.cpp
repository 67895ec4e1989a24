// Soil plots (services/water_sections.hpp: the plot half).
#include "services/audit.hpp"
#include "services/stations.hpp"
#include "services/water_sections.hpp"

namespace ecogov {

namespace {

using storage::Row;
using storage::SqlValue;

SoilPlot from_row(const Row& r) {
    return SoilPlot{r.integer(0), r.text(1),     r.text(2),    r.integer(3),
                    r.text(4),    r.opt_real(5), r.opt_real(6)};
}

std::string audit_json(const SoilPlot& p) {
    return "{\"id\":" + std::to_string(p.id) + ",\"code\":" + json_quote(p.code) +
           ",\"name\":" + json_quote(p.name) + ",\"unit_id\":" + std::to_string(p.unit_id) +
           ",\"land_use\":" + json_quote(p.land_use) +
           ",\"longitude\":" + site_checks::json_number(p.longitude) +
           ",\"latitude\":" + site_checks::json_number(p.latitude) + "}";
}

Result<std::vector<SoilPlot>> select(storage::Connection& c, std::string_view where,
                                     std::span<const SqlValue> params) {
    auto rows =
        c.query("SELECT id, code, name, unit_id, land_use, longitude, latitude FROM soil_plots " +
                    std::string(where),
                params);
    if (!rows) return std::unexpected(rows.error());
    std::vector<SoilPlot> out;
    for (const Row& r : *rows) out.push_back(from_row(r));
    return out;
}

Result<void> check_fields(storage::Connection& c, const SoilPlot& p) {
    if (!site_checks::valid_code(p.code))
        return fail(ErrorCode::invalid_argument, "code: 1-32 letters, digits, '_' or '-'", "code");
    if (p.land_use != "paddy" && p.land_use != "other" && p.land_use != "orchard" &&
        p.land_use != "rotation")
        return fail(ErrorCode::invalid_argument,
                    "land_use must be paddy, other, orchard or rotation", "land_use");
    return site_checks::name_and_place(c, p.name, p.unit_id, p.longitude, p.latitude);
}

}  // namespace

Result<std::vector<SoilPlot>> list_soil_plots(storage::Connection& c) {
    return select(c, "ORDER BY code", {});
}

Result<SoilPlot> get_soil_plot(storage::Connection& c, std::int64_t id) {
    const SqlValue p[] = {id};
    auto found = select(c, "WHERE id = $1", p);
    if (!found) return std::unexpected(found.error());
    if (found->empty())
        return fail(ErrorCode::not_found, "no soil plot with id " + std::to_string(id), "id");
    return std::move(found->front());
}

Result<SoilPlot> create_soil_plot(storage::Connection& c, const Actor& who, SoilPlot p,
                                  const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau may add soil plots");
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    if (auto ok = check_fields(c, p); !ok) return std::unexpected(ok.error());
    const SqlValue code[] = {p.code};
    auto dup = c.query("SELECT id FROM soil_plots WHERE code = $1", code);
    if (!dup) return std::unexpected(dup.error());
    if (!dup->empty())
        return fail(ErrorCode::conflict, "soil plot code " + p.code + " exists", "code");
    const SqlValue v[] = {p.code,
                          p.name,
                          p.unit_id,
                          p.land_use,
                          site_checks::opt_real(p.longitude),
                          site_checks::opt_real(p.latitude),
                          at_iso};
    auto id = c.query(
        "INSERT INTO soil_plots (code, name, unit_id, land_use, longitude, latitude, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        v);
    if (!id) return std::unexpected(id.error());
    p.id = id->at(0).integer(0);
    AuditEntry e{"create", "soil_plots", std::to_string(p.id), std::nullopt, audit_json(p)};
    if (auto a = append_audit(c, who, e, at_iso); !a) return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return p;
}

}  // namespace ecogov
