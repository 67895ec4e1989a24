#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace ecogov::cli {

Progress::Progress(bool quiet) : enabled_(!quiet && isatty(STDERR_FILENO)) {}

Progress::~Progress() { done(); }

void Progress::set_file(const std::string& name, int index, int count) {
    label_ = "[" + std::to_string(index) + "/" + std::to_string(count) + "] " + name;
}

void Progress::update(std::uint64_t done_bytes, std::uint64_t total) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    drawn_ = true;
    const double pct = total ? 100.0 * static_cast<double>(done_bytes) / static_cast<double>(total) : 0.0;
    std::fprintf(stderr, "\r\033[K%s  %5.1f%%  %.1f MB", label_.c_str(), pct,
                 static_cast<double>(done_bytes) / 1e6);
    std::fflush(stderr);
}

void Progress::done() {
    if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
    drawn_ = false;
}

}  // namespace ecogov::cli
