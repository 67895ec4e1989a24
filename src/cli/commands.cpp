#include "cli/commands.hpp"

#include <CLI/CLI.hpp>

#include "cli/admin_commands.hpp"
#include "cli/assess_command.hpp"
#include "cli/air_command.hpp"
#include "cli/demo_command.hpp"
#include "cli/hj212_command.hpp"
#include "cli/import_command.hpp"
#include "cli/ledger_command.hpp"
#include "cli/serve_command.hpp"
#include "cli/water_command.hpp"

namespace ecogov::cli {

int run(int argc, char** argv) {
    CLI::App app{
        "ecogov: the ecological-environment bureau's campaign platform (生态环境攻坚管理平台)"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "ecogov 0.1.0");
    AirOptions air;
    add_air_command(app, air);
    ServeOptions serve;
    bool serve_chosen = false;
    add_serve_command(app, serve, serve_chosen);
    AdminOptions admin;
    add_admin_commands(app, admin);
    add_import_command(app);
    add_demo_command(app);
    add_water_command(app);
    add_assess_command(app);
    add_hj212_commands(app);
    add_ledger_command(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::RuntimeError& e) {  // a subcommand callback's own exit status
        return e.get_exit_code();
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (!air.mode.empty()) return run_air(air);
    if (serve_chosen) return run_serve(serve);
    if (!admin.command.empty()) return run_admin(admin);
    return 0;
}

}  // namespace ecogov::cli
