#include "cli/commands.hpp"

#include <CLI/CLI.hpp>

#include "cli/air_command.hpp"

namespace ecogov::cli {

int run(int argc, char** argv) {
    CLI::App app{"ecogov: the ecological-environment bureau's campaign platform (生态环境攻坚管理平台)"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "ecogov 0.1.0");
    AirOptions air;
    add_air_command(app, air);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (!air.mode.empty()) return run_air(air);
    return 0;
}

}  // namespace ecogov::cli
