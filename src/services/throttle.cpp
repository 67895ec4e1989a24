#include "services/throttle.hpp"

#include <algorithm>

namespace ecogov {

void LoginThrottle::prune(Times& t, std::chrono::system_clock::time_point now) const {
    while (!t.empty() && t.front() + limits_.window <= now) t.pop_front();
}

std::optional<std::int64_t> LoginThrottle::wait_for(std::map<std::string, Times>& m,
                                                    const std::string& key, int limit,
                                                    std::chrono::system_clock::time_point now) {
    auto it = m.find(key);
    if (it == m.end()) return std::nullopt;
    prune(it->second, now);
    if (limit <= 0 || static_cast<int>(it->second.size()) < limit) return std::nullopt;
    // The attempt becomes possible when enough old failures leave the window.
    const auto frees_at =
        it->second[it->second.size() - static_cast<std::size_t>(limit)] + limits_.window;
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(frees_at - now).count();
    return std::max<std::int64_t>(1, (ms + 999) / 1000);
}

std::optional<std::int64_t> LoginThrottle::check(const std::string& account,
                                                 const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto now = clock_.now();
    const auto a = wait_for(by_account_, account, limits_.per_account, now);
    const auto b = wait_for(by_address_, address, limits_.per_address, now);
    if (a && b) return std::max(*a, *b);
    return a ? a : b;
}

void LoginThrottle::record_failure(const std::string& account, const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto now = clock_.now();
    by_account_[account].push_back(now);
    by_address_[address].push_back(now);
    if (++calls_ % 1024 == 0) forget_idle(now);
}

void LoginThrottle::record_success(const std::string& account) {
    std::lock_guard lock(mutex_);
    by_account_.erase(account);
}

void LoginThrottle::forget_idle(std::chrono::system_clock::time_point now) {
    for (auto* m : {&by_account_, &by_address_}) {
        for (auto it = m->begin(); it != m->end();) {
            prune(it->second, now);
            it = it->second.empty() ? m->erase(it) : std::next(it);
        }
    }
}

}  // namespace ecogov
