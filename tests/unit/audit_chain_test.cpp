// Audit trail: append + verify, and tamper detection (altered row, removed row, broken link) on
// SQLite (issue 3 item 7, docs/audit.md).
#include <gtest/gtest.h>

#include <filesystem>

#include "temp_database.hpp"

#include "services/audit.hpp"

namespace ecogov {
namespace {

class FixedClock final : public Clock {
  public:
    std::chrono::system_clock::time_point now() const override {
        return std::chrono::system_clock::time_point{std::chrono::seconds(1'795'000'000)};
    }
};

class AuditChain : public ::testing::Test {
  protected:
    void SetUp() override {
        temp_ = std::make_unique<ecogov::testing::TempDatabase>(1);
        db_ = &temp_->db();
    }
    void TearDown() override {
        temp_.reset();
    }

    void append(int n) {
        auto lease = db_->acquire();
        const Actor who{7, "alice", Role::admin, 1};
        for (int i = 0; i < n; ++i) {
            auto tx = storage::Transaction::begin(*lease);
            ASSERT_TRUE(tx);
            AuditEntry e{"update", "units", std::to_string(i), R"({"name":"a\"b"})",
                         R"({"name":"c\nd"})"};
            ASSERT_TRUE(append_audit(*lease, who, e, "2026-11-29T02:04:18Z"));
            ASSERT_TRUE(tx->commit());
        }
    }
    void exec(const std::string& sql) {
        auto lease = db_->acquire();
        ASSERT_TRUE(lease->execute(sql)) << sql;
    }
    AuditVerification verify() {
        auto lease = db_->acquire();
        auto v = verify_audit(*lease);
        EXPECT_TRUE(v);
        return v.value_or(AuditVerification{});
    }

    std::unique_ptr<ecogov::testing::TempDatabase> temp_;
    storage::Database* db_ = nullptr;
};

TEST_F(AuditChain, EmptyAndIntactChainsVerify) {
    EXPECT_TRUE(verify().ok());
    append(5);
    const auto v = verify();
    EXPECT_TRUE(v.ok());
    EXPECT_EQ(v.entries, 5);
}

TEST_F(AuditChain, FirstRowStartsFromZerosAndLinks) {
    append(2);
    auto lease = db_->acquire();
    auto rows = lease->query("SELECT id, prev_hash, hash FROM audit_log ORDER BY id");
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ(rows->at(0).integer(0), 1);
    EXPECT_EQ(rows->at(0).text(1), std::string(64, '0'));
    EXPECT_EQ(rows->at(1).text(1), rows->at(0).text(2));
    EXPECT_EQ(rows->at(0).text(2).size(), 64u);
}

TEST_F(AuditChain, AlteredRowIsNamed) {
    append(4);
    exec("UPDATE audit_log SET after = '{\"name\":\"forged\"}' WHERE id = 3");
    const auto v = verify();
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(*v.first_bad_id, 3);
    EXPECT_EQ(v.problem, "hash mismatch");
}

TEST_F(AuditChain, AlteredFirstRowIsNamed) {
    append(3);
    exec("UPDATE audit_log SET username = 'mallory' WHERE id = 1");
    const auto v = verify();
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(*v.first_bad_id, 1);
    EXPECT_EQ(v.problem, "hash mismatch");
}

TEST_F(AuditChain, RemovedRowIsNamed) {
    append(4);
    exec("DELETE FROM audit_log WHERE id = 2");
    const auto v = verify();
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(*v.first_bad_id, 3);
    EXPECT_EQ(v.problem, "entry 2 missing");
}

TEST_F(AuditChain, AnAnchorNoticesRowsCutOffTheEnd) {
    append(5);
    const AuditVerification whole = verify();
    ASSERT_TRUE(whole.ok());
    EXPECT_EQ(whole.head_id, 5);
    ASSERT_EQ(whole.head_hash.size(), 64u);
    const AuditAnchor anchor{whole.head_id, whole.head_hash};
    exec("DELETE FROM audit_log WHERE id >= 4");
    auto lease = db_->acquire();
    EXPECT_TRUE(verify_audit(*lease)->ok());  // a shorter chain is still a chain
    const auto cut = verify_audit(*lease, anchor);
    ASSERT_TRUE(cut);
    ASSERT_FALSE(cut->ok());
    EXPECT_EQ(*cut->first_bad_id, 5);
    EXPECT_EQ(cut->problem, "entry 5 missing: the trail ends at entry 3 (newer entries were removed)");
    const auto wrong = verify_audit(*lease, AuditAnchor{2, std::string(64, 'a')});
    EXPECT_EQ(wrong->problem, "entry 2 differs from the anchor");
}

TEST(AuditAnchor, ParsesIdColonHash) {
    const std::string hash(64, 'f');
    auto a = parse_audit_anchor("42:" + hash);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, 42);
    EXPECT_EQ(a->hash, hash);
    for (const std::string& bad : {std::string("42"), "x:" + hash, "0:" + hash, "42:" + std::string(63, 'f'),
                                  "42:" + std::string(64, 'F'), "-1:" + hash})
        EXPECT_FALSE(parse_audit_anchor(bad)) << bad;
}

TEST_F(AuditChain, RewrittenRowWithFreshHashBreaksTheNextLink) {
    append(3);
    {
        auto lease = db_->acquire();
        auto rows = lease->query("SELECT prev_hash FROM audit_log WHERE id = 2");
        ASSERT_TRUE(rows);
        AuditRow forged{
            2,    "2026-11-29T02:04:18Z", 7, "alice", "update", "units", "1", std::nullopt,
            "{}", rows->at(0).text(0),    ""};
        const std::vector<storage::SqlValue> p{audit_row_hash(forged)};
        ASSERT_TRUE(lease->execute(
            "UPDATE audit_log SET before = NULL, after = '{}', hash = $1 WHERE id = 2", p));
    }
    const auto v = verify();
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(*v.first_bad_id, 3);
    EXPECT_EQ(v.problem, "chain broken");
}

TEST_F(AuditChain, AuditedWriteRollsBackWithTheWork) {
    FixedClock clock;
    auto lease = db_->acquire();
    auto r = audited_write(*lease, clock, command_line_actor(),
                           [](storage::Connection&) -> Result<std::pair<int, AuditEntry>> {
                               return fail(ErrorCode::conflict, "no");
                           });
    EXPECT_FALSE(r);
    auto ok = audited_write(
        *lease, clock, command_line_actor(),
        [](storage::Connection&) -> Result<std::pair<int, AuditEntry>> {
            return std::pair{1, AuditEntry{"create", "units", "9", std::nullopt, "{}"}};
        });
    ASSERT_TRUE(ok);
    auto rows = lease->query("SELECT id, user_id, username, at FROM audit_log");
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_TRUE(rows->at(0).is_null(1));
    EXPECT_EQ(rows->at(0).text(2), "cli");
    EXPECT_EQ(rows->at(0).text(3), iso_utc(clock.now()));
}

TEST(AuditCanonical, DocumentedForm) {
    AuditRow row{1,
                 "2026-11-29T02:04:18Z",
                 std::nullopt,
                 "cli",
                 "create",
                 "units",
                 "1",
                 std::nullopt,
                 R"({"a":"x"})",
                 std::string(64, '0'),
                 ""};
    EXPECT_EQ(canonical_audit_row(row),
              R"([1,"2026-11-29T02:04:18Z",null,"cli","create","units","1",null,"{\"a\":\"x\"}"])");
    EXPECT_EQ(audit_row_hash(row),
              sha256_hex(std::string(64, '0') + "\n" + canonical_audit_row(row)));
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace ecogov
