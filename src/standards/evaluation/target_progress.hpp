#pragma once
// Progress of an annual air-quality target and what the rest of the year must achieve
// (issue 3 item 8; air.md §6.4 for the good-day ratio and heavy days, GB 3095 §3.13 / HJ 663 §5
// for the annual mean). Pure: all inputs are counts and scaled integers, no clock.
//
// Contract (exact integer arithmetic throughout):
// - Annual mean target T (µg/m³, integer): the annual mean is round_half_even(sum / valid days) of
//   the valid daily values. With d valid days so far summing to S and r remaining days (assumed
//   all valid), `max_mean` is the largest integer M with round_half_even((S + M·r)/(d + r)) <= T,
//   i.e. 2(S + M·r) <= (2T+1)(d+r) when T is even (the tie T+0.5 rounds down to T) and
//   2(S + M·r) <= (2T+1)(d+r) - 1 when T is odd. Out of reach when M < 0.
// - Good-day ratio target T (‰, i.e. 0.1 % steps): ratio = round_half_even(1000·good / valid).
//   `good_days_needed` is the least g >= 0 with round_half_even(1000(good+g)/(valid+r)) >= T;
//   out of reach when g > r.
// - Heavy-pollution days target H: `heavy_days_left` = H - heavy so far; out of reach when < 0.
// - Composite index target (×100): on track when the index to date <= T; nothing is derived for
//   the remaining days (the index is not additive).
// - Other indicators: no progress is computed (to_date empty, not on track).
// The explanation says what the numbers mean in Chinese and in English.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ecogov {

enum class TargetKind : unsigned char { pm25_mean, pm10_mean, good_ratio, heavy_days, composite_index, other };

TargetKind target_kind(std::string_view indicator) noexcept;
/// Decimals of the stored (scaled) value: good_ratio 1 (‰), composite_index 2, others 0 except
/// free names (2).
int target_decimals(std::string_view indicator) noexcept;

/// What the data say so far for one target's year.
struct TargetFacts {
    int days_elapsed = 0;    // calendar days of the year up to the as-of date
    int days_remaining = 0;  // calendar days after it
    int valid_days = 0;      // days with a valid value of the indicator (mean) or a published AQI
    std::int64_t sum = 0;    // sum of the valid daily values (mean targets)
    int good_days = 0;
    int heavy_days = 0;
    std::optional<std::int64_t> composite_index;  // ×100, year to date
};

struct TargetProgressResult {
    std::optional<std::int64_t> to_date;  // scaled like the target (µg/m³, ‰, days, ×100)
    bool on_track = false;
    bool out_of_reach = false;
    std::optional<std::int64_t> max_mean;          // mean targets
    std::optional<std::int64_t> good_days_needed;  // good_ratio
    std::optional<std::int64_t> heavy_days_left;   // heavy_days
    std::string explanation;                       // Chinese, then English
};

/// Largest integer M with round_half_even((sum + M·remaining)/(valid + remaining)) <= target.
/// Requires remaining > 0. May be negative (then even zero cannot reach the target).
std::int64_t max_remaining_mean(std::int64_t target, std::int64_t sum, std::int64_t valid,
                                std::int64_t remaining) noexcept;

/// Least g >= 0 with round_half_even(1000(good+g)/(valid+remaining)) >= target_permille.
std::int64_t good_days_needed(std::int64_t target_permille, std::int64_t good, std::int64_t valid,
                              std::int64_t remaining) noexcept;

TargetProgressResult target_progress(std::string_view indicator, std::int64_t target,
                                     const TargetFacts& facts);

}  // namespace ecogov
