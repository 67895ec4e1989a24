// The demo database builder (services/demo_data.hpp) is deterministic and complete.
#include <gtest/gtest.h>

#include "observations_test_db.hpp"
#include "services/demo_data.hpp"

namespace ecogov {
namespace {

std::int64_t count(storage::Database& db, const std::string& sql) {
    auto lease = db.acquire();
    auto rows = lease->query(sql);
    return rows ? rows->front().integer(0) : -1;
}

TEST(DemoDataBuilder, DeterministicCounts) {
    const Date last = Date::from_ymd(2025, 2, 28);
    testing::TempDb a;
    testing::TempDb b;
    DemoSummary sa, sb;
    {
        auto lease = a.db().acquire();
        auto r = build_demo_data(*lease, a.clock(), last);
        ASSERT_TRUE(r) << r.error().message;
        sa = *r;
        EXPECT_TRUE(*demo_data_present(*lease));
    }
    {
        auto lease = b.db().acquire();
        auto r = build_demo_data(*lease, b.clock(), last);
        ASSERT_TRUE(r);
        sb = *r;
    }
    EXPECT_EQ(sa.units, 28);  // bureau + 17 streets/towns/townships/areas + 10 departments
    EXPECT_EQ(sa.stations, 21);  // >= 20 (issue 3 acceptance 5): 17 towns/streets + 3 + control
    EXPECT_EQ(sa.users, 4);
    EXPECT_EQ(sa.targets, 85);  // bureau + 16 townships with a station, 5 indicators each
    EXPECT_EQ(sa.people, 56);
    EXPECT_EQ(sa.observations, sb.observations);
    EXPECT_GT(sa.observations, 59 * 24 * 21 * 9 / 10);
    EXPECT_EQ(count(a.db(), "SELECT COUNT(*) FROM units"), 28);
    EXPECT_EQ(count(a.db(), "SELECT COUNT(*) FROM stations WHERE control = 1"), 1);
    EXPECT_EQ(count(a.db(), "SELECT COUNT(*) FROM observations"), sa.observations);
    EXPECT_EQ(count(a.db(), "SELECT SUM(pm25) FROM observations"), count(b.db(), "SELECT SUM(pm25) FROM observations"));
    EXPECT_EQ(count(a.db(), "SELECT COUNT(*) FROM users WHERE role = 'unit'"), 1);
}

}  // namespace
}  // namespace ecogov
