#include "services/daily_builder.hpp"

#include <algorithm>

namespace ecogov {

int StationIndex::id_of(std::string_view name) {
    const auto next = static_cast<std::size_t>(last_ + 1);
    if (next < names_.size() && names_[next] == name) return last_ = static_cast<int>(next);
    if (!names_.empty() && names_[0] == name) return last_ = 0;
    if (auto it = ids_.find(name); it != ids_.end()) return last_ = it->second;
    const int id = static_cast<int>(names_.size());
    names_.emplace_back(name);
    ids_.emplace(names_.back(), id);
    return last_ = id;
}

DailyBuilder::Accept DailyBuilder::add(int station, HourLabel label, const ConcSet& one_hour) {
    if (station >= static_cast<int>(stations_.size())) {
        stations_.resize(static_cast<std::size_t>(station) + 1);
        done_.resize(stations_.size());
    }
    StationState& st = stations_[static_cast<std::size_t>(station)];
    const Date day = label.day();
    if (day <= st.closed_through) return Accept::late;
    close_days_before(station, day - 1);

    auto it = std::find_if(st.open.begin(), st.open.end(), [&](const OpenDay& d) { return d.day >= day; });
    if (it == st.open.end() || it->day != day) it = st.open.insert(it, OpenDay{day, 0, {}});
    const int h = label.hour_of_day();
    const std::uint32_t bit = 1u << (h - 1);
    if (it->present & bit) return Accept::duplicate;
    it->present |= bit;
    it->hours.hours[static_cast<std::size_t>(h - 1)] = one_hour;
    return Accept::ok;
}

void DailyBuilder::close_days_before(int station, Date day) {
    StationState& st = stations_[static_cast<std::size_t>(station)];
    std::size_t n = 0;
    while (n < st.open.size() && st.open[n].day < day) {
        close(station, st.open[n]);
        st.closed_through = st.open[n].day;
        ++n;
    }
    st.open.erase(st.open.begin(), st.open.begin() + static_cast<std::ptrdiff_t>(n));
}

void DailyBuilder::close(int station, OpenDay& day) {
    const RuleSet rules = forced_ ? *forced_ : rules_for_day(day.day);
    done_[static_cast<std::size_t>(station)].push_back(station_daily_values(day.day, day.hours, rules));
}

std::vector<DailySeries> DailyBuilder::finish(const StationIndex& names) {
    for (std::size_t s = 0; s < stations_.size(); ++s) {
        for (OpenDay& d : stations_[s].open) close(static_cast<int>(s), d);
        if (!stations_[s].open.empty()) stations_[s].closed_through = stations_[s].open.back().day;
        stations_[s].open.clear();
    }
    std::vector<int> order(stations_.size());
    for (std::size_t s = 0; s < order.size(); ++s) order[s] = static_cast<int>(s);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return names.name(a) < names.name(b); });
    std::vector<DailySeries> out;
    out.reserve(order.size());
    for (int s : order) {
        auto& days = done_[static_cast<std::size_t>(s)];
        if (!days.empty()) out.push_back(DailySeries{names.name(s), std::move(days)});
    }
    done_.clear();
    return out;
}

}  // namespace ecogov
