// GET /api/v1/air/* (docs/api.md "Air quality").
#include <boost/json.hpp>

#include "net/http/routes_air_json.hpp"
#include "net/http/routes_air_params.hpp"

namespace ecogov::http {

namespace json = boost::json;

namespace {

constexpr int kMaxHourlyDays = 92;
constexpr int kMaxDailyDays = 3660;

/// The daily values named by ?station=CODE or ?city=NAME over ?from=&to=, and that name.
struct Subject {
    std::string name;
    std::vector<DailyValues> days;
};

Result<Subject> daily_subject(storage::Connection& c, AirQueries& air, const AppContext& ctx, const Request& r,
                              std::optional<DateRange> forced = std::nullopt) {
    const bool by_station = r.param("station").has_value();
    const auto city = r.param("city");
    if (by_station == city.has_value())
        return fail(ErrorCode::invalid_argument, "station: give either station=CODE or city=NAME", "station");
    DateRange range{};
    if (forced) {
        range = *forced;
    } else {
        auto parsed = range_params(c, ctx, r, 31, kMaxDailyDays);
        if (!parsed) return std::unexpected(parsed.error());
        range = *parsed;
    }
    if (city) {
        auto days = air.city_daily(c, *city, range);
        if (!days) return std::unexpected(days.error());
        return Subject{*city, std::move(*days)};
    }
    auto station = station_param(c, r);
    if (!station) return std::unexpected(station.error());
    auto days = air.station_daily(c, *station, range);
    if (!days) return std::unexpected(days.error());
    return Subject{station->code, std::move(*days)};
}

/// ?period= and ?year= → the spec and the days of data it needs.
Result<std::pair<PeriodSpec, DateRange>> period_params(storage::Connection& c, const AppContext& ctx,
                                                       const Request& r) {
    const auto spec = parse_period_spec(r.param("period").value_or("year"));
    if (!spec) return fail(ErrorCode::invalid_argument, "period: year, quarter, month or FROM..TO", "period");
    if (spec->kind == PeriodKind::range) {
        if (spec->range->day_count() > kMaxDailyDays)
            return fail(ErrorCode::invalid_argument, "period: at most 3660 days", "period");
        return std::make_pair(*spec, *spec->range);
    }
    auto year = int_param(r, "year", 2000, 2100);
    if (!year) return std::unexpected(year.error());
    int y = 0;
    if (*year) {
        y = static_cast<int>(**year);
    } else {
        auto range = range_params(c, ctx, Request{}, 1, 1);  // the latest day with data
        if (!range) return std::unexpected(range.error());
        y = range->last.year();
    }
    return std::make_pair(*spec, DateRange{Date::from_ymd(y, 1, 1), Date::from_ymd(y, 12, 31)});
}

Response download(const std::string& type, const std::string& file, std::string body) {
    Response r;
    r.content_type = type;
    r.body = std::move(body);
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
    return r;
}

void add_overview_and_hourly(Router& router, AppContext& ctx, const std::shared_ptr<AirQueries>& air) {
    router.add("GET", "/api/v1/air/overview", Access::read, "Latest AQI per station, ranking, targets",
               [&ctx, air](Request& r) {
                   auto date = date_param(r, "date");
                   if (!date) return error_response(date.error());
                   auto c = ctx.db.acquire();
                   auto generation = air->generation(*c);
                   if (!generation) return error_response(generation.error());
                   const std::string key = "overview:" + (*date ? (*date)->iso() : std::string("latest"));
                   Response out;
                   if (auto body = air->cached_answer(key, *generation)) {
                       out.body = std::move(*body);
                       return out;
                   }
                   auto o = air_overview(*c, *air, *date);
                   if (!o) return error_response(o.error());
                   out = json_response(200, overview_json(*o));
                   air->store_answer(key, *generation, out.body);
                   return out;
               });
    router.add("GET", "/api/v1/air/hourly", Access::read, "Hourly AQI of a station", [&ctx, air](Request& r) {
        auto c = ctx.db.acquire();
        auto station = station_param(*c, r);
        if (!station) return error_response(station.error());
        auto range = range_params(*c, ctx, r, 1, kMaxHourlyDays);
        if (!range) return error_response(range.error());
        auto rows = air->hourly(*c, *station, *range);
        if (!rows) return error_response(rows.error());
        json::array out;
        for (const HourlyAqiRow& h : *rows) out.push_back(hourly_json(h));
        return json_response(200, json::object{{"rows", std::move(out)}});
    });
}

void add_daily(Router& router, AppContext& ctx, const std::shared_ptr<AirQueries>& air) {
    router.add("GET", "/api/v1/air/daily", Access::read, "Daily values of a station or city", [&ctx, air](Request& r) {
        auto c = ctx.db.acquire();
        auto s = daily_subject(*c, *air, ctx, r);
        if (!s) return error_response(s.error());
        json::array out;
        for (const DailyValues& d : s->days) out.push_back(daily_json(d));
        return json_response(200, json::object{{"rows", std::move(out)}});
    });
    router.add("GET", "/api/v1/air/daily.csv", Access::read, "Daily values as CSV", [&ctx, air](Request& r) {
        auto c = ctx.db.acquire();
        auto s = daily_subject(*c, *air, ctx, r);
        if (!s) return error_response(s.error());
        return download("text/csv; charset=utf-8", "daily.csv", daily_csv(s->name, s->days));
    });
    router.add("GET", "/api/v1/air/daily.xlsx", Access::read, "Daily values as XLSX", [&ctx, air](Request& r) {
        auto c = ctx.db.acquire();
        auto s = daily_subject(*c, *air, ctx, r);
        if (!s) return error_response(s.error());
        auto book = daily_xlsx(s->name, s->days);
        if (!book) return error_response(book.error());
        return download("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "daily.xlsx",
                        std::move(*book));
    });
}

void add_evaluation(Router& router, AppContext& ctx, const std::shared_ptr<AirQueries>& air) {
    router.add("GET", "/api/v1/air/evaluation", Access::read, "Period evaluation (HJ 663)", [&ctx, air](Request& r) {
        auto c = ctx.db.acquire();
        auto period = period_params(*c, ctx, r);
        if (!period) return error_response(period.error());
        auto s = daily_subject(*c, *air, ctx, r, period->second);
        if (!s) return error_response(s.error());
        json::array out;
        for (const SeriesEvaluation& e : air->evaluation(s->name, std::move(s->days), period->first))
            out.push_back(evaluation_json(e));
        return json_response(200, json::object{{"rows", std::move(out)}});
    });
}

}  // namespace

void register_air_quality_routes(Router& router, AppContext& ctx, const std::shared_ptr<AirQueries>& air) {
    add_overview_and_hourly(router, ctx, air);
    add_daily(router, ctx, air);
    add_evaluation(router, ctx, air);
}

}  // namespace ecogov::http
