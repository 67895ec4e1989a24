// `ecogov hj212 register-sim` (cli/hj212_sim.hpp): registers the simulator's devices.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "cli/config.hpp"
#include "cli/hj212_sim.hpp"
#include "services/hj212_registry.hpp"
#include "services/organisation.hpp"

namespace ecogov::cli {

namespace {

struct RegisterArgs {
    std::string db;
    std::int64_t first = 0;
    std::int64_t devices = 10;
    std::string st = "31";
};

Result<std::int64_t> township(storage::Connection& c) {
    auto units = list_units(c);
    if (!units) return std::unexpected(units.error());
    for (const auto& u : *units)
        if (u.kind == "township") return u.id;
    auto made = create_unit(c, wall_clock(), command_line_actor(), NewUnit{"sim-township", "模拟乡镇", "township", {}});
    if (!made) return std::unexpected(made.error());
    return made->id;
}

int run_register(const RegisterArgs& a) {
    auto db = storage::Database::open(a.db, 1);
    if (!db) {
        std::fprintf(stderr, "ecogov hj212 register-sim: %s\n", db.error().message.c_str());
        return 2;
    }
    if (auto m = (*db)->migrate(); !m) {
        std::fprintf(stderr, "ecogov hj212 register-sim: %s\n", m.error().message.c_str());
        return 1;
    }
    auto lease = (*db)->acquire();
    auto unit = township(*lease);
    Result<std::int64_t> added = unit ? register_simulated_hj212_devices(*lease, command_line_actor(), *unit, a.first,
                                                                          a.devices, a.st, iso_utc(wall_clock().now()))
                                      : Result<std::int64_t>(std::unexpected(unit.error()));
    if (!added) {
        std::fprintf(stderr, "ecogov hj212 register-sim: %s\n", added.error().message.c_str());
        return 1;
    }
    std::printf("%lld device(s) registered\n", static_cast<long long>(*added));
    return 0;
}

}  // namespace

void add_hj212_register_command(CLI::App& hj212) {
    auto a = std::make_shared<RegisterArgs>();
    CLI::App* c = hj212.add_subcommand("register-sim", "Register the simulator's devices (hj212-sim) in a database");
    c->add_option("--db", a->db, "Database: SQLite file path or postgresql://...")->required();
    c->add_option("--first", a->first, "Index of the first simulated device")->check(CLI::NonNegativeNumber);
    c->add_option("--devices", a->devices, "How many devices")->check(CLI::Range(0, 1000000));
    c->add_option("--st", a->st, "System code of the devices (31 gas, 32 water, 39 dust)");
    c->callback([a] {
        const int status = run_register(*a);
        if (status != 0) throw CLI::RuntimeError(status);
    });
}

}  // namespace ecogov::cli
