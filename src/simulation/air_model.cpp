#include "simulation/air_model.hpp"

#include <cmath>
#include <cstddef>

#include "core/time.hpp"

namespace ecogov::air_sim {

namespace {

constexpr double kTropicalYear = 365.2425;

// Station-to-station AR(1) noise: hourly persistence and stationary standard deviation (log).
constexpr std::array<double, kComponentCount> kLocalPhi = {0.90, 0.85, 0.88, 0.80, 0.80, 0.88};
constexpr std::array<double, kComponentCount> kLocalSigma = {0.28, 0.20, 0.15, 0.12, 0.25, 0.17};
// Loadings on the regional stagnation process.
constexpr std::array<double, kComponentCount> kRegionalLoading = {0.6, 0.45, 0.7, -0.15, 0.5, 1.0};
constexpr double kRegionalPhi = 0.97;
constexpr double kRegionalSigma = 0.38;
constexpr double kO3DayPhi = 0.6;
constexpr double kO3DaySigma = 0.18;

std::int32_t clamp_round(double x, std::int32_t lo, std::int32_t hi) noexcept {
    if (!(x == x)) return lo;  // NaN guard
    const double r = std::round(x);
    if (r < lo) return lo;
    if (r > hi) return hi;
    return static_cast<std::int32_t>(r);
}

}  // namespace

AirModel::AirModel(const AirGeneratorConfig& config, const std::vector<StationPlan>& plans)
    : profiles_(make_profiles(plans, config.seed)),
      dia_(diurnal_profiles()),
      rng_(config.seed, kHourStream) {
    const Date warm_first = config.days.first - (kWarmupHours / 24 + 1);
    episodes_ = schedule_episodes(config.seed, warm_first.year(), config.days.last.year());
    states_.resize(plans.size());
    values_.resize(plans.size());
    for (auto& s : states_) {
        for (int c = 0; c < kComponentCount; ++c)
            s.noise[static_cast<std::size_t>(c)] =
                kLocalSigma[static_cast<std::size_t>(c)] * rng_.normal();
    }
    regional_ = kRegionalSigma * rng_.normal();
    o3_day_ = kO3DaySigma * rng_.normal();
    jan15_ = static_cast<double>(Date::from_ymd(2000, 1, 15).days);
    jun20_ = static_cast<double>(Date::from_ymd(2000, 6, 20).days);
    apr10_ = static_cast<double>(Date::from_ymd(2000, 4, 10).days);
}

std::vector<AirModel::StationProfile> AirModel::make_profiles(const std::vector<StationPlan>& plans,
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

// Advances the model to label t and draws every station's values.
void AirModel::step(std::int64_t t) {
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
        HourValues v{};
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
        }
        values_[s] = v;
    }
}

}  // namespace ecogov::air_sim
