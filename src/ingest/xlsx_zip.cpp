// Minimal ZIP reader (ingest/xlsx_zip.hpp).
#include "ingest/xlsx_zip.hpp"

#include <zlib.h>

#include <algorithm>
#include <climits>

namespace ecogov::ingest::xlsx {

namespace {

constexpr std::uint32_t kEocdSignature = 0x06054b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::size_t kEocdSize = 22;
constexpr std::size_t kCentralSize = 46;
constexpr std::size_t kLocalSize = 30;

std::uint16_t u16(std::string_view b, std::size_t at) noexcept {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                      (static_cast<unsigned char>(b[at + 1]) << 8));
}

std::uint32_t u32(std::string_view b, std::size_t at) noexcept {
    return static_cast<std::uint32_t>(u16(b, at)) |
           (static_cast<std::uint32_t>(u16(b, at + 2)) << 16);
}

bool iequal(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

bool inflate_raw(std::string_view in, std::size_t size, std::string& out, std::string& error) {
    z_stream z{};
    if (inflateInit2(&z, -15) != Z_OK) {
        error = "cannot start inflating";
        return false;
    }
    const std::size_t start = out.size();
    out.resize(start + size);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data() + start);
    z.avail_out = static_cast<uInt>(size);
    int rc = inflate(&z, Z_FINISH);
    // A stream that fills the output exactly may need one more call to see its end.
    if (rc == Z_BUF_ERROR && z.avail_out == 0) {
        unsigned char probe = 0;
        z.next_out = &probe;
        z.avail_out = 1;
        rc = inflate(&z, Z_FINISH);
        if (z.avail_out == 0) rc = Z_DATA_ERROR;  // more output than declared
    }
    const bool ok = rc == Z_STREAM_END && z.total_out == size;
    inflateEnd(&z);
    if (!ok) {
        out.resize(start);
        error = rc == Z_STREAM_END ? "inflated size differs from the declared size"
                                   : "corrupt or truncated deflate data";
    }
    return ok;
}

}  // namespace

bool ZipArchive::open(std::string_view bytes, const ZipLimits& limits, std::string& error) {
    bytes_ = bytes;
    limits_ = limits;
    entries_.clear();
    inflated_ = 0;
    if (bytes.size() < kEocdSize || u32(bytes, 0) != kLocalSignature) {
        error = "not a ZIP file (XLSX expected)";
        return false;
    }
    std::size_t eocd = std::string_view::npos;
    const std::size_t lowest =
        bytes.size() > kEocdSize + 0xFFFF ? bytes.size() - kEocdSize - 0xFFFF : 0;
    for (std::size_t at = bytes.size() - kEocdSize + 1; at-- > lowest;) {
        if (u32(bytes, at) == kEocdSignature &&
            at + kEocdSize + u16(bytes, at + 20) <= bytes.size()) {
            eocd = at;
            break;
        }
    }
    if (eocd == std::string_view::npos) {
        error = "not a ZIP file or truncated (no end of central directory)";
        return false;
    }
    const std::uint16_t disk = u16(bytes, eocd + 4), cd_disk = u16(bytes, eocd + 6);
    const std::uint16_t on_disk = u16(bytes, eocd + 8), count = u16(bytes, eocd + 10);
    const std::uint32_t cd_size = u32(bytes, eocd + 12), cd_offset = u32(bytes, eocd + 16);
    if (count == 0xFFFF || cd_size == 0xFFFFFFFF || cd_offset == 0xFFFFFFFF) {
        error = "ZIP64 archives are not supported";
        return false;
    }
    if (disk != 0 || cd_disk != 0 || on_disk != count) {
        error = "multi-disk ZIP archives are not supported";
        return false;
    }
    if (count > limits.max_entries) {
        error = "too many ZIP entries (" + std::to_string(count) + ", at most " +
                std::to_string(limits.max_entries) + ")";
        return false;
    }
    if (std::size_t{cd_offset} + cd_size > eocd) {
        error = "corrupt ZIP: central directory outside the file";
        return false;
    }
    std::size_t at = cd_offset;
    const std::size_t end = std::size_t{cd_offset} + cd_size;
    entries_.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (at + kCentralSize > end || u32(bytes, at) != kCentralSignature) {
            error = "corrupt ZIP: bad central directory entry " + std::to_string(i + 1);
            return false;
        }
        Entry e;
        e.flags = u16(bytes, at + 8);
        e.method = u16(bytes, at + 10);
        e.crc = u32(bytes, at + 16);
        e.compressed = u32(bytes, at + 20);
        e.size = u32(bytes, at + 24);
        const std::size_t name_len = u16(bytes, at + 28);
        const std::size_t extra_len = u16(bytes, at + 30), comment_len = u16(bytes, at + 32);
        e.local_offset = u32(bytes, at + 42);
        if (at + kCentralSize + name_len + extra_len + comment_len > end) {
            error = "corrupt ZIP: central directory entry " + std::to_string(i + 1) + " truncated";
            return false;
        }
        if (e.compressed == 0xFFFFFFFF || e.size == 0xFFFFFFFF || e.local_offset == 0xFFFFFFFF) {
            error = "ZIP64 archives are not supported";
            return false;
        }
        e.name = std::string(bytes.substr(at + kCentralSize, name_len));
        entries_.push_back(std::move(e));
        at += kCentralSize + name_len + extra_len + comment_len;
    }
    return true;
}

const ZipArchive::Entry* ZipArchive::find(std::string_view name) const noexcept {
    for (const Entry& e : entries_)
        if (iequal(e.name, name)) return &e;
    return nullptr;
}

bool ZipArchive::contains(std::string_view name) const noexcept {
    return find(name) != nullptr;
}

bool ZipArchive::extract(std::string_view name, std::string& out, std::string& error) {
    const Entry* e = find(name);
    const std::string where = "ZIP entry " + std::string(name) + ": ";
    if (!e) {
        error = where + "missing";
        return false;
    }
    if (e->flags & 0x41) {
        error = where + "encrypted entries are not supported";
        return false;
    }
    if (e->method != 0 && e->method != 8) {
        error = where + "compression method " + std::to_string(e->method) + " is not supported";
        return false;
    }
    if (e->size > limits_.max_inflated || inflated_ + e->size > limits_.max_inflated) {
        error = where + "too large (more than " + std::to_string(limits_.max_inflated >> 20) +
                " MiB uncompressed in all)";
        return false;
    }
    const std::size_t local = e->local_offset;
    if (local + kLocalSize > bytes_.size() || u32(bytes_, local) != kLocalSignature) {
        error = where + "corrupt local header";
        return false;
    }
    const std::size_t data = local + kLocalSize + u16(bytes_, local + 26) + u16(bytes_, local + 28);
    if (data > bytes_.size() || bytes_.size() - data < e->compressed) {
        error = where + "truncated data";
        return false;
    }
    const std::string_view packed = bytes_.substr(data, e->compressed);
    const std::size_t start = out.size();
    if (e->method == 0) {
        if (e->compressed != e->size) {
            error = where + "stored size differs from the declared size";
            return false;
        }
        out.append(packed);
    } else {
        std::string why;
        if (!inflate_raw(packed, e->size, out, why)) {
            error = where + why;
            return false;
        }
    }
    const auto crc = crc32(0L, reinterpret_cast<const Bytef*>(out.data() + start),
                           static_cast<uInt>(out.size() - start));
    if (crc != e->crc) {
        out.resize(start);
        error = where + "CRC-32 mismatch (corrupt data)";
        return false;
    }
    inflated_ += e->size;
    return true;
}

}  // namespace ecogov::ingest::xlsx
