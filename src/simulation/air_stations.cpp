#include "simulation/air_stations.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

#include "core/decimal.hpp"
#include "simulation/air_random.hpp"

namespace ecogov {

namespace air_sim {

namespace {

struct Place {
    const char* name;
    double longitude;
    double latitude;
    double urban;  // 0 rural ... 1 city centre: scales traffic pollutants
};

// Dengfeng's urban sub-districts and towns (approximate positions).
constexpr std::array<Place, 17> kDengfengPlaces = {{
    {"登封市环保局", 113.0412, 34.4573, 1.00},
    {"嵩阳街道", 113.0265, 34.4662, 0.85},
    {"少林街道", 113.0043, 34.4618, 0.75},
    {"中岳街道", 113.0760, 34.4530, 0.80},
    {"告成镇", 113.1470, 34.3985, 0.55},
    {"大金店镇", 112.9630, 34.4280, 0.45},
    {"卢店镇", 113.1050, 34.4310, 0.55},
    {"颍阳镇", 112.8300, 34.4180, 0.35},
    {"唐庄镇", 113.1390, 34.5130, 0.40},
    {"大冶镇", 113.2230, 34.3430, 0.50},
    {"东华镇", 113.2050, 34.3950, 0.45},
    {"宣化镇", 112.9000, 34.5050, 0.30},
    {"徐庄镇", 113.2380, 34.4700, 0.35},
    {"君召乡", 112.8780, 34.3720, 0.30},
    {"石道乡", 112.9400, 34.3500, 0.30},
    {"白坪乡", 113.1850, 34.3300, 0.35},
    {"送表矿区", 113.0350, 34.3600, 0.40},
}};
constexpr Place kDengfengControl = {"少室山(对照点)", 112.9580, 34.5030, 0.0};
constexpr double kCentreLon = 113.05;
constexpr double kCentreLat = 34.45;
constexpr std::string_view kDengfengCity = "登封市";

int code_width(int stations) noexcept {
    int digits = 1;
    for (int n = stations; n >= 10; n /= 10) ++digits;
    return std::max(3, digits);
}

std::string station_code(const std::string& prefix, int index, int width) {
    std::string number = std::to_string(index + 1);
    if (static_cast<int>(number.size()) < width)
        number.insert(0, static_cast<std::size_t>(width) - number.size(), '0');
    return prefix + number;
}

double round4(double x) noexcept {
    return std::round(x * 10000.0) / 10000.0;
}

}  // namespace

std::vector<StationPlan> plan_stations(const AirGeneratorConfig& config) {
    Rng rng(config.seed, kStationsStream);
    const int n = config.stations;
    const int width = code_width(n);
    const bool dengfeng = config.city == kDengfengCity;
    const int named_towns = static_cast<int>(kDengfengPlaces.size()) - 1;  // all but the bureau
    std::vector<StationPlan> plans;
    plans.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        StationPlan plan;
        SimStation& s = plan.station;
        s.code = station_code(config.code_prefix, i, width);
        s.city = config.city;
        const bool control = n >= 2 && i == n - 1;
        const double jitter_lon = rng.uniform(-0.02, 0.02);
        const double jitter_lat = rng.uniform(-0.015, 0.015);
        const double spread_lon = rng.uniform(-0.22, 0.22);
        const double spread_lat = rng.uniform(-0.15, 0.15);
        const double urban = rng.uniform(0.2, 0.9);
        if (control) {
            s.control = true;
            s.name = dengfeng ? std::string(kDengfengControl.name) : config.city + "对照点";
            s.longitude = kDengfengControl.longitude;
            s.latitude = kDengfengControl.latitude;
            plan.urban = 0.0;
        } else if (dengfeng && i < static_cast<int>(kDengfengPlaces.size())) {
            const Place& p = kDengfengPlaces[static_cast<std::size_t>(i)];
            s.name = p.name;
            s.longitude = p.longitude;
            s.latitude = p.latitude;
            plan.urban = p.urban;
        } else if (dengfeng) {
            // More stations than places: further points in the towns, "告成镇2号点".
            const int k = i - 1;
            const Place& p = kDengfengPlaces[static_cast<std::size_t>(1 + k % named_towns)];
            s.name = std::string(p.name) + std::to_string(k / named_towns + 1) + "号点";
            s.longitude = p.longitude + jitter_lon;
            s.latitude = p.latitude + jitter_lat;
            plan.urban = std::clamp(p.urban + rng.uniform(-0.15, 0.15), 0.1, 1.0);
        } else {
            std::string number = std::to_string(i + 1);
            if (number.size() < 2) number.insert(0, 1, '0');
            s.name = config.city + "监测点" + number;
            s.longitude = kCentreLon + spread_lon;
            s.latitude = kCentreLat + spread_lat;
            plan.urban = i == 0 ? 1.0 : urban;
        }
        s.longitude = round4(s.longitude);
        s.latitude = round4(s.latitude);
        plans.push_back(std::move(plan));
    }
    return plans;
}

}  // namespace air_sim

std::vector<SimStation> make_stations(const AirGeneratorConfig& config) {
    std::vector<SimStation> out;
    if (!validate(config)) return out;
    for (auto& plan : air_sim::plan_stations(config)) out.push_back(std::move(plan.station));
    return out;
}

void write_stations_csv(const std::vector<SimStation>& stations, const ChunkSink& sink) {
    sink("code,name,city,longitude,latitude,control\n");
    std::string line;
    for (const SimStation& s : stations) {
        line.clear();
        line += s.code;
        line.push_back(',');
        line += s.name;
        line.push_back(',');
        line += s.city;
        line.push_back(',');
        line += format_scaled(static_cast<std::int64_t>(std::llround(s.longitude * 10000)), 4);
        line.push_back(',');
        line += format_scaled(static_cast<std::int64_t>(std::llround(s.latitude * 10000)), 4);
        line += s.control ? ",yes\n" : ",no\n";
        sink(line);
    }
}

}  // namespace ecogov
