// storage_bench: bulk insert of hourly observations through Connection::prepare + Statement::run
// in one transaction (the import path). Target: ≥ 200,000 rows/s on SQLite (docs/performance.md).
//
//   storage_bench [ROWS=1000000] [TARGET]   TARGET: SQLite file (default: a fresh temp file) or a
//                                           postgresql:// URL (its tables must not exist yet)
// Rows are written hour by hour, all stations of an hour together, as an import would.
#include <unistd.h>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "storage/database.hpp"

namespace {

using namespace ecogov;
using namespace ecogov::storage;

constexpr std::int64_t kStations = 100;

[[noreturn]] void die(const Error& e) {
    std::fprintf(stderr, "storage_bench: %s\n", e.message.c_str());
    std::exit(1);
}

template <typename T>
T must(Result<T> r) {
    if (!r) die(r.error());
    return std::move(*r);
}
void must(Result<void> r) {
    if (!r) die(r.error());
}

/// One unit, kStations stations (ids 1..kStations) and batch 1.
void seed(Connection& c) {
    must(c.execute("INSERT INTO units (id, code, name, kind) VALUES (1, 'B', 'bench', 'bureau')"));
    auto station =
        must(c.prepare("INSERT INTO stations (id, code, name, kind, unit_id, city) "
                       "VALUES ($1, $2, $2, 'national', 1, 'bench')"));
    for (std::int64_t s = 1; s <= kStations; ++s) {
        const std::array<SqlValue, 2> p{s, "S" + std::to_string(s)};
        must(station->run(p));
    }
    must(
        c.execute("INSERT INTO import_batches (id, source, format, sha256) "
                  "VALUES (1, 'bench', 'bench', '')"));
}

/// Inserts `rows` observations in one transaction; returns the seconds taken (commit included).
double insert_observations(Connection& c, std::int64_t rows) {
    const auto start = std::chrono::steady_clock::now();
    auto tx = must(Transaction::begin(c));
    auto insert = must(c.prepare(
        "INSERT INTO observations (station_id, label, so2, no2, co, o3, pm10, pm25, batch_id) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"));
    std::array<SqlValue, 9> p{std::int64_t{0}, std::int64_t{0}, std::int64_t{0},
                              std::int64_t{0}, std::int64_t{0}, std::int64_t{0},
                              std::int64_t{0}, nullptr,         std::int64_t{1}};
    const std::int64_t first_label = 490'000;  // ~2025-11 in hours since 1970 CST
    for (std::int64_t i = 0; i < rows; ++i) {
        p[0] = 1 + i % kStations;
        p[1] = first_label + i / kStations;
        p[2] = 5 + i % 7;
        p[3] = 20 + i % 31;
        p[4] = 8 + i % 5;
        p[5] = 60 + i % 90;
        p[6] = 40 + i % 120;
        if (i % 50 == 0)
            p[7] = nullptr;  // some missing values, as real data has
        else
            p[7] = 30 + i % 80;
        must(insert->run(p));
    }
    must(tx.commit());
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const std::int64_t rows = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("ecogov_storage_bench_" + std::to_string(::getpid()));
    std::string target = argc > 2 ? argv[2] : "";
    if (target.empty()) {
        fs::create_directories(dir);
        target = (dir / "bench.db").string();
    }
    {
        auto db = must(Database::open(target, 1));
        must(db->migrate());
        auto c = db->acquire();
        seed(*c);
        const double seconds = insert_observations(*c, rows);
        std::printf("%s: %lld rows in %.3f s = %.0f rows/s\n",
                    db->backend() == Backend::sqlite ? "sqlite" : "postgresql",
                    static_cast<long long>(rows), seconds, static_cast<double>(rows) / seconds);
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}
