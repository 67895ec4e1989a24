// Login throttling: sliding windows per account and per address with a hand-moved clock.
#include <gtest/gtest.h>

#include "services/throttle.hpp"

namespace ecogov {
namespace {

class FakeClock final : public Clock {
  public:
    std::chrono::system_clock::time_point now() const override { return t; }
    std::chrono::system_clock::time_point t{std::chrono::seconds(1'800'000'000)};
};

TEST(ThrottleWindow, AccountLimitThenWindowSlides) {
    FakeClock clock;
    LoginThrottle th(clock, ThrottleLimits{3, 100, std::chrono::seconds(900)});
    for (int i = 0; i < 3; ++i) {
        EXPECT_FALSE(th.check("alice", "10.0.0.1"));
        th.record_failure("alice", "10.0.0.1");
        clock.t += std::chrono::seconds(10);
    }
    auto wait = th.check("alice", "10.0.0.2");  // another address: the account is still locked
    ASSERT_TRUE(wait);
    EXPECT_EQ(*wait, 900 - 30);
    EXPECT_FALSE(th.check("bob", "10.0.0.1"));
    clock.t += std::chrono::seconds(*wait);  // the oldest failure leaves the window
    EXPECT_FALSE(th.check("alice", "10.0.0.1"));
}

TEST(ThrottleWindow, AddressLimitAcrossAccounts) {
    FakeClock clock;
    LoginThrottle th(clock, ThrottleLimits{100, 4, std::chrono::seconds(60)});
    for (int i = 0; i < 4; ++i) th.record_failure("user" + std::to_string(i), "192.0.2.9");
    auto wait = th.check("someone", "192.0.2.9");
    ASSERT_TRUE(wait);
    EXPECT_EQ(*wait, 60);
    EXPECT_FALSE(th.check("someone", "192.0.2.10"));
    clock.t += std::chrono::seconds(60);
    EXPECT_FALSE(th.check("someone", "192.0.2.9"));
}

TEST(ThrottleWindow, SuccessClearsTheAccountOnly) {
    FakeClock clock;
    LoginThrottle th(clock, ThrottleLimits{2, 2, std::chrono::seconds(60)});
    th.record_failure("alice", "a");
    th.record_failure("alice", "a");
    ASSERT_TRUE(th.check("alice", "b"));
    th.record_success("alice");
    EXPECT_FALSE(th.check("alice", "b"));
    EXPECT_TRUE(th.check("alice", "a"));  // the address keeps its count
}

TEST(ThrottleWindow, RetryAfterIsAtLeastOneSecond) {
    FakeClock clock;
    LoginThrottle th(clock, ThrottleLimits{1, 10, std::chrono::seconds(5)});
    th.record_failure("x", "y");
    clock.t += std::chrono::milliseconds(4999);
    auto wait = th.check("x", "z");
    ASSERT_TRUE(wait);
    EXPECT_EQ(*wait, 1);
}

}  // namespace
}  // namespace ecogov
