#include "cli/air_hourly.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "services/air_rows.hpp"
#include "standards/aqi/us_epa.hpp"
#include "standards/averaging/station_day.hpp"

namespace ecogov::cli::air {

namespace {

/// The last 24 hours of each station, for the moving means an hourly row may need: SO2 24-hour
/// (HJ 633-2012 SO2 > 800 case, when the file carries none), O3 and CO 8-hour (US EPA scheme).
class RecentHours {
  public:
    void push(int station, HourLabel label, const ConcSet& one_hour) {
        if (station >= static_cast<int>(windows_.size()))
            windows_.resize(static_cast<std::size_t>(station) + 1);
        Window& w = windows_[static_cast<std::size_t>(station)];
        if (label.hours - w.last >= 24 || label.hours < w.last) {
            w.ring.fill(ConcSet{});
        } else {
            for (auto h = w.last + 1; h < label.hours; ++h) w.ring[slot(h)] = ConcSet{};
        }
        w.last = label.hours;
        w.ring[slot(label.hours)] = one_hour;
        current_ = &w;
    }
    /// Mean of the last `hours` values of `p` at the station last pushed (GB 3095 Table 4 minimum).
    Conc moving_mean(Pollutant p, int hours) const {
        std::array<Conc, 24> values{};
        for (int i = 0; i < hours; ++i)
            values[static_cast<std::size_t>(i)] =
                current_->ring[slot(current_->last - i)][index_of(p)];
        if (hours == 8) return eight_hour_mean(std::span<const Conc, 8>(values.data(), 8));
        return covered_mean(std::span<const Conc>(values.data(), static_cast<std::size_t>(hours)),
                            20)
            .value;
    }

  private:
    struct Window {
        std::int64_t last = INT64_MIN / 2;
        std::array<ConcSet, 24> ring{};
    };
    static std::size_t slot(std::int64_t h) {
        return static_cast<std::size_t>(((h % 24) + 24) % 24);
    }
    std::vector<Window> windows_;
    const Window* current_ = nullptr;
};

class HourlySink final : public RecordSink {
  public:
    HourlySink(RunContext& ctx, Output& out) : ctx_(ctx), out_(out) {}
    void on_record(const HourlyRecord& r) override {
        recent_.push(ctx_.stations.id_of(r.station), r.label, r.one_hour);
        std::string& buf = out_.buffer();
        if (out_.is_json()) buf += first_ ? "[\n" : ",\n";
        if (ctx_.options.scheme == "us-epa-2024") {
            write_epa(buf, r);
        } else {
            write_hj633(buf, r);
        }
        first_ = false;
        out_.maybe_flush();
    }
    void on_issue(const ReadIssue& issue) override { ctx_.log.report(issue); }
    bool wrote_any() const noexcept { return !first_; }

  private:
    void write_hj633(std::string& buf, const HourlyRecord& r) {
        HourlyInput in{r.one_hour, r.so2_24h, r.not_monitored};
        if (!in.so2_24h) in.so2_24h = recent_.moving_mean(Pollutant::so2, 24);
        const RuleSet rules = ctx_.forced_rules ? *ctx_.forced_rules : rules_for_hour(r.label);
        const HourlyAqi aqi = hourly_aqi(in, rules, ctx_.policy);
        const HourlyRow row{r.station, r.label,         &r.one_hour,
                            &aqi,      r.published_aqi, r.published_aqi_na};
        if (out_.is_json())
            hourly_json_object(buf, row);
        else
            hourly_csv_row(buf, row);
    }
    /// US EPA 2024 for comparison: 1-hour PM on the 24-hour rows (no NowCast), O3 1-hour and the
    /// 8-hour moving mean, CO 8-hour moving mean, SO2 1-hour (24-hour moving mean above 304 ppb).
    void write_epa(std::string& buf, const HourlyRecord& r) {
        using us_epa::EpaPollutant;
        us_epa::EpaInput in;
        const auto set = [&](EpaPollutant p, const Conc& c) { in.conc[us_epa::at(p)] = c; };
        set(EpaPollutant::o3_1h, r.one_hour[index_of(Pollutant::o3)]);
        set(EpaPollutant::o3_8h, recent_.moving_mean(Pollutant::o3, 8));
        set(EpaPollutant::pm25_24h, r.one_hour[index_of(Pollutant::pm25)]);
        set(EpaPollutant::pm10_24h, r.one_hour[index_of(Pollutant::pm10)]);
        set(EpaPollutant::co_8h, recent_.moving_mean(Pollutant::co, 8));
        set(EpaPollutant::so2_1h, r.one_hour[index_of(Pollutant::so2)]);
        set(EpaPollutant::so2_24h, r.so2_24h ? r.so2_24h : recent_.moving_mean(Pollutant::so2, 24));
        set(EpaPollutant::no2_1h, r.one_hour[index_of(Pollutant::no2)]);
        const us_epa::EpaAqi aqi = us_epa::epa_aqi(in);
        const EpaRow row{r.station, r.label.iso(), &r.one_hour, &aqi};
        if (out_.is_json())
            epa_json_object(buf, row);
        else
            epa_hourly_csv_row(buf, row);
    }

    RunContext& ctx_;
    Output& out_;
    RecentHours recent_;
    bool first_ = true;
};

}  // namespace

int run_hourly(RunContext& ctx, Output& out) {
    if (!out.is_json()) {
        if (ctx.options.scheme == "us-epa-2024")
            epa_hourly_csv_header(out.buffer());
        else
            hourly_csv_header(out.buffer());
    }
    HourlySink sink(ctx, out);
    if (!read_inputs(ctx, sink)) return 2;
    if (out.is_json()) out.write(sink.wrote_any() ? "\n]\n" : "[]\n");
    return finish_run(ctx, out);
}

}  // namespace ecogov::cli::air
