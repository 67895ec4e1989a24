#include "cli/output.hpp"

#include <cstdio>

namespace ecogov::cli {

Result<Output> Output::open(const std::string& path) {
    Output out;
    out.path_ = path;
    out.json_ = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
    if (path == "-") {
        out.file_ = stdout;
    } else {
        out.tmp_path_ = path + ".tmp";
        out.file_ = std::fopen(out.tmp_path_.c_str(), "wb");
        if (!out.file_) return fail(ErrorCode::io, "cannot create output file", path);
    }
    out.buffer_.reserve(1u << 21);
    return out;
}

Output::Output(Output&& o) noexcept
    : file_(o.file_), path_(std::move(o.path_)), tmp_path_(std::move(o.tmp_path_)),
      buffer_(std::move(o.buffer_)), json_(o.json_), failed_(o.failed_) {
    o.file_ = nullptr;
}

Output::~Output() {
    if (file_ && file_ != stdout) {
        std::fclose(file_);
        std::remove(tmp_path_.c_str());  // not committed: leave the target untouched
    }
}

void Output::flush() {
    if (!file_ || buffer_.empty()) return;
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) failed_ = true;
    buffer_.clear();
}

Result<void> Output::commit() {
    flush();
    if (!file_) return fail(ErrorCode::internal, "output already closed", path_);
    if (file_ == stdout) {
        if (std::fflush(stdout) != 0 || failed_) return fail(ErrorCode::io, "write error", "stdout");
        file_ = nullptr;
        return {};
    }
    const bool ok = std::fflush(file_) == 0 && !failed_;
    std::fclose(file_);
    file_ = nullptr;
    if (!ok || std::rename(tmp_path_.c_str(), path_.c_str()) != 0) {
        std::remove(tmp_path_.c_str());
        return fail(ErrorCode::io, "write error", path_);
    }
    return {};
}

}  // namespace ecogov::cli
