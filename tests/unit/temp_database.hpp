#pragma once
// A migrated SQLite database in a fresh temporary file, removed (with its WAL files) on
// destruction: the one fixture every service and route test opens its database with.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "storage/database.hpp"

namespace ecogov::testing {

class TempDatabase {
public:
    explicit TempDatabase(int pool_size = 2) {
        static std::atomic<int> counter = 0;
        path_ = std::filesystem::temp_directory_path() /
                ("ecogov-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".db");
        auto db = storage::Database::open(path_.string(), pool_size);
        if (!db) throw std::runtime_error(db.error().message);
        db_ = std::move(*db);
        if (auto m = db_->migrate(); !m) throw std::runtime_error(m.error().message);
    }
    TempDatabase(const TempDatabase&) = delete;
    TempDatabase& operator=(const TempDatabase&) = delete;
    ~TempDatabase() {
        db_.reset();
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
    }
    storage::Database& db() { return *db_; }
    /// Closes the database early (the file is still removed by the destructor).
    void close() { db_.reset(); }

private:
    std::filesystem::path path_;
    std::unique_ptr<storage::Database> db_;
};

}  // namespace ecogov::testing
