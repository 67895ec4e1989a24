// Passwords (argon2id via libsodium), sessions, logout and password change on SQLite.
#include <gtest/gtest.h>

#include <filesystem>

#include "temp_database.hpp"

#include "services/accounts.hpp"
#include "services/audit.hpp"
#include "services/auth.hpp"
#include "services/organisation.hpp"

namespace ecogov {
namespace {

class StepClock final : public Clock {
  public:
    std::chrono::system_clock::time_point now() const override { return t; }
    std::chrono::system_clock::time_point t{std::chrono::seconds(1'795'000'000)};
};

TEST(AuthPassword, HashVerifies) {
    set_password_hash_cost(HashCost::minimum);
    auto h = hash_password("correct horse");
    ASSERT_TRUE(h);
    EXPECT_EQ(h->rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(verify_password(*h, "correct horse"));
    EXPECT_FALSE(verify_password(*h, "correct horsE"));
    EXPECT_FALSE(verify_password("", "x"));
    EXPECT_NE(*hash_password("correct horse"), *h);  // salted
}

TEST(AuthPassword, StrengthAndTokens) {
    EXPECT_FALSE(check_password_strength("short"));
    EXPECT_TRUE(check_password_strength("eight888"));
    const std::string a = random_token_hex(32);
    EXPECT_EQ(a.size(), 64u);
    EXPECT_NE(a, random_token_hex(32));
}

class AuthSessions : public ::testing::Test {
  protected:
    void SetUp() override {
        set_password_hash_cost(HashCost::minimum);
        temp_ = std::make_unique<ecogov::testing::TempDatabase>(1);
        db_ = &temp_->db();
        auto lease = db_->acquire();
        auto unit = create_unit(*lease, clock_, command_line_actor(),
                                NewUnit{"bureau", "局", "bureau", std::nullopt});
        ASSERT_TRUE(unit);
        auto user = create_user(*lease, clock_, command_line_actor(),
                                NewUser{"ann", "Ann", "unit", unit->id, "password-1"});
        ASSERT_TRUE(user) << user.error().message;
    }
    void TearDown() override {
        temp_.reset();
    }

    StepClock clock_;
    std::unique_ptr<ecogov::testing::TempDatabase> temp_;
    storage::Database* db_ = nullptr;
};

TEST_F(AuthSessions, LoginStoresOnlyTheTokenHash) {
    auto lease = db_->acquire();
    auto out = login(*lease, clock_, LoginRequest{"ann", "password-1", "127.0.0.1", 60'000});
    ASSERT_TRUE(out) << out.error().message;
    auto rows = lease->query("SELECT token_hash FROM sessions");
    ASSERT_TRUE(rows && rows->size() == 1u);
    EXPECT_EQ(rows->at(0).text(0), sha256_hex(out->session.token));
    auto s = find_session(*lease, out->session.token, unix_ms(clock_.now()));
    ASSERT_TRUE(s && s->has_value());
    EXPECT_EQ((*s)->actor.username, "ann");
    EXPECT_EQ((*s)->csrf_token, out->session.csrf_token);
}

TEST_F(AuthSessions, LastSeenIsRecordedAtMostOnceAMinute) {
    auto lease = db_->acquire();
    auto out = login(*lease, clock_, LoginRequest{"ann", "password-1", "", 3'600'000});
    ASSERT_TRUE(out) << out.error().message;
    const std::int64_t t0 = unix_ms(clock_.now());
    auto last_seen = [&] { return lease->query("SELECT last_seen_ms FROM sessions")->at(0).integer(0); };
    ASSERT_TRUE(find_session(*lease, out->session.token, t0 + 1'000)->has_value());
    const std::int64_t first = last_seen();
    ASSERT_TRUE(find_session(*lease, out->session.token, t0 + 30'000)->has_value());
    EXPECT_EQ(last_seen(), first);  // within the minute: not rewritten
    ASSERT_TRUE(find_session(*lease, out->session.token, first + 60'001)->has_value());
    EXPECT_EQ(last_seen(), first + 60'001);
}

TEST_F(AuthSessions, WrongPasswordUnknownUserAndDisabledLookAlike) {
    auto lease = db_->acquire();
    auto a = login(*lease, clock_, LoginRequest{"ann", "password-2", "", 60'000});
    auto b = login(*lease, clock_, LoginRequest{"nobody", "password-1", "", 60'000});
    ASSERT_FALSE(a);
    ASSERT_FALSE(b);
    EXPECT_EQ(a.error().code, ErrorCode::unauthorized);
    EXPECT_EQ(a.error().message, b.error().message);
}

TEST_F(AuthSessions, ExpiryLogoutAndPasswordChange) {
    auto lease = db_->acquire();
    auto first = login(*lease, clock_, LoginRequest{"ann", "password-1", "", 60'000});
    auto second = login(*lease, clock_, LoginRequest{"ann", "password-1", "", 60'000});
    ASSERT_TRUE(first && second);
    EXPECT_FALSE(
        find_session(*lease, first->session.token, unix_ms(clock_.now()) + 60'000)->has_value());
    const auto view = find_session(*lease, first->session.token, unix_ms(clock_.now()))->value();
    EXPECT_FALSE(
        change_password(*lease, clock_, view.actor, "wrong-old", "password-9", view.token_hash));
    ASSERT_TRUE(
        change_password(*lease, clock_, view.actor, "password-1", "password-9", view.token_hash));
    EXPECT_FALSE(find_session(*lease, second->session.token, unix_ms(clock_.now()))
                     ->has_value());  // others ended
    EXPECT_TRUE(login(*lease, clock_, LoginRequest{"ann", "password-9", "", 60'000}));
    ASSERT_TRUE(logout(*lease, clock_, view.actor, view.token_hash));
    EXPECT_FALSE(find_session(*lease, first->session.token, unix_ms(clock_.now()))->has_value());
}

TEST_F(AuthSessions, DisablingEndsSessions) {
    auto lease = db_->acquire();
    auto s = login(*lease, clock_, LoginRequest{"ann", "password-1", "", 60'000});
    ASSERT_TRUE(s);
    UserPatch p;
    p.disabled = true;
    ASSERT_TRUE(update_user(*lease, clock_, command_line_actor(), s->user.id, p));
    EXPECT_FALSE(find_session(*lease, s->session.token, unix_ms(clock_.now()))->has_value());
    EXPECT_FALSE(login(*lease, clock_, LoginRequest{"ann", "password-1", "", 60'000}));
}

}  // namespace
}  // namespace ecogov
