#pragma once
// Water sections (断面) and soil plots (地块) (issue 8 item 1; docs/api.md "Water and soil",
// docs/schema.md `water_sections`, `soil_plots`).
//
// Contract (as services/stations.hpp):
// - Anyone signed in reads; only admin and bureau write (can_write_campaign, else `forbidden`).
// - Every write runs in one transaction with its audit entry (before/after JSON of the row).
// - Input is checked before storage: code 1-32 of [A-Za-z0-9_-] (unique → else `conflict`, never
//   changed), name non-empty (<= 200 bytes), water_body river|lake, river non-empty for a river
//   (may be empty for a lake or reservoir), target_class I..V, kind
//   national|provincial|city|county|drinking_source, land_use paddy|other|orchard|rotation,
//   unit_id an existing unit, longitude in [-180, 180], latitude in [-90, 90]. A bad value is
//   `invalid_argument` naming the field; an unknown id `not_found`.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct WaterSection {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string water_body = "river";
    std::string river;
    std::int64_t unit_id = 0;
    std::string target_class = "III";
    std::string kind = "county";
    std::optional<double> longitude;
    std::optional<double> latitude;
};

/// Fields a PATCH may change (everything but id and code).
struct WaterSectionPatch {
    std::optional<std::string> name;
    std::optional<std::string> water_body;
    std::optional<std::string> river;
    std::optional<std::int64_t> unit_id;
    std::optional<std::string> target_class;
    std::optional<std::string> kind;
    std::optional<std::optional<double>> longitude;
    std::optional<std::optional<double>> latitude;
};

struct SoilPlot {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::int64_t unit_id = 0;
    std::string land_use = "other";
    std::optional<double> longitude;
    std::optional<double> latitude;
};

Result<std::vector<WaterSection>> list_water_sections(storage::Connection& c);  // by code
Result<WaterSection> get_water_section(storage::Connection& c, std::int64_t id);
Result<WaterSection> create_water_section(storage::Connection& c, const Actor& who, WaterSection s,
                                          const std::string& at_iso);
Result<WaterSection> update_water_section(storage::Connection& c, const Actor& who, std::int64_t id,
                                          const WaterSectionPatch& patch,
                                          const std::string& at_iso);

Result<std::vector<SoilPlot>> list_soil_plots(storage::Connection& c);  // by code
Result<SoilPlot> get_soil_plot(storage::Connection& c, std::int64_t id);
Result<SoilPlot> create_soil_plot(storage::Connection& c, const Actor& who, SoilPlot p,
                                  const std::string& at_iso);

/// Shared checks of the section and plot services (also used by their audit JSON).
namespace site_checks {
bool valid_code(std::string_view code);
Result<void> name_and_place(storage::Connection& c, const std::string& name, std::int64_t unit_id,
                            const std::optional<double>& lon, const std::optional<double>& lat);
std::string json_number(const std::optional<double>& v);
storage::SqlValue opt_real(const std::optional<double>& v);
}  // namespace site_checks

}  // namespace ecogov
