#include "core/file_type.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace ecogov {
namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                      [](char want, char got) {
                          return std::tolower(static_cast<unsigned char>(got)) == want;
                      });
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::optional<FileType> office_type(std::string_view filename) {
    if (ends_with_ci(filename, ".xlsx")) return FileType::xlsx;
    if (ends_with_ci(filename, ".docx")) return FileType::docx;
    return std::nullopt;
}

std::optional<FileType> text_type(std::string_view bytes, std::string_view filename) {
    const bool txt = ends_with_ci(filename, ".txt");
    const bool csv = ends_with_ci(filename, ".csv");
    if (!txt && !csv) return std::nullopt;
    if (bytes.find('\0') != std::string_view::npos || !valid_utf8(bytes)) return std::nullopt;
    return csv ? FileType::csv : FileType::text;
}

}  // namespace

std::string_view mime_type(FileType t) noexcept {
    switch (t) {
        case FileType::pdf: return "application/pdf";
        case FileType::png: return "image/png";
        case FileType::jpeg: return "image/jpeg";
        case FileType::xlsx:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        case FileType::docx:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        case FileType::text: return "text/plain; charset=utf-8";
        case FileType::csv: return "text/csv; charset=utf-8";
    }
    return "application/octet-stream";
}

std::string_view describe(FileType t) noexcept {
    switch (t) {
        case FileType::pdf: return "PDF document";
        case FileType::png: return "PNG image";
        case FileType::jpeg: return "JPEG image";
        case FileType::xlsx: return "Excel workbook (.xlsx)";
        case FileType::docx: return "Word document (.docx)";
        case FileType::text: return "plain text";
        case FileType::csv: return "CSV text";
    }
    return "file";
}

std::optional<FileType> sniff_file_type(std::string_view bytes, std::string_view filename) noexcept {
    if (starts_with(bytes, "%PDF-")) return ends_with_ci(filename, ".pdf") ? std::optional{FileType::pdf} : std::nullopt;
    if (starts_with(bytes, "\x89PNG\r\n\x1a\n"))
        return ends_with_ci(filename, ".png") ? std::optional{FileType::png} : std::nullopt;
    if (starts_with(bytes, "\xFF\xD8\xFF"))
        return ends_with_ci(filename, ".jpg") || ends_with_ci(filename, ".jpeg")
                   ? std::optional{FileType::jpeg}
                   : std::nullopt;
    if (starts_with(bytes, std::string_view("PK\x03\x04", 4))) return office_type(filename);
    return text_type(bytes, filename);
}

std::optional<FileType> file_type_of_mime(std::string_view mime) noexcept {
    std::string base(mime.substr(0, mime.find(';')));
    while (!base.empty() && base.back() == ' ') base.pop_back();
    std::transform(base.begin(), base.end(), base.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (FileType t : {FileType::pdf, FileType::png, FileType::jpeg, FileType::xlsx, FileType::docx,
                       FileType::text, FileType::csv}) {
        const std::string_view m = mime_type(t);
        if (base == m.substr(0, m.find(';'))) return t;
    }
    if (base == "image/jpg") return FileType::jpeg;
    return std::nullopt;
}

bool valid_utf8(std::string_view s) noexcept {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        std::size_t n;
        char32_t cp;
        if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
        else return false;
        if (i + n >= s.size()) return false;  // truncated sequence
        for (std::size_t k = 1; k <= n; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n + 1;
    }
    return true;
}

}  // namespace ecogov
