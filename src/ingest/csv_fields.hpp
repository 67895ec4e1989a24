#pragma once
// Small CSV helpers shared by the readers: splitting a line into fields, removing quotes, reading
// a concentration cell and describing why a cell is bad.
//
// Contract: fields are separated by ','; split_fields() keeps a comma inside a double-quoted field
// (the cnemc feed quotes "颗粒物(PM10),细颗粒物(PM2.5)"); unquote() then removes the quotes.
// The wide format's fast cell scanner does not honour quotes (its cells are numbers).
// All functions are allocation-free except the ones returning std::string (used only for issues).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.hpp"

namespace ecogov::ingest {

/// Sentinels stored instead of a value (values are >= 0 and fit in int32).
inline constexpr std::int32_t kAbsent = -1;        // empty, NA or "/": missing, no issue
inline constexpr std::int32_t kInvalid = -2;       // bad cell: reported, treated as missing
inline constexpr std::int32_t kNotMonitored = -3;  // "/": not in the monitoring plan, missing

/// Removes a UTF-8 byte order mark at the start.
std::string_view strip_bom(std::string_view s) noexcept;

/// Removes surrounding spaces and one pair of double quotes.
std::string_view unquote(std::string_view s) noexcept;

/// Splits `line` at every ',' outside double quotes into `out` (cleared first; views into `line`).
void split_fields(std::string_view line, std::vector<std::string_view>& out);

/// Number of fields of `line` (commas + 1).
std::size_t count_fields(std::string_view line) noexcept;

/// Reads a non-negative integer of at most 9 plain digits; false otherwise.
bool parse_small_uint(std::string_view s, int& out) noexcept;

/// A cell read as a scaled value that fits in int32, or why not.
struct CellValue {
    CellStatus status = CellStatus::empty;  // `value` only when `scaled` is valid
    std::int32_t scaled = 0;
    bool too_large = false;  // status == malformed because the value exceeds int32
};

/// parse_rounded() and a range check to int32.
CellValue read_cell(std::string_view text, int decimals) noexcept;

/// True when the cell is a problem to report (malformed, negative, too large).
constexpr bool is_bad(const CellValue& c) noexcept {
    return c.status == CellStatus::malformed || c.status == CellStatus::negative;
}

/// Converts to the sentinel encoding: value, kAbsent or kInvalid.
constexpr std::int32_t encode(const CellValue& c) noexcept {
    if (c.status == CellStatus::value) return c.scaled;
    if (c.status == CellStatus::not_monitored) return kNotMonitored;
    return is_bad(c) ? kInvalid : kAbsent;
}

/// Message for a bad cell: "'abc' is not a number", "negative concentration '-3'", ...
/// `what` names the quantity for negatives ("concentration", "AQI").
std::string bad_cell_message(const CellValue& c, std::string_view text, std::string_view what);

/// `text` quoted for a message, shortened to at most 40 bytes.
std::string quoted(std::string_view text);

}  // namespace ecogov::ingest
