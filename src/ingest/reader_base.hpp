#pragma once
// ReaderBase: the part every HourlyReader shares: line splitting across chunks, line counting,
// BOM and CRLF handling, binary-data detection, blank lines, issue reporting and stopping.
//
// Contract for subclasses: on_header() receives line 1 (BOM removed) and returns false to reject
// it (after reporting a fatal issue via fatal()); on_row() receives every later non-empty line;
// on_end() runs once from finish() unless reading stopped. A blank line followed by more data is a
// bad_line issue; blank lines at the end are ignored. A NUL byte anywhere is fatal.
#include <cstddef>
#include <string>
#include <string_view>

#include "ingest/hourly_reader.hpp"
#include "ingest/line_splitter.hpp"

namespace ecogov::ingest {

class ReaderBase : public HourlyReader {
  public:
    explicit ReaderBase(RecordSink& sink) : sink_(sink) {}

    void feed(std::string_view chunk) final;
    void finish() final;
    bool stopped() const noexcept final { return stopped_; }
    std::size_t lines() const noexcept final { return lines_; }

  protected:
    virtual bool on_header(std::string_view line) = 0;
    virtual void on_row(std::string_view line) = 0;
    virtual void on_end() {}

    RecordSink& sink() noexcept { return sink_; }
    /// The number of the line being processed (1-based).
    std::size_t line_no() const noexcept { return lines_; }
    void issue(IssueSeverity severity, std::size_t column, std::string_view field,
               std::string message);
    void bad_line(std::size_t column, std::string_view field, std::string message) {
        issue(IssueSeverity::bad_line, column, field, std::move(message));
    }
    void bad_cell(std::size_t column, std::string_view field, std::string message) {
        issue(IssueSeverity::bad_cell, column, field, std::move(message));
    }
    /// Reports a fatal issue at the current line and stops reading.
    void fatal(std::size_t column, std::string_view field, std::string message);
    /// Reports "expected N fields, found M" for the current line.
    void wrong_field_count(std::size_t expected, std::size_t found);

  private:
    bool take_line(std::string_view line);

    RecordSink& sink_;
    LineSplitter splitter_;
    std::size_t lines_ = 0;
    std::size_t pending_blank_ = 0;  // first blank line not yet known to be trailing
    bool header_seen_ = false;
    bool stopped_ = false;
    bool finished_ = false;
};

}  // namespace ecogov::ingest
