// libFuzzer target for the hourly readers. Input layout: byte 0 picks the format (% 3) and whether
// the rest is fed in 2 or 3 chunks; bytes 1 and 2 give the cut positions as fractions of the rest.
// Byte 0 >= 0xF0 instead feeds the rest to the XLSX reader (ingest/xlsx_reader.hpp) and checks
// its promises (rows increasing from 1, CSV line count = last row number).
// The sink reads every field (and every byte of the string views) so ASan sees stale views, and
// checks the reader's basic promises (issue positions, non-negative values).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/hourly_reader.hpp"
#include "ingest/xlsx_reader.hpp"

namespace {

using namespace ecogov;
using namespace ecogov::ingest;

volatile std::uint64_t g_sink_sum = 0;

[[noreturn]] void broken(const char*) {
    __builtin_trap();
}

std::uint64_t touch(std::string_view s) {
    std::uint64_t h = s.size();
    for (char c : s) h = h * 31 + static_cast<unsigned char>(c);
    return h;
}

std::uint64_t touch(const Conc& c) {
    if (!c) return 1;
    if (*c < 0) broken("negative concentration passed through");
    return static_cast<std::uint64_t>(*c);
}

class TouchingSink final : public RecordSink {
  public:
    const HourlyReader* reader = nullptr;

    void on_record(const HourlyRecord& r) override {
        std::uint64_t h = touch(r.station) + static_cast<std::uint64_t>(r.label.hours);
        for (const Conc& c : r.one_hour) h += touch(c);
        h += touch(r.so2_24h) + touch(r.published_o3_8h) + touch(r.published_o3_8h_day_max);
        if (r.published_aqi) {
            if (*r.published_aqi < 0) broken("negative AQI");
            if (r.published_aqi_na) broken("AQI both present and NA");
            h += static_cast<std::uint64_t>(*r.published_aqi);
        }
        h += r.published_aqi_na + touch(r.published_primary) + r.not_monitored.bits();
        if (r.station.empty()) broken("record without station");
        g_sink_sum = g_sink_sum + h;
    }

    void on_issue(const ReadIssue& i) override {
        if (i.line == 0) broken("issue on line 0");
        if (reader && i.line > reader->lines() + 1) broken("issue beyond the lines read");
        if (i.message.empty()) broken("issue without message");
        g_sink_sum = g_sink_sum + touch(i.field) + touch(i.message) + i.column +
                     static_cast<std::uint64_t>(i.severity);
    }
};

void fuzz_xlsx(std::string_view bytes) {
    XlsxLimits limits;
    limits.max_inflated = std::size_t{8} << 20;
    limits.max_cells = 200000;
    const XlsxSheet sheet = read_xlsx_first_sheet(bytes, limits);
    if (!sheet.ok()) {
        if (!sheet.rows.empty()) broken("rows with an error");
        return;
    }
    std::size_t last = 0;
    std::uint64_t h = touch(sheet.name);
    for (const XlsxRow& r : sheet.rows) {
        if (r.number <= last) broken("rows not increasing");
        last = r.number;
        for (const std::string& c : r.cells) h += touch(c);
    }
    const std::string csv = xlsx_rows_to_csv(sheet.rows);
    std::size_t lines = 0;
    for (char c : csv) lines += c == '\n';
    if (lines != last) broken("CSV lines differ from spreadsheet rows");
    g_sink_sum = g_sink_sum + h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 3) return 0;
    if (data[0] >= 0xF0) {
        fuzz_xlsx(std::string_view(reinterpret_cast<const char*>(data + 3), size - 3));
        return 0;
    }
    const auto format = static_cast<InputFormat>(data[0] % 3);
    const bool three_chunks = (data[0] / 3) % 2 == 1;
    const std::string_view rest(reinterpret_cast<const char*>(data + 3), size - 3);
    std::size_t cut1 = rest.size() * data[1] / 256;
    std::size_t cut2 = three_chunks ? rest.size() * data[2] / 256 : rest.size();
    if (cut2 < cut1) std::swap(cut1, cut2);

    (void)detect_format(rest.substr(0, rest.find('\n')));
    TouchingSink sink;
    auto reader = make_reader(format, sink);
    sink.reader = reader.get();
    reader->feed(rest.substr(0, cut1));
    reader->feed(rest.substr(cut1, cut2 - cut1));
    reader->feed(rest.substr(cut2));
    reader->finish();
    reader->feed("late,input\n");  // ignored after finish
    reader->finish();
    return 0;
}
