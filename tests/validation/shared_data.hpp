#pragma once
// Access to the real official data in ../shared/data (read in place, never copied). A test that
// needs it fails when it is missing and CI is set, and is skipped otherwise.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli/input_file.hpp"
#include "ingest/hourly_reader.hpp"

namespace ecogov::testing {

inline std::string shared_air_file(const std::string& name) {
    return std::string(ECOGOV_SHARED_DATA_DIR) + "/air/" + name;
}

/// True when the file is there; otherwise false, and under CI (environment variable CI set) a
/// recorded failure. Use as `if (!require_file(p)) GTEST_SKIP() << p;`.
inline bool require_file(const std::string& path) {
    if (std::filesystem::exists(path)) return true;
    if (std::getenv("CI")) {
        ADD_FAILURE() << "official data missing: " << path;
    }
    return false;
}

/// Reads `path` (plain or gzip, format detected) into `sink`; fails the test on any read issue.
inline void read_all(const std::string& path, RecordSink& sink) {
    auto first = cli::read_first_line(path);
    ASSERT_TRUE(first.has_value()) << path;
    auto format = detect_format(*first);
    ASSERT_TRUE(format.has_value()) << path << ": format not recognised";
    auto reader = make_reader(*format, sink);
    auto r = cli::read_file_chunks(path, [&](std::string_view chunk) { reader->feed(chunk); });
    ASSERT_TRUE(r.has_value()) << path << ": " << r.error().message;
    reader->finish();
    ASSERT_FALSE(reader->stopped()) << path;
}

}  // namespace ecogov::testing
