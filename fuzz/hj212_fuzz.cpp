// libFuzzer target for the HJ 212 framer and parser (src/hj212). Byte 0 picks a chunk size
// (1..64) and a max segment length; the rest is fed to the framer in chunks, every frame is
// parsed, every parsed upload gets a reply encoded, and the reply must frame and parse again.
// Checks: items are well formed (segment inside raw, declared length honoured), the buffer
// stays bounded, and encoding round-trips.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "hj212/encoder.hpp"
#include "hj212/framer.hpp"
#include "hj212/message.hpp"

namespace {

using namespace ecogov::hj212;

volatile std::uint64_t g_sink = 0;

void check(bool ok) {
    if (!ok) __builtin_trap();
}

void touch(std::string_view s) {
    std::uint64_t h = s.size();
    for (char c : s) h = h * 31 + static_cast<unsigned char>(c);
    g_sink = g_sink + h;
}

void consume(const FramerItem& item, std::size_t max_segment) {
    touch(item.raw);
    if (item.kind == FramerEvent::oversize) {
        check(item.declared_length > max_segment);
        return;
    }
    if (item.kind != FramerEvent::frame) return;
    check(item.segment.size() == item.declared_length);
    check(item.raw.size() == item.declared_length + 10);
    Message m;
    std::string error;
    if (!parse_segment_into(item.segment, m, error)) {
        check(!error.empty());
        return;
    }
    touch(m.qn);
    touch(m.mn);
    touch(m.data_time_text);
    for (const auto& p : m.pollutants) {
        touch(p.code);
        for (const auto& kv : p.other) touch(kv.second);
    }
    for (const auto& kv : m.cp_fields) touch(kv.first);
    const std::string reply = data_reply(m);
    Framer again(100000);
    again.feed(reply);
    auto r = again.next();
    check(r.has_value() && r->kind == FramerEvent::frame && r->crc == CrcVariant::hj212);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::size_t chunk = (data[0] & 0x3F) + 1;
    const std::size_t max_segment = (data[0] & 0x40) ? 64 : kDefaultMaxSegment;
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    Framer f(max_segment);
    for (std::size_t at = 0; at < rest.size(); at += chunk) {
        f.feed(rest.substr(at, chunk));
        while (auto item = f.next()) consume(*item, max_segment);
        check(f.buffered() <= max_segment + 12 + chunk);
    }
    while (auto item = f.finish()) consume(*item, max_segment);
    return 0;
}
