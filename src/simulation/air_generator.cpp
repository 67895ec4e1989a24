#include "simulation/air_generator.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>

#include "core/decimal.hpp"
#include "core/pollutant.hpp"
#include "standards/aqi/hourly_aqi.hpp"
#include "standards/aqi/rules.hpp"

namespace ecogov {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTropicalYear = 365.2425;
constexpr int kWarmupHours = 72;
constexpr std::int32_t kMissing = -1;

// ---------------------------------------------------------------------------------------------
// Random numbers: xoshiro256** seeded through splitmix64, Box-Muller normals. Own code so that the
// stream does not depend on the standard library's distribution implementations.

std::uint64_t splitmix64(std::uint64_t& x) noexcept {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class Rng {
  public:
    Rng(std::uint64_t seed, std::uint64_t stream) noexcept {
        std::uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ull);
        for (auto& s : s_) s = splitmix64(x);
    }

    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    /// Uniform in [0, 1).
    double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) noexcept { return lo + (hi - lo) * uniform(); }
    /// Uniform integer in [lo, hi].
    int integer(int lo, int hi) noexcept {
        return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }

    /// Standard normal.
    double normal() noexcept {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        const double u1 = 1.0 - uniform();  // (0, 1]
        const double u2 = uniform();
        const double r = std::sqrt(-2.0 * std::log(u1));
        spare_ = r * std::sin(2.0 * kPi * u2);
        has_spare_ = true;
        return r * std::cos(2.0 * kPi * u2);
    }

  private:
    static std::uint64_t rotl(std::uint64_t x, int k) noexcept {
        return (x << k) | (x >> (64 - k));
    }
    std::array<std::uint64_t, 4> s_{};
    double spare_ = 0;
    bool has_spare_ = false;
};

// Independent streams of one seed.
enum Stream : std::uint64_t {
    kStationsStream = 1,
    kProfileStream = 2,
    kEventStream = 3,
    kHourStream = 4
};

// ---------------------------------------------------------------------------------------------
// Stations.

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

struct StationPlan {
    SimStation station;
    double urban = 0.5;
};

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

// ---------------------------------------------------------------------------------------------
// The emission model.

// Model components, each a multiplicative log-normal factor (index = component).
enum Component : int { kSo2, kNo2, kCo, kO3, kCoarse, kPm25, kComponentCount };

// Station-to-station AR(1) noise: hourly persistence and stationary standard deviation (log).
constexpr std::array<double, kComponentCount> kLocalPhi = {0.90, 0.85, 0.88, 0.80, 0.80, 0.88};
constexpr std::array<double, kComponentCount> kLocalSigma = {0.28, 0.20, 0.15, 0.12, 0.25, 0.17};
// Loadings on the regional stagnation process.
constexpr std::array<double, kComponentCount> kRegionalLoading = {0.6, 0.45, 0.7, -0.15, 0.5, 1.0};
constexpr double kRegionalPhi = 0.97;
constexpr double kRegionalSigma = 0.38;
constexpr double kO3DayPhi = 0.6;
constexpr double kO3DaySigma = 0.18;

struct StationProfile {
    std::array<double, kComponentCount> multiplier{};
};

std::vector<StationProfile> make_profiles(const std::vector<StationPlan>& plans,
                                          std::uint64_t seed) {
    Rng rng(seed, kProfileStream);
    std::vector<StationProfile> profiles;
    profiles.reserve(plans.size());
    for (const StationPlan& plan : plans) {
        const double u = plan.urban;
        StationProfile p;
        auto& m = p.multiplier;
        m[kSo2] = std::exp(0.30 * rng.normal());
        m[kNo2] = std::exp(0.12 * rng.normal()) * (0.65 + 0.5 * u);
        m[kCo] = std::exp(0.10 * rng.normal()) * (0.85 + 0.25 * u);
        m[kO3] = std::exp(0.06 * rng.normal()) * (1.10 - 0.15 * u);
        m[kCoarse] = std::exp(0.20 * rng.normal()) * (0.85 + 0.30 * u);
        m[kPm25] = std::exp(0.10 * rng.normal()) * (0.90 + 0.15 * u);
        if (plan.station.control) {
            m[kSo2] *= 0.6;
            m[kNo2] *= 0.7;
            m[kCo] *= 0.8;
            m[kO3] *= 1.05;
            m[kCoarse] *= 0.7;
            m[kPm25] *= 0.8;
        }
        profiles.push_back(p);
    }
    return profiles;
}

// Circular Gaussian bump on the 24-hour clock.
double bump(double hour, double centre, double width) noexcept {
    double d = hour - centre;
    if (d > 12) d -= 24;
    if (d < -12) d += 24;
    return std::exp(-0.5 * (d / width) * (d / width));
}

using Profile24 = std::array<double, 24>;

template <typename F>
Profile24 normalised(F f) {
    Profile24 p{};
    double sum = 0;
    for (int h = 0; h < 24; ++h) sum += p[static_cast<std::size_t>(h)] = f(static_cast<double>(h));
    for (double& v : p) v *= 24.0 / sum;
    return p;
}

struct DiurnalProfiles {
    // Indexed by the clock hour at the end of the averaging hour (0..23).
    Profile24 so2 = normalised([](double h) { return 0.95 + 0.18 * bump(h, 11, 3); });
    Profile24 no2 = normalised([](double h) {
        return 1.15 + 0.22 * bump(h, 8, 1.5) + 0.08 * bump(h, 19.5, 1.5) -
               0.60 * bump(h, 14.5, 3.0);
    });
    Profile24 co = normalised(
        [](double h) { return 1.05 + 0.10 * bump(h, 8.5, 2.0) - 0.22 * bump(h, 15, 3.5); });
    Profile24 coarse = normalised([](double h) { return 0.85 + 0.30 * bump(h, 10, 4); });
    Profile24 pm25 = normalised([](double h) {
        return 1.05 + 0.04 * bump(h, 8, 2) + 0.05 * bump(h, 2, 3) - 0.14 * bump(h, 16, 3.5);
    });
    // O3: photochemical bump peaking mid-afternoon, slower decay into the evening.
    Profile24 o3_shape = [] {
        Profile24 p{};
        for (int h = 0; h < 24; ++h) {
            const double d = h - 15.5;
            const double w = d < 0 ? 3.4 : 4.4;
            p[static_cast<std::size_t>(h)] = std::exp(-0.5 * (d / w) * (d / w));
        }
        return p;
    }();
};

// Monday = 0.
constexpr std::array<double, 7> kWeekNo2 = {1.04, 1.05, 1.05, 1.05, 1.04, 0.93, 0.84};
constexpr std::array<double, 7> kWeekCo = {1.02, 1.02, 1.02, 1.02, 1.02, 0.97, 0.93};
constexpr std::array<double, 7> kWeekCoarse = {1.03, 1.03, 1.03, 1.03, 1.03, 0.97, 0.88};

struct Episode {
    std::int64_t start = 0;  // first label (hours)
    std::int64_t end = 0;    // one past the last label
    double peak = 0;         // PM2.5 (haze) or PM10 (dust) level at full intensity
    bool dust = false;
};

double smoothstep(double x) noexcept {
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3 - 2 * x);
}

// Intensity 0..1 of an episode at label t.
double intensity(const Episode& e, std::int64_t t) noexcept {
    if (t < e.start || t >= e.end) return 0;
    const double since = static_cast<double>(t - e.start);
    const double left = static_cast<double>(e.end - t);
    const double length = static_cast<double>(e.end - e.start);
    if (e.dust) {  // sharp onset, plateau, slow settling
        if (since < 3) return since / 3;
        const double decay = 0.6 * length;
        return left < decay ? left / decay : 1.0;
    }
    // Haze: builds up over most of the episode, cleared by a cold front within ~8 hours.
    if (left <= 8) return left / 8;
    return 0.15 + 0.85 * smoothstep(since / (0.7 * (length - 8)));
}

std::int64_t first_label_of(Date d) noexcept {
    return HourLabel::of(d, 1).hours;
}

void add_windowed(std::vector<Episode>& out, Rng& rng, Date first, int window_days, int count,
                  int min_days, int max_days, double peak_lo, double peak_hi, bool dust) {
    const int slot = window_days / count;
    for (int k = 0; k < count; ++k) {
        Episode e;
        const int days = rng.integer(min_days, max_days);
        const int hours = days * 24 + rng.integer(-6, 6);
        const int latest = std::max(0, slot - days - 1);
        const Date start = first + (k * slot + rng.integer(0, latest));
        e.start = first_label_of(start) + rng.integer(0, 23);
        e.end = e.start + hours;
        e.peak = rng.uniform(peak_lo, peak_hi);
        e.dust = dust;
        out.push_back(e);
    }
}

std::vector<Episode> schedule_episodes(std::uint64_t seed, int first_year, int last_year) {
    Rng rng(seed, kEventStream);
    std::vector<Episode> out;
    for (int y = first_year; y <= last_year; ++y) {
        // 4-6 winter haze episodes: 2-3 in January-February, 2-3 in November-December.
        add_windowed(out, rng, Date::from_ymd(y, 1, 2), 54, rng.integer(2, 3), 3, 6, 150, 350,
                     false);
        add_windowed(out, rng, Date::from_ymd(y, 11, 8), 52, rng.integer(2, 3), 3, 6, 150, 350,
                     false);
        // 2-4 spring dust events, March to mid-May.
        add_windowed(out, rng, Date::from_ymd(y, 3, 1), 76, rng.integer(2, 4), 1, 2, 300, 600,
                     true);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Output types.

enum class Column : unsigned char {
    aqi,
    pm25,
    pm25_24h,
    pm10,
    pm10_24h,
    so2,
    so2_24h,
    no2,
    no2_24h,
    o3,
    o3_24h,
    o3_8h,
    o3_8h_24h,
    co,
    co_24h
};
constexpr int kColumnCount = 15;
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "AQI",     "PM2.5", "PM2.5_24h", "PM10",  "PM10_24h",  "SO2", "SO2_24h", "NO2",
    "NO2_24h", "O3",    "O3_24h",    "O3_8h", "O3_8h_24h", "CO",  "CO_24h"};
constexpr std::array<Column, kColumnCount> kFullColumns = {
    Column::aqi,    Column::pm25,    Column::pm25_24h,  Column::pm10,    Column::pm10_24h,
    Column::so2,    Column::so2_24h, Column::no2,       Column::no2_24h, Column::o3,
    Column::o3_24h, Column::o3_8h,   Column::o3_8h_24h, Column::co,      Column::co_24h};
constexpr std::array<Column, 6> kHourlyColumns = {Column::pm25, Column::pm10, Column::so2,
                                                  Column::no2,  Column::o3,   Column::co};

constexpr std::size_t col(Column c) noexcept {
    return static_cast<std::size_t>(c);
}

// The 1-hour column of each pollutant, indexed by Pollutant.
constexpr std::array<Column, kPollutantCount> kOneHourColumn = {
    Column::so2, Column::no2, Column::co, Column::o3, Column::pm10, Column::pm25};
constexpr std::array<Column, kPollutantCount> kMeanColumn = {Column::so2_24h,  Column::no2_24h,
                                                             Column::co_24h,   Column::o3_24h,
                                                             Column::pm10_24h, Column::pm25_24h};

struct StationState {
    std::array<double, kComponentCount> noise{};
    std::array<bool, kPollutantCount> down{};  // analyser outage of one pollutant
    int outage_left = 0;                       // hours left of a whole-station outage
    std::array<std::array<std::int32_t, 24>, kPollutantCount> ring{};  // by label mod 24
    std::int32_t o3_8h_day_max = kMissing;
    std::array<std::int32_t, kColumnCount> cells{};
};

std::int32_t clamp_round(double x, std::int32_t lo, std::int32_t hi) noexcept {
    if (!(x == x)) return lo;  // NaN guard
    const double r = std::round(x);
    if (r < lo) return lo;
    if (r > hi) return hi;
    return static_cast<std::int32_t>(r);
}

void append_int(std::string& out, std::int64_t v) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

void append_cell(std::string& out, std::int32_t v, bool tenths) {
    if (v < 0) return;
    if (!tenths) {
        append_int(out, v);
        return;
    }
    append_int(out, v / 10);
    out.push_back('.');
    out.push_back(static_cast<char>('0' + v % 10));
}

void append_date(std::string& out, Date d) {
    append_int(out, d.year() * 10000 + d.month() * 100 + d.day());
}

std::size_t ring_index(std::int64_t label) noexcept {
    return static_cast<std::size_t>(((label % 24) + 24) % 24);
}

class Generator {
  public:
    Generator(const AirGeneratorConfig& config, const ChunkSink& sink, const ProgressFn& progress)
        : config_(config),
          sink_(sink),
          progress_(progress),
          plans_(plan_stations(config)),
          profiles_(make_profiles(plans_, config.seed)),
          rng_(config.seed, kHourStream) {
        const Date warm_first = config.days.first - (kWarmupHours / 24 + 1);
        episodes_ = schedule_episodes(config.seed, warm_first.year(), config.days.last.year());
        states_.resize(plans_.size());
        for (auto& s : states_) {
            for (auto& r : s.ring) r.fill(kMissing);
            for (int c = 0; c < kComponentCount; ++c)
                s.noise[static_cast<std::size_t>(c)] =
                    kLocalSigma[static_cast<std::size_t>(c)] * rng_.normal();
        }
        regional_ = kRegionalSigma * rng_.normal();
        o3_day_ = kO3DaySigma * rng_.normal();
        columns_ = config.layout == AirLayout::full
                       ? std::vector<Column>(kFullColumns.begin(), kFullColumns.end())
                       : std::vector<Column>(kHourlyColumns.begin(), kHourlyColumns.end());
        jan15_ = static_cast<double>(Date::from_ymd(2000, 1, 15).days);
        jun20_ = static_cast<double>(Date::from_ymd(2000, 6, 20).days);
        apr10_ = static_cast<double>(Date::from_ymd(2000, 4, 10).days);
    }

    AirGenerationSummary run() {
        emit_header();
        const std::int64_t first = first_label_of(config_.days.first);
        const std::int64_t last = HourLabel::of(config_.days.last, 24).hours;
        const int total_days = config_.days.day_count();
        for (std::int64_t t = first - kWarmupHours; t <= last; ++t) {
            step(t);
            if (t < first) continue;
            emit_hour(t);
            const HourLabel label{t};
            if (label.hour_of_day() == 24 && progress_)
                progress_(label.day() - config_.days.first + 1, total_days);
        }
        return summary_;
    }

  private:
    void emit(std::string_view text) {
        summary_.bytes += text.size();
        sink_(text);
    }

    void emit_header() {
        std::string header = "date,hour,type";
        for (const auto& p : plans_) {
            header.push_back(',');
            header += p.station.code;
        }
        header.push_back('\n');
        emit(header);
    }

    // Advances the model to label t and fills every station's cells.
    void step(std::int64_t t) {
        const HourLabel label{t};
        const int clock_hour = static_cast<int>(((t % 24) + 24) % 24);
        const auto hh = static_cast<std::size_t>(clock_hour);
        const Date natural_day = label.day();
        const auto weekday = static_cast<std::size_t>(((natural_day.days + 3) % 7 + 7) % 7);
        const double days = static_cast<double>(t) / 24.0;

        // Regional drivers shared by all stations.
        regional_ = kRegionalPhi * regional_ +
                    std::sqrt(1 - kRegionalPhi * kRegionalPhi) * kRegionalSigma * rng_.normal();
        if (label.hour_of_day() == 1)
            o3_day_ = kO3DayPhi * o3_day_ +
                      std::sqrt(1 - kO3DayPhi * kO3DayPhi) * kO3DaySigma * rng_.normal();
        const bool network_outage = rng_.uniform() < 0.0004;

        const double winter = std::cos(2 * kPi * (days - jan15_) / kTropicalYear);  // 1 mid-January
        const double summer = std::cos(2 * kPi * (days - jun20_) / kTropicalYear);  // 1 late June
        double spring_dust = std::fmod(days - apr10_, kTropicalYear);
        if (spring_dust < -kTropicalYear / 2) spring_dust += kTropicalYear;
        if (spring_dust > kTropicalYear / 2) spring_dust -= kTropicalYear;
        spring_dust = std::exp(-0.5 * (spring_dust / 30) * (spring_dust / 30));

        const double pm25_base = 44.0 * std::exp(0.52 * winter);
        const double coarse_base = 30.0 * std::exp(0.30 * winter) + 14.0 * spring_dust;
        const double so2_base = 10.0 * std::exp(0.50 * winter);
        const double no2_base = 29.0 * std::exp(0.28 * winter);
        const double co_base = 0.72 * std::exp(0.36 * winter);  // mg/m³
        const double sun = (1 + summer) / 2;
        const double o3_night = 12.0 + 33.0 * sun;
        const double o3_amp = 35.0 + 115.0 * std::pow(sun, 1.2);

        // Episodes: the strongest haze and dust episode at t, with the level they drive towards.
        double haze = 0;
        double haze_peak = 0;
        double dust = 0;
        double dust_peak = 0;
        for (const Episode& e : episodes_) {
            const double k = intensity(e, t);
            if (e.dust && k > dust) {
                dust = k;
                dust_peak = e.peak;
            } else if (!e.dust && k > haze) {
                haze = k;
                haze_peak = e.peak;
            }
        }

        const double o3_day = std::exp(o3_day_ - kO3DaySigma * kO3DaySigma / 2);
        std::array<double, kComponentCount> level{};
        level[kSo2] = so2_base * (1 + 0.5 * haze) * dia_.so2[hh];
        level[kNo2] = no2_base * (1 + 0.35 * haze) * dia_.no2[hh] * kWeekNo2[weekday];
        level[kCo] = co_base * (1 + 1.2 * haze) * dia_.co[hh] * kWeekCo[weekday];
        level[kO3] = (o3_night + o3_amp * o3_day * dia_.o3_shape[hh]) * (1 - 0.5 * haze);
        level[kCoarse] = coarse_base * dia_.coarse[hh] * kWeekCoarse[weekday];
        level[kPm25] = pm25_base * (1 + 0.3 * dust) * dia_.pm25[hh];
        for (int c = 0; c < kComponentCount; ++c) {
            const auto ci = static_cast<std::size_t>(c);
            const double load = kRegionalLoading[ci];
            const double variance =
                load * load * kRegionalSigma * kRegionalSigma + kLocalSigma[ci] * kLocalSigma[ci];
            level[ci] *= std::exp(load * regional_ - variance / 2);
        }
        // An episode pulls the (log) level towards its peak whatever the regional state, so that
        // at full intensity the daily means sit near the drawn peak.
        const auto towards = [](double level_now, double target, double k) {
            return k <= 0 || target <= level_now ? level_now
                                                 : std::pow(level_now, 1 - k) * std::pow(target, k);
        };
        const double local_pm = std::exp(-kLocalSigma[kPm25] * kLocalSigma[kPm25] / 2);
        const double local_coarse = std::exp(-kLocalSigma[kCoarse] * kLocalSigma[kCoarse] / 2);
        level[kPm25] = towards(level[kPm25], haze_peak * dia_.pm25[hh] * local_pm, haze);
        level[kCoarse] =
            towards(level[kCoarse], 0.85 * dust_peak * dia_.coarse[hh] * local_coarse, dust);

        const RuleSet rules = rules_for_hour(label);
        const int hour_of_day = label.hour_of_day();
        const std::size_t now = ring_index(t);
        for (std::size_t s = 0; s < states_.size(); ++s) {
            StationState& st = states_[s];
            const auto& mult = profiles_[s].multiplier;
            std::array<double, kComponentCount> x{};
            for (int c = 0; c < kComponentCount; ++c) {
                const auto ci = static_cast<std::size_t>(c);
                const double phi = kLocalPhi[ci];
                st.noise[ci] =
                    phi * st.noise[ci] + std::sqrt(1 - phi * phi) * kLocalSigma[ci] * rng_.normal();
                x[ci] = level[ci] * mult[ci] * std::exp(st.noise[ci]);
            }
            std::array<std::int32_t, kPollutantCount> v{};
            v[index_of(Pollutant::so2)] = clamp_round(x[kSo2], 2, 800);
            v[index_of(Pollutant::no2)] = clamp_round(x[kNo2], 2, 400);
            v[index_of(Pollutant::co)] = clamp_round(x[kCo] * 10, 3, 40);
            v[index_of(Pollutant::o3)] = clamp_round(x[kO3], 1, 400);
            const std::int32_t pm25 = clamp_round(x[kPm25], 3, 600);
            v[index_of(Pollutant::pm25)] = pm25;
            v[index_of(Pollutant::pm10)] = clamp_round(pm25 * 1.03 + x[kCoarse], 5, 1000);

            // Missing data: analyser runs (mean 3 h), station outages (mean 6 h), network outages.
            const double u_station = rng_.uniform();
            if (st.outage_left > 0) {
                --st.outage_left;
            } else if (u_station < 0.0004) {
                st.outage_left = 1 + static_cast<int>(u_station / 0.0004 * 11);  // 1..11 more hours
            }
            const bool station_down = st.outage_left > 0 || network_outage;
            for (int p = 0; p < kPollutantCount; ++p) {
                const auto pi = static_cast<std::size_t>(p);
                const double u = rng_.uniform();
                st.down[pi] = st.down[pi] ? u >= 1.0 / 3.0 : u < 0.0024;
                if (st.down[pi] || station_down) v[pi] = kMissing;
                st.ring[pi][now] = v[pi];
            }
            fill_cells(st, v, t, hour_of_day, rules);
        }
    }

    void fill_cells(StationState& st, const std::array<std::int32_t, kPollutantCount>& v,
                    std::int64_t t, int hour_of_day, RuleSet rules) {
        auto& cells = st.cells;
        for (int p = 0; p < kPollutantCount; ++p)
            cells[col(kOneHourColumn[static_cast<std::size_t>(p)])] =
                v[static_cast<std::size_t>(p)];
        if (config_.layout != AirLayout::full) return;

        for (int p = 0; p < kPollutantCount; ++p) {
            const auto pi = static_cast<std::size_t>(p);
            const auto& ring = st.ring[pi];
            std::int64_t sum = 0;
            int count = 0;
            std::int32_t max = kMissing;
            for (std::int32_t x : ring) {
                if (x < 0) continue;
                sum += x;
                ++count;
                max = std::max(max, x);
            }
            std::int32_t out = kMissing;
            if (static_cast<Pollutant>(p) == Pollutant::o3) {
                out = max;  // CNEMC's O3_24h: 24-hour moving max of the 1-hour values
            } else if (count >= 20) {
                out = static_cast<std::int32_t>(round_half_even(sum, count));
            }
            cells[col(kMeanColumn[pi])] = out;
        }

        // O3 8-hour moving mean and the day's running max over the windows labelled 08:00...
        const auto& o3 = st.ring[static_cast<std::size_t>(index_of(Pollutant::o3))];
        std::int64_t sum = 0;
        int count = 0;
        for (int k = 0; k < 8; ++k) {
            const std::int32_t x = o3[ring_index(t - k)];
            if (x < 0) continue;
            sum += x;
            ++count;
        }
        const std::int32_t o3_8h =
            count >= 6 ? static_cast<std::int32_t>(round_half_even(sum, count)) : kMissing;
        cells[col(Column::o3_8h)] = o3_8h;
        if (hour_of_day == 1) st.o3_8h_day_max = kMissing;
        if (hour_of_day >= 8 && o3_8h >= 0) st.o3_8h_day_max = std::max(st.o3_8h_day_max, o3_8h);
        cells[col(Column::o3_8h_24h)] = hour_of_day >= 8 ? st.o3_8h_day_max : kMissing;

        HourlyInput in;
        for (int p = 0; p < kPollutantCount; ++p) {
            const std::int32_t x = v[static_cast<std::size_t>(p)];
            if (x >= 0) in.one_hour[static_cast<std::size_t>(p)] = x;
        }
        if (cells[col(Column::so2_24h)] >= 0) in.so2_24h = cells[col(Column::so2_24h)];
        const HourlyAqi aqi = hourly_aqi(in, rules);
        cells[col(Column::aqi)] = aqi.aqi ? static_cast<std::int32_t>(*aqi.aqi) : kMissing;
    }

    void emit_hour(std::int64_t t) {
        const Date clock_date{static_cast<std::int32_t>(HourLabel::floor_div(t, 24))};
        const int clock_hour = static_cast<int>(t - HourLabel::floor_div(t, 24) * 24);
        std::string prefix;
        append_date(prefix, clock_date);
        prefix.push_back(',');
        append_int(prefix, clock_hour);
        prefix.push_back(',');

        chunk_.clear();
        for (Column c : columns_) {
            chunk_ += prefix;
            chunk_ += kColumnNames[col(c)];
            const bool tenths = c == Column::co || c == Column::co_24h;
            const bool one_hour = c == Column::pm25 || c == Column::pm10 || c == Column::so2 ||
                                  c == Column::no2 || c == Column::o3 || c == Column::co;
            for (const StationState& st : states_) {
                chunk_.push_back(',');
                const std::int32_t v = st.cells[col(c)];
                append_cell(chunk_, v, tenths);
                if (one_hour) {
                    ++summary_.cells;
                    if (v < 0) ++summary_.missing_cells;
                }
            }
            chunk_.push_back('\n');
            ++summary_.rows;
        }
        emit(chunk_);
    }

    const AirGeneratorConfig& config_;
    const ChunkSink& sink_;
    const ProgressFn& progress_;
    std::vector<StationPlan> plans_;
    std::vector<StationProfile> profiles_;
    std::vector<Episode> episodes_;
    std::vector<StationState> states_;
    std::vector<Column> columns_;
    DiurnalProfiles dia_;
    Rng rng_;
    double regional_ = 0;
    double o3_day_ = 0;
    double jan15_ = 0;
    double jun20_ = 0;
    double apr10_ = 0;
    std::string chunk_;
    AirGenerationSummary summary_;
};

bool valid_prefix(std::string_view p) noexcept {
    if (p.empty() || p.size() > 16) return false;
    return std::all_of(p.begin(), p.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

bool valid_city(std::string_view c) noexcept {
    if (c.empty() || c.size() > 200) return false;
    return c.find_first_of(",\"\r\n") == std::string_view::npos;
}

}  // namespace

std::string_view layout_id(AirLayout layout) noexcept {
    return layout == AirLayout::hourly ? "hourly" : "full";
}

std::optional<AirLayout> parse_layout_id(std::string_view id) noexcept {
    if (id == "hourly") return AirLayout::hourly;
    if (id == "full") return AirLayout::full;
    return std::nullopt;
}

Result<void> validate(const AirGeneratorConfig& config) {
    if (config.stations < 1 || config.stations > 20000)
        return fail(
            ErrorCode::invalid_argument,
            "the number of stations must lie in 1..20000, not " + std::to_string(config.stations),
            "--stations");
    if (!valid_prefix(config.code_prefix))
        return fail(ErrorCode::invalid_argument,
                    "the station code prefix must be 1 to 16 ASCII letters, digits, '_' or '-': '" +
                        config.code_prefix + "'",
                    "--prefix");
    if (!valid_city(config.city))
        return fail(ErrorCode::invalid_argument,
                    "the city name must be non-empty and hold no comma, quote or line break",
                    "--city");
    if (config.days.last < config.days.first)
        return fail(ErrorCode::invalid_argument,
                    "the date range ends (" + config.days.last.iso() + ") before it starts (" +
                        config.days.first.iso() + ")",
                    "--to");
    if (config.days.day_count() > 3660)
        return fail(ErrorCode::invalid_argument,
                    "the date range is limited to 3660 days, not " +
                        std::to_string(config.days.day_count()),
                    "--to");
    if (config.days.first.year() < 1971 || config.days.last.year() > 9998)
        return fail(ErrorCode::invalid_argument, "the dates must lie in the years 1971..9998",
                    "--from");
    return {};
}

std::vector<SimStation> make_stations(const AirGeneratorConfig& config) {
    std::vector<SimStation> out;
    if (!validate(config)) return out;
    for (auto& plan : plan_stations(config)) out.push_back(std::move(plan.station));
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

Result<AirGenerationSummary> generate_air(const AirGeneratorConfig& config, const ChunkSink& sink,
                                          const ProgressFn& progress) {
    if (auto ok = validate(config); !ok) return std::unexpected(ok.error());
    Generator generator(config, sink, progress);
    return generator.run();
}

}  // namespace ecogov
