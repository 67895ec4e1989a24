// Reads the real files of ../shared/data/air and checks record counts and that they read cleanly.
// Without the directory: fails when CI is set, else skipped.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/hourly_reader.hpp"

namespace ecogov {
namespace {

namespace fs = std::filesystem;

struct Counts final : RecordSink {
    std::size_t records = 0, issues = 0, aqi_values = 0, aqi_na = 0;
    std::string first_issue;
    void on_record(const HourlyRecord& r) override {
        ++records;
        aqi_values += r.published_aqi.has_value();
        aqi_na += r.published_aqi_na;
    }
    void on_issue(const ReadIssue& i) override {
        if (issues++ == 0)
            first_issue = std::to_string(i.line) + ":" + std::to_string(i.column) + " " + i.message;
    }
};

fs::path air_dir() {
    return fs::path(ECOGOV_SHARED_DATA_DIR) / "air";
}

bool have_data() {
    return fs::is_directory(air_dir());
}

#define REQUIRE_DATA()                                                \
    do {                                                              \
        if (!have_data()) {                                           \
            if (std::getenv("CI")) FAIL() << "missing " << air_dir(); \
            GTEST_SKIP() << "no shared data at " << air_dir();        \
        }                                                             \
    } while (0)

Counts read_file(const fs::path& path, std::size_t chunk = 65536) {
    std::ifstream in(path, std::ios::binary);
    std::string first_line;
    std::getline(in, first_line);
    const auto format = detect_format(first_line);
    Counts sink;
    if (!format) {
        ADD_FAILURE() << "format not detected: " << path;
        return sink;
    }
    in.seekg(0);
    auto reader = make_reader(*format, sink);
    std::vector<char> buf(chunk);
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0)
        reader->feed(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
    reader->finish();
    EXPECT_FALSE(reader->stopped()) << path;
    return sink;
}

TEST(IngestRealFiles, ChinaSitesTwoDays) {
    REQUIRE_DATA();
    const Counts d1 = read_file(air_dir() / "china_sites_20190101.csv", 4093);
    EXPECT_EQ(d1.issues, 0u) << d1.first_issue;
    EXPECT_EQ(d1.records, 32485u);
    EXPECT_EQ(d1.aqi_values, 32018u);
    EXPECT_EQ(d1.aqi_na, 467u);
    const Counts d2 = read_file(air_dir() / "china_sites_20190102.csv");
    EXPECT_EQ(d2.issues, 0u) << d2.first_issue;
    EXPECT_EQ(d2.records, 34160u);
    EXPECT_EQ(d1.aqi_values + d2.aqi_values, 65836u);  // README: all published hourly AQIs
}

TEST(IngestRealFiles, CnemcFeeds) {
    REQUIRE_DATA();
    struct Expected {
        const char* name;
        std::size_t records, aqi_na;
    };
    for (const Expected& e : {Expected{"cnemc_2022-01-01T00_zhengzhou.csv", 9, 0},
                              Expected{"cnemc_2026-03-02T12_zhengzhou_and_edge_cases.csv", 26, 4},
                              Expected{"cnemc_2026/2026-03-01T00.csv", 1597, 22},
                              Expected{"cnemc_2026/2026-03-01T01.csv", 1597, 34}}) {
        const Counts c = read_file(air_dir() / e.name, 1000);
        EXPECT_EQ(c.issues, 0u) << e.name << ": " << c.first_issue;
        EXPECT_EQ(c.records, e.records) << e.name;
        EXPECT_EQ(c.aqi_na, e.aqi_na) << e.name;
        EXPECT_EQ(c.aqi_values + c.aqi_na, e.records) << e.name;
    }
}

}  // namespace
}  // namespace ecogov
