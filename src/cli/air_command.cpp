#include "cli/air_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>

#include "cli/air_daily.hpp"
#include "cli/air_evaluate.hpp"
#include "cli/air_hourly.hpp"
#include "cli/air_run.hpp"
#include "cli/generate_command.hpp"
#include "cli/output.hpp"

namespace ecogov::cli {

namespace {

void add_common_options(CLI::App* cmd, AirOptions& o) {
    cmd->add_option("--input", o.inputs,
                    "input files: china_sites, CNEMC or PRSA CSV, plain or gzip")
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("--output", o.output, "output FILE.csv, FILE.json, or - for CSV on stdout")
        ->required();
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
    cmd->add_option("--stations", o.stations,
                    "station list (code, name, city, control) for --group city")
        ->check(CLI::ExistingFile);
}

}  // namespace

void add_air_command(CLI::App& app, AirOptions& o) {
    auto* air =
        app.add_subcommand("air", "air quality: hourly AQI, daily values, period evaluation");
    air->require_subcommand(1);
    auto* hourly = air->add_subcommand("hourly", "hourly (real-time) AQI of every station-hour");
    add_common_options(hourly, o);
    hourly
        ->add_option(
            "--missing-rule", o.missing_rule,
            "auto | publish | hj633-2026: when a pollutant is missing, publish the AQI of the "
            "others, or only when > 100 (HJ 633-2026 §5.3.1); auto = by rule set")
        ->check(CLI::IsMember({"auto", "publish", "hj633-2026"}));
    hourly
        ->add_option(
            "--pm10-missing", o.pm10_missing,
            "publish | na: a missing 1-hour PM10 alone does (publish, the feed's practice) or "
            "does not (na, strict §5.3.1) let the AQI be published")
        ->check(CLI::IsMember({"publish", "na"}));
    auto* daily = air->add_subcommand("daily", "daily values and daily AQI per station or city");
    add_common_options(daily, o);
    add_group_options(daily, o);
    auto* evaluate_cmd =
        air->add_subcommand("evaluate", "period evaluation (HJ 663) per station or city");
    add_common_options(evaluate_cmd, o);
    add_group_options(evaluate_cmd, o);
    evaluate_cmd->add_option("--period", o.period,
                             "year | quarter | month | FROM..TO (YYYY-MM-DD)");
    evaluate_cmd->add_option("--index-weights", o.index_weights,
                             "composite index weights, e.g. pm25=3,no2=2,o3=2 (default 1 each)");
    evaluate_cmd->add_option(
        "--index-limits", o.index_limits,
        "composite index S_i, e.g. pm10=60,pm25=30 (default 60,40,70,35,CO 4,O3 160)");
    add_air_generate(*air);
    for (auto* cmd : {hourly, daily, evaluate_cmd}) {
        cmd->callback([&o, cmd] { o.mode = cmd->get_name(); });
    }
}

int run_air(const AirOptions& o) {
    air::RunContext ctx{o, parse_rule_set(o.rules), {}, {}, {}};
    if (o.missing_rule == "publish") ctx.policy.missing_rule = MissingRule::publish_available;
    if (o.missing_rule == "hj633-2026") ctx.policy.missing_rule = MissingRule::hj633_2026;
    ctx.policy.exempt_missing_pm10 = o.pm10_missing == "publish";
    if (o.group == "city" && o.stations.empty()) {
        std::cerr << "ecogov air: --group city needs --stations FILE\n";
        return 2;
    }
    if (o.scheme == "us-epa-2024" && o.mode == "evaluate") {
        std::cerr
            << "ecogov air evaluate: --scheme us-epa-2024 is for hourly and daily values only; "
               "period evaluation follows HJ 663\n";
        return 2;
    }
    std::optional<PeriodSpec> spec;
    EvaluationConfig config;
    if (o.mode == "evaluate") {
        spec = parse_period_spec(o.period);
        if (!spec) {
            std::cerr << "--period: expected year, quarter, month or FROM..TO (YYYY-MM-DD), got '"
                      << o.period << "'\n";
            return 2;
        }
        auto c = air::evaluation_config(o);
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
    if (o.mode == "hourly") return air::run_hourly(ctx, *out);
    if (o.mode == "daily") return air::run_daily(ctx, *out);
    return air::run_evaluate(ctx, *out, *spec, config);
}

}  // namespace ecogov::cli
