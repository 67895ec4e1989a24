#include "hj212/encoder.hpp"

#include <cstdio>

namespace ecogov::hj212 {

namespace {

std::string reply_segment(const Message& m, std::string_view cn, std::string_view cp_2017) {
    std::string s;
    s.reserve(128);
    if (m.dialect() == Dialect::hj2005) {
        s.append("ST=91;CN=").append(cn).append(";PW=").append(m.pw).append(";MN=").append(m.mn);
        s.append(";Flag=0;CP=&&QN=").append(m.qn);
        if (cp_2017.empty()) s.append(";CN=").append(m.cn);
        else s.append(";").append(cp_2017);
        s.append("&&");
        return s;
    }
    s.append("QN=").append(m.qn).append(";ST=91;CN=").append(cn);
    s.append(";PW=").append(m.pw).append(";MN=").append(m.mn).append(";Flag=4;CP=&&");
    s.append(cp_2017).append("&&");
    return s;
}

}  // namespace

std::string encode_frame(std::string_view segment, CrcVariant crc) {
    std::uint16_t value = crc_hj212(segment);
    if (crc == CrcVariant::modbus || crc == CrcVariant::modbus_swapped) {
        value = crc_modbus(segment);
        if (crc == CrcVariant::modbus_swapped)
            value = static_cast<std::uint16_t>(((value & 0xFFu) << 8) | (value >> 8));
    }
    std::string out;
    out.reserve(segment.size() + 12);
    char len[8];
    std::snprintf(len, sizeof len, "%04u", static_cast<unsigned>(segment.size() % 10000));
    out.append("##").append(len, 4).append(segment);
    char hex[4];
    format_crc(value, hex);
    out.append(hex, 4).append("\r\n");
    return out;
}

std::string data_reply(const Message& upload, CrcVariant crc) {
    return encode_frame(reply_segment(upload, "9014", ""), crc);
}

std::string request_reply(const Message& request, int qn_rtn, CrcVariant crc) {
    return encode_frame(reply_segment(request, "9011", "QnRtn=" + std::to_string(qn_rtn)), crc);
}

std::string execution_result(const Message& request, int exe_rtn, CrcVariant crc) {
    return encode_frame(reply_segment(request, "9012", "ExeRtn=" + std::to_string(exe_rtn)), crc);
}

std::string notification_reply(const Message& notification, CrcVariant crc) {
    return encode_frame(reply_segment(notification, "9013", ""), crc);
}

std::string time_set(std::string_view st, std::string_view pw, std::string_view mn, LocalTime now,
                     CrcVariant crc) {
    const std::string compact = format_compact_time(now);
    char ms[8];
    std::snprintf(ms, sizeof ms, "%03d", (now.millis % 1000 + 1000) % 1000);
    std::string s;
    s.append("QN=").append(compact).append(ms, 3).append(";ST=").append(st);
    s.append(";CN=1012;PW=").append(pw).append(";MN=").append(mn);
    s.append(";Flag=5;CP=&&SystemTime=").append(compact).append("&&");
    return encode_frame(s, crc);
}

}  // namespace ecogov::hj212
