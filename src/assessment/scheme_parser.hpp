#pragma once
// Reads an assessment scheme from TOML text (issue 6 item 1; docs/assessment.md "Scheme file").
//
// Contract: returns a valid Scheme (assessment/scheme.hpp) or the first error as
// invalid_argument with the message "<source>:<line>: <what>", e.g.
// "scheme.toml:17: item 'pm25' max must be > 0"; unknown keys and tables are errors (a typo
// must not silently drop a rule). Pure: the text is given, nothing is read from disk.
#include <string_view>

#include "assessment/scheme.hpp"
#include "core/result.hpp"

namespace ecogov::assessment {

Result<Scheme> parse_scheme(std::string_view text, std::string_view source_name);

}  // namespace ecogov::assessment
