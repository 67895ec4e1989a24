// Online-monitoring demo data (services/hj212_demo.hpp).
#include "services/hj212_demo.hpp"

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include "hj212/encoder.hpp"
#include "hj212/framer.hpp"
#include "services/hj212_ingest.hpp"
#include "services/hj212_registry.hpp"

namespace ecogov {

namespace {

struct Factor {
    const char* code;
    const char* unit;
    double base, swing;
    std::optional<double> limit;
};

struct Site {
    const char* enterprise;
    const char* kind;
    const char* township;
    const char* outlet_code;
    const char* outlet_name;
    const char* outlet_kind;
    const char* mn;
    const char* st;
    std::array<Factor, 3> factors;
    int silent_hours;   // the last upload was this many hours ago
    int exceed_hours;   // the first factor exceeds its limit in the last N hours
};

const std::array<Site, 4> kSites = {{
    {"登封电厂集团有限公司", "enterprise", "告成镇", "DA001", "1号机组烟囱", "gas", "410185DF0000000000000001", "31",
     {{{"a21026", "mg/m³", 22, 6, 35}, {"a21002", "mg/m³", 32, 8, 50}, {"a34013", "mg/m³", 4, 2, 10}}}, 0, 4},
    {"登封市中联登电水泥有限公司", "enterprise", "大冶镇", "DA002", "窑尾烟囱", "gas", "410185DF0000000000000002", "31",
     {{{"a21026", "mg/m³", 40, 15, 100}, {"a21002", "mg/m³", 180, 40, 320}, {"a34013", "mg/m³", 8, 3, 20}}}, 0, 0},
    {"登封市污水处理厂", "enterprise", "嵩阳街道", "DW001", "总排口", "water", "410185DF0000000000000003", "32",
     {{{"w01018", "mg/L", 28, 6, 50}, {"w21003", "mg/L", 1.2, 0.6, 5}, {"w21011", "mg/L", 0.2, 0.1, 0.5}}}, 5, 0},
    {"嵩阳路棚户区改造项目工地", "construction_site", "中岳街道", "YC001", "扬尘监测点", "dust", "410185DF0000000000000004",
     "39", {{{"a34002", "μg/m³", 90, 30, 150}, {"a34001", "μg/m³", 140, 40, std::nullopt}, {"a01007", "m/s", 2, 1, std::nullopt}}},
     0, 0},
}};

struct ShiftedClock final : Clock {
    const Clock& base;
    std::chrono::seconds shift;
    ShiftedClock(const Clock& b, std::chrono::seconds s) : base(b), shift(s) {}
    std::chrono::system_clock::time_point now() const override { return base.now() - shift; }
};

std::string hourly_frame(const Site& s, std::int64_t local_hour_start, int index, bool exceed) {
    const std::string when = hj212::format_compact_time(hj212::LocalTime{local_hour_start, 0});
    std::string seg = "QN=" + when + "000;ST=" + s.st + ";CN=2061;PW=123456;MN=" + s.mn + ";Flag=5;CP=&&DataTime=" + when;
    for (std::size_t k = 0; k < s.factors.size(); ++k) {
        const Factor& f = s.factors[k];
        double v = f.base + f.swing * std::sin(index * 0.45 + static_cast<double>(k));
        if (exceed && k == 0 && f.limit) v = *f.limit * (1.2 + 0.05 * (index % 3));
        char buf[160];
        std::snprintf(buf, sizeof buf, ";%s-Avg=%.2f,%s-Min=%.2f,%s-Max=%.2f,%s-Flag=N", f.code, v, f.code, v * 0.9,
                      f.code, v * 1.1, f.code);
        seg += buf;
    }
    seg += "&&";
    std::string raw = hj212::encode_frame(seg);
    raw.resize(raw.size() - 2);
    return raw;
}

}  // namespace

Result<Hj212DemoSummary> add_hj212_demo(storage::Connection& c, const Clock& clock, const Actor& cli,
                                        const std::string& at,
                                        const std::map<std::string, std::int64_t>& unit_by_name) {
    Hj212DemoSummary summary;
    CasesProblemLink problems(clock);
    const std::int64_t now_s = std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count();
    const std::int64_t local_now = now_s + 8 * 3600;
    const std::int64_t last_hour = (local_now / 3600) * 3600 - 3600;  // the last complete hour
    for (const Site& s : kSites) {
        auto unit = unit_by_name.find(s.township);
        if (unit == unit_by_name.end()) return fail(ErrorCode::not_found, std::string("unit ") + s.township + " not found");
        auto e = create_hj212_enterprise(c, cli, {0, s.enterprise, s.kind, unit->second, s.township}, at);
        if (!e) return std::unexpected(e.error());
        auto o = create_hj212_outlet(c, cli, {0, e->id, s.outlet_code, s.outlet_name, s.outlet_kind}, at);
        if (!o) return std::unexpected(o.error());
        Hj212Device d;
        d.mn = s.mn;
        d.pw = "123456";
        d.st = s.st;
        d.outlet_id = o->id;
        d.expected_interval_s = 3600;
        d.allow_time_set = true;
        for (const Factor& f : s.factors) d.pollutants.push_back({f.code, f.unit});
        auto dev = create_hj212_device(c, cli, d, at);
        if (!dev) return std::unexpected(dev.error());
        for (const Factor& f : s.factors)
            if (f.limit) {
                Hj212Limit l{o->id, f.code, f.limit, std::nullopt, std::nullopt, std::nullopt};
                if (auto r = put_hj212_limit(c, cli, l, at); !r) return std::unexpected(r.error());
            }
        ++summary.devices;
        // 48 hours of hourly data, received a few minutes after each hour ends.
        std::vector<Hj212Incoming> frames;
        const std::int64_t end_hour = last_hour - static_cast<std::int64_t>(s.silent_hours) * 3600;
        for (int i = 47; i >= 0; --i) {
            const std::int64_t start = end_hour - static_cast<std::int64_t>(i) * 3600;
            const bool exceed = i < s.exceed_hours;
            std::string raw = hourly_frame(s, start, 47 - i, exceed);
            hj212::Framer f;
            f.feed(raw + "\r\n");
            const auto crc = f.next()->crc;
            frames.push_back({std::move(raw), crc, "demo", (start - 8 * 3600 + 3600 + 120) * 1000});
        }
        ShiftedClock when(clock, std::chrono::seconds(s.silent_hours * 3600));
        Hj212Ingestor ingest(when, Hj212IngestSettings{}, problems);
        auto stored = ingest.store_batch(c, frames);
        if (!stored) return std::unexpected(stored.error());
        summary.frames += static_cast<std::int64_t>(frames.size());
    }
    Hj212Ingestor outages(clock, Hj212IngestSettings{}, problems);
    if (auto n = outages.check_outages(c); !n) return std::unexpected(n.error());
    return summary;
}

}  // namespace ecogov
