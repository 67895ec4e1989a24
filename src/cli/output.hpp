#pragma once
// Output of a command: a file written atomically (to FILE.tmp, renamed on commit) or stdout.
// Contract: nothing appears at the target path unless commit() succeeds; a run that fails keeps
// whatever was there before.
#include <cstdio>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/text.hpp"

namespace ecogov::cli {

class Output {
public:
    static Result<Output> open(const std::string& path);
    Output(Output&& other) noexcept;
    Output& operator=(Output&&) = delete;
    ~Output();

    void write(std::string_view text) {
        buffer_.append(text);
        if (buffer_.size() >= (1u << 20)) flush();
    }
    std::string& buffer() noexcept { return buffer_; }  // append directly, then maybe_flush()
    void maybe_flush() {
        if (buffer_.size() >= (1u << 20)) flush();
    }
    Result<void> commit();
    bool is_json() const noexcept { return json_; }

private:
    Output() = default;
    void flush();

    std::FILE* file_ = nullptr;
    std::string path_;
    std::string tmp_path_;
    std::string buffer_;
    bool json_ = false;
    bool failed_ = false;
};


}  // namespace ecogov::cli
