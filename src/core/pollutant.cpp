#include "core/pollutant.hpp"

namespace ecogov {

std::string join_names(const PollutantSet& set) {
    std::string out;
    for (Pollutant p : kAllPollutants) {
        if (!set.contains(p)) continue;
        if (!out.empty()) out += '+';
        out += name_of(p);
    }
    return out;
}

}  // namespace ecogov
