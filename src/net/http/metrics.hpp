#pragma once
// Prometheus metrics of the HTTP server (issue 3 item 1, api.md "/metrics").
// Contract: request counts by route pattern (not raw path: bounded label set) and status, a
// latency histogram, uptime; render() writes the text exposition format 0.0.4. Thread-safe.
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace ecogov::http {

class Metrics {
  public:
    Metrics() : started_(std::chrono::steady_clock::now()) {}

    void record(const std::string& route, int status, double seconds);
    /// The exposition text; `observations` is the stored observation count when known.
    std::string render(std::optional<std::int64_t> observations) const;

  private:
    static constexpr std::array<double, 11> kBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                     0.5,   1,    2.5,   5,    10};

    mutable std::mutex mutex_;
    std::chrono::steady_clock::time_point started_;
    std::map<std::pair<std::string, int>, std::uint64_t> requests_;
    std::array<std::uint64_t, kBuckets.size()> bucket_counts_{};
    std::uint64_t count_ = 0;
    double sum_ = 0;
};

}  // namespace ecogov::http
