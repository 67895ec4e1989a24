#include "cli/air_command.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>

#include "services/air_rows.hpp"
#include "cli/generate_command.hpp"
#include "cli/input_file.hpp"
#include "cli/output.hpp"
#include "cli/progress.hpp"
#include "core/decimal.hpp"
#include "ingest/hourly_reader.hpp"
#include "services/air_analysis.hpp"
#include "standards/aqi/us_epa.hpp"

namespace ecogov::cli {

namespace {

constexpr int kIssuesShownPerFile = 20;

/// Counts and prints the problems found in the input (file:line:column, field, why).
class IssueLog {
public:
    void set_file(const std::string& file) {
        file_ = file;
        shown_in_file_ = 0;
        hidden_in_file_ = 0;
    }
    void report(const ReadIssue& issue) {
        switch (issue.severity) {
            case IssueSeverity::bad_cell: ++bad_cells; break;
            case IssueSeverity::bad_line: ++bad_lines; break;
            case IssueSeverity::fatal: ++fatal; break;
        }
        std::string where = file_ + ":" + std::to_string(issue.line);
        if (issue.column) where += ":" + std::to_string(issue.column);
        if (!issue.field.empty()) where += " (" + issue.field + ")";
        print(where + ": " + issue.message, issue.severity == IssueSeverity::fatal);
    }
    void report_record(std::string_view station, HourLabel label, const std::string& why) {
        ++bad_records;
        print(file_ + ": station " + std::string(station) + " at " + label.iso() + ": " + why, false);
    }
    void end_file() {
        if (hidden_in_file_)
            std::cerr << file_ << ": ... and " << hidden_in_file_ << " more problems not shown\n";
    }
    bool clean() const noexcept { return bad_cells + bad_lines + bad_records + fatal == 0; }
    void summary() const {
        if (clean()) return;
        std::cerr << "ecogov air: " << bad_cells << " bad cells (treated as missing), " << bad_lines
                  << " bad lines (skipped), " << bad_records << " refused records, " << fatal
                  << " fatal errors\n";
    }

    std::uint64_t bad_cells = 0, bad_lines = 0, bad_records = 0, fatal = 0;

private:
    void print(const std::string& text, bool always) {
        if (shown_in_file_ < kIssuesShownPerFile || always) {
            std::cerr << text << '\n';
            ++shown_in_file_;
        } else {
            ++hidden_in_file_;
        }
    }
    std::string file_;
    int shown_in_file_ = 0;
    std::uint64_t hidden_in_file_ = 0;
};

/// The last 24 hours of each station, for the moving means an hourly row may need: SO2 24-hour
/// (HJ 633-2012 SO2 > 800 case, when the file carries none), O3 and CO 8-hour (US EPA scheme).
class RecentHours {
public:
    void push(int station, HourLabel label, const ConcSet& one_hour) {
        if (station >= static_cast<int>(windows_.size())) windows_.resize(static_cast<std::size_t>(station) + 1);
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
            values[static_cast<std::size_t>(i)] = current_->ring[slot(current_->last - i)][index_of(p)];
        if (hours == 8) return eight_hour_mean(std::span<const Conc, 8>(values.data(), 8));
        return covered_mean(std::span<const Conc>(values.data(), static_cast<std::size_t>(hours)), 20).value;
    }

private:
    struct Window {
        std::int64_t last = INT64_MIN / 2;
        std::array<ConcSet, 24> ring{};
    };
    static std::size_t slot(std::int64_t h) { return static_cast<std::size_t>(((h % 24) + 24) % 24); }
    std::vector<Window> windows_;
    const Window* current_ = nullptr;
};

struct RunContext {
    const AirOptions& options;
    std::optional<RuleSet> forced_rules;
    PublicationPolicy policy;
    IssueLog log;
    StationIndex stations;
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
        const HourlyRow row{r.station, r.label, &r.one_hour, &aqi, r.published_aqi, r.published_aqi_na};
        if (out_.is_json()) hourly_json_object(buf, row);
        else hourly_csv_row(buf, row);
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
        if (out_.is_json()) epa_json_object(buf, row);
        else epa_hourly_csv_row(buf, row);
    }

    RunContext& ctx_;
    Output& out_;
    RecentHours recent_;
    bool first_ = true;
};

class DailySink final : public RecordSink {
public:
    DailySink(RunContext& ctx, DailyBuilder& builder) : ctx_(ctx), builder_(builder) {}
    void on_record(const HourlyRecord& r) override {
        const int id = ctx_.stations.id_of(r.station);
        switch (builder_.add(id, r.label, r.one_hour)) {
            case DailyBuilder::Accept::ok: break;
            case DailyBuilder::Accept::duplicate:
                ctx_.log.report_record(r.station, r.label, "second value for this station-hour ignored");
                break;
            case DailyBuilder::Accept::late:
                ctx_.log.report_record(r.station, r.label,
                                       "arrives after its day was closed: give the input files in time order");
                break;
        }
    }
    void on_issue(const ReadIssue& issue) override { ctx_.log.report(issue); }

private:
    RunContext& ctx_;
    DailyBuilder& builder_;
};

/// Reads every input file into `sink`. Returns false on a fatal problem (message printed).
bool read_inputs(RunContext& ctx, RecordSink& sink) {
    Progress progress(ctx.options.quiet);
    const auto& files = ctx.options.inputs;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string& path = files[i];
        ctx.log.set_file(path);
        std::optional<InputFormat> format;
        if (ctx.options.format == "auto") {
            auto first = read_first_line(path);
            if (!first) {
                std::cerr << path << ": " << first.error().message << '\n';
                return false;
            }
            format = detect_format(*first);
            if (!format) {
                std::cerr << path << ":1: unrecognised header; expected a china_sites, CNEMC or PRSA file "
                          << "(or give --format)\n";
                return false;
            }
        } else {
            format = parse_format_id(ctx.options.format);
        }
        auto reader = make_reader(*format, sink);
        progress.set_file(path, static_cast<int>(i + 1), static_cast<int>(files.size()));
        auto read = read_file_chunks(
            path,
            [&](std::string_view chunk) {
                if (!reader->stopped()) reader->feed(chunk);
            },
            [&](std::uint64_t done, std::uint64_t total) { progress.update(done, total); });
        progress.done();
        if (!read) {
            std::cerr << path << ": " << read.error().message << '\n';
            return false;
        }
        reader->finish();
        ctx.log.end_file();
        if (reader->stopped()) return false;
    }
    return true;
}

std::optional<std::pair<Pollutant, std::string>> parse_pair(std::string_view item) {
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string_view key = item.substr(0, eq);
    for (Pollutant p : kAllPollutants)
        if (key == column_of(p) || key == name_of(p)) return std::make_pair(p, std::string(item.substr(eq + 1)));
    return std::nullopt;
}

/// "pm25=3,no2=2" → values scaled by `decimals` into `target`.
Result<void> parse_index_values(const std::string& text, const std::string& option, bool co_scaled,
                                int decimals, auto& target) {
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const auto comma = text.find(',', start);
        const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        auto pair = parse_pair(item);
        if (!pair) return fail(ErrorCode::invalid_argument, "expected POLLUTANT=NUMBER, got '" + item + "'", option);
        const int d = co_scaled && pair->first == Pollutant::co ? decimals + 1 : decimals;
        const ParsedCell cell = parse_rounded(pair->second, d);
        if (cell.status != CellStatus::value || cell.scaled <= 0)
            return fail(ErrorCode::invalid_argument, "'" + pair->second + "' is not a positive number", option);
        target[static_cast<std::size_t>(index_of(pair->first))] =
            static_cast<std::remove_reference_t<decltype(target[0])>>(cell.scaled);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return {};
}

Result<EvaluationConfig> evaluation_config(const AirOptions& o) {
    EvaluationConfig config;
    if (auto r = parse_index_values(o.index_weights, "--index-weights", false, 2, config.composite.weight_centi); !r)
        return std::unexpected(r.error());
    if (auto r = parse_index_values(o.index_limits, "--index-limits", true, 0, config.composite.limit); !r)
        return std::unexpected(r.error());
    return config;
}

Result<std::vector<StationInfo>> load_station_list(const std::string& path) {
    std::string text;
    auto r = read_file_chunks(path, [&](std::string_view chunk) { text.append(chunk); });
    if (!r) return std::unexpected(r.error());
    auto list = parse_station_list(text);
    if (!list) return fail(list.error().code, list.error().message, path + ":" + list.error().field);
    return list;
}

int finish_run(RunContext& ctx, Output& out) {
    if (auto c = out.commit(); !c) {
        std::cerr << c.error().field << ": " << c.error().message << '\n';
        return 2;
    }
    ctx.log.summary();
    return ctx.log.clean() ? 0 : 1;
}

int run_hourly(RunContext& ctx, Output& out) {
    if (!out.is_json()) {
        if (ctx.options.scheme == "us-epa-2024") epa_hourly_csv_header(out.buffer());
        else hourly_csv_header(out.buffer());
    }
    HourlySink sink(ctx, out);
    if (!read_inputs(ctx, sink)) return 2;
    if (out.is_json()) out.write(sink.wrote_any() ? "\n]\n" : "[]\n");
    return finish_run(ctx, out);
}

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

/// US EPA 2024 daily AQI from ecogov's daily values (for comparison; docs/indicators.md).
us_epa::EpaAqi epa_daily(const DailyValues& d) {
    using us_epa::EpaPollutant;
    us_epa::EpaInput in;
    const auto set = [&](EpaPollutant p, const CoveredConc& c) { in.conc[us_epa::at(p)] = c.value; };
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

void write_daily_row(std::string& buf, bool json, bool epa, const std::string& name, const DailyValues& d) {
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
        if (json) epa_json_object(buf, row);
        else epa_hourly_csv_row(buf, row);
        return;
    }
    if (json) daily_json_object(buf, name, d);
    else daily_csv_row(buf, name, d);
}

int run_daily(RunContext& ctx, Output& out) {
    auto series = daily_series(ctx);
    if (!series) return 2;
    const bool epa = ctx.options.scheme == "us-epa-2024";
    std::string& buf = out.buffer();
    if (out.is_json()) buf += "[";
    else if (epa) epa_daily_csv_header(buf);
    else daily_csv_header(buf);
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

int run_evaluate(RunContext& ctx, Output& out, const PeriodSpec& spec, const EvaluationConfig& config) {
    auto series = daily_series(ctx);
    if (!series) return 2;
    const auto rows = evaluate(*series, spec, config);
    std::string& buf = out.buffer();
    if (out.is_json()) buf += "[";
    else evaluation_csv_header(buf);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (out.is_json()) {
            buf += i ? ",\n" : "\n";
            evaluation_json_object(buf, rows[i]);
        } else {
            evaluation_csv_row(buf, rows[i]);
        }
        out.maybe_flush();
    }
    if (out.is_json()) buf += rows.empty() ? "]\n" : "\n]\n";
    return finish_run(ctx, out);
}

void add_common_options(CLI::App* cmd, AirOptions& o) {
    cmd->add_option("--input", o.inputs, "input files: china_sites, CNEMC or PRSA CSV, plain or gzip")
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("--output", o.output, "output FILE.csv, FILE.json, or - for CSV on stdout")->required();
    cmd->add_option("--format", o.format, "auto | china-sites | cnemc | prsa")
        ->check(CLI::IsMember({"auto", "china-sites", "cnemc", "prsa"}));
    cmd->add_option("--rules", o.rules, "auto (by the data's time) | hj633-2012 | hj633-2026")
        ->check(CLI::IsMember({"auto", "hj633-2012", "hj633-2026"}));
    cmd->add_option("--scheme", o.scheme, "hj633 (China) | us-epa-2024 (comparison)")
        ->check(CLI::IsMember({"hj633", "us-epa-2024"}));
    cmd->add_flag("--quiet", o.quiet, "no progress on stderr");
}

void add_group_options(CLI::App* cmd, AirOptions& o) {
    cmd->add_option("--group", o.group, "station | city (mean of the city's evaluation stations)")
        ->check(CLI::IsMember({"station", "city"}));
    cmd->add_option("--stations", o.stations, "station list (code, name, city, control) for --group city")
        ->check(CLI::ExistingFile);
}

}  // namespace

void add_air_command(CLI::App& app, AirOptions& o) {
    auto* air = app.add_subcommand("air", "air quality: hourly AQI, daily values, period evaluation");
    air->require_subcommand(1);
    auto* hourly = air->add_subcommand("hourly", "hourly (real-time) AQI of every station-hour");
    add_common_options(hourly, o);
    hourly->add_option("--missing-rule", o.missing_rule,
                       "auto | publish | hj633-2026: when a pollutant is missing, publish the AQI of the "
                       "others, or only when > 100 (HJ 633-2026 §5.3.1); auto = by rule set")
        ->check(CLI::IsMember({"auto", "publish", "hj633-2026"}));
    hourly->add_option("--pm10-missing", o.pm10_missing,
                       "publish | na: a missing 1-hour PM10 alone does (publish, the feed's practice) or "
                       "does not (na, strict §5.3.1) let the AQI be published")
        ->check(CLI::IsMember({"publish", "na"}));
    auto* daily = air->add_subcommand("daily", "daily values and daily AQI per station or city");
    add_common_options(daily, o);
    add_group_options(daily, o);
    auto* evaluate_cmd = air->add_subcommand("evaluate", "period evaluation (HJ 663) per station or city");
    add_common_options(evaluate_cmd, o);
    add_group_options(evaluate_cmd, o);
    evaluate_cmd->add_option("--period", o.period, "year | quarter | month | FROM..TO (YYYY-MM-DD)");
    evaluate_cmd->add_option("--index-weights", o.index_weights,
                             "composite index weights, e.g. pm25=3,no2=2,o3=2 (default 1 each)");
    evaluate_cmd->add_option("--index-limits", o.index_limits,
                             "composite index S_i, e.g. pm10=60,pm25=30 (default 60,40,70,35,CO 4,O3 160)");
    add_air_generate(*air);
    for (auto* cmd : {hourly, daily, evaluate_cmd}) {
        cmd->callback([&o, cmd] { o.mode = cmd->get_name(); });
    }
}

int run_air(const AirOptions& o) {
    RunContext ctx{o, parse_rule_set(o.rules), {}, {}, {}};
    if (o.missing_rule == "publish") ctx.policy.missing_rule = MissingRule::publish_available;
    if (o.missing_rule == "hj633-2026") ctx.policy.missing_rule = MissingRule::hj633_2026;
    ctx.policy.exempt_missing_pm10 = o.pm10_missing == "publish";
    if (o.group == "city" && o.stations.empty()) {
        std::cerr << "ecogov air: --group city needs --stations FILE\n";
        return 2;
    }
    if (o.scheme == "us-epa-2024" && o.mode == "evaluate") {
        std::cerr << "ecogov air evaluate: --scheme us-epa-2024 is for hourly and daily values only; "
                     "period evaluation follows HJ 663\n";
        return 2;
    }
    std::optional<PeriodSpec> spec;
    EvaluationConfig config;
    if (o.mode == "evaluate") {
        spec = parse_period_spec(o.period);
        if (!spec) {
            std::cerr << "--period: expected year, quarter, month or FROM..TO (YYYY-MM-DD), got '" << o.period
                      << "'\n";
            return 2;
        }
        auto c = evaluation_config(o);
        if (!c) {
            std::cerr << c.error().field << ": " << c.error().message << '\n';
            return 2;
        }
        config = *c;
    }
    auto out = Output::open(o.output);
    if (!out) {
        std::cerr << out.error().field << ": " << out.error().message << '\n';
        return 2;
    }
    if (o.mode == "hourly") return run_hourly(ctx, *out);
    if (o.mode == "daily") return run_daily(ctx, *out);
    return run_evaluate(ctx, *out, *spec, config);
}

}  // namespace ecogov::cli
