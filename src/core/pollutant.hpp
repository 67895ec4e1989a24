#pragma once
// The six basic pollutants of GB 3095 / HJ 633, and how their concentrations are held.
//
// Contract: a concentration is a scaled integer in the reporting unit of HJ 663-2013 Table 3:
// SO2, NO2, O3, PM10, PM2.5 in whole µg/m³ (decimals 0); CO in 0.1 mg/m³ (decimals 1).
// `Conc` is that integer, or nothing when the value is missing or invalid.
// The enum order is the order in which ecogov lists pollutants (ties of the primary pollutant,
// output columns): SO2, NO2, CO, O3, PM10, PM2.5.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ecogov {

enum class Pollutant : std::uint8_t { so2, no2, co, o3, pm10, pm25 };
inline constexpr int kPollutantCount = 6;
inline constexpr std::array<Pollutant, kPollutantCount> kAllPollutants = {
    Pollutant::so2, Pollutant::no2, Pollutant::co, Pollutant::o3, Pollutant::pm10, Pollutant::pm25};

/// Scaled concentration: µg/m³ integer, or CO in 0.1 mg/m³; nullopt = missing/invalid.
using Conc = std::optional<std::int32_t>;

constexpr int index_of(Pollutant p) noexcept { return static_cast<int>(p); }

/// Decimal places of the reporting unit (HJ 663-2013 Table 3).
constexpr int decimals_of(Pollutant p) noexcept { return p == Pollutant::co ? 1 : 0; }

/// "SO2", "NO2", "CO", "O3", "PM10", "PM2.5"
constexpr std::string_view name_of(Pollutant p) noexcept {
    constexpr std::array<std::string_view, kPollutantCount> names = {"SO2", "NO2", "CO", "O3", "PM10", "PM2.5"};
    return names[static_cast<std::size_t>(p)];
}

/// Lower-case column stem used in CSV output: "so2", "no2", "co", "o3", "pm10", "pm25".
constexpr std::string_view column_of(Pollutant p) noexcept {
    constexpr std::array<std::string_view, kPollutantCount> names = {"so2", "no2", "co", "o3", "pm10", "pm25"};
    return names[static_cast<std::size_t>(p)];
}

/// A set of pollutants (primary pollutants, over-standard pollutants), ordered as the enum.
class PollutantSet {
public:
    constexpr void add(Pollutant p) noexcept { bits_ |= static_cast<std::uint8_t>(1u << index_of(p)); }
    constexpr bool contains(Pollutant p) const noexcept { return (bits_ >> index_of(p)) & 1u; }
    constexpr bool empty() const noexcept { return bits_ == 0; }
    constexpr std::uint8_t bits() const noexcept { return bits_; }
    constexpr bool operator==(const PollutantSet&) const = default;

private:
    std::uint8_t bits_ = 0;
};

/// `set` joined with "+" in Pollutant order, e.g. "SO2+PM2.5"; empty when none.
std::string join_names(const PollutantSet& set);

/// Six concentrations, indexed by `index_of(Pollutant)`.
using ConcSet = std::array<Conc, kPollutantCount>;

}  // namespace ecogov
