#include "standards/evaluation/target_progress.hpp"

#include <algorithm>

#include "core/decimal.hpp"

namespace ecogov {

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

std::int64_t ceil_div_signed(std::int64_t a, std::int64_t b) noexcept { return -floor_div(-a, b); }

std::string fmt(std::int64_t scaled, int decimals) { return format_scaled(scaled, decimals); }

void mean_progress(std::string_view indicator, std::int64_t target, const TargetFacts& f,
                   TargetProgressResult& out) {
    const std::string name = indicator == "pm25_mean" ? "PM2.5" : "PM10";
    if (f.valid_days > 0) out.to_date = round_half_even(f.sum, f.valid_days);
    if (f.days_remaining <= 0) {
        out.on_track = out.to_date && *out.to_date <= target;
        out.out_of_reach = !out.on_track;
        out.explanation = out.on_track ? "全年" + name + "均值已达标。 The annual " + name + " mean meets the target."
                                       : "全年" + name + "均值未达标。 The annual " + name + " mean misses the target.";
        return;
    }
    const std::int64_t m = max_remaining_mean(target, f.sum, f.valid_days, f.days_remaining);
    out.max_mean = m;
    out.out_of_reach = m < 0;
    out.on_track = !out.out_of_reach && (!out.to_date || *out.to_date <= target);
    const std::string days = std::to_string(f.days_remaining);
    if (out.out_of_reach) {
        out.explanation = "即使剩余" + days + "天" + name + "均为0，全年均值仍将超过目标" + fmt(target, 0) +
                          " µg/m³，目标已无法实现。 Even with zero " + name + " on the remaining " + days +
                          " days the annual mean would exceed the target of " + fmt(target, 0) +
                          " µg/m³: out of reach.";
        return;
    }
    out.explanation = "剩余" + days + "天" + name + "日均值平均不超过" + fmt(m, 0) + " µg/m³，全年均值可达目标" +
                      fmt(target, 0) + " µg/m³。 The remaining " + days + " days may average at most " +
                      fmt(m, 0) + " µg/m³ for the annual mean to meet " + fmt(target, 0) + " µg/m³.";
}

void ratio_progress(std::int64_t target, const TargetFacts& f, TargetProgressResult& out) {
    if (f.valid_days > 0) out.to_date = round_half_even(1000LL * f.good_days, f.valid_days);
    const std::int64_t g = good_days_needed(target, f.good_days, f.valid_days, f.days_remaining);
    out.good_days_needed = g;
    out.out_of_reach = g > f.days_remaining;
    out.on_track = !out.out_of_reach && (!out.to_date || *out.to_date >= target);
    const std::string days = std::to_string(f.days_remaining);
    if (out.out_of_reach) {
        out.explanation = "即使剩余" + days + "天全部为优良天，优良天数比例也达不到目标" + fmt(target, 1) +
                          "%，目标已无法实现。 Even if all " + days + " remaining days are good the ratio cannot reach " +
                          fmt(target, 1) + " %: out of reach.";
        return;
    }
    out.explanation = "剩余" + days + "天中至少还需" + std::to_string(g) + "个优良天，方可达到优良天数比例目标" +
                      fmt(target, 1) + "%。 At least " + std::to_string(g) + " of the remaining " + days +
                      " days must be good to reach the ratio of " + fmt(target, 1) + " %.";
}

void heavy_progress(std::int64_t target, const TargetFacts& f, TargetProgressResult& out) {
    out.to_date = f.heavy_days;
    out.heavy_days_left = target - f.heavy_days;
    out.out_of_reach = *out.heavy_days_left < 0;
    out.on_track = !out.out_of_reach;
    if (out.out_of_reach) {
        out.explanation = "重污染天数已达" + std::to_string(f.heavy_days) + "天，超过目标" + std::to_string(target) +
                          "天，目标已无法实现。 " + std::to_string(f.heavy_days) +
                          " heavy-pollution days so far exceed the target of " + std::to_string(target) +
                          ": out of reach.";
        return;
    }
    const std::string left = std::to_string(*out.heavy_days_left);
    out.explanation = "今年剩余时间最多还可出现" + left + "个重污染天。 At most " + left +
                      " more heavy-pollution days are allowed this year.";
}

void index_progress(std::int64_t target, const TargetFacts& f, TargetProgressResult& out) {
    out.to_date = f.composite_index;
    out.on_track = f.composite_index && *f.composite_index <= target;
    out.out_of_reach = f.days_remaining <= 0 && !out.on_track;
    if (!f.composite_index) {
        out.explanation = "尚无可计算的综合指数。 No composite index can be computed yet.";
        return;
    }
    out.explanation = "年初至今综合指数" + fmt(*f.composite_index, 2) + "，目标" + fmt(target, 2) +
                      "。 Composite index to date " + fmt(*f.composite_index, 2) + ", target " + fmt(target, 2) + ".";
}

}  // namespace

TargetKind target_kind(std::string_view indicator) noexcept {
    if (indicator == "pm25_mean") return TargetKind::pm25_mean;
    if (indicator == "pm10_mean") return TargetKind::pm10_mean;
    if (indicator == "good_ratio") return TargetKind::good_ratio;
    if (indicator == "heavy_days") return TargetKind::heavy_days;
    if (indicator == "composite_index") return TargetKind::composite_index;
    return TargetKind::other;
}

int target_decimals(std::string_view indicator) noexcept {
    if (indicator == "water_attainment") return 1;  // ‰ like good_ratio (services/water_targets.hpp)
    switch (target_kind(indicator)) {
        case TargetKind::good_ratio: return 1;
        case TargetKind::composite_index: return 2;
        case TargetKind::other: return 2;
        default: return 0;
    }
}

std::int64_t max_remaining_mean(std::int64_t target, std::int64_t sum, std::int64_t valid,
                                std::int64_t remaining) noexcept {
    const std::int64_t n = valid + remaining;
    // 2·total <= (2T+1)·n, one less when T is odd (the tie T+0.5 then rounds up to T+1).
    const std::int64_t bound = (2 * target + 1) * n - ((target & 1) ? 1 : 0);
    return floor_div(bound - 2 * sum, 2 * remaining);
}

std::int64_t good_days_needed(std::int64_t target_permille, std::int64_t good, std::int64_t valid,
                              std::int64_t remaining) noexcept {
    if (target_permille <= 0) return 0;
    const std::int64_t n = valid + remaining;
    if (n == 0) return 0;
    // 2000·G >= (2T-1)·n, one more when T is odd (the tie T-0.5 then rounds down to T-1).
    const std::int64_t least = (2 * target_permille - 1) * n + ((target_permille & 1) ? 1 : 0);
    return std::max<std::int64_t>(0, ceil_div_signed(least, 2000) - good);
}

TargetProgressResult target_progress(std::string_view indicator, std::int64_t target,
                                     const TargetFacts& facts) {
    TargetProgressResult out;
    switch (target_kind(indicator)) {
        case TargetKind::pm25_mean:
        case TargetKind::pm10_mean: mean_progress(indicator, target, facts, out); break;
        case TargetKind::good_ratio: ratio_progress(target, facts, out); break;
        case TargetKind::heavy_days: heavy_progress(target, facts, out); break;
        case TargetKind::composite_index: index_progress(target, facts, out); break;
        case TargetKind::other:
            out.explanation = "该指标无自动计算的进度。 No progress is computed for this indicator.";
            break;
    }
    return out;
}

}  // namespace ecogov
