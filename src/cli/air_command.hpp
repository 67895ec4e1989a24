#pragma once
// `ecogov air hourly|daily|evaluate`: the analysts' command over monitoring files.
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace ecogov::cli {

struct AirOptions {
    std::string mode;  // hourly | daily | evaluate (set by the chosen subcommand)
    std::vector<std::string> inputs;
    std::string format = "auto";
    std::string rules = "auto";
    std::string scheme = "hj633";
    std::string group = "station";
    std::string stations;
    std::string period = "year";
    std::string output = "-";
    std::string missing_rule = "auto";
    std::string pm10_missing = "publish";
    std::string index_weights;
    std::string index_limits;
    bool quiet = false;
};

void add_air_command(CLI::App& app, AirOptions& options);
int run_air(const AirOptions& options);

}  // namespace ecogov::cli
