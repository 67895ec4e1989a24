#include "cli/air_daily.hpp"

#include <iostream>
#include <string>

#include "services/air_rows.hpp"
#include "standards/aqi/us_epa.hpp"

namespace ecogov::cli::air {

namespace {

class DailySink final : public RecordSink {
  public:
    DailySink(RunContext& ctx, DailyBuilder& builder) : ctx_(ctx), builder_(builder) {}
    void on_record(const HourlyRecord& r) override {
        const int id = ctx_.stations.id_of(r.station);
        switch (builder_.add(id, r.label, r.one_hour)) {
            case DailyBuilder::Accept::ok:
                break;
            case DailyBuilder::Accept::duplicate:
                ctx_.log.report_record(r.station, r.label,
                                       "second value for this station-hour ignored");
                break;
            case DailyBuilder::Accept::late:
                ctx_.log.report_record(
                    r.station, r.label,
                    "arrives after its day was closed: give the input files in time order");
                break;
        }
    }
    void on_issue(const ReadIssue& issue) override { ctx_.log.report(issue); }

  private:
    RunContext& ctx_;
    DailyBuilder& builder_;
};

/// US EPA 2024 daily AQI from ecogov's daily values (for comparison; docs/indicators.md).
us_epa::EpaAqi epa_daily(const DailyValues& d) {
    using us_epa::EpaPollutant;
    us_epa::EpaInput in;
    const auto set = [&](EpaPollutant p, const CoveredConc& c) {
        in.conc[us_epa::at(p)] = c.value;
    };
    set(EpaPollutant::o3_8h, d[DailyIndicator::o3_8h_max]);
    set(EpaPollutant::o3_1h, d[DailyIndicator::o3_1h_max]);
    set(EpaPollutant::pm25_24h, d[DailyIndicator::pm25_24h]);
    set(EpaPollutant::pm10_24h, d[DailyIndicator::pm10_24h]);
    set(EpaPollutant::co_8h, d.co_8h_max);
    set(EpaPollutant::so2_1h, d.so2_1h_max);
    set(EpaPollutant::so2_24h, d[DailyIndicator::so2_24h]);
    set(EpaPollutant::no2_1h, d.no2_1h_max);
    return us_epa::epa_aqi(in);
}

void write_daily_row(std::string& buf, bool json, bool epa, const std::string& name,
                     const DailyValues& d) {
    if (epa) {
        const us_epa::EpaAqi aqi = epa_daily(d);
        ConcSet daily_conc{};
        daily_conc[index_of(Pollutant::so2)] = d[DailyIndicator::so2_24h].value;
        daily_conc[index_of(Pollutant::no2)] = d.no2_1h_max.value;
        daily_conc[index_of(Pollutant::co)] = d.co_8h_max.value;
        daily_conc[index_of(Pollutant::o3)] = d[DailyIndicator::o3_8h_max].value;
        daily_conc[index_of(Pollutant::pm10)] = d[DailyIndicator::pm10_24h].value;
        daily_conc[index_of(Pollutant::pm25)] = d[DailyIndicator::pm25_24h].value;
        const EpaRow row{name, d.date.iso(), &daily_conc, &aqi};
        if (json)
            epa_json_object(buf, row);
        else
            epa_hourly_csv_row(buf, row);
        return;
    }
    if (json)
        daily_json_object(buf, name, d);
    else
        daily_csv_row(buf, name, d);
}

}  // namespace

Result<std::vector<DailySeries>> daily_series(RunContext& ctx) {
    DailyBuilder builder(ctx.forced_rules);
    DailySink sink(ctx, builder);
    if (!read_inputs(ctx, sink)) return fail(ErrorCode::bad_data, "input unreadable");
    auto daily = builder.finish(ctx.stations);
    if (ctx.options.group != "city") return daily;
    auto list = load_station_list(ctx.options.stations);
    if (!list) {
        std::cerr << list.error().field << ": " << list.error().message << '\n';
        return std::unexpected(list.error());
    }
    CityGrouping grouping = by_city(daily, *list, ctx.forced_rules);
    for (const std::string& s : grouping.unlisted)
        std::cerr << "ecogov air: station " << s << " is not in " << ctx.options.stations
                  << "; left out of the city values\n";
    return std::move(grouping.cities);
}

int run_daily(RunContext& ctx, Output& out) {
    auto series = daily_series(ctx);
    if (!series) return 2;
    const bool epa = ctx.options.scheme == "us-epa-2024";
    std::string& buf = out.buffer();
    if (out.is_json())
        buf += "[";
    else if (epa)
        epa_daily_csv_header(buf);
    else
        daily_csv_header(buf);
    bool first = true;
    for (const DailySeries& s : *series) {
        for (const DailyValues& d : s.days) {
            if (out.is_json()) buf += first ? "\n" : ",\n";
            write_daily_row(buf, out.is_json(), epa, s.name, d);
            first = false;
            out.maybe_flush();
        }
    }
    if (out.is_json()) buf += first ? "]\n" : "\n]\n";
    return finish_run(ctx, out);
}

}  // namespace ecogov::cli::air
