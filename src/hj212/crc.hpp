#pragma once
// HJ 212 CRC (HJ 212-2017 Appendix A, HJ/T 212-2005 Appendix A) and the two wrong variants real
// devices send (plain CRC-16/MODBUS, and MODBUS printed low byte first), docs/standards/hj212.md §1.3.
//
// Contract:
// - crc_hj212: init 0xFFFF, `crc = (crc >> 8) ^ byte`, 8 reflected shifts with 0xA001, no final
//   XOR, over the raw data-segment bytes (UTF-8 bytes, not characters). The Appendix A example
//   gives 0x1C80.
// - crc_modbus: CRC-16/MODBUS (`crc ^= byte`) over the same bytes.
// - classify_crc compares the 4 hex characters of a frame case-insensitively against the HJ 212
//   value first, then MODBUS, then byte-swapped MODBUS; `bad` when none matches or the text is not
//   4 hex digits. Pure: no I/O, no allocation.
#include <cstdint>
#include <optional>
#include <string_view>

namespace ecogov::hj212 {

enum class CrcVariant : unsigned char { hj212, modbus, modbus_swapped, bad };

std::uint16_t crc_hj212(std::string_view bytes) noexcept;
std::uint16_t crc_modbus(std::string_view bytes) noexcept;

/// The 4 hex characters as a number (either case); nullopt unless exactly 4 hex digits.
std::optional<std::uint16_t> parse_crc_text(std::string_view text) noexcept;

CrcVariant classify_crc(std::string_view segment, std::string_view crc_text) noexcept;

/// "hj212" | "modbus" | "modbus-swapped" | "bad" (the decode tool's and the registry's names).
std::string_view crc_variant_name(CrcVariant v) noexcept;
std::optional<CrcVariant> crc_variant_from_name(std::string_view name) noexcept;

/// Whether a frame whose CRC classified as `seen` is acceptable from a device configured for
/// `configured` (the device's own variant; hj212 is always accepted).
bool crc_accepted(CrcVariant seen, CrcVariant configured) noexcept;

/// Writes the 4 upper-case hex digits of `crc` into out[0..3].
void format_crc(std::uint16_t crc, char out[4]) noexcept;

}  // namespace ecogov::hj212
