#pragma once
// Reads a monitoring file in chunks, plain or gzip (recognised by its magic bytes, not its name).
//
// Contract: the callback receives the decompressed bytes in order, in chunks of up to ~1 MiB.
// Errors name the file and say why: cannot open, empty file, corrupt or truncated gzip stream.
// `on_progress` (optional) gets the compressed bytes consumed and the file size.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace ecogov::cli {

using ChunkCallback = std::function<void(std::string_view chunk)>;
using ProgressCallback = std::function<void(std::uint64_t done, std::uint64_t total)>;

/// Returns the number of uncompressed bytes delivered.
Result<std::uint64_t> read_file_chunks(const std::string& path, const ChunkCallback& on_chunk,
                                       const ProgressCallback& on_progress = {});

/// The first line of the (decompressed) file, without the line end; used to detect the format.
Result<std::string> read_first_line(const std::string& path);

}  // namespace ecogov::cli
