#include "simulation/air_cycles.hpp"

#include <cmath>
#include <cstddef>

namespace ecogov::air_sim {

namespace {

// Circular Gaussian bump on the 24-hour clock.
double bump(double hour, double centre, double width) noexcept {
    double d = hour - centre;
    if (d > 12) d -= 24;
    if (d < -12) d += 24;
    return std::exp(-0.5 * (d / width) * (d / width));
}

template <typename F>
Profile24 normalised(F f) {
    Profile24 p{};
    double sum = 0;
    for (int h = 0; h < 24; ++h) sum += p[static_cast<std::size_t>(h)] = f(static_cast<double>(h));
    for (double& v : p) v *= 24.0 / sum;
    return p;
}

}  // namespace

DiurnalProfiles diurnal_profiles() {
    DiurnalProfiles d;
    d.so2 = normalised([](double h) { return 0.95 + 0.18 * bump(h, 11, 3); });
    d.no2 = normalised([](double h) {
        return 1.15 + 0.22 * bump(h, 8, 1.5) + 0.08 * bump(h, 19.5, 1.5) -
               0.60 * bump(h, 14.5, 3.0);
    });
    d.co = normalised(
        [](double h) { return 1.05 + 0.10 * bump(h, 8.5, 2.0) - 0.22 * bump(h, 15, 3.5); });
    d.coarse = normalised([](double h) { return 0.85 + 0.30 * bump(h, 10, 4); });
    d.pm25 = normalised([](double h) {
        return 1.05 + 0.04 * bump(h, 8, 2) + 0.05 * bump(h, 2, 3) - 0.14 * bump(h, 16, 3.5);
    });
    // O3: photochemical bump peaking mid-afternoon, slower decay into the evening.
    for (int h = 0; h < 24; ++h) {
        const double dh = h - 15.5;
        const double w = dh < 0 ? 3.4 : 4.4;
        d.o3_shape[static_cast<std::size_t>(h)] = std::exp(-0.5 * (dh / w) * (dh / w));
    }
    return d;
}

}  // namespace ecogov::air_sim
