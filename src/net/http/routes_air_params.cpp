#include "net/http/routes_air_params.hpp"

#include <charconv>

#include "services/observations.hpp"
#include "services/targets.hpp"

namespace ecogov::http {

Result<std::optional<Date>> date_param(const Request& r, const std::string& name) {
    const auto text = r.param(name);
    if (!text) return std::optional<Date>{};
    const auto d = Date::parse(*text);
    if (!d || text->size() != 10) return fail(ErrorCode::invalid_argument, name + ": expected a date YYYY-MM-DD", name);
    return std::optional<Date>{d};
}

Result<std::optional<std::int64_t>> int_param(const Request& r, const std::string& name, std::int64_t lo,
                                              std::int64_t hi) {
    const auto text = r.param(name);
    if (!text) return std::optional<std::int64_t>{};
    std::int64_t v = 0;
    const auto res = std::from_chars(text->data(), text->data() + text->size(), v);
    if (res.ec != std::errc{} || res.ptr != text->data() + text->size() || v < lo || v > hi)
        return fail(ErrorCode::invalid_argument,
                    name + ": expected an integer in " + std::to_string(lo) + ".." + std::to_string(hi), name);
    return std::optional<std::int64_t>{v};
}

Result<DateRange> range_params(storage::Connection& c, const AppContext& ctx, const Request& r, int default_days,
                               int max_days) {
    auto from = date_param(r, "from");
    if (!from) return std::unexpected(from.error());
    auto to = date_param(r, "to");
    if (!to) return std::unexpected(to.error());
    if (!*to) {
        if (*from) {
            *to = **from + (default_days - 1);
        } else {
            auto latest = latest_label(c);
            if (!latest) return std::unexpected(latest.error());
            *to = *latest ? (*latest)->day() : today_cst(ctx);
        }
    }
    if (!*from) *from = **to - (default_days - 1);
    if (**to < **from) return fail(ErrorCode::invalid_argument, "from: must not be after to", "from");
    if (**to - **from + 1 > max_days)
        return fail(ErrorCode::invalid_argument, "to: at most " + std::to_string(max_days) + " days per request", "to");
    return DateRange{**from, **to};
}

Result<Station> station_param(storage::Connection& c, const Request& r) {
    const auto code = r.param("station");
    if (!code || code->empty()) return fail(ErrorCode::invalid_argument, "station: a station code is required", "station");
    auto s = find_station(c, *code);
    if (!s) return std::unexpected(s.error());
    if (!*s) return fail(ErrorCode::not_found, "no station with code " + *code, "station");
    return std::move(**s);
}

Date today_cst(const AppContext& ctx) { return cst_date_of_ms(unix_ms(ctx.clock.now())); }

std::string now_iso(const AppContext& ctx) { return iso_utc(ctx.clock.now()); }

}  // namespace ecogov::http
