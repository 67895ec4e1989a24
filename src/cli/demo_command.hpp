#pragma once
// `ecogov demo [--port N] [--dir DIR]` (issue 3 item 9): builds once, in DIR (default ./demo), an
// SQLite database modelled on 登封市 (services/demo_data.hpp: units, people, stations, hourly data
// from 2025-01-01 through yesterday, this year's targets, one account per role), then serves it on
// the port through run_serve, printing the URL and the demo accounts. A second run reuses the
// database. The database is built under a temporary name and renamed when complete, so an
// interrupted build leaves nothing half-made.
namespace CLI {
class App;
}

namespace ecogov::cli {

void add_demo_command(CLI::App& app);

}  // namespace ecogov::cli
