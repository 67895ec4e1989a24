#pragma once
// XLSX reader: the first worksheet of an Office Open XML workbook as rows of cell texts
// (issue 8 item 5: sample imports from XLSX). Pure: bytes in, rows out; no I/O, no clock.
// C++20 (also built by fuzz/run.sh with clang-14); the ZIP and XML layers are
// ingest/xlsx_zip.hpp and ingest/xlsx_xml.hpp, the value texts ingest/xlsx_values.hpp.
//
// Contract:
// - The sheet is the first <sheet> of xl/workbook.xml resolved through
//   xl/_rels/workbook.xml.rels; when either is missing or does not resolve,
//   xl/worksheets/sheet1.xml. No sheet at all is an error.
// - Rows come in sheet order with their 1-based row numbers (<row r>, else previous + 1); rows
//   must increase, and cells within a row (<c r="B3">, else previous column + 1) too. Empty
//   cells before a cell are "" (gaps preserved); rows without cells are not listed.
// - Cell texts: t="s" the shared string (rich-text runs concatenated, phonetic runs skipped);
//   t="inlineStr" its <is> text; t="str"/"e" the <v> text; t="b" TRUE/FALSE; numbers their <v>
//   text with exponent forms made plain decimal (xlsx_values.hpp), or, when the cell's style is
//   a date format, the date "YYYY-MM-DD" (plus " HH:MM:SS" for date-time formats). XML entities
//   and Excel's _xHHHH_ escapes are decoded. A formula without a cached value is "".
// - Errors (a message, no rows): not a ZIP, ZIP problems (xlsx_zip.hpp: encryption, ZIP64,
//   corrupt or truncated entries, over `max_inflated` in all, over `max_entries`), malformed
//   XML, a missing sheet, a bad cell reference or shared-string index (with the row number),
//   more than `max_cells` cells (gap cells count) or `max_shared_strings` strings.
// - to_csv(): one CSV line per spreadsheet row from row 1 to the last row, blank rows as empty
//   lines, so CSV line N is spreadsheet row N. Row 1's width (up to its last non-empty cell) is
//   the width: shorter rows are padded with empty fields, trailing empty cells beyond it are
//   dropped (non-empty ones are kept). Line breaks in a cell become spaces; a field with ',' or
//   '"' is quoted with '"' doubled.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ecogov::ingest {

struct XlsxLimits {
    std::size_t max_entries = 10000;
    std::size_t max_inflated = std::size_t{64} << 20;  // bytes over every part read
    std::size_t max_cells = 2'000'000;
    std::size_t max_shared_strings = 1'000'000;
};

struct XlsxRow {
    std::size_t number = 0;  // 1-based spreadsheet row number
    std::vector<std::string> cells;
};

struct XlsxSheet {
    std::string name;  // the sheet's name in the workbook ("" when it came from the fallback)
    std::vector<XlsxRow> rows;
    std::string error;  // non-empty: the workbook could not be read (rows empty)
    bool ok() const noexcept { return error.empty(); }
};

/// True when `bytes` starts with a ZIP local file header ("PK\x03\x04").
bool looks_like_xlsx(std::string_view bytes) noexcept;

/// Reads the first worksheet of the workbook in `bytes`.
XlsxSheet read_xlsx_first_sheet(std::string_view bytes, const XlsxLimits& limits = {});

/// The rows as CSV text (see the contract above).
std::string xlsx_rows_to_csv(const std::vector<XlsxRow>& rows);

}  // namespace ecogov::ingest
