#pragma once
// Sample values and period values of one item (rounding, detection limits, means).
//
// Contract (《地表水环境质量监测数据统计技术规定（试行）》2020 and 总站水字〔2020〕90号 as
// summarised in water-soil-assessment.md §1.5 [V2]; time aggregation §1.4 [R]):
// - A measured value is rounded half-to-even (GB/T 8170) to the item's decimals on its exact
//   decimal text, then held in kWaterScale units. (The "keep one significant digit when it rounds
//   to 0" rule is not applied: 0 meets every ≤ limit, so no class changes.)
// - "<x" is below the detection limit x (x kept exact at 1e-5); "ND" is below an unstated limit.
// - Single value below the limit: it "counts as compliant" with every class whose limit is at or
//   above the detection limit (doc §1.5), i.e. it gets the class of x itself; a bare "ND" is I.
//   DO below a limit is 劣V (doc silent: low DO is the bad side); pH and temperature refuse them.
// - Period value (a month or year of one section, or the sections of a small river): when every
//   sample is below its limit the result stays below-limit with the largest x; otherwise the
//   arithmetic mean in which each "<x" counts as x/2 and a bare "ND" as 0 (doc §1.5 "½ the
//   detection limit" [R]), rounded half-to-even to the item's decimals. Means are exact.
// - pH is averaged arithmetically on its 2-decimal values (the 2020 [H+] mean of doc §1.5 is [V2]
//   only and needs logarithms; not used).
// - "Average the concentrations first, then classify; never average classes" (doc §1.4).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "standards/water/items.hpp"
#include "standards/water/water_class.hpp"

namespace ecogov::water {

enum class Detection : unsigned char {
    detected,      // `value` is the (rounded) measurement or mean
    below_limit,   // "<x": `value` is the detection limit x
    not_detected,  // "ND" without a limit: `value` is 0
};

struct WaterValue {
    std::int64_t value = 0;  // kWaterScale units
    Detection detection = Detection::detected;
    int samples = 1;        // how many samples made it
    int below_samples = 0;  // how many of them were "<x" or "ND"

    bool flagged() const noexcept { return below_samples > 0; }
    /// The value statistics use: the measurement, x/2 for "<x", 0 for "ND" (x2 to stay exact).
    std::int64_t twice_for_mean() const noexcept;
};

/// Parses a value cell for `item`: a non-negative decimal, "ND" or "<x". Errors say why.
Result<WaterValue> parse_value(WaterItem item, std::string_view text);

/// Period value of `samples` (non-empty) per the contract above.
WaterValue period_value(WaterItem item, std::span<const WaterValue> samples);

/// Class of a single or period value (below-limit values: class of the limit; ND: I).
std::optional<WaterClass> class_of(WaterItem item, WaterBody body, const WaterValue& v) noexcept;

/// Table 2 item: passes when the value (or its detection limit, or ND) is at or below the limit.
bool passes_supplementary(WaterItem item, const WaterValue& v) noexcept;

/// Text of a value at the item's decimals ("0.15", "<0.01", "ND").
std::string value_text(WaterItem item, const WaterValue& v);

}  // namespace ecogov::water
