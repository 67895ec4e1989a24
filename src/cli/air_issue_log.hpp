#pragma once
// The problems `ecogov air` finds in its input, counted and printed on stderr (file:line:column,
// field, why; at most 20 per file, fatal ones always). Internal to cli/air_*.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/time.hpp"
#include "ingest/hourly_reader.hpp"

namespace ecogov::cli::air {

class IssueLog {
  public:
    void set_file(const std::string& file);
    void report(const ReadIssue& issue);
    void report_record(std::string_view station, HourLabel label, const std::string& why);
    void end_file();
    bool clean() const noexcept { return bad_cells + bad_lines + bad_records + fatal == 0; }
    void summary() const;

    std::uint64_t bad_cells = 0, bad_lines = 0, bad_records = 0, fatal = 0;

  private:
    void print(const std::string& text, bool always);
    std::string file_;
    int shown_in_file_ = 0;
    std::uint64_t hidden_in_file_ = 0;
};

}  // namespace ecogov::cli::air
