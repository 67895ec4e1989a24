#pragma once
// A small pull scanner for the XML parts of an XLSX file (ingest/xlsx_reader.hpp). Pure; C++20.
//
// Contract:
// - next() yields start tags (with their raw attribute text; `self_closing` for <x/>), end tags,
//   raw text and CDATA text, then `eof`. Element names are local names (a "x:" prefix is
//   dropped). Declarations <?...?> and comments are skipped. A DOCTYPE is rejected (no entity
//   expansion), as are unterminated tags, comments and CDATA sections; tag balance is the
//   caller's concern.
// - decode_text(): the five predefined entities and &#NN; / &#xHH; (valid Unicode scalar values,
//   not NUL) as UTF-8; anything else is an error.
// - attribute(): the decoded value of the attribute with that local name ("r:id" matches "id").
// - decode_escapes(): Excel's _xHHHH_ escapes in cell text (e.g. _x000D_) as UTF-8.
#include <string>
#include <string_view>

namespace ecogov::ingest::xlsx {

struct XmlToken {
    enum class Kind : unsigned char { start, end, text, cdata, eof };
    Kind kind = Kind::eof;
    std::string_view name;   // start/end: local name
    std::string_view attrs;  // start: raw attribute text
    std::string_view text;   // text: raw (undecoded); cdata: literal
    bool self_closing = false;
};

class XmlScanner {
  public:
    explicit XmlScanner(std::string_view doc) noexcept : doc_(doc) {}
    /// False with `error` on malformed input.
    bool next(XmlToken& token, std::string& error);

  private:
    std::string_view doc_;
    std::size_t pos_ = 0;
};

/// Appends the decoded `raw` to `out`; false (and `error`) on a bad entity.
bool decode_text(std::string_view raw, std::string& out, std::string& error);
/// True when present; `value` decoded. False also on a bad entity (then `error` is set).
bool attribute(std::string_view attrs, std::string_view local_name, std::string& value,
               std::string& error);
std::string decode_escapes(std::string_view s);
/// Appends code point `cp` as UTF-8.
void append_utf8(std::string& out, unsigned long cp);

}  // namespace ecogov::ingest::xlsx
