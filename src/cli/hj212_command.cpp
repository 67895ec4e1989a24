#include "cli/hj212_command.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>

#include "cli/hj212_sim.hpp"
#include "hj212/framer.hpp"
#include "hj212/message.hpp"

namespace ecogov::cli {

namespace {

void append_json_string(std::string& out, std::string_view s) {
    out.push_back('"');
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (u < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out.append(buf);
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
}

void append_number(std::string& out, double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void append_values(std::string& out, const hj212::Message& m) {
    out.append(",\"values\":{");
    bool first = true;
    for (const auto& p : m.pollutants) {
        if (!first) out.push_back(',');
        first = false;
        append_json_string(out, p.code);
        out.append(":{");
        bool f2 = true;
        auto field = [&](std::string_view name, const std::optional<double>& v) {
            if (!v) return;
            if (!f2) out.push_back(',');
            f2 = false;
            append_json_string(out, name);
            out.push_back(':');
            append_number(out, *v);
        };
        field("Rtd", p.rtd);
        field("Avg", p.avg);
        field("Min", p.min);
        field("Max", p.max);
        field("Cou", p.cou);
        field("ZsRtd", p.zs_rtd);
        field("ZsAvg", p.zs_avg);
        field("ZsMin", p.zs_min);
        field("ZsMax", p.zs_max);
        if (p.flag) {
            if (!f2) out.push_back(',');
            f2 = false;
            out.append("\"Flag\":");
            append_json_string(out, std::string_view(&p.flag, 1));
        }
        for (const auto& [k, v] : p.other) {
            if (!f2) out.push_back(',');
            f2 = false;
            append_json_string(out, k);
            out.push_back(':');
            append_json_string(out, v);
        }
        out.push_back('}');
    }
    out.push_back('}');
}

struct DecodeArgs {
    std::string input;
    int max_length = static_cast<int>(hj212::kDefaultMaxSegment);
};

int run_decode(const DecodeArgs& a) {
    std::FILE* in = a.input == "-" ? stdin : std::fopen(a.input.c_str(), "rb");
    if (!in) {
        std::fprintf(stderr, "ecogov hj212 decode: cannot open %s\n", a.input.c_str());
        return 2;
    }
    hj212::Framer framer(static_cast<std::size_t>(a.max_length));
    hj212::Message m;
    std::string error, out;
    out.reserve(1 << 20);
    long frames = 0, bad = 0;
    auto emit = [&](const hj212::FramerItem& item) {
        ++frames;
        if (item.kind != hj212::FramerEvent::frame) {
            ++bad;
            std::string why = item.error;
            if (item.kind == hj212::FramerEvent::oversize)
                why += " (" + std::to_string(item.declared_length) + " > " +
                       std::to_string(a.max_length) + ")";
            append_frame_json(out, false, "bad", why, nullptr);
        } else {
            const bool parsed = hj212::parse_segment_into(item.segment, m, error);
            std::string why = error;
            if (item.crc == hj212::CrcVariant::bad) {
                char hex[4];
                hj212::format_crc(hj212::crc_hj212(item.segment), hex);
                why = "CRC " + std::string(item.crc_text) + " matches no variant (HJ 212 gives " +
                      std::string(hex, 4) + ")" + (why.empty() ? "" : "; " + why);
            }
            const bool ok = parsed && item.crc != hj212::CrcVariant::bad;
            if (!ok) ++bad;
            append_frame_json(out, ok, hj212::crc_variant_name(item.crc), why,
                              parsed ? &m : nullptr);
        }
        out.push_back('\n');
        if (out.size() > (1 << 20) - 8192) {
            std::fwrite(out.data(), 1, out.size(), stdout);
            out.clear();
        }
    };
    std::string chunk(1 << 16, '\0');
    for (;;) {
        const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), in);
        if (n == 0) break;
        framer.feed(std::string_view(chunk.data(), n));
        while (auto item = framer.next()) emit(*item);
    }
    const bool read_error = std::ferror(in) != 0;
    while (auto item = framer.finish()) emit(*item);
    if (in != stdin) std::fclose(in);
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    if (read_error) {
        std::fprintf(stderr, "ecogov hj212 decode: error reading %s\n", a.input.c_str());
        return 2;
    }
    std::fprintf(stderr, "%ld frame(s), %ld not ok, %llu garbage byte(s) skipped\n", frames, bad,
                 static_cast<unsigned long long>(framer.garbage_bytes()));
    return bad == 0 ? 0 : 1;
}

}  // namespace

void append_frame_json(std::string& out, bool ok, std::string_view crc, std::string_view error,
                       const hj212::Message* m) {
    out.append(ok ? "{\"ok\":true,\"crc\":" : "{\"ok\":false,\"crc\":");
    append_json_string(out, crc);
    if (!error.empty()) {
        out.append(",\"error\":");
        append_json_string(out, error);
    }
    if (m) {
        auto text = [&](const char* key, std::string_view v) {
            out.append(",\"").append(key).append("\":");
            if (v.empty()) out.append("null");
            else append_json_string(out, v);
        };
        text("qn", m->qn);
        text("st", m->st);
        text("cn", m->cn);
        text("mn", m->mn);
        out.append(",\"flag\":");
        if (m->flag) out.append(std::to_string(*m->flag));
        else out.append("null");
        if (m->pnum) out.append(",\"pnum\":").append(std::to_string(*m->pnum));
        if (m->pno) out.append(",\"pno\":").append(std::to_string(*m->pno));
        out.append(",\"dialect\":");
        append_json_string(out, hj212::dialect_name(m->dialect()));
        out.append(",\"data_time\":");
        if (m->data_time) append_json_string(out, hj212::format_local_time(*m->data_time));
        else out.append("null");
        append_values(out, *m);
        if (!m->cp_fields.empty()) {
            out.append(",\"cp\":{");
            bool first = true;
            for (const auto& [k, v] : m->cp_fields) {
                if (!first) out.push_back(',');
                first = false;
                append_json_string(out, k);
                out.push_back(':');
                append_json_string(out, v);
            }
            out.push_back('}');
        }
    }
    out.push_back('}');
}

void add_hj212_commands(CLI::App& app) {
    CLI::App* hj = app.add_subcommand("hj212", "HJ 212 online-monitoring tools (HJ 212 在线监测)");
    hj->require_subcommand(1);
    auto decode = std::make_shared<DecodeArgs>();
    CLI::App* d = hj->add_subcommand("decode", "Decode HJ 212 frames to one JSON object per frame");
    d->add_option("--input", decode->input, "File of frames (one per line or a raw stream), - for stdin")
        ->required();
    d->add_option("--max-length", decode->max_length, "Largest data segment accepted (bytes)")
        ->check(CLI::Range(0, 9999));
    d->callback([decode] {
        const int status = run_decode(*decode);
        if (status != 0) throw CLI::RuntimeError(status);
    });
    add_hj212_register_command(*hj);
    add_hj212_sim_command(app);
}

}  // namespace ecogov::cli
