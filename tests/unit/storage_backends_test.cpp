// The storage contract (database.hpp) checked on both backends with one test body:
// SQLite on a temporary file always; PostgreSQL when ECOGOV_TEST_PG holds a URL (each test in
// its own schema). Without ECOGOV_TEST_PG the PostgreSQL instance is skipped, or fails under CI=1.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <optional>
#include <thread>

#include "storage/database.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/sqlite/migrations.hpp"

namespace ecogov::storage {
namespace {

namespace fs = std::filesystem;

std::vector<SqlValue> values(std::initializer_list<SqlValue> v) {
    return v;
}
SqlValue text(const char* s) {
    return std::string(s);
}
SqlValue integer(std::int64_t n) {
    return n;
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

std::string with_search_path(const std::string& url, const std::string& schema) {
    const char sep = url.find('?') == std::string::npos ? '?' : '&';
    return url + sep + "options=-csearch_path%3D" + schema;
}

std::string unique_name(const char* prefix) {
    static std::atomic<int> counter{0};
    return std::string(prefix) + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

/// The same server URL naming another database.
std::string with_database(const std::string& url, const std::string& name) {
    const std::size_t query = std::min(url.find('?'), url.size());
    const std::size_t slash = url.rfind('/', query);
    return url.substr(0, slash + 1) + name + url.substr(query);
}

/// Every row of the tables the backup test fills, in a fixed order.
std::vector<std::vector<SqlValue>> snapshot(Connection& c) {
    std::vector<std::vector<SqlValue>> out;
    for (const char* sql : {"SELECT id, code, name, kind, parent_id FROM units ORDER BY id",
                            "SELECT id, code, name, longitude, latitude FROM stations ORDER BY id",
                            "SELECT version FROM schema_migrations"}) {
        auto rows = c.query(sql);
        EXPECT_TRUE(rows) << rows.error().message;
        if (rows)
            for (Row& r : *rows) out.push_back(std::move(r.cells));
    }
    return out;
}

class StorageTest : public ::testing::TestWithParam<Backend> {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / unique_name("ecogov_storage_");
        fs::create_directories(dir_);
        if (GetParam() == Backend::sqlite) {
            target_ = (dir_ / "test.db").string();
        } else {
            pg_url_ = env("ECOGOV_TEST_PG");
            if (pg_url_.empty() && !env("CI").empty())
                FAIL() << "CI is set but ECOGOV_TEST_PG is not (start one with scripts/pg-test)";
            if (pg_url_.empty()) GTEST_SKIP() << "ECOGOV_TEST_PG not set";
            schema_ = unique_name("t_");
            ASSERT_TRUE(admin("CREATE SCHEMA " + schema_));
            target_ = with_search_path(pg_url_, schema_);
        }
        auto db = Database::open(target_, 2);
        ASSERT_TRUE(db) << db.error().message;
        db_ = std::move(*db);
        auto v = db_->migrate();
        ASSERT_TRUE(v) << v.error().message;
        version_ = *v;
    }

    void TearDown() override {
        db_.reset();
        if (!schema_.empty()) (void)admin("DROP SCHEMA " + schema_ + " CASCADE");
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }

    /// Runs one statement on the PostgreSQL cluster outside the test's schema.
    Result<std::int64_t> admin(const std::string& sql) {
        auto db = Database::open(pg_url_, 1);
        if (!db) return std::unexpected(db.error());
        return (*db)->acquire()->execute(sql);
    }

    std::int64_t count(Connection& c, const std::string& table) {
        auto rows = c.query("SELECT COUNT(*) FROM " + table);
        EXPECT_TRUE(rows) << rows.error().message;
        return rows ? rows->at(0).integer(0) : -1;
    }

    Result<std::int64_t> add_unit(Connection& c, const std::string& code, const std::string& name,
                                  const char* kind = "township") {
        const auto p = values({code, name, text(kind)});
        auto rows =
            c.query("INSERT INTO units (code, name, kind) VALUES ($1, $2, $3) RETURNING id", p);
        if (!rows) return std::unexpected(rows.error());
        return rows->at(0).integer(0);
    }

    fs::path dir_;
    std::string target_, pg_url_, schema_;
    std::unique_ptr<Database> db_;
    int version_ = 0;  // the version the first migrate() reached (the latest migration)
};

TEST_P(StorageTest, MigrateTwiceIsIdempotent) {
    auto again = db_->migrate();
    ASSERT_TRUE(again) << again.error().message;
    // every backend has the same numbered migrations, 1..N without gaps
    const auto sqlite_versions = storage::sqlite::migrations();
    const auto pg_versions = storage::postgres::migrations();
    ASSERT_EQ(sqlite_versions.size(), pg_versions.size());
    const int latest = static_cast<int>(sqlite_versions.size());
    for (int i = 0; i < latest; ++i) {
        EXPECT_EQ(sqlite_versions[i].version, i + 1);
        EXPECT_EQ(pg_versions[i].version, i + 1);
        EXPECT_EQ(sqlite_versions[i].name, pg_versions[i].name);
    }
    EXPECT_EQ(*again, latest);
    EXPECT_EQ(*db_->migrate(), latest);
    auto c = db_->acquire();
    EXPECT_EQ(count(*c, "schema_migrations"), latest);
    for (const char* t : {"units", "people", "users", "sessions", "stations", "import_batches",
                          "observations", "targets", "audit_log", "water_sections", "water_samples",
                          "soil_plots", "soil_samples", "attachments", "assessment_schemes",
                          "assessment_inputs", "assessment_runs", "hj212_devices", "hj212_frames",
                          "hj212_values", "ledger_tasks", "ledger_milestones"})
        EXPECT_EQ(count(*c, t), 0) << t;
}

TEST_P(StorageTest, RoundTripsEveryTypeIncludingNullAndChinese) {
    auto c = db_->acquire();
    auto unit = add_unit(*c, "U1", "朝阳区生态环境局", "bureau");
    ASSERT_TRUE(unit) << unit.error().message;
    const auto p = values(
        {text("1001A"), text("奥体中心 ✓"), integer(*unit), 116.407394, nullptr, integer(1)});
    auto n = c->execute(
        "INSERT INTO stations (code, name, kind, unit_id, city, longitude, latitude, control) "
        "VALUES ($1, $2, 'national', $3, '北京', $4, $5, $6)",
        p);
    ASSERT_TRUE(n) << n.error().message;
    EXPECT_EQ(*n, 1);
    const auto key = values({text("1001A")});
    auto rows = c->query(
        "SELECT id, name, city, longitude, latitude, control FROM stations WHERE code = $1", key);
    ASSERT_TRUE(rows) << rows.error().message;
    ASSERT_EQ(rows->size(), 1u);
    const Row& r = rows->front();
    EXPECT_TRUE(std::holds_alternative<std::int64_t>(r.cells[0]));
    EXPECT_EQ(r.text(1), "奥体中心 ✓");
    EXPECT_EQ(r.text(2), "北京");
    EXPECT_TRUE(std::holds_alternative<double>(r.cells[3]));
    EXPECT_EQ(r.real(3), 116.407394);
    EXPECT_TRUE(r.is_null(4));
    EXPECT_FALSE(r.opt_real(4).has_value());
    EXPECT_EQ(std::get<std::int64_t>(r.cells[5]), 1);
}

TEST_P(StorageTest, LargeIntegersAndExplicitIdsRoundTrip) {
    auto c = db_->acquire();
    const std::int64_t ms = 1'764'381'858'123;  // milliseconds: needs 64 bits
    const auto p = values(
        {integer(7), text("2026-11-29T02:04:18Z"), nullptr, text("张三"), text("{\"a\":1}")});
    ASSERT_TRUE(
        c->execute("INSERT INTO audit_log (id, at, user_id, username, action, entity, "
                   "entity_id, before, after, prev_hash, hash) VALUES "
                   "($1, $2, $3, $4, 'create', 'units', '1', NULL, $5, 'p', 'h')",
                   p));
    auto rows = c->query("SELECT id, user_id, before, after FROM audit_log");
    ASSERT_TRUE(rows && rows->size() == 1u);
    EXPECT_EQ(rows->at(0).integer(0), 7);
    EXPECT_TRUE(rows->at(0).is_null(1) && rows->at(0).is_null(2));
    EXPECT_EQ(rows->at(0).text(3), "{\"a\":1}");
    auto unit = add_unit(*c, "U1", "u");
    ASSERT_TRUE(unit);
    const auto s = values({integer(*unit), integer(ms)});
    ASSERT_TRUE(c->execute("INSERT INTO people (unit_id, name) VALUES ($1, 'x')",
                           values({integer(*unit)})));
    auto users = c->query("SELECT CAST($2 AS BIGINT) FROM people WHERE unit_id = $1", s);
    ASSERT_TRUE(users) << users.error().message;
    EXPECT_EQ(users->at(0).integer(0), ms);
}

TEST_P(StorageTest, SqlMetacharactersAreStoredVerbatim) {
    auto c = db_->acquire();
    const std::string evil = "'); DROP TABLE units;--";
    const std::string odd = "$1 ?1 %s \\ \" '' /* -- */";
    ASSERT_TRUE(add_unit(*c, evil, odd));
    auto rows =
        c->query("SELECT code, name FROM units WHERE name <> '$1' AND code = $1", values({evil}));
    ASSERT_TRUE(rows) << rows.error().message;
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(rows->at(0).text(0), evil);
    EXPECT_EQ(rows->at(0).text(1), odd);
    EXPECT_EQ(count(*c, "units"), 1);
}

TEST_P(StorageTest, UniqueViolationIsConflict) {
    auto c = db_->acquire();
    ASSERT_TRUE(add_unit(*c, "U1", "a"));
    auto dup = add_unit(*c, "U1", "b");
    ASSERT_FALSE(dup);
    EXPECT_EQ(dup.error().code, ErrorCode::conflict) << dup.error().message;
    std::string message = dup.error().message;
    for (char& ch : message) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    EXPECT_NE(message.find("unique"), std::string::npos) << message;
    EXPECT_EQ(count(*c, "units"), 1);
}

TEST_P(StorageTest, ForeignKeyAndCheckViolationsAreConflicts) {
    auto c = db_->acquire();
    auto orphan =
        c->execute("INSERT INTO people (unit_id, name) VALUES ($1, 'x')", values({integer(999)}));
    ASSERT_FALSE(orphan);
    EXPECT_EQ(orphan.error().code, ErrorCode::conflict) << orphan.error().message;
    auto bad_kind = add_unit(*c, "U2", "b", "planet");
    ASSERT_FALSE(bad_kind);
    EXPECT_EQ(bad_kind.error().code, ErrorCode::conflict) << bad_kind.error().message;
}

TEST_P(StorageTest, TransactionRollsBackOnDestruction) {
    auto c = db_->acquire();
    {
        auto tx = Transaction::begin(*c);
        ASSERT_TRUE(tx) << tx.error().message;
        ASSERT_TRUE(add_unit(*c, "U1", "a"));
        ASSERT_TRUE(add_unit(*c, "U2", "b"));
        EXPECT_EQ(count(*c, "units"), 2);
    }
    EXPECT_EQ(count(*c, "units"), 0);
    auto other = db_->acquire();
    EXPECT_EQ(count(*other, "units"), 0);
}

TEST_P(StorageTest, CommitIsVisibleToOtherConnections) {
    auto c = db_->acquire();
    auto tx = Transaction::begin(*c);
    ASSERT_TRUE(tx);
    ASSERT_TRUE(add_unit(*c, "U1", "a"));
    EXPECT_FALSE(c->begin()) << "nested begin must fail";
    ASSERT_TRUE(tx->commit());
    EXPECT_FALSE(tx->commit()) << "second commit must fail";
    auto other = db_->acquire();
    EXPECT_EQ(count(*other, "units"), 1);
}

TEST_P(StorageTest, FailedStatementThenRollbackLeavesConnectionUsable) {
    auto c = db_->acquire();
    ASSERT_TRUE(add_unit(*c, "U1", "a"));
    {
        auto tx = Transaction::begin(*c);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(add_unit(*c, "U2", "b"));
        EXPECT_FALSE(add_unit(*c, "U1", "dup"));
    }
    EXPECT_EQ(count(*c, "units"), 1);
    EXPECT_TRUE(add_unit(*c, "U3", "c"));
    EXPECT_FALSE(c->execute("SELEC nonsense"));
    EXPECT_FALSE(c->execute("DELETE FROM units; DELETE FROM people")) << "one statement per call";
    EXPECT_EQ(count(*c, "units"), 2);
}

TEST_P(StorageTest, LeaseReturnedWithOpenTransactionIsRolledBack) {
    {
        auto c = db_->acquire();
        ASSERT_TRUE(c->begin());
        ASSERT_TRUE(add_unit(*c, "U1", "a"));
    }
    auto a = db_->acquire();
    auto b = db_->acquire();
    EXPECT_EQ(count(*a, "units"), 0);
    EXPECT_TRUE(a->begin() && a->commit());
    EXPECT_TRUE(b->begin() && b->commit());
}

TEST_P(StorageTest, PreparedStatementRunsManyTimesInOneTransaction) {
    auto c = db_->acquire();
    auto unit = add_unit(*c, "U1", "a");
    ASSERT_TRUE(unit);
    auto tx = Transaction::begin(*c);
    ASSERT_TRUE(tx);
    auto insert = c->prepare(
        "INSERT INTO targets (unit_id, year, indicator, value) "
        "VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (unit_id, year, indicator) DO UPDATE SET value = $4");
    ASSERT_TRUE(insert) << insert.error().message;
    std::vector<SqlValue> p{integer(*unit), integer(0), text("pm25_mean"), integer(0)};
    for (std::int64_t year = 2000; year < 2100; ++year) {
        p[1] = year;
        p[3] = year * 10;
        auto n = (*insert)->run(p);
        ASSERT_TRUE(n) << n.error().message;
        EXPECT_EQ(*n, 1);
    }
    p[1] = integer(2050);
    p[3] = integer(-1);
    ASSERT_TRUE((*insert)->run(p));  // upsert
    ASSERT_TRUE(tx->commit());
    auto select = c->prepare("SELECT value FROM targets WHERE year = $1");
    ASSERT_TRUE(select);
    const auto y = values({integer(2050)});
    auto rows = (*select)->query(y);
    ASSERT_TRUE(rows && rows->size() == 1u);
    EXPECT_EQ(rows->at(0).integer(0), -1);
    EXPECT_EQ(count(*c, "targets"), 100);
    auto changed = c->execute("UPDATE targets SET note = 'x' WHERE year >= $1", y);
    ASSERT_TRUE(changed);
    EXPECT_EQ(*changed, 50);
}

TEST_P(StorageTest, PoolServesTwoThreads) {
    constexpr int kPerThread = 40;
    auto work = [this](int t) {
        for (int i = 0; i < kPerThread; ++i) {
            auto c = db_->acquire();
            auto tx = Transaction::begin(*c);
            if (!tx) return false;
            const std::string code = "T" + std::to_string(t) + "_" + std::to_string(i);
            if (!add_unit(*c, code, "n") || !tx->commit()) return false;
        }
        return true;
    };
    auto a = std::async(std::launch::async, work, 1);
    auto b = std::async(std::launch::async, work, 2);
    EXPECT_TRUE(a.get());
    EXPECT_TRUE(b.get());
    auto c = db_->acquire();
    EXPECT_EQ(count(*c, "units"), 2 * kPerThread);
}

TEST_P(StorageTest, AcquireBlocksUntilALeaseIsReturned) {
    std::optional<Lease> first(db_->acquire());
    auto second = db_->acquire();
    auto third = std::async(std::launch::async, [this] { return count(*db_->acquire(), "units"); });
    EXPECT_EQ(third.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
    first.reset();
    EXPECT_EQ(third.get(), 0);
}

/// Fills a few rows with Chinese text, a parent reference and a REAL.
void fill_for_backup(Connection& c) {
    auto bureau = c.query(
        "INSERT INTO units (code, name, kind) VALUES ('B', '局', 'bureau') "
        "RETURNING id");
    ASSERT_TRUE(bureau) << bureau.error().message;
    const auto id = values({bureau->at(0).cells.at(0)});
    for (const char* sql : {"INSERT INTO units (code, name, kind, parent_id) "
                            "VALUES ('T', '镇', 'township', $1)",
                            "INSERT INTO stations (code, name, kind, unit_id, city, longitude) "
                            "VALUES ('S', '站', 'micro', $1, 'c', 116.407394)"}) {
        auto r = c.execute(sql, id);
        ASSERT_TRUE(r) << r.error().message;
    }
}

TEST_P(StorageTest, BackupCopyHoldsTheSameData) {
    const bool pg = GetParam() == Backend::postgresql;
    if (pg && std::system("pg_dump --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no pg_dump";
    // pg_dump copies a whole database: give it one of its own, not a schema of the shared one.
    std::vector<std::string> databases;
    std::unique_ptr<Database> own;
    Database* db = db_.get();
    if (pg) {
        databases = {unique_name("ecogov_backup_"), unique_name("ecogov_restore_")};
        for (const std::string& name : databases) ASSERT_TRUE(admin("CREATE DATABASE " + name));
        auto opened = Database::open(with_database(pg_url_, databases[0]), 1);
        ASSERT_TRUE(opened) << opened.error().message;
        own = std::move(*opened);
        ASSERT_TRUE(own->migrate());
        db = own.get();
    }
    std::vector<std::vector<SqlValue>> original;
    {
        auto c = db->acquire();
        fill_for_backup(*c);
        original = snapshot(*c);
    }
    const std::string file = (dir_ / "backup.bin").string();
    auto r = db->backup_to(file);
    ASSERT_TRUE(r) << r.error().message;
    auto again = db->backup_to(file);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::conflict);

    std::string copy_target = file;
    if (pg) {
        copy_target = with_database(pg_url_, databases[1]);
        const std::string restore = "pg_restore --dbname='" + copy_target + "' '" + file + "'";
        ASSERT_EQ(std::system(restore.c_str()), 0) << restore;
    }
    {
        auto copy = Database::open(copy_target, 1);
        ASSERT_TRUE(copy) << copy.error().message;
        EXPECT_EQ(snapshot(*(*copy)->acquire()), original);
    }
    own.reset();
    for (const std::string& name : databases) (void)admin("DROP DATABASE " + name);
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, StorageTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         [](const auto& param_info) {
                             return param_info.param == Backend::sqlite ? "SQLite" : "PostgreSQL";
                         });

}  // namespace ecogov::storage
