// `ecogov hj212 register-sim` (cli/hj212_sim.hpp): registers the simulator's devices.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <vector>

#include "cli/config.hpp"
#include "cli/hj212_sim.hpp"
#include "hj212/framer.hpp"
#include "services/hj212_ingest.hpp"
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

struct IngestArgs {
    std::string db;
    std::string input;
};

/// Stores captured frames through the receiver's ingest (same outcomes, no replies sent).
int run_ingest(const IngestArgs& a) {
    std::FILE* in = a.input == "-" ? stdin : std::fopen(a.input.c_str(), "rb");
    if (!in) {
        std::fprintf(stderr, "ecogov hj212 ingest: cannot open %s\n", a.input.c_str());
        return 2;
    }
    auto db = storage::Database::open(a.db, 1);
    if (!db) {
        std::fprintf(stderr, "ecogov hj212 ingest: %s\n", db.error().message.c_str());
        if (in != stdin) std::fclose(in);
        return 2;
    }
    if (auto m = (*db)->migrate(); !m) {
        std::fprintf(stderr, "ecogov hj212 ingest: %s\n", m.error().message.c_str());
        if (in != stdin) std::fclose(in);
        return 1;
    }
    CasesProblemLink problems(wall_clock());  // exceedance runs open problems, as in `serve`
    Hj212Ingestor ingest(**db, wall_clock(), Hj212IngestSettings{}, problems);
    hj212::Framer framer(9999);
    std::vector<Hj212Incoming> batch;
    long counts[4] = {0, 0, 0, 0};
    long skipped = 0;
    bool failed = false;
    auto flush = [&] {
        if (batch.empty() || failed) return;
        auto out = ingest.store_batch(batch);
        if (!out) {
            std::fprintf(stderr, "ecogov hj212 ingest: %s\n", out.error().message.c_str());
            failed = true;
            return;
        }
        for (const auto& o : *out) ++counts[static_cast<int>(o.status)];
        batch.clear();
    };
    auto take = [&](const hj212::FramerItem& item) {
        if (item.kind != hj212::FramerEvent::frame) {
            ++skipped;
            return;
        }
        batch.push_back({std::string(item.raw), item.crc, "file:" + a.input, unix_ms(wall_clock().now())});
        if (batch.size() >= 1000) flush();
    };
    std::string chunk(1 << 16, '\0');
    for (;;) {
        const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), in);
        if (n == 0) break;
        framer.feed(std::string_view(chunk.data(), n));
        while (auto item = framer.next()) take(*item);
    }
    while (auto item = framer.finish()) take(*item);
    flush();
    if (in != stdin) std::fclose(in);
    if (failed) return 1;
    std::printf("{\"stored\":%ld,\"duplicate\":%ld,\"quarantined\":%ld,\"rejected\":%ld,\"skipped\":%ld}\n",
                counts[0], counts[1], counts[2], counts[3], skipped);
    return 0;
}

}  // namespace

void add_hj212_register_command(CLI::App& hj212) {
    auto ia = std::make_shared<IngestArgs>();
    CLI::App* ing = hj212.add_subcommand("ingest", "Store captured HJ 212 frames in the database (as the receiver would)");
    ing->add_option("--db", ia->db, "Database: SQLite file path or postgresql://...")->required();
    ing->add_option("--input", ia->input, "File of frames (one per line or a raw stream), - for stdin")->required();
    ing->callback([ia] {
        const int status = run_ingest(*ia);
        if (status != 0) throw CLI::RuntimeError(status);
    });

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
