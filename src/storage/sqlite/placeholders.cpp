#include "storage/sqlite/placeholders.hpp"

namespace ecogov::storage::sqlite {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// Index just past the quoted run starting at `i` (a doubled quote is an escaped quote).
std::size_t skip_quoted(std::string_view s, std::size_t i) {
    const char quote = s[i];
    for (++i; i < s.size(); ++i) {
        if (s[i] != quote) continue;
        if (i + 1 < s.size() && s[i + 1] == quote) {
            ++i;
            continue;
        }
        return i + 1;
    }
    return s.size();
}

std::size_t skip_comment(std::string_view s, std::size_t i) {
    if (s[i] == '-') {
        const std::size_t end = s.find('\n', i);
        return end == std::string_view::npos ? s.size() : end + 1;
    }
    const std::size_t end = s.find("*/", i + 2);
    return end == std::string_view::npos ? s.size() : end + 2;
}

/// Length of the literal, identifier or comment starting at `i`, or 0 when none does.
std::size_t opaque_run(std::string_view s, std::size_t i) {
    const char c = s[i];
    if (c == '\'' || c == '"') return skip_quoted(s, i) - i;
    const bool two = i + 1 < s.size();
    if (two && ((c == '-' && s[i + 1] == '-') || (c == '/' && s[i + 1] == '*')))
        return skip_comment(s, i) - i;
    return 0;
}

}  // namespace

std::string rewrite_placeholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    std::size_t i = 0;
    while (i < sql.size()) {
        if (const std::size_t n = opaque_run(sql, i); n > 0) {
            out.append(sql.substr(i, n));
            i += n;
            continue;
        }
        const bool placeholder = sql[i] == '$' && i + 1 < sql.size() && is_digit(sql[i + 1]);
        out.push_back(placeholder ? '?' : sql[i]);
        ++i;
    }
    return out;
}

}  // namespace ecogov::storage::sqlite
