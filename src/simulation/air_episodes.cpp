#include "simulation/air_episodes.hpp"

#include <algorithm>

#include "core/time.hpp"
#include "simulation/air_random.hpp"

namespace ecogov::air_sim {

namespace {

double smoothstep(double x) noexcept {
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3 - 2 * x);
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

}  // namespace

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

}  // namespace ecogov::air_sim
