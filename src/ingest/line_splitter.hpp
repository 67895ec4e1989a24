#pragma once
// LineSplitter: cuts a byte stream delivered in arbitrary chunks into lines.
//
// Contract: feed() calls `on_line(line)` for every complete line, in order; the line excludes the
// '\n' and one trailing '\r'. Complete lines inside a chunk are passed as views into the chunk
// (no copy); only the unfinished tail of a chunk is copied and joined with the next chunk.
// finish() delivers a final line that has no newline (an empty one is dropped). `on_line` returns
// false to stop: the rest of the current chunk is discarded. A line longer than kMaxLineBytes is
// reported through `on_overlong()` instead and splitting stops.
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace ecogov::ingest {

class LineSplitter {
  public:
    static constexpr std::size_t kMaxLineBytes = std::size_t{1} << 24;

    /// Returns false once `on_line` or the length limit asked to stop.
    template <typename OnLine, typename OnOverlong>
    bool feed(std::string_view chunk, OnLine&& on_line, OnOverlong&& on_overlong) {
        const char* p = chunk.data();
        const char* const end = p + chunk.size();
        if (!tail_.empty() || tail_open_) {
            const char* nl = find_newline(p, end);
            const std::size_t take = static_cast<std::size_t>((nl ? nl : end) - p);
            if (tail_.size() + take > kMaxLineBytes) return on_overlong(), false;
            tail_.append(p, take);
            tail_open_ = nl == nullptr;
            if (!nl) return true;
            p = nl + 1;
            if (!on_line(strip_cr(tail_))) return false;
            tail_.clear();
        }
        while (p < end) {
            const char* nl = find_newline(p, end);
            if (!nl) break;
            if (!on_line(strip_cr(std::string_view(p, static_cast<std::size_t>(nl - p)))))
                return false;
            p = nl + 1;
        }
        if (p < end) {
            if (static_cast<std::size_t>(end - p) > kMaxLineBytes) return on_overlong(), false;
            tail_.assign(p, static_cast<std::size_t>(end - p));
            tail_open_ = true;
        }
        return true;
    }

    /// Delivers the final unterminated line, if any.
    template <typename OnLine>
    void finish(OnLine&& on_line) {
        if (!tail_.empty()) on_line(strip_cr(tail_));
        tail_.clear();
        tail_open_ = false;
    }

  private:
    static const char* find_newline(const char* p, const char* end) noexcept {
        return static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    }
    static std::string_view strip_cr(std::string_view s) noexcept {
        if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
        return s;
    }

    std::string tail_;
    bool tail_open_ = false;  // a line has started but not ended
};

}  // namespace ecogov::ingest
