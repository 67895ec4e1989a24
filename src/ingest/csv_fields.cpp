#include "ingest/csv_fields.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

namespace ecogov::ingest {

std::string_view strip_bom(std::string_view s) noexcept {
    if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    return s;
}

std::string_view unquote(std::string_view s) noexcept {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
}

namespace {

/// Splits a line that contains double quotes: a field starting with '"' runs to the closing '"'
/// ("" inside stays as is), so commas inside quotes do not separate fields.
void split_quoted(std::string_view line, std::vector<std::string_view>& out) {
    std::size_t start = 0;
    while (true) {
        std::size_t i = start;
        while (i < line.size() && line[i] == ' ') ++i;
        if (i < line.size() && line[i] == '"') {
            ++i;
            while (i < line.size()) {
                if (line[i] == '"' && (i + 1 == line.size() || line[i + 1] != '"')) break;
                i += line[i] == '"' ? 2 : 1;
            }
        }
        const std::size_t comma = line.find(',', std::min(i, line.size()));
        if (comma == std::string_view::npos) {
            out.push_back(line.substr(start));
            return;
        }
        out.push_back(line.substr(start, comma - start));
        start = comma + 1;
    }
}

}  // namespace

void split_fields(std::string_view line, std::vector<std::string_view>& out) {
    out.clear();
    if (std::memchr(line.data(), '"', line.size()) != nullptr) return split_quoted(line, out);
    const char* p = line.data();
    const char* const end = p + line.size();
    for (;;) {
        const auto* comma =
            static_cast<const char*>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
        if (!comma) {
            out.emplace_back(p, static_cast<std::size_t>(end - p));
            return;
        }
        out.emplace_back(p, static_cast<std::size_t>(comma - p));
        p = comma + 1;
    }
}

std::size_t count_fields(std::string_view line) noexcept {
    std::size_t n = 1;
    for (char c : line) n += c == ',';
    return n;
}

bool parse_small_uint(std::string_view s, int& out) noexcept {
    if (s.empty() || s.size() > 9) return false;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

CellValue read_cell(std::string_view text, int decimals) noexcept {
    const ParsedCell p = parse_rounded(text, decimals);
    if (p.status != CellStatus::value) return {p.status, 0, false};
    if (p.scaled > std::numeric_limits<std::int32_t>::max())
        return {CellStatus::malformed, 0, true};
    return {CellStatus::value, static_cast<std::int32_t>(p.scaled), false};
}

std::string quoted(std::string_view text) {
    constexpr std::size_t kMax = 40;
    std::string out = "'";
    if (text.size() <= kMax) {
        out.append(text);
    } else {
        std::size_t cut = kMax;  // do not split a UTF-8 character
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        out.append(text.substr(0, cut));
        out.append("...");
    }
    out.push_back('\'');
    return out;
}

std::string bad_cell_message(const CellValue& c, std::string_view text, std::string_view what) {
    if (c.status == CellStatus::negative)
        return "negative " + std::string(what) + " " + quoted(text);
    if (c.too_large) return "value " + quoted(text) + " is out of range";
    return quoted(text) + " is not a number";
}

}  // namespace ecogov::ingest
