#pragma once
// Builds station daily values from a stream of station-hours (the `ecogov air daily` pipeline, and
// later the import service). Pure: no I/O, no clock.
//
// Contract:
// - add() takes one station-hour (hour-ending label, six scaled 1-hour values). Stations are dense
//   ids handed out by StationIndex.
// - Memory stays proportional to the daily values: a station's day is closed (its daily values
//   computed, its hours dropped) once that station has data two natural days later; an hour for a
//   closed day is refused as `late`, a second value for the same station-hour as `duplicate`
//   (the first one stays).
// - finish() closes every open day and returns one series per station, ordered by station name,
//   each with ascending dates.
// - The rule set of a day is rules_for_day(day) unless one is forced.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "standards/averaging/station_day.hpp"

namespace ecogov {

/// Station names of a run ↔ dense ids (0, 1, 2, ... in order of first appearance).
/// Lookups first try the id after the previous one (files list stations in the same order every
/// hour), then a hash lookup without allocating.
class StationIndex {
public:
    int id_of(std::string_view name);
    const std::string& name(int id) const { return names_[static_cast<std::size_t>(id)]; }
    int size() const noexcept { return static_cast<int>(names_.size()); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, int, Hash, std::equal_to<>> ids_;
    std::vector<std::string> names_;
    int last_ = -1;
};

/// The daily values of one evaluated entity: a station or a city.
struct DailySeries {
    std::string name;
    std::vector<DailyValues> days;  // ascending dates
};

class DailyBuilder {
public:
    enum class Accept : unsigned char { ok, duplicate, late };

    explicit DailyBuilder(std::optional<RuleSet> forced_rules = std::nullopt) : forced_(forced_rules) {}

    Accept add(int station, HourLabel label, const ConcSet& one_hour);
    std::vector<DailySeries> finish(const StationIndex& names);

private:
    struct OpenDay {
        Date day;
        std::uint32_t present = 0;  // bit h-1 set when label h has arrived
        StationDayHours hours;
    };
    struct StationState {
        std::vector<OpenDay> open;  // a few days, ascending
        Date closed_through{INT32_MIN};
    };

    void close_days_before(int station, Date day);
    void close(int station, OpenDay& day);

    std::optional<RuleSet> forced_;
    std::vector<StationState> stations_;
    std::vector<std::vector<DailyValues>> done_;  // per station, ascending dates
};

}  // namespace ecogov
