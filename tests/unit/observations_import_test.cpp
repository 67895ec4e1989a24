// Observation import (services/observations.hpp): idempotence, atomicity, unit ownership,
// unknown stations, on SQLite.
#include <gtest/gtest.h>

#include "observations_test_db.hpp"
#include "services/observations.hpp"

namespace ecogov {
namespace {

using testing::TempDb;

std::int64_t count(storage::Database& db, const std::string& table) {
    auto lease = db.acquire();
    auto rows = lease->query("SELECT COUNT(*) FROM " + table);
    return rows ? rows->front().integer(0) : -1;
}

Result<ImportReport> run(TempDb& t, const Actor& who, const std::string& text) {
    auto lease = t.db().acquire();
    return import_observations(*lease, who, ImportOptions{"test.csv", std::nullopt}, text, "2026-11-18T00:00:00Z");
}

const DateRange kDays{Date::from_ymd(2025, 1, 1), Date::from_ymd(2025, 1, 3)};

TEST(ObservationsImport, IdempotentReimport) {
    TempDb t;
    const auto u = t.unit("U1");
    t.station("DF001", u);
    t.station("DF002", u);
    const std::string csv = testing::generated_csv(2, kDays);
    auto first = run(t, command_line_actor(), csv);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_GT(first->accepted, 130);  // 2 stations x 72 hours, a few all-missing hours skipped
    EXPECT_LE(first->accepted, 144);
    EXPECT_EQ(first->changed, first->accepted);
    EXPECT_EQ(first->rejected, 0);
    EXPECT_EQ(first->format, "china-sites");
    EXPECT_EQ(count(t.db(), "observations"), first->accepted);

    auto again = run(t, command_line_actor(), csv);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->accepted, first->accepted);
    EXPECT_EQ(again->changed, 0);
    EXPECT_EQ(count(t.db(), "observations"), first->accepted);
    EXPECT_EQ(count(t.db(), "import_batches"), 2);

    // One value changed: exactly one row changes.
    const std::string one = "date,hour,type,DF001\n20250101,5,PM2.5,999\n";
    auto changed = run(t, command_line_actor(), one);
    ASSERT_TRUE(changed) << changed.error().message;
    EXPECT_EQ(changed->accepted, 1);
    EXPECT_EQ(changed->changed, 1);
}

TEST(ObservationsImport, UnknownStationAndBadLinesAreRejected) {
    TempDb t;
    t.station("DF001", t.unit("U1"));
    const std::string csv =
        "date,hour,type,DF001,XX9\n20250101,1,PM2.5,30,40\n20250101,2,PM2.5,abc,41\n2025013x,3,PM2.5,1,2\n";
    auto r = run(t, command_line_actor(), csv);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->accepted, 1);  // DF001 hour 1 (hour 2 has only a bad cell: all missing, skipped)
    EXPECT_EQ(r->rejected, 3);  // XX9 twice, the bad date line once
    bool unknown = false;
    for (const auto& e : r->errors) unknown = unknown || e.message == "unknown station XX9";
    EXPECT_TRUE(unknown);
    EXPECT_GE(r->error_count, 3);
}

TEST(ObservationsImport, BadHeaderStoresNothing) {
    TempDb t;
    t.station("DF001", t.unit("U1"));
    auto r = run(t, command_line_actor(), "hello,world\n1,2\n");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::bad_data);
    EXPECT_EQ(count(t.db(), "import_batches"), 0);
}

TEST(ObservationsImport, UnitClerkImportsOnlyOwnStations) {
    TempDb t;
    const auto mine = t.unit("U1");
    const auto other = t.unit("U2");
    t.station("DF001", mine);
    t.station("DF002", other);
    const std::string csv = testing::generated_csv(2, kDays);
    const Actor clerk{0, "clerk", Role::unit, mine};
    auto r = run(t, clerk, csv);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_GT(r->accepted, 60);
    EXPECT_GT(r->rejected, 60);
    bool foreign = false;
    for (const auto& e : r->errors) foreign = foreign || e.message == "station DF002 belongs to another unit";
    EXPECT_TRUE(foreign);
    auto lease = t.db().acquire();
    auto rows = lease->query("SELECT COUNT(DISTINCT station_id) FROM observations");
    EXPECT_EQ(rows->front().integer(0), 1);

    const Actor stranger{0, "x", Role::unit, t.unit("U3")};
    auto denied = run(t, stranger, csv);
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::forbidden);
    const Actor leader{0, "boss", Role::leader, mine};
    EXPECT_FALSE(run(t, leader, csv));
    EXPECT_EQ(count(t.db(), "import_batches"), 1);
}

TEST(ObservationsImport, StorageErrorRollsBackTheWholeBatch) {
    TempDb t;
    t.station("DF001", t.unit("U1"));
    t.station("DF002", t.unit("U2"));
    {
        auto lease = t.db().acquire();
        const auto label = HourLabel::of(Date::from_ymd(2025, 1, 2), 12).hours;
        auto trig = lease->execute("CREATE TRIGGER boom BEFORE INSERT ON observations WHEN NEW.label = " +
                                   std::to_string(label) + " BEGIN SELECT RAISE(ABORT, 'boom'); END");
        ASSERT_TRUE(trig) << trig.error().message;
    }
    const auto audit_before = count(t.db(), "audit_log");
    auto r = run(t, command_line_actor(), testing::generated_csv(2, kDays));
    ASSERT_FALSE(r);
    EXPECT_EQ(count(t.db(), "observations"), 0);
    EXPECT_EQ(count(t.db(), "import_batches"), 0);
    EXPECT_EQ(count(t.db(), "audit_log"), audit_before);
}

}  // namespace
}  // namespace ecogov
