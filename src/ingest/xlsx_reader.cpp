// XLSX first-sheet reader (ingest/xlsx_reader.hpp).
#include "ingest/xlsx_reader.hpp"

#include <map>

#include "ingest/xlsx_values.hpp"
#include "ingest/xlsx_xml.hpp"
#include "ingest/xlsx_zip.hpp"

namespace ecogov::ingest {

namespace {

using namespace xlsx;
using Kind = XmlToken::Kind;

constexpr std::size_t kMaxRow = 1'048'576;
constexpr std::size_t kMaxColumn = 16'384;
constexpr std::string_view kFallbackSheet = "xl/worksheets/sheet1.xml";

/// Reads a small non-negative integer ("" or junk → false).
bool to_index(std::string_view s, std::size_t& out) {
    if (s.empty() || s.size() > 9) return false;
    out = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + static_cast<std::size_t>(c - '0');
    }
    return true;
}

/// Appends token text (decoded, or literal CDATA) to `out`.
bool append_text(const XmlToken& t, std::string& out, std::string& error) {
    if (t.kind == Kind::cdata) {
        out.append(t.text);
        return true;
    }
    return decode_text(t.text, out, error);
}

/// "worksheets/sheet1.xml" relative to xl/, or "/xl/..." absolute, with ./ and ../ resolved.
std::string resolve_target(std::string_view target) {
    std::string joined =
        target.starts_with('/') ? std::string(target.substr(1)) : "xl/" + std::string(target);
    std::vector<std::string> parts;
    for (std::size_t start = 0; start <= joined.size();) {
        std::size_t slash = joined.find('/', start);
        if (slash == std::string::npos) slash = joined.size();
        const std::string part = joined.substr(start, slash - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

class Reader {
  public:
    Reader(std::string_view bytes, const XlsxLimits& limits) : bytes_(bytes), limits_(limits) {}

    XlsxSheet run() {
        XlsxSheet sheet;
        if (!read(sheet)) {
            sheet.rows.clear();
            sheet.error = "XLSX: " + (error_.empty() ? std::string("unreadable") : error_);
        }
        return sheet;
    }

  private:
    bool read(XlsxSheet& sheet) {
        if (!zip_.open(bytes_, ZipLimits{limits_.max_entries, limits_.max_inflated}, error_))
            return false;
        std::string part = std::string(kFallbackSheet);
        if (!locate_sheet(sheet.name, part)) return false;
        if (!zip_.contains(part)) {
            error_ = "no worksheet found (" + part + " is missing)";
            return false;
        }
        std::string xml;
        if (zip_.contains("xl/sharedStrings.xml")) {
            if (!zip_.extract("xl/sharedStrings.xml", xml, error_) || !shared_strings(xml))
                return false;
        }
        xml.clear();
        if (zip_.contains("xl/styles.xml")) {
            if (!zip_.extract("xl/styles.xml", xml, error_) || !styles(xml)) return false;
        }
        xml.clear();
        if (!zip_.extract(part, xml, error_)) return false;
        return rows(xml, sheet.rows);
    }

    /// The first sheet's part through workbook.xml and its rels; `part` kept when unresolved.
    bool locate_sheet(std::string& name, std::string& part) {
        std::string xml, rid, value;
        if (!zip_.contains("xl/workbook.xml")) return true;
        if (!zip_.extract("xl/workbook.xml", xml, error_)) return false;
        XmlScanner scan(xml);
        for (XmlToken t; scan.next(t, error_) && t.kind != Kind::eof;) {
            if (t.kind != Kind::start) continue;
            if (t.name == "workbookPr" && attribute(t.attrs, "date1904", value, error_))
                date1904_ = value == "1" || value == "true";
            if (t.name == "sheet") {
                attribute(t.attrs, "name", name, error_);
                attribute(t.attrs, "id", rid, error_);
                break;
            }
        }
        if (!error_.empty()) return false;
        if (rid.empty() || !zip_.contains("xl/_rels/workbook.xml.rels")) return true;
        xml.clear();
        if (!zip_.extract("xl/_rels/workbook.xml.rels", xml, error_)) return false;
        XmlScanner rels(xml);
        for (XmlToken t; rels.next(t, error_) && t.kind != Kind::eof;) {
            if (t.kind != Kind::start || t.name != "Relationship") continue;
            if (attribute(t.attrs, "Id", value, error_) && value == rid &&
                attribute(t.attrs, "Target", value, error_)) {
                const std::string target = resolve_target(value);
                if (zip_.contains(target)) part = target;
                break;
            }
        }
        return error_.empty();
    }

    bool shared_strings(std::string_view xml) {
        XmlScanner scan(xml);
        bool in_si = false, in_t = false;
        int phonetic = 0;
        std::string text;
        for (XmlToken t; scan.next(t, error_) && t.kind != Kind::eof;) {
            if (t.kind == Kind::start && !t.self_closing) {
                if (t.name == "si") {
                    in_si = true;
                    text.clear();
                }
                if (t.name == "rPh") ++phonetic;
                if (t.name == "t") in_t = true;
            } else if (t.kind == Kind::start && t.name == "si") {
                shared_.emplace_back();
            } else if (t.kind == Kind::end) {
                if (t.name == "t") in_t = false;
                if (t.name == "rPh" && phonetic > 0) --phonetic;
                if (t.name == "si" && in_si) {
                    in_si = false;
                    shared_.push_back(decode_escapes(text));
                }
            } else if (in_si && in_t && phonetic == 0 && !append_text(t, text, error_)) {
                return false;
            }
            if (shared_.size() > limits_.max_shared_strings) {
                error_ = "too many shared strings (at most " +
                         std::to_string(limits_.max_shared_strings) + ")";
                return false;
            }
        }
        return error_.empty();
    }

    bool styles(std::string_view xml) {
        XmlScanner scan(xml);
        std::map<std::size_t, DateStyle> custom;
        bool in_xfs = false;
        std::string value, code;
        for (XmlToken t; scan.next(t, error_) && t.kind != Kind::eof;) {
            std::size_t id = 0;
            if (t.kind == Kind::end && t.name == "cellXfs") in_xfs = false;
            if (t.kind != Kind::start) continue;
            if (t.name == "cellXfs" && !t.self_closing) in_xfs = true;
            const bool has_id =
                attribute(t.attrs, "numFmtId", value, error_) && to_index(value, id);
            if (t.name == "numFmt" && has_id && attribute(t.attrs, "formatCode", code, error_))
                custom[id] = date_style(code);
            if (t.name == "xf" && in_xfs) {
                DateStyle s = has_id ? builtin_date_style(static_cast<long>(id)) : DateStyle::none;
                if (auto it = custom.find(id); has_id && it != custom.end()) s = it->second;
                styles_.push_back(s);
                if (styles_.size() > 65536) {
                    error_ = "too many cell styles";
                    return false;
                }
            }
        }
        return error_.empty();
    }

    struct Cell {
        std::size_t column = 0;
        std::string type, v, inline_text;
        std::size_t style = 0;
        bool in_v = false, in_is = false, in_t = false;
        int phonetic = 0;
    };

    bool fail_row(std::size_t row, const std::string& why) {
        error_ = "row " + std::to_string(row) + ": " + why;
        return false;
    }

    bool start_cell(const XmlToken& t, std::size_t row, std::size_t last_column, Cell& c) {
        c = Cell{};
        std::string ref, value;
        if (attribute(t.attrs, "r", ref, error_)) {
            std::size_t i = 0;
            for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3; ++i)
                c.column = c.column * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
            std::size_t ignored = 0;
            if (i == 0 || c.column > kMaxColumn ||
                !to_index(std::string_view(ref).substr(i), ignored))
                return fail_row(row, "bad cell reference '" + ref + "'");
        } else {
            c.column = last_column + 1;
        }
        if (!error_.empty()) return false;
        if (c.column <= last_column || c.column > kMaxColumn)
            return fail_row(row, "cells out of order at column " + std::to_string(c.column));
        attribute(t.attrs, "t", c.type, error_);
        if (attribute(t.attrs, "s", value, error_) && !to_index(value, c.style))
            return fail_row(row, "bad style index '" + value + "'");
        return error_.empty();
    }

    bool cell_text(const Cell& c, std::size_t row, std::string& out) {
        std::string v = c.v;
        while (!v.empty() && (v.back() == ' ' || v.back() == '\n' || v.back() == '\r'))
            v.pop_back();
        while (!v.empty() && (v.front() == ' ' || v.front() == '\n')) v.erase(0, 1);
        if (c.type == "s") {
            std::size_t index = 0;
            if (v.empty()) return true;
            if (!to_index(v, index) || index >= shared_.size())
                return fail_row(row, "shared string index '" + v + "' out of range");
            out = shared_[index];
        } else if (c.type == "inlineStr") {
            out = decode_escapes(c.inline_text.empty() ? c.v : c.inline_text);
        } else if (c.type == "str" || c.type == "e") {
            out = decode_escapes(c.v);
        } else if (c.type == "b") {
            out = v == "1" ? "TRUE" : v == "0" ? "FALSE" : v;
        } else if (c.type == "d") {
            const bool midnight = v.size() > 10 && v[10] == 'T' &&
                                  v.find_first_not_of("0:.Z", 11) == std::string::npos;
            out = midnight ? v.substr(0, 10) : v;
        } else if (!v.empty()) {
            const DateStyle s = c.style < styles_.size() ? styles_[c.style] : DateStyle::none;
            std::optional<std::string> date;
            if (s != DateStyle::none) date = serial_text(v, date1904_, s == DateStyle::date_time);
            out = date ? *date : plain_decimal(v);
        }
        return true;
    }

    bool rows(std::string_view xml, std::vector<XlsxRow>& out) {
        XmlScanner scan(xml);
        bool in_data = false, in_cell = false;
        std::size_t row = 0, last_column = 0, cells = 0;
        Cell c;
        std::string value;
        auto finish_cell = [&]() {
            std::string text;
            if (!cell_text(c, row, text)) return false;
            if (out.empty() || out.back().number != row) out.push_back(XlsxRow{row, {}});
            auto& r = out.back().cells;
            cells += c.column - r.size();
            if (cells > limits_.max_cells)
                return fail_row(
                    row, "too many cells (at most " + std::to_string(limits_.max_cells) + ")");
            r.resize(c.column);
            r.back() = std::move(text);
            last_column = c.column;
            return true;
        };
        for (XmlToken t; scan.next(t, error_) && t.kind != Kind::eof;) {
            if (t.kind == Kind::start) {
                if (t.name == "sheetData") in_data = !t.self_closing;
                if (!in_data) continue;
                if (t.name == "row") {
                    std::size_t number = row + 1;
                    if (attribute(t.attrs, "r", value, error_) && !to_index(value, number))
                        return fail_row(row + 1, "bad row number '" + value + "'");
                    if (!error_.empty()) return false;
                    if (number <= row || number > kMaxRow)
                        return fail_row(number, "rows out of order or beyond row 1048576");
                    row = number;
                    last_column = 0;
                } else if (t.name == "c") {
                    if (row == 0) return fail_row(1, "cell outside a row");
                    if (!start_cell(t, row, last_column, c)) return false;
                    in_cell = !t.self_closing;
                    if (t.self_closing && !finish_cell()) return false;
                } else if (in_cell && !t.self_closing) {
                    if (t.name == "v") c.in_v = true;
                    if (t.name == "is") c.in_is = true;
                    if (t.name == "t") c.in_t = c.in_is;
                    if (t.name == "rPh") ++c.phonetic;
                }
            } else if (t.kind == Kind::end) {
                if (t.name == "sheetData") break;
                if (!in_cell) continue;
                if (t.name == "v") c.in_v = false;
                if (t.name == "t") c.in_t = false;
                if (t.name == "rPh" && c.phonetic > 0) --c.phonetic;
                if (t.name == "c") {
                    in_cell = false;
                    if (!finish_cell()) return false;
                }
            } else if (in_cell) {
                if (c.in_v && !append_text(t, c.v, error_)) return false;
                if (c.in_t && c.phonetic == 0 && !append_text(t, c.inline_text, error_))
                    return false;
            }
        }
        return error_.empty();
    }

    std::string_view bytes_;
    XlsxLimits limits_;
    ZipArchive zip_;
    std::string error_;
    bool date1904_ = false;
    std::vector<std::string> shared_;
    std::vector<DateStyle> styles_;
};

void append_field(std::string& out, std::string_view cell) {
    std::string field(cell);
    for (char& ch : field)
        if (ch == '\n' || ch == '\r') ch = ' ';
    if (field.find_first_of(",\"") == std::string::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char ch : field) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    out += '"';
}

std::size_t used_width(const std::vector<std::string>& cells) {
    std::size_t n = cells.size();
    while (n > 0 && cells[n - 1].empty()) --n;
    return n;
}

}  // namespace

bool looks_like_xlsx(std::string_view bytes) noexcept {
    return bytes.starts_with(std::string_view("PK\x03\x04", 4));
}

XlsxSheet read_xlsx_first_sheet(std::string_view bytes, const XlsxLimits& limits) {
    return Reader(bytes, limits).run();
}

std::string xlsx_rows_to_csv(const std::vector<XlsxRow>& rows) {
    std::string out;
    if (rows.empty()) return out;
    const std::size_t width = rows.front().number == 1 ? used_width(rows.front().cells) : 0;
    std::size_t line = 1;
    for (const XlsxRow& row : rows) {
        for (; line < row.number; ++line) out += '\n';
        const std::size_t used = used_width(row.cells);
        if (used > 0) {
            for (std::size_t i = 0; i < std::max(used, width); ++i) {
                if (i) out += ',';
                if (i < row.cells.size()) append_field(out, row.cells[i]);
            }
        }
        out += '\n';
        ++line;
    }
    return out;
}

}  // namespace ecogov::ingest
