#pragma once
// Clock: the only source of "now" (architecture.md: domain code takes time as an argument;
// services get a Clock injected, tests pass a fixed one).
#include <chrono>
#include <string>

namespace ecogov {

class Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::system_clock::time_point now() const = 0;
};

/// UTC ISO 8601 with seconds and Z: "2026-11-29T02:04:18Z".
std::string iso_utc(std::chrono::system_clock::time_point t);
/// Unix milliseconds.
inline std::int64_t unix_ms(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace ecogov
