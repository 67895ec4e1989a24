#include "standards/water/values.hpp"

#include <algorithm>

#include "core/decimal.hpp"

namespace ecogov::water {

namespace {

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::int64_t unit_of(WaterItem item) noexcept {
    return pow10(kWaterScaleDecimals - info(item).decimals);
}

Result<std::int64_t> parse_number(std::string_view text, int decimals, std::string_view what) {
    const ParsedCell cell = parse_rounded(text, decimals);
    switch (cell.status) {
        case CellStatus::value:
            return cell.scaled;
        case CellStatus::negative:
            return fail(ErrorCode::bad_data,
                        std::string(what) + " '" + std::string(text) + "' is negative");
        case CellStatus::empty:
            return fail(ErrorCode::bad_data, std::string(what) + " is empty");
        default:
            return fail(ErrorCode::bad_data, std::string(what) + " '" + std::string(text) +
                                                 "' is not a number, ND or <limit");
    }
}

}  // namespace

std::int64_t WaterValue::twice_for_mean() const noexcept {
    switch (detection) {
        case Detection::detected:
            return 2 * value;
        case Detection::below_limit:
            return value;
        case Detection::not_detected:
            return 0;
    }
    return 0;
}

Result<WaterValue> parse_value(WaterItem item, std::string_view text) {
    text = trim(text);
    const bool censored = text == "ND" || text == "nd" || text == "未检出" || text.starts_with('<');
    if (censored && (item == WaterItem::ph || item == WaterItem::temperature))
        return fail(ErrorCode::bad_data, std::string(info(item).id) + " has no detection limit: '" +
                                             std::string(text) + "'");
    if (text == "ND" || text == "nd" || text == "未检出")
        return WaterValue{0, Detection::not_detected, 1, 1};
    if (text.starts_with('<')) {
        auto limit = parse_number(text.substr(1), kWaterScaleDecimals, "detection limit");
        if (!limit) return std::unexpected(limit.error());
        if (*limit == 0)
            return fail(ErrorCode::bad_data, "detection limit '" + std::string(text) + "' is zero");
        return WaterValue{*limit, Detection::below_limit, 1, 1};
    }
    auto rounded = parse_number(text, info(item).decimals, "value");
    if (!rounded) return std::unexpected(rounded.error());
    return WaterValue{*rounded * unit_of(item), Detection::detected, 1, 0};
}

WaterValue period_value(WaterItem item, std::span<const WaterValue> samples) {
    WaterValue out{0, Detection::not_detected, 0, 0};
    Wide twice_sum = 0;
    bool any_detected = false;
    for (const WaterValue& s : samples) {  // each element weighs 1 (a sample or a section value)
        out.samples += s.samples;
        out.below_samples += s.below_samples;
        twice_sum += s.twice_for_mean();
        if (s.detection == Detection::detected) any_detected = true;
        if (s.detection == Detection::below_limit) {
            out.detection = Detection::below_limit;
            out.value = std::max(out.value, s.value);
        }
    }
    if (!any_detected) return out;
    // mean = twice_sum / (2 n), rounded to the item's decimals.
    const std::int64_t unit = unit_of(item);
    const Wide den = static_cast<Wide>(2) * static_cast<Wide>(samples.size()) * unit;
    Wide q = twice_sum / den;
    const Wide twice_rem = 2 * (twice_sum - q * den);
    if (twice_rem > den || (twice_rem == den && (q & 1))) ++q;
    out.value = static_cast<std::int64_t>(q) * unit;
    out.detection = Detection::detected;
    return out;
}

std::optional<WaterClass> class_of(WaterItem item, WaterBody body, const WaterValue& v) noexcept {
    if (v.detection != Detection::detected) {
        if (info(item).direction == Direction::none || is_supplementary(item)) return std::nullopt;
        // DO below a detection limit is as low as it gets: 劣V (doc silent; our rule).
        if (info(item).direction == Direction::at_least) return WaterClass::worse_than_v;
        if (v.detection == Detection::not_detected) return WaterClass::i;
    }
    return class_of_value(item, body, v.value);
}

bool passes_supplementary(WaterItem item, const WaterValue& v) noexcept {
    return v.detection == Detection::not_detected || meets_supplementary(item, v.value);
}

std::string value_text(WaterItem item, const WaterValue& v) {
    switch (v.detection) {
        case Detection::not_detected:
            return "ND";
        case Detection::below_limit: {
            std::string s = format_scaled(v.value, kWaterScaleDecimals);
            while (s.back() == '0') s.pop_back();
            if (s.back() == '.') s.pop_back();
            return "<" + s;
        }
        case Detection::detected:
            break;
    }
    const int d = info(item).decimals;
    return format_scaled(v.value / pow10(kWaterScaleDecimals - d), d);
}

}  // namespace ecogov::water
