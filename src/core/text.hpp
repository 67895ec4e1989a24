#pragma once
// Text escaping shared by every writer of JSON and CSV (CLI output, audit canonical form, API
// bodies built by hand). One definition, so the audit hash and the outputs never drift apart.
#include <string>
#include <string_view>

namespace ecogov {

/// Appends `text` as a JSON string literal exactly as JavaScript's JSON.stringify writes it:
/// `"` and `\` escaped, \b \f \n \r \t short forms, other control characters as \u00xx,
/// everything else (UTF-8 included) as is. The audit chain's canonical form depends on this.
void append_json_string(std::string& out, std::string_view text);

/// `text` as a JSON string literal (append_json_string into a new string).
std::string json_quote(std::string_view text);

/// Appends a CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote,
/// CR or LF; as is otherwise.
void append_csv_field(std::string& out, std::string_view text);

}  // namespace ecogov
