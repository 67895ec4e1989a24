#include "simulation/hj212_device.hpp"

#include <cstdio>

#include "hj212/encoder.hpp"

namespace ecogov::simulation {

std::string sim_mn(std::int64_t index) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "SIM%021lld", static_cast<long long>(index));
    return buf;
}

std::int64_t cn_interval_seconds(std::string_view cn) noexcept {
    if (cn == "2011") return 30;
    if (cn == "2051") return 600;
    if (cn == "2061") return 3600;
    if (cn == "2031") return 86400;
    return 0;
}

namespace {

/// A small deterministic spread in [0, 1).
double spread(std::uint64_t a, std::uint64_t b) {
    std::uint64_t x = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E5A1ull);
    x ^= x >> 31;
    x *= 0xD6E8FEB86659FD93ull;
    x ^= x >> 29;
    return static_cast<double>(x % 10000) / 10000.0;
}

void add_value(std::string& s, std::string_view code, std::string_view field, double v) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.*s-%.*s=%.3f,%.*s-Flag=N;", static_cast<int>(code.size()),
                  code.data(), static_cast<int>(field.size()), field.data(), v,
                  static_cast<int>(code.size()), code.data());
    s.append(buf);
}

}  // namespace

std::string upload_frame(const SimDevice& d, std::int64_t seq, std::string_view cn,
                         hj212::LocalTime base) {
    const std::int64_t step = cn_interval_seconds(cn);
    hj212::LocalTime at{base.seconds + seq * (step > 0 ? step : 30), 0};
    const std::string when = hj212::format_compact_time(at);
    std::string s;
    s.reserve(320);
    s.append("QN=").append(when).append("000;ST=").append(d.st).append(";CN=").append(cn);
    s.append(";PW=").append(d.pw).append(";MN=").append(d.mn);
    s.append(d.ack ? ";Flag=5;CP=&&DataTime=" : ";Flag=4;CP=&&DataTime=").append(when).append(";");
    const std::string_view field = cn == "2011" ? "Rtd" : "Avg";
    const auto h = static_cast<std::uint64_t>(std::hash<std::string>{}(d.mn));
    const auto k = static_cast<std::uint64_t>(seq);
    if (d.st == "32") {
        add_value(s, "w01018", field, 20 + 30 * spread(h, k));
        add_value(s, "w21003", field, 0.5 + 3 * spread(h + 1, k));
    } else if (d.st == "39") {
        add_value(s, "a34001", field, 40 + 80 * spread(h, k));
        add_value(s, "a34002", field, 30 + 60 * spread(h + 1, k));
    } else {
        add_value(s, "a34013", field, 5 + 10 * spread(h, k));
        add_value(s, "a21026", field, 10 + 30 * spread(h + 1, k));
        add_value(s, "a21002", field, 20 + 60 * spread(h + 2, k));
    }
    s.back() = '&';
    s.append("&");
    return hj212::encode_frame(s);
}

std::string corrupt(std::string frame, int kind) {
    if (frame.size() < 12) return frame;
    switch (kind % 3) {
        case 0: {  // flip the last CRC digit
            char& c = frame[frame.size() - 3];
            c = c == '0' ? '1' : '0';
            break;
        }
        case 1:  // declared length one too long
            frame[5] = frame[5] == '9' ? '0' : static_cast<char>(frame[5] + 1);
            break;
        default:
            frame.insert(0, "\x01\x02garbage\xff");
            break;
    }
    return frame;
}

}  // namespace ecogov::simulation
