#include "ingest/reader_base.hpp"

#include <cstring>
#include <utility>

#include "ingest/csv_fields.hpp"

namespace ecogov::ingest {

void ReaderBase::feed(std::string_view chunk) {
    if (stopped_ || finished_) return;
    splitter_.feed(
        chunk, [this](std::string_view line) { return take_line(line); },
        [this] {
            ++lines_;
            fatal(0, {},
                  "line longer than " + std::to_string(LineSplitter::kMaxLineBytes) + " bytes");
        });
}

void ReaderBase::finish() {
    if (finished_) return;
    finished_ = true;
    if (stopped_) return;
    splitter_.finish([this](std::string_view line) { return take_line(line); });
    if (stopped_) return;
    if (!header_seen_) {
        lines_ = lines_ == 0 ? 1 : lines_;
        fatal(0, {}, "empty input: no header line");
        return;
    }
    on_end();
}

bool ReaderBase::take_line(std::string_view line) {
    ++lines_;
    if (std::memchr(line.data(), '\0', line.size()) != nullptr) {
        fatal(0, {}, "binary data (NUL byte): not a CSV text file");
        return false;
    }
    if (!header_seen_) {
        header_seen_ = true;
        if (!on_header(strip_bom(line))) stopped_ = true;
        return !stopped_;
    }
    if (line.empty()) {
        if (pending_blank_ == 0) pending_blank_ = lines_;
        return true;
    }
    if (pending_blank_ != 0) {
        sink_.on_issue(ReadIssue{IssueSeverity::bad_line, pending_blank_, 0, {}, "empty line"});
        pending_blank_ = 0;
    }
    on_row(line);
    return !stopped_;
}

void ReaderBase::issue(IssueSeverity severity, std::size_t column, std::string_view field,
                       std::string message) {
    sink_.on_issue(ReadIssue{severity, lines_, column, std::string(field), std::move(message)});
}

void ReaderBase::fatal(std::size_t column, std::string_view field, std::string message) {
    issue(IssueSeverity::fatal, column, field, std::move(message));
    stopped_ = true;
}

void ReaderBase::wrong_field_count(std::size_t expected, std::size_t found) {
    bad_line(0, {},
             "expected " + std::to_string(expected) + " fields, found " + std::to_string(found));
}

}  // namespace ecogov::ingest
