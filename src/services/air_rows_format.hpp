#pragma once
// The cell writers shared by the row files (air_rows*.cpp): numbers, JSON keys and categories.
// Internal to services/air_rows*; the rows themselves are declared in air_rows.hpp.
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/decimal.hpp"
#include "core/pollutant.hpp"
#include "core/text.hpp"
#include "standards/aqi/category.hpp"

namespace ecogov::air_rows_detail {

inline void append_int(std::string& out, std::int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

inline void append_scaled(std::string& out, std::optional<std::int64_t> v, int decimals) {
    if (!v) return;
    if (decimals == 0)
        append_int(out, *v);
    else
        out += format_scaled(*v, decimals);
}

inline void append_conc(std::string& out, const Conc& c, int decimals) {
    if (c) append_scaled(out, *c, decimals);
}

inline void append_opt_int(std::string& out, const std::optional<int>& v) {
    if (v) append_int(out, *v);
}

inline void json_number_or_null(std::string& out, std::optional<std::int64_t> v, int decimals) {
    if (!v)
        out += "null";
    else
        append_scaled(out, v, decimals);
}

inline void json_key(std::string& out, std::string_view key) {
    append_json_string(out, key);
    out += ':';
}

inline void json_category(std::string& out, const std::optional<int>& aqi) {
    if (!aqi) {
        out += "null";
        return;
    }
    const AqiCategory& c = category_for(*aqi);
    out += "{\"level\":";
    append_int(out, c.level);
    out += ",\"name_zh\":";
    append_json_string(out, c.name_zh);
    out += ",\"name_en\":";
    append_json_string(out, c.name_en);
    out += ",\"colour\":";
    append_json_string(out, c.colour_hex);
    out += '}';
}

inline std::string_view category_name(const std::optional<int>& aqi) {
    return aqi ? category_for(*aqi).name_zh : std::string_view{};
}

}  // namespace ecogov::air_rows_detail
