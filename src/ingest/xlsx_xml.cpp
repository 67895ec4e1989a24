// XML pull scanner for XLSX parts (ingest/xlsx_xml.hpp).
#include "ingest/xlsx_xml.hpp"

namespace ecogov::ingest::xlsx {

namespace {

std::string_view local_name(std::string_view name) noexcept {
    const std::size_t colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool valid_scalar(unsigned long cp) noexcept {
    return cp != 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
}

}  // namespace

void append_utf8(std::string& out, unsigned long cp) {
    auto byte = [&out](unsigned long v) { out.push_back(static_cast<char>(v & 0xFF)); };
    if (cp < 0x80) {
        byte(cp);
    } else if (cp < 0x800) {
        byte(0xC0 | (cp >> 6));
        byte(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        byte(0xE0 | (cp >> 12));
        byte(0x80 | ((cp >> 6) & 0x3F));
        byte(0x80 | (cp & 0x3F));
    } else {
        byte(0xF0 | (cp >> 18));
        byte(0x80 | ((cp >> 12) & 0x3F));
        byte(0x80 | ((cp >> 6) & 0x3F));
        byte(0x80 | (cp & 0x3F));
    }
}

bool XmlScanner::next(XmlToken& t, std::string& error) {
    t = XmlToken{};
    while (pos_ < doc_.size()) {
        const std::string_view rest = doc_.substr(pos_);
        if (rest.front() != '<') {
            const std::size_t lt = rest.find('<');
            t.kind = XmlToken::Kind::text;
            t.text = rest.substr(0, lt);
            pos_ = lt == std::string_view::npos ? doc_.size() : pos_ + lt;
            return true;
        }
        auto skip_to = [&](std::string_view close, const char* what) {
            const std::size_t at = rest.find(close);
            if (at == std::string_view::npos) {
                error = std::string("malformed XML: unterminated ") + what;
                return false;
            }
            pos_ += at + close.size();
            return true;
        };
        if (rest.starts_with("<?")) {
            if (!skip_to("?>", "declaration")) return false;
            continue;
        }
        if (rest.starts_with("<!--")) {
            if (!skip_to("-->", "comment")) return false;
            continue;
        }
        if (rest.starts_with("<![CDATA[")) {
            const std::size_t at = rest.find("]]>");
            if (at == std::string_view::npos) {
                error = "malformed XML: unterminated CDATA section";
                return false;
            }
            t.kind = XmlToken::Kind::cdata;
            t.text = rest.substr(9, at - 9);
            pos_ += at + 3;
            return true;
        }
        if (rest.starts_with("<!")) {
            error = "XML document type declarations are not allowed";
            return false;
        }
        // A tag: find its '>' outside quoted attribute values.
        std::size_t i = 1;
        char quote = 0;
        for (; i < rest.size(); ++i) {
            const char c = rest[i];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            }
        }
        if (i >= rest.size()) {
            error = "malformed XML: unterminated tag";
            return false;
        }
        std::string_view inner = rest.substr(1, i - 1);
        pos_ += i + 1;
        if (inner.starts_with('/')) {
            inner.remove_prefix(1);
            while (!inner.empty() && is_space(inner.back())) inner.remove_suffix(1);
            t.kind = XmlToken::Kind::end;
            t.name = local_name(inner);
        } else {
            if (!inner.empty() && inner.back() == '/') {
                t.self_closing = true;
                inner.remove_suffix(1);
            }
            std::size_t n = 0;
            while (n < inner.size() && !is_space(inner[n])) ++n;
            t.kind = XmlToken::Kind::start;
            t.name = local_name(inner.substr(0, n));
            t.attrs = inner.substr(n);
        }
        if (t.name.empty()) {
            error = "malformed XML: tag without a name";
            return false;
        }
        return true;
    }
    t.kind = XmlToken::Kind::eof;
    return true;
}

bool decode_text(std::string_view raw, std::string& out, std::string& error) {
    for (std::size_t i = 0; i < raw.size();) {
        const std::size_t amp = raw.find('&', i);
        out.append(raw.substr(i, amp == std::string_view::npos ? amp : amp - i));
        if (amp == std::string_view::npos) break;
        const std::size_t semi = raw.find(';', amp);
        const std::string_view name = semi == std::string_view::npos || semi - amp > 12
                                          ? std::string_view{}
                                          : raw.substr(amp + 1, semi - amp - 1);
        if (name == "amp") {
            out += '&';
        } else if (name == "lt") {
            out += '<';
        } else if (name == "gt") {
            out += '>';
        } else if (name == "quot") {
            out += '"';
        } else if (name == "apos") {
            out += '\'';
        } else if (name.size() >= 2 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const std::string_view digits = name.substr(hex ? 2 : 1);
            unsigned long cp = 0;
            bool ok = !digits.empty();
            for (char c : digits) {
                const int v = hex ? hex_value(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
                if (v < 0) ok = false;
                cp = cp * (hex ? 16u : 10u) + static_cast<unsigned long>(v < 0 ? 0 : v);
            }
            if (!ok || !valid_scalar(cp)) {
                error = "malformed XML: bad character reference &" + std::string(name) + ";";
                return false;
            }
            append_utf8(out, cp);
        } else {
            error = "malformed XML: unknown entity near '" +
                    std::string(raw.substr(amp, std::min<std::size_t>(12, raw.size() - amp))) + "'";
            return false;
        }
        i = semi + 1;
    }
    return true;
}

bool attribute(std::string_view attrs, std::string_view local, std::string& value,
               std::string& error) {
    std::size_t i = 0;
    while (i < attrs.size()) {
        while (i < attrs.size() && is_space(attrs[i])) ++i;
        const std::size_t name_start = i;
        while (i < attrs.size() && attrs[i] != '=' && !is_space(attrs[i])) ++i;
        const std::string_view name = attrs.substr(name_start, i - name_start);
        while (i < attrs.size() && is_space(attrs[i])) ++i;
        if (i >= attrs.size() || attrs[i] != '=') return false;
        ++i;
        while (i < attrs.size() && is_space(attrs[i])) ++i;
        if (i >= attrs.size() || (attrs[i] != '"' && attrs[i] != '\'')) return false;
        const char quote = attrs[i++];
        const std::size_t close = attrs.find(quote, i);
        if (close == std::string_view::npos) return false;
        if (local_name(name) == local) {
            value.clear();
            return decode_text(attrs.substr(i, close - i), value, error);
        }
        i = close + 1;
    }
    return false;
}

std::string decode_escapes(std::string_view s) {
    if (s.find("_x") == std::string_view::npos) return std::string(s);
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (i + 7 <= s.size() && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_') {
            unsigned long cp = 0;
            bool ok = true;
            for (std::size_t k = i + 2; k < i + 6; ++k) {
                const int v = hex_value(s[k]);
                ok = ok && v >= 0;
                cp = cp * 16 + static_cast<unsigned long>(v < 0 ? 0 : v);
            }
            if (ok && valid_scalar(cp)) {
                append_utf8(out, cp);
                i += 7;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

}  // namespace ecogov::ingest::xlsx
