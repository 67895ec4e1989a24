#pragma once
// A record sink for reader tests: keeps every record's fields and every issue, to compare whole.
#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "ingest/hourly_reader.hpp"

namespace ecogov::testing {

struct Rec {
    std::string station;
    HourLabel label;
    ConcSet one_hour;
    Conc so2_24h;
    PollutantSet not_monitored;
    std::optional<int> aqi;
    bool aqi_na = false;
    std::string primary;
    Conc o3_8h;
    Conc o3_8h_max;
    bool operator==(const Rec&) const = default;
};

using IssueKey = std::tuple<IssueSeverity, std::size_t, std::size_t, std::string, std::string>;

struct Collect final : RecordSink {
    std::vector<Rec> records;
    std::vector<IssueKey> issues;
    void on_record(const HourlyRecord& r) override {
        records.push_back(Rec{std::string(r.station), r.label, r.one_hour, r.so2_24h,
                              r.not_monitored, r.published_aqi, r.published_aqi_na,
                              std::string(r.published_primary), r.published_o3_8h,
                              r.published_o3_8h_day_max});
    }
    void on_issue(const ReadIssue& i) override {
        issues.emplace_back(i.severity, i.line, i.column, i.field, i.message);
    }
};

}  // namespace ecogov::testing
