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

/// The HJ 212 register keeps only its high byte between steps, and the table is linear over
/// GF(2), so the 8-bit state s advances as s' = H(s) ^ H(b) with H(x) = T[x] >> 8. Then
/// s(i+8) = H^8(s(i) ^ b(i)) ^ H^7(b(i+1)) ^ ... ^ H^1(b(i+7)): eight independent look-ups per
/// eight bytes instead of a chain of dependent ones. kPow[k-1] is the table of H^k.
constexpr std::array<std::array<std::uint8_t, 256>, 8> make_powers() noexcept {
    std::array<std::array<std::uint8_t, 256>, 8> p{};
    for (unsigned x = 0; x < 256; ++x) p[0][x] = static_cast<std::uint8_t>(kTable[x] >> 8);
    for (std::size_t k = 1; k < 8; ++k)
        for (unsigned x = 0; x < 256; ++x) p[k][x] = p[0][p[k - 1][x]];
    return p;
}

constexpr auto kPow = make_powers();

int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

}  // namespace

std::uint16_t crc_hj212(std::string_view bytes) noexcept {
    if (bytes.empty()) return 0xFFFF;
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t last = bytes.size() - 1;
    unsigned s = 0xFF;  // high byte of the initial 0xFFFF
    std::size_t i = 0;
    for (; i + 8 <= last; i += 8)
        s = kPow[7][s ^ b[i]] ^ kPow[6][b[i + 1]] ^ kPow[5][b[i + 2]] ^ kPow[4][b[i + 3]] ^
            kPow[3][b[i + 4]] ^ kPow[2][b[i + 5]] ^ kPow[1][b[i + 6]] ^ kPow[0][b[i + 7]];
    for (; i < last; ++i) s = kPow[0][s ^ b[i]];
    return kTable[s ^ b[last]];
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
