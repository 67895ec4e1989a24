// HJ 212 registry and ingest (services/hj212_registry.hpp, services/hj212_ingest.hpp): validation
// and rights of the registry, outcomes of frames (stored, duplicate, quarantined, rejected),
// replies only for committed frames, exceedance runs opening a problem, outage alarms driven by
// the clock passed in, and the 1012 time set on clock skew.
#include <gtest/gtest.h>

#include "hj212/encoder.hpp"
#include "hj212/framer.hpp"
#include "observations_test_db.hpp"
#include "services/hj212_ingest.hpp"
#include "services/hj212_registry.hpp"

namespace ecogov {
namespace {

using namespace std::chrono;

struct MutableClock final : Clock {
    system_clock::time_point t{seconds(1'795'000'000)};  // 2026-11-18T11:06:40Z
    system_clock::time_point now() const override { return t; }
};

struct RecordingOpener final : ProblemOpener {
    std::vector<ProblemRequest> requests;
    Result<std::optional<std::int64_t>> open_problem(storage::Connection&, const ProblemRequest& r) override {
        requests.push_back(r);
        return std::optional<std::int64_t>{77};
    }
};

const std::string kAt = "2026-11-18T00:00:00Z";
const std::string kMn = "010000A8900016F000169DC0";

Hj212Incoming incoming(const std::string& segment, hj212::CrcVariant variant = hj212::CrcVariant::hj212) {
    std::string raw = hj212::encode_frame(segment, variant);
    raw.resize(raw.size() - 2);
    hj212::Framer f;
    f.feed(raw + "\r\n");
    auto item = f.next();
    return Hj212Incoming{raw, item ? item->crc : hj212::CrcVariant::bad, "127.0.0.1:5000", 1'795'000'000'000};
}

std::string upload(const std::string& cn, const std::string& when, const std::string& values,
                   const std::string& mn = kMn, const std::string& pw = "123456", int flag = 5) {
    return "QN=" + when + "000;ST=31;CN=" + cn + ";PW=" + pw + ";MN=" + mn + ";Flag=" + std::to_string(flag) +
           ";CP=&&DataTime=" + when + ";" + values + "&&";
}

struct Fixture {
    testing::TempDb db;
    MutableClock clock;
    RecordingOpener opener;
    std::int64_t unit = db.unit("dengfeng-gaocheng");
    std::int64_t outlet = 0;
    std::int64_t device = 0;

    Fixture() {
        auto lease = db.db().acquire();
        auto e = create_hj212_enterprise(*lease, command_line_actor(), {0, "登封电厂", "enterprise", unit, "告成镇"}, kAt);
        EXPECT_TRUE(e) << e.error().message;
        auto o = create_hj212_outlet(*lease, command_line_actor(), {0, e->id, "DA001", "1号烟囱", "gas"}, kAt);
        EXPECT_TRUE(o) << o.error().message;
        outlet = o->id;
        Hj212Device d;
        d.mn = kMn;
        d.pw = "123456";
        d.outlet_id = outlet;
        d.expected_interval_s = 600;
        d.allow_time_set = true;
        d.pollutants = {{"a34013", "mg/m3"}, {"a21026", "mg/m3"}};
        auto dev = create_hj212_device(*lease, command_line_actor(), d, kAt);
        EXPECT_TRUE(dev) << dev.error().message;
        device = dev->id;
        auto l = put_hj212_limit(*lease, command_line_actor(), {outlet, "a21026", 35.0, std::nullopt, 50.0, std::nullopt}, kAt);
        EXPECT_TRUE(l) << l.error().message;
    }
    std::int64_t count(const std::string& sql) {
        auto lease = db.db().acquire();
        auto r = lease->query(sql);
        EXPECT_TRUE(r) << r.error().message;
        return r ? r->at(0).integer(0) : -1;
    }
};

TEST(Hj212Registry, ValidatesAndChecksRights) {
    Fixture f;
    auto lease = f.db.db().acquire();
    Hj212Device d;
    d.mn = "MN2";
    d.pw = "1";
    d.outlet_id = f.outlet;
    d.dialect = "2009";
    auto bad = create_hj212_device(*lease, command_line_actor(), d, kAt);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, "dialect");
    d.dialect = "2005";
    d.mn = kMn;
    EXPECT_EQ(create_hj212_device(*lease, command_line_actor(), d, kAt).error().code, ErrorCode::conflict);
    d.mn = "MN;2";
    EXPECT_EQ(create_hj212_device(*lease, command_line_actor(), d, kAt).error().field, "mn");
    d.mn = "MN2";
    d.outlet_id = 999;
    EXPECT_EQ(create_hj212_device(*lease, command_line_actor(), d, kAt).error().code, ErrorCode::not_found);
    Actor leader{5, "leader", Role::leader, f.unit};
    EXPECT_EQ(create_hj212_enterprise(*lease, leader, {0, "x", "enterprise", f.unit, ""}, kAt).error().code,
              ErrorCode::forbidden);
    auto devices = list_hj212_devices(*lease);
    ASSERT_TRUE(devices);
    ASSERT_EQ(devices->size(), 1u);
    EXPECT_EQ(devices->at(0).pollutants.size(), 2u);
    EXPECT_EQ(f.count("SELECT count(*) FROM audit_log WHERE entity LIKE 'hj212_%'"), 4);
}

TEST(Hj212Ingest, OutcomesRepliesAndDuplicates) {
    Fixture f;
    Hj212Ingestor ing(f.db.db(), f.clock, {}, f.opener);
    const std::string seg = upload("2061", "20261118150000", "a21026-Avg=20.5,a21026-Flag=N;a34013-Avg=3,a34013-Flag=N");
    std::vector<Hj212Incoming> batch = {
        incoming(seg),
        incoming(seg),  // same (MN, CN, DataTime, PNO) in the same batch
        incoming(upload("2061", "20261118150000", "a21026-Avg=1", "UNKNOWNMN")),
        incoming(upload("2061", "20261118160000", "a21026-Avg=1", kMn, "654321")),
        incoming(upload("2061", "20261118170000", "a21026-Avg=1"), hj212::CrcVariant::modbus),
        incoming("CN=2011;CP=&&w01018-Rtd=abc&&"),
        incoming(upload("2011", "20261118190640", "a21026-Rtd=1", kMn, "123456", 4)),
    };
    auto out = ing.store_batch(batch);
    ASSERT_TRUE(out) << out.error().message;
    ASSERT_EQ(out->size(), batch.size());
    EXPECT_EQ((*out)[0].status, Hj212Status::stored);
    EXPECT_EQ((*out)[1].status, Hj212Status::duplicate);
    EXPECT_EQ((*out)[2].status, Hj212Status::quarantined);
    EXPECT_EQ((*out)[2].reason, "unknown MN");
    EXPECT_EQ((*out)[3].status, Hj212Status::quarantined);
    EXPECT_EQ((*out)[3].reason, "wrong PW");
    EXPECT_EQ((*out)[4].status, Hj212Status::rejected);
    EXPECT_EQ((*out)[5].status, Hj212Status::rejected);
    EXPECT_EQ((*out)[5].reason, "w01018-Rtd is not a number");
    EXPECT_EQ((*out)[6].status, Hj212Status::stored);
    auto parsed = hj212::parse_segment(seg);
    EXPECT_EQ((*out)[0].reply, hj212::data_reply(parsed.message));
    EXPECT_EQ((*out)[1].reply, (*out)[0].reply);  // a resent frame is acknowledged again
    EXPECT_TRUE((*out)[2].reply.empty());
    EXPECT_TRUE((*out)[3].reply.empty());
    EXPECT_TRUE((*out)[6].reply.empty());  // Flag=4: no reply asked, clock within 300 s
    EXPECT_EQ(f.count("SELECT count(*) FROM hj212_uploads"), 2);
    EXPECT_EQ(f.count("SELECT count(*) FROM hj212_values"), 3);
    EXPECT_EQ(f.count("SELECT count(*) FROM hj212_frames"), 7);
    EXPECT_EQ(f.count("SELECT count(*) FROM hj212_frames WHERE status = 'quarantined'"), 2);
    EXPECT_EQ(f.count("SELECT count(*) FROM hj212_devices WHERE last_seen_ms IS NOT NULL"), 1);

    // The same frame in a later batch is still a duplicate.
    auto again = ing.store_batch(std::vector<Hj212Incoming>{incoming(seg)});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->at(0).status, Hj212Status::duplicate);
    EXPECT_EQ(f.count("SELECT count(*) FROM hj212_values"), 3);

    // A MODBUS device registered as such is accepted.
    {
        auto lease = f.db.db().acquire();
        auto d = get_hj212_device(*lease, f.device);
        ASSERT_TRUE(d);
        d->crc_variant = "modbus";
        ASSERT_TRUE(update_hj212_device(*lease, command_line_actor(), f.device, *d, kAt));
    }
    ing.invalidate_registry();
    auto mod = ing.store_batch(std::vector<Hj212Incoming>{batch[4]});
    ASSERT_TRUE(mod);
    EXPECT_EQ(mod->at(0).status, Hj212Status::stored);
}

TEST(Hj212Ingest, ExceedanceRunOpensProblemAndWithinLimitCloses) {
    Fixture f;
    Hj212Ingestor ing(f.db.db(), f.clock, {}, f.opener);
    auto hour = [&](int h, const std::string& values) {
        char when[32];
        std::snprintf(when, sizeof when, "202611181%d0000", h);
        auto r = ing.store_batch(std::vector<Hj212Incoming>{incoming(upload("2061", when, values))});
        EXPECT_TRUE(r && r->at(0).status == Hj212Status::stored);
    };
    hour(0, "a21026-Avg=60");               // hourly limit 50
    hour(1, "a21026-Avg=40");               // within the hourly limit: run ends
    hour(2, "a21026-Avg=55");
    hour(3, "a21026-Avg=10,a21026-Flag=T");  // flagged T counts
    EXPECT_TRUE(f.opener.requests.empty());
    hour(4, "a21026-Avg=70");
    ASSERT_EQ(f.opener.requests.size(), 1u);
    EXPECT_EQ(f.opener.requests[0].kind, "违规排放");
    EXPECT_EQ(f.opener.requests[0].unit_id, f.unit);
    EXPECT_EQ(f.opener.requests[0].source, "online monitoring");
    EXPECT_NE(f.opener.requests[0].title.find("a21026"), std::string::npos);
    EXPECT_EQ(f.count("SELECT count(*) FROM hj212_exceedances"), 4);
    EXPECT_EQ(f.count("SELECT count(*) FROM hj212_alarms WHERE kind = 'exceedance' AND closed_ms IS NULL "
                      "AND problem_id = 77 AND problem_status = 'linked'"),
              1);
    hour(5, "a21026-Avg=80");  // still one open alarm
    EXPECT_EQ(f.opener.requests.size(), 1u);
    hour(6, "a21026-Avg=30");
    EXPECT_EQ(f.count("SELECT count(*) FROM hj212_alarms WHERE kind = 'exceedance' AND closed_ms IS NULL"), 0);

    PendingProblemLink pending;
    Hj212Ingestor ing2(f.db.db(), f.clock, Hj212IngestSettings{1, 300, 2.0, 5000, 8 * 3600}, pending);
    auto r = ing2.store_batch(std::vector<Hj212Incoming>{incoming(upload("2051", "20261118171000", "a21026-Avg=36"))});
    ASSERT_TRUE(r);
    EXPECT_EQ(f.count("SELECT count(*) FROM hj212_alarms WHERE problem_status = 'pending_link' AND problem_id IS NULL"), 1);
}

TEST(Hj212Ingest, OutageAlarmFollowsTheClock) {
    Fixture f;
    Hj212Ingestor ing(f.db.db(), f.clock, {}, f.opener);
    auto check = ing.check_outages();
    ASSERT_TRUE(check);
    EXPECT_EQ(*check, 0);  // never seen: no alarm
    ASSERT_TRUE(ing.store_batch(std::vector<Hj212Incoming>{incoming(upload("2051", "20261118153000", "a21026-Avg=1"))}));
    f.clock.t += seconds(1199);  // expected every 600 s, factor 2
    EXPECT_EQ(*ing.check_outages(), 0);
    f.clock.t += seconds(2);
    EXPECT_EQ(*ing.check_outages(), 1);
    EXPECT_EQ(*ing.check_outages(), 0);  // one open alarm per device
    EXPECT_EQ(f.count("SELECT count(*) FROM hj212_alarms WHERE kind = 'outage' AND closed_ms IS NULL"), 1);
    ASSERT_TRUE(ing.store_batch(std::vector<Hj212Incoming>{incoming(upload("2051", "20261118154000", "a21026-Avg=1"))}));
    EXPECT_EQ(f.count("SELECT count(*) FROM hj212_alarms WHERE kind = 'outage' AND closed_ms IS NOT NULL"), 1);
}

TEST(Hj212Ingest, ClockSkewSendsTimeSetWhenAllowed) {
    Fixture f;
    Hj212Ingestor ing(f.db.db(), f.clock, {}, f.opener);
    // received at 2026-11-18T11:06:40Z = 19:06:40 China time; the device says 14:00:00.
    auto r = ing.store_batch(std::vector<Hj212Incoming>{incoming(upload("2011", "20261118140000", "a21026-Rtd=1"))});
    ASSERT_TRUE(r);
    const std::string& reply = r->at(0).reply;
    EXPECT_NE(reply.find("CN=9014"), std::string::npos);
    EXPECT_NE(reply.find("CN=1012"), std::string::npos);
    EXPECT_NE(reply.find("SystemTime=20261118190640"), std::string::npos);
    auto again = ing.store_batch(std::vector<Hj212Incoming>{incoming(upload("2011", "20261118140030", "a21026-Rtd=1"))});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->at(0).reply.find("CN=1012"), std::string::npos);  // at most once an hour
    EXPECT_EQ(f.count("SELECT count(*) FROM hj212_alarms WHERE kind = 'clock_skew'"), 1);
    // A 1013 time-calibration request: 9013, then 1012.
    auto ask = ing.store_batch(std::vector<Hj212Incoming>{
        incoming("QN=20261118190000000;ST=31;CN=1013;PW=123456;MN=" + kMn + ";Flag=5;CP=&&&&")});
    ASSERT_TRUE(ask);
    const std::string& r1013 = ask->at(0).reply;
    EXPECT_LT(r1013.find("CN=9013"), r1013.find("CN=1012"));
    EXPECT_NE(r1013.find("CN=1012"), std::string::npos);
}

}  // namespace
}  // namespace ecogov
