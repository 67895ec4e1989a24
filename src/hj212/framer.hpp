#pragma once
// Stream framer for HJ 212 communication packets (HJ 212-2017 §6.3.1, docs/standards/hj212.md
// §1.1 and §9.1): `##` LLLL <data segment> CCCC CR LF, cut by the 4-digit length field across
// arbitrary read boundaries.
//
// Contract:
// - feed() appends bytes; next() returns the next complete item or nullopt when more bytes are
//   needed. Views in an item point into the framer's buffer and stay valid until the next feed().
// - Bytes outside frames (garbage, stray CR/LF) are skipped and counted (CR/LF not counted); `##`
//   and `&&` inside a data segment never cut a frame because the length field decides.
// - A `##` not followed by 4 digits is garbage. A declared length above `max_segment` yields an
//   `oversize` item and the framer resyncs after that `##` (nothing of it is buffered beyond the
//   header). A frame whose 4 CRC characters are not hex, or which is not followed by CR LF, LF or
//   the next `##`, yields `malformed` and the framer resyncs one byte after its `##`.
// - A complete frame waits for its tail; finish() (end of stream) accepts a last frame without one.
// - The CRC is classified (hj212 / modbus / modbus-swapped / bad) but not judged: the caller
//   decides what a device may send (crc.hpp crc_accepted).
// - The buffer never holds more than one pending frame (≤ max_segment + 12 bytes) plus the
//   bytes of the last feed(). Pure: no I/O.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hj212/crc.hpp"

namespace ecogov::hj212 {

/// The standard says ≤ 1024; real devices send 1025 and 1623 (hj212.md §1.1).
inline constexpr std::size_t kDefaultMaxSegment = 4096;

enum class FramerEvent : unsigned char { frame, oversize, malformed };

struct FramerItem {
    FramerEvent kind = FramerEvent::frame;
    std::string_view raw;       // `##LLLL...CCCC` without the tail (frame and malformed)
    std::string_view segment;   // the data segment (frame only)
    std::string_view crc_text;  // the 4 CRC characters as sent (frame only)
    CrcVariant crc = CrcVariant::bad;
    std::size_t declared_length = 0;
    const char* error = "";     // why, for oversize and malformed
};

class Framer {
public:
    explicit Framer(std::size_t max_segment = kDefaultMaxSegment) : max_segment_(max_segment) {}

    void feed(std::string_view bytes);
    std::optional<FramerItem> next();
    /// At end of stream: like next(), but a frame lacking only its tail is accepted.
    std::optional<FramerItem> finish();

    std::size_t buffered() const noexcept { return buf_.size() - pos_; }
    std::uint64_t garbage_bytes() const noexcept { return garbage_; }

private:
    std::optional<FramerItem> scan(bool at_end);
    void skip_to(std::size_t p);

    std::size_t max_segment_;
    std::string buf_;
    std::size_t pos_ = 0;
    std::uint64_t garbage_ = 0;
};

}  // namespace ecogov::hj212
