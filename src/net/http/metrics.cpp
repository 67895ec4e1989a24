#include "net/http/metrics.hpp"

#include <cstdio>

namespace ecogov::http {

namespace {

std::string escape_label(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

}  // namespace

void Metrics::record(const std::string& route, int status, double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) ++bucket_counts_[i];
    }
    ++count_;
    sum_ += seconds;
}

std::string Metrics::render(std::optional<std::int64_t> observations) const {
    std::lock_guard lock(mutex_);
    std::string out;
    out += "# HELP ecogov_up 1 while the server runs.\n# TYPE ecogov_up gauge\necogov_up 1\n";
    const double uptime =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    out +=
        "# HELP ecogov_uptime_seconds Seconds since the server started.\n# TYPE "
        "ecogov_uptime_seconds gauge\n";
    out += "ecogov_uptime_seconds " + number(uptime) + "\n";
    out += "# HELP ecogov_http_requests_total HTTP requests by route pattern and status.\n";
    out += "# TYPE ecogov_http_requests_total counter\n";
    for (const auto& [key, n] : requests_) {
        out += "ecogov_http_requests_total{route=\"" + escape_label(key.first) + "\",status=\"" +
               std::to_string(key.second) + "\"} " + std::to_string(n) + "\n";
    }
    out += "# HELP ecogov_http_request_seconds Time to answer an HTTP request.\n";
    out += "# TYPE ecogov_http_request_seconds histogram\n";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        out += "ecogov_http_request_seconds_bucket{le=\"" + number(kBuckets[i]) + "\"} " +
               std::to_string(bucket_counts_[i]) + "\n";
    }
    out += "ecogov_http_request_seconds_bucket{le=\"+Inf\"} " + std::to_string(count_) + "\n";
    out += "ecogov_http_request_seconds_sum " + number(sum_) + "\n";
    out += "ecogov_http_request_seconds_count " + std::to_string(count_) + "\n";
    if (observations) {
        out += "# HELP ecogov_observations_total Hourly observations stored.\n";
        out += "# TYPE ecogov_observations_total gauge\n";
        out += "ecogov_observations_total " + std::to_string(*observations) + "\n";
    }
    return out;
}

}  // namespace ecogov::http
