#include "cli/air_issue_log.hpp"

#include <iostream>

namespace ecogov::cli::air {

namespace {

constexpr int kIssuesShownPerFile = 20;

}  // namespace

void IssueLog::set_file(const std::string& file) {
    file_ = file;
    shown_in_file_ = 0;
    hidden_in_file_ = 0;
}

void IssueLog::report(const ReadIssue& issue) {
    switch (issue.severity) {
        case IssueSeverity::bad_cell:
            ++bad_cells;
            break;
        case IssueSeverity::bad_line:
            ++bad_lines;
            break;
        case IssueSeverity::fatal:
            ++fatal;
            break;
    }
    std::string where = file_ + ":" + std::to_string(issue.line);
    if (issue.column) where += ":" + std::to_string(issue.column);
    if (!issue.field.empty()) where += " (" + issue.field + ")";
    print(where + ": " + issue.message, issue.severity == IssueSeverity::fatal);
}

void IssueLog::report_record(std::string_view station, HourLabel label, const std::string& why) {
    ++bad_records;
    print(file_ + ": station " + std::string(station) + " at " + label.iso() + ": " + why, false);
}

void IssueLog::end_file() {
    if (hidden_in_file_)
        std::cerr << file_ << ": ... and " << hidden_in_file_ << " more problems not shown\n";
}

void IssueLog::summary() const {
    if (clean()) return;
    std::cerr << "ecogov air: " << bad_cells << " bad cells (treated as missing), " << bad_lines
              << " bad lines (skipped), " << bad_records << " refused records, " << fatal
              << " fatal errors\n";
}

void IssueLog::print(const std::string& text, bool always) {
    if (shown_in_file_ < kIssuesShownPerFile || always) {
        std::cerr << text << '\n';
        ++shown_in_file_;
    } else {
        ++hidden_in_file_;
    }
}

}  // namespace ecogov::cli::air
