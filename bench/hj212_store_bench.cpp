// HJ 212 ingest alone (no network): frames of N simulated devices stored through
// Hj212Ingestor::store_batch in batches of B, on a fresh SQLite file (WAL, synchronous=FULL).
// Usage: hj212_store_bench DB_FILE [FRAMES] [BATCH]; prints frames/s. Separates the store's
// cost from the receiver's (docs/performance.md "HJ 212").
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "core/clock.hpp"
#include "hj212/framer.hpp"
#include "services/hj212_ingest.hpp"
#include "services/hj212_registry.hpp"
#include "services/organisation.hpp"
#include "simulation/hj212_device.hpp"
#include "storage/database.hpp"

namespace {
struct WallClock final : ecogov::Clock {
    std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};
}  // namespace

int main(int argc, char** argv) {
    using namespace ecogov;
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DB_FILE [FRAMES] [BATCH]\n", argv[0]);
        return 2;
    }
    const long frames = argc > 2 ? std::atol(argv[2]) : 100000;
    const long batch = argc > 3 ? std::atol(argv[3]) : 5000;
    const int devices = 1000;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(std::string(argv[1]) + suffix);
    auto db = storage::Database::open(argv[1], 2);
    if (!db || !(*db)->migrate()) return 1;
    WallClock clock;
    {
        auto lease = (*db)->acquire();
        auto unit = create_unit(*lease, clock, command_line_actor(), NewUnit{"t", "t", "township", {}});
        if (!unit || !register_simulated_hj212_devices(*lease, command_line_actor(), unit->id, 0, devices, "31", "x"))
            return 1;
    }
    std::vector<Hj212Incoming> all;
    const auto base = *hj212::parse_local_time("20261101000000");
    for (long i = 0; i < frames; ++i) {
        simulation::SimDevice d;
        d.mn = simulation::sim_mn(i % devices);
        std::string raw = simulation::upload_frame(d, i / devices, "2051", base);
        raw.resize(raw.size() - 2);
        all.push_back({std::move(raw), hj212::CrcVariant::hj212, "bench", 0});
    }
    PendingProblemLink problems;
    Hj212Ingestor ingest(**db, clock, Hj212IngestSettings{}, problems);
    const auto t0 = std::chrono::steady_clock::now();
    long stored = 0;
    for (long at = 0; at < frames; at += batch) {
        const auto n = static_cast<std::size_t>(std::min(batch, frames - at));
        auto r = ingest.store_batch(std::span<const Hj212Incoming>(all.data() + at, n));
        if (!r) {
            std::fprintf(stderr, "%s\n", r.error().message.c_str());
            return 1;
        }
        for (const auto& o : *r) stored += o.status == Hj212Status::stored;
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("{\"frames\":%ld,\"stored\":%ld,\"batch\":%ld,\"seconds\":%.3f,\"frames_per_s\":%.0f}\n", frames, stored,
                batch, s, static_cast<double>(frames) / s);
    return stored == frames ? 0 : 1;
}
