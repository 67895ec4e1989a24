// HJ 212 codec throughput on one core (issue 7 acceptance 5): the stream framer + CRC + data-segment
// parser (src/hj212) over the same frames the Java peer parses (bench/hj212_peer/). Usage:
//   hj212_codec_bench FRAMES_FILE [SECONDS]
// FRAMES_FILE holds frames one per line (e.g. ../shared/data/hj212/packets_valid.txt); they are
// concatenated with CR LF into one stream, fed in 64 KiB chunks, repeated for SECONDS (default 3).
// Prints frames/s and MB/s of frames parsed with every field typed.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "hj212/framer.hpp"
#include "hj212/message.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FRAMES_FILE [SECONDS]\n", argv[0]);
        return 2;
    }
    const double seconds = argc > 2 ? std::atof(argv[2]) : 3.0;
    std::ifstream in(argv[1], std::ios::binary);
    std::string line, stream;
    std::size_t frames_per_pass = 0;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.starts_with("##")) continue;
        stream += line + "\r\n";
        ++frames_per_pass;
    }
    if (frames_per_pass == 0) {
        std::fprintf(stderr, "no frames in %s\n", argv[1]);
        return 2;
    }
    using Clock = std::chrono::steady_clock;
    ecogov::hj212::Framer framer(9999);
    ecogov::hj212::Message m;
    std::string error;
    std::size_t frames = 0, ok = 0, bytes = 0, values = 0;
    const auto start = Clock::now();
    double elapsed = 0;
    constexpr std::size_t kChunk = 64 * 1024;
    while (elapsed < seconds) {
        for (int rep = 0; rep < 50; ++rep) {
            for (std::size_t at = 0; at < stream.size(); at += kChunk) {
                framer.feed(std::string_view(stream).substr(at, kChunk));
                while (auto item = framer.next()) {
                    ++frames;
                    if (item->kind == ecogov::hj212::FramerEvent::frame &&
                        ecogov::hj212::parse_segment_into(item->segment, m, error)) {
                        ++ok;
                        values += m.pollutants.size();
                    }
                }
            }
            bytes += stream.size();
        }
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    std::printf("{\"frames\":%zu,\"ok\":%zu,\"values\":%zu,\"seconds\":%.3f,\"frames_per_s\":%.0f,"
                "\"mb_per_s\":%.1f,\"frames_per_pass\":%zu}\n",
                frames, ok, values, elapsed, static_cast<double>(frames) / elapsed,
                static_cast<double>(bytes) / elapsed / 1e6, frames_per_pass);
    return ok == frames ? 0 : 1;
}
