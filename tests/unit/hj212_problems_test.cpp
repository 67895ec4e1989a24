// Online-monitoring alarms opening problems (services/hj212_problems.hpp; issue 7 acceptance 4):
// a run of exceedances opens exactly one problem through the problems service, on the ingest
// transaction (problem, first history row, audit entry and the alarm's link stored together);
// a rolled-back ingest leaves neither alarm nor problem; dust monitors open dust problems;
// open_problem_in writes nothing of its own transaction.
#include <gtest/gtest.h>

#include "hj212/encoder.hpp"
#include "hj212/framer.hpp"
#include "observations_test_db.hpp"
#include "services/hj212_ingest.hpp"
#include "services/hj212_problems.hpp"
#include "services/hj212_registry.hpp"
#include "services/problems.hpp"

namespace ecogov {
namespace {

const std::string kAt = "2026-11-18T00:00:00Z";

Hj212Incoming hourly(const std::string& mn, const std::string& when, const std::string& values) {
    const std::string seg = "QN=" + when + "000;ST=31;CN=2061;PW=123456;MN=" + mn +
                            ";Flag=4;CP=&&DataTime=" + when + ";" + values + "&&";
    std::string raw = hj212::encode_frame(seg);
    raw.resize(raw.size() - 2);
    hj212::Framer f;
    f.feed(raw + "\r\n");
    return Hj212Incoming{raw, f.next()->crc, "127.0.0.1:5000", 1'795'000'000'000};
}

/// Calls the real opener, then fails: the ingest must roll back the alarm and the problem.
struct FailingAfterOpen final : ProblemOpener {
    CasesProblemLink& inner;
    explicit FailingAfterOpen(CasesProblemLink& i) : inner(i) {}
    Result<std::optional<std::int64_t>> open_problem(storage::Connection& tx,
                                                     const ProblemRequest& r) override {
        auto id = inner.open_problem(tx, r);
        EXPECT_TRUE(id && *id) << (id ? "no id" : id.error().message);
        return fail(ErrorCode::internal, "injected failure after the problem was written");
    }
};

struct Site {
    testing::TempDb db;
    std::int64_t town = db.unit("dengfeng-gaocheng");
    std::int64_t outlet = 0;

    void add(const std::string& enterprise, const std::string& ekind, const std::string& okind,
             const std::string& mn, const std::string& code, double limit) {
        auto lease = db.db().acquire();
        const Actor cli = command_line_actor();
        auto e = create_hj212_enterprise(*lease, cli, {0, enterprise, ekind, town, "告成镇"}, kAt);
        ASSERT_TRUE(e) << e.error().message;
        auto o = create_hj212_outlet(*lease, cli, {0, e->id, "DA001", "1号烟囱", okind}, kAt);
        ASSERT_TRUE(o) << o.error().message;
        outlet = o->id;
        Hj212Device d;
        d.mn = mn;
        d.pw = "123456";
        d.outlet_id = o->id;
        d.pollutants = {{code, "mg/m3"}};
        auto dev = create_hj212_device(*lease, cli, d, kAt);
        ASSERT_TRUE(dev) << dev.error().message;
        auto l = put_hj212_limit(*lease, cli, {o->id, code, limit, std::nullopt, std::nullopt, std::nullopt}, kAt);
        ASSERT_TRUE(l) << l.error().message;
    }
    std::int64_t count(const std::string& sql) {
        auto lease = db.db().acquire();
        auto r = lease->query(sql);
        EXPECT_TRUE(r) << r.error().message;
        return r ? r->at(0).integer(0) : -1;
    }
};

const std::string kMn = "010000A8900016F000169DC0";

TEST(Hj212Problems, RunOfExceedancesOpensExactlyOneProblemWithHistoryAndAudit) {
    Site s;
    s.add("登封电厂", "enterprise", "gas", kMn, "a21026", 35.0);
    CasesProblemLink link(s.db.clock());
    Hj212Ingestor ing(s.db.db(), s.db.clock(), {}, link);
    for (int h = 0; h < 5; ++h) {  // run 3 opens the problem; hours 4 and 5 continue the same alarm
        const std::string when = "2026111810" + std::to_string(h) + "000";
        auto r = ing.store_batch(std::vector<Hj212Incoming>{hourly(kMn, when, "a21026-Avg=60")});
        ASSERT_TRUE(r) << r.error().message;
        ASSERT_EQ(r->at(0).status, Hj212Status::stored) << r->at(0).reason;
        EXPECT_EQ(s.count("SELECT count(*) FROM problems"), h >= 2 ? 1 : 0) << "hour " << h;
    }
    auto lease = s.db.db().acquire();
    auto alarm = lease->query(
        "SELECT id, problem_id, problem_status FROM hj212_alarms WHERE kind = 'exceedance'");
    ASSERT_TRUE(alarm);
    ASSERT_EQ(alarm->size(), 1u);
    const std::int64_t alarm_id = alarm->at(0).integer(0);
    ASSERT_TRUE(alarm->at(0).opt_integer(1));
    const std::int64_t pid = *alarm->at(0).opt_integer(1);
    EXPECT_EQ(alarm->at(0).text(2), "linked");

    auto p = get_problem(*lease, pid, Date::from_ymd(2026, 11, 18));
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_EQ(p->kind, "illegal_discharge");
    EXPECT_EQ(p->source, "online_monitoring");
    EXPECT_EQ(p->source_reference, "hj212-alarm-" + std::to_string(alarm_id));
    EXPECT_EQ(p->township_unit_id, s.town);
    EXPECT_EQ(p->responsible_unit_id, s.town);
    EXPECT_EQ(p->state, "reported");
    EXPECT_EQ(p->discovered_on, Date::from_ymd(2026, 11, 18));  // the clock's China date
    for (const char* part : {"登封电厂", "1号烟囱", "a21026", "60", "35", "#"})
        EXPECT_NE(p->description.find(part), std::string::npos) << part << " in " << p->description;
    EXPECT_NE(p->description.find(std::to_string(alarm_id)), std::string::npos);

    auto history = problem_history(*lease, pid);
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ(history->at(0).event, "register");
    EXPECT_EQ(history->at(0).person, "在线监测");
    EXPECT_EQ(history->at(0).username, "在线监测");
    EXPECT_FALSE(history->at(0).user_id);
    EXPECT_EQ(s.count("SELECT count(*) FROM audit_log WHERE entity = 'problems' AND action = 'create' "
                      "AND username = '在线监测' AND user_id IS NULL AND entity_id = '" +
                      std::to_string(pid) + "'"),
              1);
}

TEST(Hj212Problems, RolledBackIngestLeavesNeitherAlarmNorProblem) {
    Site s;
    s.add("登封电厂", "enterprise", "gas", kMn, "a21026", 35.0);
    CasesProblemLink link(s.db.clock());
    FailingAfterOpen failing(link);
    Hj212Ingestor ing(s.db.db(), s.db.clock(), Hj212IngestSettings{1, 300, 2.0, 5000, 8 * 3600}, failing);
    auto r = ing.store_batch(std::vector<Hj212Incoming>{hourly(kMn, "20261118100000", "a21026-Avg=60")});
    EXPECT_FALSE(r);
    EXPECT_EQ(s.count("SELECT count(*) FROM hj212_alarms"), 0);
    EXPECT_EQ(s.count("SELECT count(*) FROM hj212_uploads"), 0);
    EXPECT_EQ(s.count("SELECT count(*) FROM problems"), 0);
    EXPECT_EQ(s.count("SELECT count(*) FROM problem_events"), 0);
    EXPECT_EQ(s.count("SELECT count(*) FROM audit_log WHERE entity = 'problems'"), 0);

    // The in-memory alarm state was rolled back too: the next exceedance opens the alarm again.
    Hj212Ingestor ok(s.db.db(), s.db.clock(), Hj212IngestSettings{1, 300, 2.0, 5000, 8 * 3600}, link);
    auto again = ok.store_batch(std::vector<Hj212Incoming>{hourly(kMn, "20261118110000", "a21026-Avg=61")});
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(s.count("SELECT count(*) FROM hj212_alarms WHERE problem_status = 'linked'"), 1);
    EXPECT_EQ(s.count("SELECT count(*) FROM problems"), 1);
}

TEST(Hj212Problems, SameIngestorReopensAfterARolledBackAttempt) {
    Site s;
    s.add("登封电厂", "enterprise", "gas", kMn, "a21026", 35.0);
    CasesProblemLink link(s.db.clock());
    struct Toggle final : ProblemOpener {
        ProblemOpener* real = nullptr;
        bool fail_next = true;
        Result<std::optional<std::int64_t>> open_problem(storage::Connection& tx,
                                                         const ProblemRequest& r) override {
            if (fail_next) {
                fail_next = false;
                return fail(ErrorCode::internal, "injected");
            }
            return real->open_problem(tx, r);
        }
    } toggle;
    toggle.real = &link;
    Hj212Ingestor ing(s.db.db(), s.db.clock(), Hj212IngestSettings{1, 300, 2.0, 5000, 8 * 3600}, toggle);
    EXPECT_FALSE(ing.store_batch(std::vector<Hj212Incoming>{hourly(kMn, "20261118100000", "a21026-Avg=60")}));
    auto r = ing.store_batch(std::vector<Hj212Incoming>{hourly(kMn, "20261118110000", "a21026-Avg=61")});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(s.count("SELECT count(*) FROM hj212_alarms WHERE problem_status = 'linked'"), 1);
    EXPECT_EQ(s.count("SELECT count(*) FROM problems"), 1);
}

TEST(Hj212Problems, DustMonitorOpensDustProblem) {
    Site s;
    s.add("嵩阳路工地", "construction_site", "dust", kMn, "a34002", 150.0);
    CasesProblemLink link(s.db.clock());
    Hj212Ingestor ing(s.db.db(), s.db.clock(), Hj212IngestSettings{1, 300, 2.0, 5000, 8 * 3600}, link);
    auto r = ing.store_batch(std::vector<Hj212Incoming>{hourly(kMn, "20261118100000", "a34002-Avg=210")});
    ASSERT_TRUE(r) << r.error().message;
    auto lease = s.db.db().acquire();
    auto list = list_problems(*lease, {}, Date::from_ymd(2026, 11, 18));
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->front().kind, "dust");
    EXPECT_EQ(list->front().source, "online_monitoring");
    auto kinds = list_problem_kinds(*lease);
    ASSERT_TRUE(kinds);
    bool dust = false;
    for (const auto& k : *kinds) dust = dust || (k.id == "dust" && k.name_zh == "扬尘污染" && !k.damage);
    EXPECT_TRUE(dust);
}

TEST(Hj212Problems, EnterpriseOutsideATownshipLeavesTheAlarmPendingAndStoresTheFrame) {
    Site s;
    s.town = s.db.unit("dengfeng-bureau", "department");
    s.add("登封电厂", "enterprise", "gas", kMn, "a21026", 35.0);
    CasesProblemLink link(s.db.clock());
    Hj212Ingestor ing(s.db.db(), s.db.clock(), Hj212IngestSettings{1, 300, 2.0, 5000, 8 * 3600}, link);
    auto r = ing.store_batch(std::vector<Hj212Incoming>{hourly(kMn, "20261118100000", "a21026-Avg=60")});
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->at(0).status, Hj212Status::stored);
    EXPECT_EQ(s.count("SELECT count(*) FROM hj212_alarms WHERE problem_status = 'pending_link' AND problem_id IS NULL"), 1);
    EXPECT_EQ(s.count("SELECT count(*) FROM problems"), 0);
}

TEST(Hj212Problems, OpenProblemInNeedsTheCallersTransactionAndRights) {
    testing::TempDb db;
    const std::int64_t town = db.unit("dengfeng-gaocheng");
    auto lease = db.db().acquire();
    NewProblem n;
    n.kind = "dust";
    n.source = "online_monitoring";
    n.township_unit_id = town;
    n.discovered_on = Date::from_ymd(2026, 11, 18);
    n.description = "工地扬尘超标";
    {
        auto tx = storage::Transaction::begin(*lease);
        ASSERT_TRUE(tx);
        auto p = open_problem_in(*lease, db.clock(), online_monitoring_actor(), n);
        ASSERT_TRUE(p) << p.error().message;
        // no commit: rolled back with the caller's transaction
    }
    auto none = lease->query("SELECT count(*) FROM problems");
    ASSERT_TRUE(none);
    EXPECT_EQ(none->at(0).integer(0), 0);
    Actor leader{0, "leader", Role::leader, 0};
    auto refused = open_problem(*lease, db.clock(), leader, n);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
    auto opened = open_problem(*lease, db.clock(), online_monitoring_actor(), n);
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(opened->kind, "dust");
}

}  // namespace
}  // namespace ecogov
