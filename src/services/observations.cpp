// Read-back of stored observations (services/observations.hpp).
#include "services/observations.hpp"

namespace ecogov {

Result<std::vector<StoredHour>> load_hours(storage::Connection& c, std::int64_t station_id, HourLabel first,
                                           HourLabel last) {
    const storage::SqlValue p[] = {station_id, first.hours, last.hours};
    auto rows = c.query(
        "SELECT label, so2, no2, co, o3, pm10, pm25 FROM observations "
        "WHERE station_id = $1 AND label >= $2 AND label <= $3 ORDER BY label",
        p);
    if (!rows) return std::unexpected(rows.error());
    std::vector<StoredHour> out;
    out.reserve(rows->size());
    for (const storage::Row& r : *rows) {
        StoredHour h{HourLabel{r.integer(0)}, {}};
        for (std::size_t i = 0; i < h.values.size(); ++i) {
            if (const auto v = r.opt_integer(1 + i)) h.values[i] = static_cast<std::int32_t>(*v);
        }
        out.push_back(h);
    }
    return out;
}

Result<std::optional<HourLabel>> latest_label(storage::Connection& c) {
    auto rows = c.query("SELECT MAX(label) FROM observations");
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty() || rows->front().is_null(0)) return std::optional<HourLabel>{};
    return std::optional<HourLabel>{HourLabel{rows->front().integer(0)}};
}

}  // namespace ecogov
