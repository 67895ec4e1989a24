#pragma once
// One laboratory result for a soil metal, with the detection-limit notations used in Chinese
// reports: "ND", "<0.01" and "0.01L" (检出限后加 "L", common in monitoring reports).
//
// Contract: values are scaled integers of 0.001 mg/kg (limits.hpp), rounded half-to-even from the
// exact decimal text (GB/T 8170 修约值比较法: the rounded result is what is compared with a limit).
// A detection limit that rounds to 0 is rejected (it says nothing). An empty cell is `missing`.
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/result.hpp"

namespace ecogov {

struct Measurement {
    enum class Kind : unsigned char {
        value,                  // a measured concentration in `scaled`
        below_detection_limit,  // "<x" / "xL" (limit in `scaled`) or "ND" (limit unknown)
        missing,                // not measured
    };
    Kind kind = Kind::missing;
    /// The concentration (value) or the detection limit (below_detection_limit); nullopt for
    /// "ND" without a limit and for missing.
    std::optional<std::int32_t> scaled;

    static Measurement of(std::int32_t v) { return {Kind::value, v}; }
    static Measurement below(std::optional<std::int32_t> limit) {
        return {Kind::below_detection_limit, limit};
    }
    static Measurement none() { return {Kind::missing, std::nullopt}; }
    friend bool operator==(const Measurement&, const Measurement&) = default;
};

/// Parses "12.5", "ND", "nd", "<0.01", "0.01L", "" (missing); mg/kg. Negative or malformed text is
/// a bad_data error whose field is `field`.
Result<Measurement> parse_measurement(std::string_view text, std::string_view field = {});

/// Parses a pH "6.5" to 0.01 (half-even: "5.505" → 5.50, "5.515" → 5.52); must lie in [0, 14].
Result<std::int32_t> parse_ph(std::string_view text, std::string_view field = "ph");

}  // namespace ecogov
