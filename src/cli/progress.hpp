#pragma once
// Progress of long runs on stderr, only when stderr is a terminal and the user did not ask for
// quiet; redrawn at most every 200 ms, cleared at the end.
#include <chrono>
#include <cstdint>
#include <string>

namespace ecogov::cli {

class Progress {
public:
    Progress(bool quiet);
    ~Progress();
    void set_file(const std::string& name, int index, int count);
    void update(std::uint64_t done, std::uint64_t total);
    void done();

private:
    bool enabled_;
    std::string label_;
    std::chrono::steady_clock::time_point last_{};
    bool drawn_ = false;
};

}  // namespace ecogov::cli
