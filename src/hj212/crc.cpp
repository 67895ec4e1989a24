#include "hj212/crc.hpp"

#include <array>

namespace ecogov::hj212 {

namespace {

/// The reflected 0xA001 table (CRC-16/ARC); T[0..3] = 0000, C0C1, C181, 0140.
constexpr std::array<std::uint16_t, 256> make_table() noexcept {
    std::array<std::uint16_t, 256> t{};
    for (unsigned i = 0; i < 256; ++i) {
        unsigned c = i;
        for (int j = 0; j < 8; ++j) c = (c & 1u) ? (c >> 1) ^ 0xA001u : c >> 1;
        t[i] = static_cast<std::uint16_t>(c);
    }
    return t;
}

constexpr auto kTable = make_table();

int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

}  // namespace

std::uint16_t crc_hj212(std::string_view bytes) noexcept {
    unsigned crc = 0xFFFF;
    for (char ch : bytes) crc = kTable[((crc >> 8) ^ static_cast<unsigned char>(ch)) & 0xFFu];
    return static_cast<std::uint16_t>(crc);
}

std::uint16_t crc_modbus(std::string_view bytes) noexcept {
    unsigned crc = 0xFFFF;
    for (char ch : bytes) crc = (crc >> 8) ^ kTable[(crc ^ static_cast<unsigned char>(ch)) & 0xFFu];
    return static_cast<std::uint16_t>(crc);
}

std::optional<std::uint16_t> parse_crc_text(std::string_view text) noexcept {
    if (text.size() != 4) return std::nullopt;
    unsigned v = 0;
    for (char c : text) {
        const int d = hex_digit(c);
        if (d < 0) return std::nullopt;
        v = v * 16 + static_cast<unsigned>(d);
    }
    return static_cast<std::uint16_t>(v);
}

CrcVariant classify_crc(std::string_view segment, std::string_view crc_text) noexcept {
    const auto seen = parse_crc_text(crc_text);
    if (!seen) return CrcVariant::bad;
    if (*seen == crc_hj212(segment)) return CrcVariant::hj212;
    const std::uint16_t m = crc_modbus(segment);
    if (*seen == m) return CrcVariant::modbus;
    const auto swapped = static_cast<std::uint16_t>(((m & 0xFFu) << 8) | (m >> 8));
    if (*seen == swapped) return CrcVariant::modbus_swapped;
    return CrcVariant::bad;
}

std::string_view crc_variant_name(CrcVariant v) noexcept {
    switch (v) {
        case CrcVariant::hj212: return "hj212";
        case CrcVariant::modbus: return "modbus";
        case CrcVariant::modbus_swapped: return "modbus-swapped";
        case CrcVariant::bad: break;
    }
    return "bad";
}

std::optional<CrcVariant> crc_variant_from_name(std::string_view name) noexcept {
    if (name == "hj212") return CrcVariant::hj212;
    if (name == "modbus") return CrcVariant::modbus;
    if (name == "modbus-swapped") return CrcVariant::modbus_swapped;
    return std::nullopt;
}

bool crc_accepted(CrcVariant seen, CrcVariant configured) noexcept {
    return seen == CrcVariant::hj212 || (seen != CrcVariant::bad && seen == configured);
}

void format_crc(std::uint16_t crc, char out[4]) noexcept {
    constexpr char kHex[] = "0123456789ABCDEF";
    out[0] = kHex[(crc >> 12) & 0xF];
    out[1] = kHex[(crc >> 8) & 0xF];
    out[2] = kHex[(crc >> 4) & 0xF];
    out[3] = kHex[crc & 0xF];
}

}  // namespace ecogov::hj212
