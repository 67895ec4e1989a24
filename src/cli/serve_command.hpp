#pragma once
// `ecogov serve` (issue 3 item 10): loads the configuration (config.hpp), opens the database,
// applies the migrations, and runs the HTTP server until SIGINT/SIGTERM. Prints
// "listening on http://ADDRESS:PORT" on stdout once the socket is bound (with --port 0 the port
// chosen by the system), so scripts and tests can find it. With [hj212] port (or --hj212-port) ≥ 0
// it also runs the HJ 212 receiver and prints "hj212 listening on tcp://ADDRESS:PORT".
// run_serve is also called by `ecogov demo` after it has built its database.
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace ecogov::cli {

struct ServeOptions {
    std::optional<std::string> config;    // --config FILE
    std::optional<std::string> db;        // --db URL|PATH (beats the file and ECOGOV_DB)
    std::optional<int> port;              // --port N (0: any free port)
    std::optional<std::string> listen;    // --listen ADDRESS
    std::optional<std::string> web_root;  // --web-root DIR
    std::optional<int> hj212_port;        // --hj212-port N (-1 off; issue 7)
};

/// Exit code: 0 after a clean stop; 2 bad configuration; 1 database or socket failure.
int run_serve(const ServeOptions& options);

/// Registers `serve`; sets *chosen when the subcommand is used.
void add_serve_command(CLI::App& app, ServeOptions& options, bool& chosen);

}  // namespace ecogov::cli
