#include "net/http/json_input.hpp"

#include <charconv>

#include <boost/json.hpp>

#include "net/http/router.hpp"

namespace ecogov::http {

namespace {

std::unexpected<Error> wrong_type(std::string_view key, std::string_view expected) {
    return fail(ErrorCode::invalid_argument, std::string(key) + " must be " + std::string(expected),
                std::string(key));
}

const boost::json::value* present(const boost::json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v == nullptr || v->is_null() ? nullptr : v;
}

std::optional<std::int64_t> as_int(const boost::json::value& v) {
    if (v.is_int64()) return v.get_int64();
    if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(v.get_uint64());
    return std::nullopt;
}

std::string_view describe(const boost::json::value& v) {
    switch (v.kind()) {
        case boost::json::kind::array:
            return "an array";
        case boost::json::kind::object:
            return "an object";
        case boost::json::kind::string:
            return "a string";
        case boost::json::kind::bool_:
            return "a boolean";
        case boost::json::kind::null:
            return "null";
        default:
            return "a number";
    }
}

}  // namespace

Result<boost::json::object> parse_json_object(const Request& r,
                                              std::initializer_list<std::string_view> allowed) {
    boost::json::error_code ec;
    boost::json::value v = boost::json::parse(r.body, ec);
    if (ec)
        return fail(ErrorCode::invalid_argument, "the body is not valid JSON: " + ec.message(), "");
    if (!v.is_object())
        return fail(ErrorCode::invalid_argument,
                    "the body must be a JSON object, not " + std::string(describe(v)), "");
    for (const auto& kv : v.as_object()) {
        bool known = false;
        for (std::string_view a : allowed) known = known || a == kv.key();
        if (!known)
            return fail(ErrorCode::invalid_argument, "unknown field " + std::string(kv.key()),
                        std::string(kv.key()));
    }
    return std::move(v.as_object());
}

Result<std::optional<std::string>> opt_string(const boost::json::object& o, std::string_view key) {
    const auto* v = present(o, key);
    if (v == nullptr) return std::optional<std::string>{};
    if (!v->is_string()) return wrong_type(key, "a string");
    return std::optional<std::string>{std::string(v->get_string())};
}

Result<std::string> req_string(const boost::json::object& o, std::string_view key) {
    auto s = opt_string(o, key);
    if (!s) return std::unexpected(s.error());
    if (!*s)
        return fail(ErrorCode::invalid_argument, std::string(key) + " is required",
                    std::string(key));
    return **s;
}

Result<std::optional<std::int64_t>> opt_int(const boost::json::object& o, std::string_view key) {
    const auto* v = present(o, key);
    if (v == nullptr) return std::optional<std::int64_t>{};
    auto n = as_int(*v);
    if (!n) return wrong_type(key, "an integer");
    return std::optional<std::int64_t>{*n};
}

Result<std::int64_t> req_int(const boost::json::object& o, std::string_view key) {
    auto n = opt_int(o, key);
    if (!n) return std::unexpected(n.error());
    if (!*n)
        return fail(ErrorCode::invalid_argument, std::string(key) + " is required",
                    std::string(key));
    return **n;
}

Result<std::optional<bool>> opt_bool(const boost::json::object& o, std::string_view key) {
    const auto* v = present(o, key);
    if (v == nullptr) return std::optional<bool>{};
    if (!v->is_bool()) return wrong_type(key, "true or false");
    return std::optional<bool>{v->get_bool()};
}

Result<std::optional<double>> opt_number(const boost::json::object& o, std::string_view key) {
    const auto* v = present(o, key);
    if (v == nullptr) return std::optional<double>{};
    if (!v->is_number()) return wrong_type(key, "a number");
    return std::optional<double>{v->to_number<double>()};
}

Result<std::optional<std::optional<double>>> opt_nullable_number(const boost::json::object& o,
                                                                 std::string_view key) {
    using Out = std::optional<std::optional<double>>;
    const auto* v = o.if_contains(key);
    if (v == nullptr) return Out{};
    if (v->is_null()) return Out{std::optional<double>{}};
    if (!v->is_number()) return wrong_type(key, "a number");
    return Out{v->to_number<double>()};
}

Result<std::optional<std::optional<std::int64_t>>> opt_nullable_int(const boost::json::object& o,
                                                                    std::string_view key) {
    using Out = std::optional<std::optional<std::int64_t>>;
    const auto* v = o.if_contains(key);
    if (v == nullptr) return Out{};
    if (v->is_null()) return Out{std::optional<std::int64_t>{}};
    auto n = as_int(*v);
    if (!n) return wrong_type(key, "an integer or null");
    return Out{std::optional<std::int64_t>{*n}};
}

Result<std::int64_t> parse_id(const std::string& text, std::string_view field) {
    std::int64_t out = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), out);
    if (text.empty() || r.ec != std::errc{} || r.ptr != text.data() + text.size())
        return fail(ErrorCode::invalid_argument, std::string(field) + " must be an integer",
                    std::string(field));
    return out;
}

}  // namespace ecogov::http
