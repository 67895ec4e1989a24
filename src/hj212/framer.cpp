#include "hj212/framer.hpp"

namespace ecogov::hj212 {

namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

}  // namespace

void Framer::feed(std::string_view bytes) {
    if (pos_ > 0) {
        buf_.erase(0, pos_);
        pos_ = 0;
    }
    buf_.append(bytes);
}

std::optional<FramerItem> Framer::next() { return scan(false); }

std::optional<FramerItem> Framer::finish() { return scan(true); }

void Framer::skip_to(std::size_t p) {
    for (std::size_t i = pos_; i < p; ++i)
        if (buf_[i] != '\r' && buf_[i] != '\n') ++garbage_;
    pos_ = p;
}

std::optional<FramerItem> Framer::scan(bool at_end) {
    const std::string_view b = buf_;
    for (;;) {
        const std::size_t p = b.find("##", pos_);
        if (p == std::string_view::npos) {
            const bool keep_hash = !b.empty() && b.size() > pos_ && b.back() == '#';
            skip_to(b.size() - (keep_hash ? 1 : 0));
            return std::nullopt;
        }
        skip_to(p);
        if (b.size() - p < 6) return std::nullopt;
        if (!is_digit(b[p + 2]) || !is_digit(b[p + 3]) || !is_digit(b[p + 4]) || !is_digit(b[p + 5])) {
            skip_to(p + 1);
            continue;
        }
        const std::size_t len = static_cast<std::size_t>(b[p + 2] - '0') * 1000 +
                                static_cast<std::size_t>(b[p + 3] - '0') * 100 +
                                static_cast<std::size_t>(b[p + 4] - '0') * 10 +
                                static_cast<std::size_t>(b[p + 5] - '0');
        FramerItem item;
        item.declared_length = len;
        if (len > max_segment_) {
            skip_to(p + 2);
            item.kind = FramerEvent::oversize;
            item.error = "declared data-segment length exceeds the limit";
            return item;
        }
        const std::size_t end = p + 6 + len + 4;
        if (b.size() < end) return std::nullopt;
        item.raw = b.substr(p, end - p);
        item.crc_text = b.substr(p + 6 + len, 4);
        const bool crc_hex = parse_crc_text(item.crc_text).has_value();
        std::size_t tail = 0;
        bool tail_ok = false;
        if (crc_hex) {
            const std::string_view after = b.substr(end);
            if (after.starts_with("\r\n")) {
                tail = 2;
                tail_ok = true;
            } else if (after.starts_with("\n")) {
                tail = 1;
                tail_ok = true;
            } else if (after.starts_with("##") || (at_end && (after.empty() || after == "\r"))) {
                tail = after.size() == 1 ? 1 : 0;
                tail_ok = true;
            } else if (after.empty() || after == "\r") {
                return std::nullopt;  // wait for the tail
            }
        }
        if (!tail_ok) {
            skip_to(p + 1);
            item.kind = FramerEvent::malformed;
            item.segment = {};
            item.crc_text = {};
            item.error = crc_hex ? "frame is not followed by CR LF"
                                 : "no 4 hex CRC digits after the declared length";
            return item;
        }
        item.segment = b.substr(p + 6, len);
        item.crc = classify_crc(item.segment, item.crc_text);
        pos_ = end + tail;
        return item;
    }
}

}  // namespace ecogov::hj212
