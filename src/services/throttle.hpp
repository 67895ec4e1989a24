#pragma once
// Login throttling (issue 3 item 3): an in-memory sliding window of failed sign-ins per account
// and per remote address.
//
// Contract:
// - check() before verifying a password: when the account has `per_account` failures, or the
//   address `per_address` failures, within the last `window`, it answers how long until the
//   oldest of them leaves the window (→ 429 `throttled` with Retry-After, in whole seconds ≥ 1).
// - record_failure() after a wrong password; record_success() clears the account's failures
//   (the address keeps its count: one address guessing many accounts stays throttled).
// - Thread-safe; the clock is injected so tests move time by hand.
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace ecogov {

struct ThrottleLimits {
    int per_account = 5;
    int per_address = 20;
    std::chrono::seconds window{15 * 60};
};

class LoginThrottle {
  public:
    LoginThrottle(const Clock& clock, ThrottleLimits limits) : clock_(clock), limits_(limits) {}

    /// Seconds to wait (≥ 1) when throttled; nullopt when the attempt may proceed.
    std::optional<std::int64_t> check(const std::string& account, const std::string& address);
    void record_failure(const std::string& account, const std::string& address);
    void record_success(const std::string& account);

  private:
    using Times = std::deque<std::chrono::system_clock::time_point>;
    std::optional<std::int64_t> wait_for(std::map<std::string, Times>& m, const std::string& key,
                                         int limit, std::chrono::system_clock::time_point now);
    void prune(Times& t, std::chrono::system_clock::time_point now) const;
    void forget_idle(std::chrono::system_clock::time_point now);

    const Clock& clock_;
    ThrottleLimits limits_;
    std::mutex mutex_;
    std::map<std::string, Times> by_account_;
    std::map<std::string, Times> by_address_;
    std::uint64_t calls_ = 0;
};

}  // namespace ecogov
