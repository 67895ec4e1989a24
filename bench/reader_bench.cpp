// Throughput of the hourly readers on a generated wide (china_sites) file: 1,000 stations, the 15
// type rows of every hour, values 0..300 (CO 0.3..3.5 mg/m³), a few empty cells. Run by hand:
//   build/bench/reader_bench --benchmark_filter=Reader
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/hourly_reader.hpp"

namespace {

using namespace ecogov;

constexpr int kStations = 1000;
constexpr std::string_view kTypes[] = {"AQI",    "PM2.5",   "PM2.5_24h", "PM10",    "PM10_24h",
                                       "SO2",    "SO2_24h", "NO2",       "NO2_24h", "O3",
                                       "O3_24h", "O3_8h",   "O3_8h_24h", "CO",      "CO_24h"};

/// Deterministic pseudo-random numbers (xorshift), so every run measures the same bytes.
struct Rng {
    std::uint64_t s = 0x9E3779B97F4A7C15ull;
    std::uint32_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return static_cast<std::uint32_t>(s >> 32);
    }
};

void append_cell(std::string& out, std::string_view type, Rng& rng) {
    if (rng.next() % 50 == 0) return;  // about 2 % empty cells
    if (type.substr(0, 2) == "CO") {
        const std::uint32_t tenths = 3 + rng.next() % 33;  // 0.3 .. 3.5
        out += std::to_string(tenths / 10);
        out += '.';
        out += static_cast<char>('0' + tenths % 10);
    } else {
        out += std::to_string(rng.next() % 301);
    }
}

std::string make_wide_file(int days) {
    std::string out = "date,hour,type";
    for (int s = 0; s < kStations; ++s) out += "," + std::to_string(1001 + s) + "A";
    out += "\r\n";
    Rng rng;
    for (int d = 0; d < days; ++d) {
        const std::string date =
            "201901" + std::string(d + 1 < 10 ? "0" : "") + std::to_string(d + 1);
        for (int h = 0; h < 24; ++h) {
            for (std::string_view type : kTypes) {
                out += date + "," + std::to_string(h) + "," + std::string(type);
                for (int s = 0; s < kStations; ++s) {
                    out += ',';
                    append_cell(out, type, rng);
                }
                out += "\r\n";
            }
        }
    }
    return out;
}

/// Touches what a real consumer reads, so nothing is optimised away.
class CountingSink final : public RecordSink {
  public:
    void on_record(const HourlyRecord& r) override {
        ++records;
        sum += r.one_hour[0].value_or(0) + r.published_aqi.value_or(0);
    }
    void on_issue(const ReadIssue&) override { ++issues; }
    std::int64_t records = 0, issues = 0, sum = 0;
};

void BM_ReaderChinaSitesWide(benchmark::State& state) {
    static const std::string file = make_wide_file(2);
    const auto chunk = static_cast<std::size_t>(state.range(0));
    CountingSink sink;
    for (auto _ : state) {
        auto reader = make_reader(InputFormat::china_sites, sink);
        for (std::size_t pos = 0; pos < file.size(); pos += chunk)
            reader->feed(std::string_view(file).substr(pos, chunk));
        reader->finish();
        benchmark::DoNotOptimize(sink.sum);
    }
    if (sink.issues != 0) state.SkipWithError("unexpected issues");
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(file.size()));
    state.counters["records"] =
        static_cast<double>(sink.records) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ReaderChinaSitesWide)->Arg(64 << 10)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
