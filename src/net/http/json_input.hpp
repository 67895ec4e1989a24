#pragma once
// Strict JSON input (issue 3 item 1, api.md "Errors"): typed field readers over a parsed object.
// parse_json_object (router.hpp) rejects bad JSON, non-objects and unknown fields; these readers
// reject a present field of the wrong type with 400 `invalid_argument` naming the field.
// `null` counts as absent for optional fields, except where a nullable value is asked for.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "core/result.hpp"

namespace ecogov::http {

Result<std::optional<std::string>> opt_string(const boost::json::object& o, std::string_view key);
Result<std::string> req_string(const boost::json::object& o, std::string_view key);
Result<std::optional<std::int64_t>> opt_int(const boost::json::object& o, std::string_view key);
Result<std::int64_t> req_int(const boost::json::object& o, std::string_view key);
Result<std::optional<bool>> opt_bool(const boost::json::object& o, std::string_view key);
/// Absent or null → nullopt; a number → it; anything else → 400 naming `key`.
Result<std::optional<double>> opt_number(const boost::json::object& o, std::string_view key);
/// Absent → nullopt; null → optional holding nullopt (clear the value); number → optional holding it.
Result<std::optional<std::optional<double>>> opt_nullable_number(const boost::json::object& o,
                                                                 std::string_view key);
/// Absent → nullopt; null → optional holding nullopt; integer → optional holding it.
Result<std::optional<std::optional<std::int64_t>>> opt_nullable_int(const boost::json::object& o,
                                                                    std::string_view key);

/// A path or query integer ("42"); anything else → 400 naming `field`.
Result<std::int64_t> parse_id(const std::string& text, std::string_view field);

}  // namespace ecogov::http
