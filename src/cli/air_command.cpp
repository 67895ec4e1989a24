#include "cli/air_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

namespace ecogov::cli {

void add_air_command(CLI::App& app, AirOptions& o) {
    auto* air = app.add_subcommand("air", "air quality: hourly AQI, daily values, period evaluation");
    air->add_option("mode", o.mode, "hourly | daily | evaluate")->required()
        ->check(CLI::IsMember({"hourly", "daily", "evaluate"}));
    air->add_option("--input", o.inputs, "input files (csv or csv.gz), several allowed")->required();
    air->add_option("--output", o.output, "output file (.csv or .json) or - for stdout")->required();
    air->add_flag("--quiet", o.quiet, "no progress on stderr");
}

int run_air(const AirOptions&) {
    std::cerr << "ecogov air: not yet implemented\n";
    return 2;
}

}  // namespace ecogov::cli
