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
// - finish() closes every open day and returns all daily values ordered by station name, then date.
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
class StationIndex {
public:
    int id_of(std::string_view name);
    const std::string& name(int id) const { return names_[static_cast<std::size_t>(id)]; }
    int size() const noexcept { return static_cast<int>(names_.size()); }

private:
    std::unordered_map<std::string, int> ids_;
    std::vector<std::string> names_;
};

struct StationDaily {
    int station = 0;
    DailyValues values;
};

class DailyBuilder {
public:
    enum class Accept : unsigned char { ok, duplicate, late };

    explicit DailyBuilder(std::optional<RuleSet> forced_rules = std::nullopt) : forced_(forced_rules) {}

    Accept add(int station, HourLabel label, const ConcSet& one_hour);
    std::vector<StationDaily> finish(const StationIndex& names);

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
    std::vector<StationDaily> done_;
};

}  // namespace ecogov
