#include "standards/soil/measurement.hpp"

#include <string>

#include "core/decimal.hpp"
#include "standards/soil/limits.hpp"

namespace ecogov {

namespace {

constexpr std::int64_t kMaxScaled = 1'000'000'000;  // 1,000,000 mg/kg: above any soil content

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

Result<std::int32_t> parse_amount(std::string_view text, std::string_view field) {
    const ParsedCell cell = parse_rounded(text, kSoilDecimals);
    if (cell.status == CellStatus::negative)
        return fail(ErrorCode::bad_data, "a concentration cannot be negative: " + std::string(text),
                    std::string(field));
    if (cell.status != CellStatus::value || cell.scaled > kMaxScaled)
        return fail(ErrorCode::bad_data, "not a concentration in mg/kg: " + std::string(text),
                    std::string(field));
    return static_cast<std::int32_t>(cell.scaled);
}

Result<Measurement> parse_limit(std::string_view limit_text, std::string_view field) {
    auto limit = parse_amount(limit_text, field);
    if (!limit) return std::unexpected(limit.error());
    if (*limit == 0)
        return fail(ErrorCode::bad_data,
                    "a detection limit must be at least 0.001 mg/kg: " + std::string(limit_text),
                    std::string(field));
    return Measurement::below(*limit);
}

}  // namespace

Result<Measurement> parse_measurement(std::string_view text, std::string_view field) {
    const std::string_view s = trim(text);
    if (s.empty()) return Measurement::none();
    if (s == "ND" || s == "nd" || s == "N.D.") return Measurement::below(std::nullopt);
    if (s.front() == '<') return parse_limit(s.substr(1), field);
    if (s.back() == 'L') return parse_limit(s.substr(0, s.size() - 1), field);
    auto value = parse_amount(s, field);
    if (!value) return std::unexpected(value.error());
    return Measurement::of(*value);
}

Result<std::int32_t> parse_ph(std::string_view text, std::string_view field) {
    const ParsedCell cell = parse_rounded(text, kPhDecimals);
    if (cell.status != CellStatus::value || cell.scaled > 1400)
        return fail(ErrorCode::bad_data, "pH must be a number from 0 to 14: " + std::string(text),
                    std::string(field));
    return static_cast<std::int32_t>(cell.scaled);
}

}  // namespace ecogov
