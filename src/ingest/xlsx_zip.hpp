#pragma once
// A minimal, defensive ZIP reader for the XLSX container (ingest/xlsx_reader.hpp). Pure: bytes in,
// entry contents out; no I/O. C++20 (also built by fuzz/run.sh with clang-14).
//
// Contract:
// - open(): finds the end-of-central-directory record (searching back over at most a 64 KiB
//   comment), then reads every central-directory entry. Rejected with a message: no EOCD ("not
//   a ZIP file"), multi-disk archives, ZIP64 (any size/offset/count field saturated), more than
//   `max_entries` entries, records running past the end of the input.
// - extract(): the named entry (ASCII case-insensitive), method 0 (stored) or 8 (deflate, zlib
//   raw inflate). Rejected: encryption (flag bit 0 or 6), other methods, a local header that does
//   not match, data past the end of the input, an inflated size differing from the declared one,
//   a CRC-32 mismatch, and a declared size that would take the total inflated by this archive
//   over `max_inflated` (checked before inflating: output never exceeds the declared size).
// - Never throws on hostile input (std::bad_alloc aside); every failure is a message.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ecogov::ingest::xlsx {

struct ZipLimits {
    std::size_t max_entries = 10000;
    std::size_t max_inflated = std::size_t{64} << 20;  // bytes, total over all extractions
};

class ZipArchive {
  public:
    /// Reads the central directory of `bytes` (which must outlive the archive). False and
    /// `error` set when the input is not a usable ZIP.
    bool open(std::string_view bytes, const ZipLimits& limits, std::string& error);
    bool contains(std::string_view name) const noexcept;
    /// Appends nothing and returns false with `error` when the entry is missing or bad.
    bool extract(std::string_view name, std::string& out, std::string& error);
    std::size_t inflated_total() const noexcept { return inflated_; }

  private:
    struct Entry {
        std::string name;
        std::uint16_t flags = 0;
        std::uint16_t method = 0;
        std::uint32_t crc = 0;
        std::uint32_t compressed = 0;
        std::uint32_t size = 0;
        std::uint32_t local_offset = 0;
    };
    const Entry* find(std::string_view name) const noexcept;

    std::string_view bytes_;
    ZipLimits limits_;
    std::vector<Entry> entries_;
    std::size_t inflated_ = 0;
};

}  // namespace ecogov::ingest::xlsx
