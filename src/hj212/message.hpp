#pragma once
// Typed view of an HJ 212 data segment (HJ 212-2017 §6.3.2–6.3.3 and Tables 3, 4, 8; HJ/T 212-2005
// §6.3.2; docs/standards/hj212.md §1.2, §1.4, §2.4, §9.3).
//
// Contract:
// - parse_segment reads the header as key=value pairs separated by `;` (or `,`) up to the first
//   `CP=&&`, in any order; QN/Flag/PNUM/PNO may be absent (2005 uploads); unknown header keys are
//   kept in `header_extra`. The data area is everything between `CP=&&` and the final `&&` of the
//   segment; items are split on `;`, sub-values on `,`.
// - `code-Field=value` items become Pollutant entries (first `-` splits code and field), merged
//   per code in order of first appearance; Rtd/Avg/Min/Max/Cou/ZsRtd/ZsAvg/ZsMin/ZsMax are numbers
//   (an unparsable number is an error naming the key), Flag is one character, other fields are
//   kept as text in `other`. Items without `-` (DataTime, RtdInterval, QnRtn, BeginTime, a bare
//   Flag…) are kept in `cp_fields`; DataTime is also decoded (14 digits, or 17 with milliseconds).
// - Views point into the segment passed in: the caller keeps it alive while the Message is used.
// - Errors (no CN, no `CP=&&…&&`, Flag not 0..255, PNUM/PNO not numbers, bad number, bad
//   DataTime) give ok=false with a message; nothing is thrown. Pure: no I/O, no clock.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ecogov::hj212 {

enum class Dialect : unsigned char { hj2005, hj2017, hj2025 };
std::string_view dialect_name(Dialect d) noexcept;  // "2005" | "2017" | "2025"

using KeyValue = std::pair<std::string_view, std::string_view>;

/// A local (China time, the de facto convention) calendar time as seconds since 1970-01-01 00:00
/// of the same wall clock, plus milliseconds when the device sent 17 digits.
struct LocalTime {
    std::int64_t seconds = 0;
    int millis = 0;
    auto operator<=>(const LocalTime&) const = default;
};
/// Parses YYYYMMDDhhmmss or YYYYMMDDhhmmsszzz; nullopt when not a real date and time.
std::optional<LocalTime> parse_local_time(std::string_view text) noexcept;
/// "2020-09-22T11:00:00" (seconds precision).
std::string format_local_time(LocalTime t);
/// YYYYMMDDhhmmss.
std::string format_compact_time(LocalTime t);

struct Pollutant {
    std::string_view code;
    std::optional<double> rtd, avg, min, max, cou, zs_rtd, zs_avg, zs_min, zs_max;
    char flag = 0;  // N F M S D C T B (2017); P… or 0–3 (2005); 0 when absent
    std::vector<KeyValue> other;  // SampleTime, EFlag, vendor fields, as sent
};

struct Message {
    std::string_view qn, st, cn, pw, mn;
    std::optional<int> flag;
    std::optional<int> pnum, pno;
    std::string_view data_time_text;
    std::optional<LocalTime> data_time;
    std::vector<Pollutant> pollutants;
    std::vector<KeyValue> cp_fields;     // CP items without a pollutant code
    std::vector<KeyValue> header_extra;  // unknown header keys (e.g. RF of 2025)

    Dialect dialect() const noexcept;  // from the Flag version bits; no Flag → 2005
    bool ack_requested() const noexcept { return flag && (*flag & 1); }
    bool split() const noexcept { return flag && (*flag & 2); }
    std::string_view cp_field(std::string_view key) const noexcept;
    const Pollutant* pollutant(std::string_view code) const noexcept;
};

struct ParseResult {
    bool ok = false;
    std::string error;
    Message message;
};

ParseResult parse_segment(std::string_view segment);
/// Same, reusing `out` (its vectors keep their capacity: the hot path of the receiver).
bool parse_segment_into(std::string_view segment, Message& out, std::string& error);

}  // namespace ecogov::hj212
