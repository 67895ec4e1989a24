#include "cli/demo_command.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/config.hpp"
#include "cli/serve_command.hpp"
#include "services/demo_data.hpp"
#include "services/targets.hpp"

namespace ecogov::cli {

namespace {

namespace fs = std::filesystem;

struct DemoArgs {
    int port = 8080;
    std::string dir = "demo";
};

/// Builds the demo database at `path` (under a temporary name first).
Result<DemoSummary> build(const fs::path& path) {
    const fs::path building = path.string() + ".building";
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(building.string() + suffix, ignored);
    DemoSummary summary;
    {
        auto db = storage::Database::open(building.string(), 1);
        if (!db) return std::unexpected(db.error());
        if (auto m = (*db)->migrate(); !m) return std::unexpected(m.error());
        auto lease = (*db)->acquire();
        const Date yesterday = cst_date_of_ms(unix_ms(wall_clock().now())) - 1;
        auto built = build_demo_data(*lease, wall_clock(), yesterday);
        if (!built) return std::unexpected(built.error());
        summary = std::move(*built);
    }
    std::error_code ec;
    fs::rename(building, path, ec);
    if (ec) return fail(ErrorCode::io, "cannot rename " + building.string() + ": " + ec.message());
    return summary;
}

void print_accounts() {
    std::printf("Demo accounts (演示账号):\n");
    for (const DemoAccount& a : demo_accounts())
        std::printf("  %-9s %-20s role %-7s %s\n", a.username.c_str(), a.password.c_str(), a.role.c_str(),
                    a.unit_name.c_str());
}

int run_demo(const DemoArgs& a) {
    std::error_code ec;
    fs::create_directories(a.dir, ec);
    if (ec) {
        std::cerr << "ecogov demo: cannot create " << a.dir << ": " << ec.message() << '\n';
        return 2;
    }
    const fs::path path = fs::path(a.dir) / "ecogov.db";
    if (fs::exists(path)) {
        std::printf("ecogov demo: reusing %s\n", path.c_str());
    } else {
        const auto start = std::chrono::steady_clock::now();
        auto built = build(path);
        if (!built) {
            std::cerr << "ecogov demo: building " << path << ": " << built.error().message << '\n';
            return 1;
        }
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        std::printf("ecogov demo: built %s in %.1f s: %d units, %d people, %d stations, %lld hourly records "
                    "(%s..%s), %d targets, %d accounts\n",
                    path.c_str(), took.count(), built->units, built->people, built->stations,
                    static_cast<long long>(built->observations), built->days.first.iso().c_str(),
                    built->days.last.iso().c_str(), built->targets, built->users);
    }
    print_accounts();
    std::printf("Open http://127.0.0.1:%d/ in a browser (Ctrl-C stops the server).\n", a.port);
    std::fflush(stdout);
    ServeOptions serve;
    serve.db = path.string();
    serve.port = a.port;
    return run_serve(serve);
}

}  // namespace

void add_demo_command(CLI::App& app) {
    auto args = std::make_shared<DemoArgs>();
    auto* cmd = app.add_subcommand("demo", "build (once) and serve a demonstration database modelled on 登封市");
    cmd->add_option("--port", args->port, "HTTP port (default 8080)")->check(CLI::Range(0, 65535));
    cmd->add_option("--dir", args->dir, "directory of the demo database (default ./demo)");
    cmd->callback([args] {
        const int status = run_demo(*args);
        if (status != 0) throw CLI::RuntimeError(status);
    });
}

}  // namespace ecogov::cli
