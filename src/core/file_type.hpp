#pragma once
// What kind of file a set of bytes is, judged by its content (magic numbers), not by what the
// sender claims (issue 4 item 3: attachments are "type-checked"). Pure.
//
// Contract: accepted kinds are PDF (%PDF-), PNG, JPEG, Office Open XML documents (a ZIP whose name
// ends .xlsx or .docx) and plain text (.txt/.csv: valid UTF-8 without NUL bytes). Anything else,
// or bytes that contradict the file name's extension, is not accepted.
#include <optional>
#include <string_view>

namespace ecogov {

enum class FileType : unsigned char { pdf, png, jpeg, xlsx, docx, text, csv };

/// The MIME type sent with a stored file of this type.
std::string_view mime_type(FileType t) noexcept;
/// A short name for messages ("PDF document", "PNG image", ...).
std::string_view describe(FileType t) noexcept;

/// The accepted type of `bytes` named `filename`, or nullopt.
std::optional<FileType> sniff_file_type(std::string_view bytes, std::string_view filename) noexcept;

/// The type a declared MIME type names (parameters such as "; charset" ignored), or nullopt.
std::optional<FileType> file_type_of_mime(std::string_view mime) noexcept;

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
bool valid_utf8(std::string_view s) noexcept;

}  // namespace ecogov
