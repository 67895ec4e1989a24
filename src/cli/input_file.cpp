#include "cli/input_file.hpp"

#include <zlib.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace ecogov::cli {

namespace {

constexpr std::size_t kChunk = 1 << 20;

struct FileCloser {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::uint64_t file_size(std::FILE* f) {
    if (std::fseek(f, 0, SEEK_END) != 0) return 0;
    const long size = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    return size < 0 ? 0 : static_cast<std::uint64_t>(size);
}

Result<std::uint64_t> read_plain(std::FILE* f, const std::string& path, std::uint64_t total,
                                 const ChunkCallback& on_chunk, const ProgressCallback& on_progress) {
    std::vector<char> buf(kChunk);
    std::uint64_t done = 0;
    while (true) {
        const std::size_t n = std::fread(buf.data(), 1, buf.size(), f);
        if (n > 0) {
            done += n;
            on_chunk(std::string_view(buf.data(), n));
            if (on_progress) on_progress(done, total);
        }
        if (n < buf.size()) break;
    }
    if (std::ferror(f)) return fail(ErrorCode::io, "read error", path);
    return done;
}

Result<std::uint64_t> read_gzip(std::FILE* f, const std::string& path, std::uint64_t total,
                                const ChunkCallback& on_chunk, const ProgressCallback& on_progress) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 32) != Z_OK) return fail(ErrorCode::internal, "zlib init failed", path);
    std::vector<unsigned char> in(kChunk);
    std::vector<unsigned char> out(kChunk);
    std::uint64_t consumed = 0;
    std::uint64_t produced = 0;
    int ret = Z_OK;
    bool at_eof = false;
    while (!at_eof) {
        const std::size_t n = std::fread(in.data(), 1, in.size(), f);
        at_eof = n < in.size();
        consumed += n;
        z.next_in = in.data();
        z.avail_in = static_cast<uInt>(n);
        while (z.avail_in > 0 || (at_eof && ret != Z_STREAM_END)) {
            z.next_out = out.data();
            z.avail_out = static_cast<uInt>(out.size());
            ret = inflate(&z, Z_NO_FLUSH);
            if (ret == Z_STREAM_END && z.avail_in > 0) {
                // Concatenated gzip members (as `cat a.gz b.gz` makes): start the next one.
                const std::size_t have = out.size() - z.avail_out;
                if (have) on_chunk(std::string_view(reinterpret_cast<char*>(out.data()), have));
                produced += have;
                inflateReset(&z);
                ret = Z_OK;
                continue;
            }
            if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR) {
                const std::string why = z.msg ? z.msg : "invalid data";
                inflateEnd(&z);
                return fail(ErrorCode::bad_data,
                            "corrupt gzip stream after " + std::to_string(consumed) + " compressed bytes: " + why,
                            path);
            }
            const std::size_t have = out.size() - z.avail_out;
            produced += have;
            if (have) on_chunk(std::string_view(reinterpret_cast<char*>(out.data()), have));
            if (ret == Z_BUF_ERROR || (ret == Z_STREAM_END && z.avail_in == 0)) break;
        }
        if (on_progress) on_progress(consumed, total);
    }
    inflateEnd(&z);
    if (std::ferror(f)) return fail(ErrorCode::io, "read error", path);
    if (ret != Z_STREAM_END)
        return fail(ErrorCode::bad_data,
                    "truncated gzip file: the compressed stream ends early (" + std::to_string(produced) +
                        " bytes decompressed)",
                    path);
    return produced;
}

}  // namespace

Result<std::uint64_t> read_file_chunks(const std::string& path, const ChunkCallback& on_chunk,
                                       const ProgressCallback& on_progress) {
    File f(std::fopen(path.c_str(), "rb"));
    if (!f) return fail(ErrorCode::not_found, "cannot open file", path);
    const std::uint64_t total = file_size(f.get());
    unsigned char magic[2] = {0, 0};
    const std::size_t got = std::fread(magic, 1, 2, f.get());
    std::fseek(f.get(), 0, SEEK_SET);
    if (got == 0) return fail(ErrorCode::bad_data, "empty file", path);
    if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        return read_gzip(f.get(), path, total, on_chunk, on_progress);
    return read_plain(f.get(), path, total, on_chunk, on_progress);
}

Result<std::string> read_first_line(const std::string& path) {
    // Read chunks until the first newline; stop early by throwing away the rest.
    std::string line;
    bool done = false;
    struct Stop {};
    try {
        auto r = read_file_chunks(path, [&](std::string_view chunk) {
            if (done) return;
            const auto nl = chunk.find('\n');
            line.append(chunk.substr(0, nl));
            if (nl != std::string_view::npos || line.size() > (1u << 20)) {
                done = true;
                throw Stop{};
            }
        });
        if (!r) return std::unexpected(r.error());
    } catch (const Stop&) {
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace ecogov::cli
