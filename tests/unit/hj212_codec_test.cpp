// HJ 212 codec (src/hj212): CRC per Appendix A and the MODBUS variants, the stream framer across
// read boundaries, the data-segment parser on every sample frame of ../shared/data/hj212 (read at
// test time), and the reply encoder.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "hj212/crc.hpp"
#include "hj212/encoder.hpp"
#include "hj212/framer.hpp"
#include "hj212/message.hpp"

namespace ecogov::hj212 {
namespace {

std::vector<std::string> lines_of(const std::string& name) {
    std::ifstream in(std::string(ECOGOV_SHARED_DATA_DIR) + "/hj212/" + name);
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line))
        if (line.starts_with("##")) out.push_back(line);
    return out;
}

struct Cut {
    std::string segment, crc;
};
Cut cut(const std::string& frame) {
    const std::size_t len = std::stoul(frame.substr(2, 4));
    return {frame.substr(6, len), frame.substr(6 + len, 4)};
}

std::vector<FramerItem> drain(Framer& f, std::vector<std::string>& keep) {
    std::vector<FramerItem> out;
    while (auto item = f.next()) {
        keep.emplace_back(item->raw);
        out.push_back(*item);
    }
    return out;
}

TEST(Hj212Crc, AppendixAExampleGives1C80AndModbusDiffers) {
    const std::string seg =
        "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&"
        "RtdInterval=30&&";
    EXPECT_EQ(crc_hj212(seg), 0x1C80);
    EXPECT_EQ(crc_modbus(seg), 0x0759);
    EXPECT_EQ(crc_hj212("123456789"), 0x2F80);
    EXPECT_EQ(crc_modbus("123456789"), 0x4B37);
    EXPECT_EQ(crc_hj212(""), 0xFFFF);
    EXPECT_EQ(classify_crc(seg, "1c80"), CrcVariant::hj212);
    EXPECT_EQ(classify_crc(seg, "0759"), CrcVariant::modbus);
    EXPECT_EQ(classify_crc(seg, "5907"), CrcVariant::modbus_swapped);
    EXPECT_EQ(classify_crc(seg, "1C08"), CrcVariant::bad);
    EXPECT_EQ(classify_crc(seg, "1C8G"), CrcVariant::bad);
}

/// The standard's reference C code (Appendix A), bit by bit.
std::uint16_t reference_crc(std::string_view data) {
    unsigned crc_reg = 0xFFFF;
    for (char ch : data) {
        crc_reg = (crc_reg >> 8) ^ static_cast<unsigned char>(ch);
        for (int j = 0; j < 8; ++j) {
            const unsigned check = crc_reg & 0x0001;
            crc_reg >>= 1;
            if (check == 0x0001) crc_reg ^= 0xA001;
        }
    }
    return static_cast<std::uint16_t>(crc_reg);
}

TEST(Hj212Crc, FastPathMatchesTheStandardsCodeOnEveryLength) {
    std::uint32_t x = 12345;
    for (std::size_t len = 0; len < 300; ++len) {
        std::string s(len, '\0');
        for (char& c : s) {
            x = x * 1103515245u + 12345u;
            c = static_cast<char>(x >> 16);
        }
        ASSERT_EQ(crc_hj212(s), reference_crc(s)) << "length " << len;
    }
    EXPECT_EQ(reference_crc("123456789"), 0x2F80);
}

TEST(Hj212Crc, VectorsFileMatches) {
    std::ifstream in(std::string(ECOGOV_SHARED_DATA_DIR) + "/hj212/crc_vectors.tsv");
    ASSERT_TRUE(in) << "crc_vectors.tsv missing";
    std::string line;
    int checked = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::stringstream ss(line);
        std::string col;
        while (std::getline(ss, col, '\t')) cols.push_back(col);
        ASSERT_GE(cols.size(), 4u) << line;
        char hex[4];
        format_crc(crc_hj212(cols[0]), hex);
        EXPECT_EQ(std::string(hex, 4), cols[2]) << cols[0];
        format_crc(crc_modbus(cols[0]), hex);
        EXPECT_EQ(std::string(hex, 4), cols[3]) << cols[0];
        if (!cols[1].empty()) {
            EXPECT_EQ(cols[1], cols[2]);
        }
        ++checked;
    }
    EXPECT_EQ(checked, 4);
}

TEST(Hj212Codec, EveryValidSampleFramesAndParses) {
    const auto frames = lines_of("packets_valid.txt");
    ASSERT_EQ(frames.size(), 24u);
    for (const auto& frame : frames) {
        Framer f;
        f.feed(frame + "\r\n");
        auto item = f.next();
        ASSERT_TRUE(item) << frame;
        ASSERT_EQ(item->kind, FramerEvent::frame) << frame;
        EXPECT_EQ(item->crc, CrcVariant::hj212) << frame;
        EXPECT_EQ(item->raw, frame);
        auto parsed = parse_segment(item->segment);
        EXPECT_TRUE(parsed.ok) << parsed.error << " in " << frame;
        EXPECT_FALSE(parsed.message.cn.empty());
        EXPECT_FALSE(f.next());
        EXPECT_EQ(f.buffered(), 0u);
    }
}

TEST(Hj212Codec, ValidSampleFieldsAreTyped) {
    const auto frames = lines_of("packets_valid.txt");
    ASSERT_EQ(frames.size(), 24u);
    std::vector<std::string> segs;
    for (const auto& f : frames) segs.push_back(cut(f).segment);

    auto m0 = parse_segment(segs[0]).message;  // Appendix A 1062
    EXPECT_EQ(m0.qn, "20160801085857223");
    EXPECT_EQ(m0.st, "32");
    EXPECT_EQ(m0.cn, "1062");
    EXPECT_EQ(m0.pw, "100000");
    EXPECT_EQ(m0.mn, "010000A8900016F000169DC0");
    EXPECT_EQ(m0.flag, 5);
    EXPECT_TRUE(m0.ack_requested());
    EXPECT_EQ(m0.dialect(), Dialect::hj2017);
    EXPECT_EQ(m0.cp_field("RtdInterval"), "30");

    auto m1 = parse_segment(segs[1]).message;  // 2011 air, 7 factors
    EXPECT_EQ(m1.cn, "2011");
    ASSERT_EQ(m1.pollutants.size(), 7u);
    EXPECT_EQ(m1.pollutants[2].code, "a21007");
    EXPECT_DOUBLE_EQ(*m1.pollutants[2].rtd, 0.033);
    EXPECT_EQ(m1.pollutants[2].flag, 'N');
    ASSERT_TRUE(m1.data_time);
    EXPECT_EQ(format_local_time(*m1.data_time), "2019-10-12T13:37:10");
    EXPECT_FALSE(m1.ack_requested());

    auto m2 = parse_segment(segs[2]).message;  // Flag=7: split + ack, unknown field LA-td kept
    EXPECT_TRUE(m2.split());
    EXPECT_TRUE(m2.ack_requested());
    const Pollutant* la = m2.pollutant("LA");
    ASSERT_NE(la, nullptr);
    ASSERT_EQ(la->other.size(), 1u);
    EXPECT_EQ(la->other[0].first, "td");
    EXPECT_EQ(la->other[0].second, "50.1");

    auto m3 = parse_segment(segs[3]).message;  // MN before PW, non-standard codes
    EXPECT_EQ(m3.mn, "aqms-1100-2020110011");
    EXPECT_EQ(m3.pw, "123456");
    ASSERT_NE(m3.pollutant("pms_rules"), nullptr);
    EXPECT_DOUBLE_EQ(*m3.pollutant("lng")->rtd, 120.32879);

    auto m4 = parse_segment(segs[4]).message;  // 2051 minute averages
    EXPECT_EQ(m4.cn, "2051");
    EXPECT_DOUBLE_EQ(*m4.pollutant("a21005")->avg, 0.427);
    EXPECT_FALSE(m4.pollutant("a21005")->rtd);

    auto m6 = parse_segment(segs[6]).message;  // dust ST=39 with a bare Flag item
    EXPECT_EQ(m6.st, "39");
    EXPECT_DOUBLE_EQ(*m6.pollutant("a34001")->rtd, 92);
    EXPECT_EQ(m6.cp_field("Flag"), "N");

    auto m7 = parse_segment(segs[7]).message;  // 2005: no QN, no Flag, 3-char codes
    EXPECT_TRUE(m7.qn.empty());
    EXPECT_FALSE(m7.flag);
    EXPECT_EQ(m7.dialect(), Dialect::hj2005);
    EXPECT_EQ(m7.pollutants.size(), 31u);
    EXPECT_DOUBLE_EQ(*m7.pollutant("811")->rtd, 102.472);

    auto m8 = parse_segment(segs[8]).message;  // ST=101 outside the table is kept as text
    EXPECT_EQ(m8.st, "101");

    auto m9 = parse_segment(segs[9]).message;  // 17-digit DataTime
    ASSERT_TRUE(m9.data_time);
    EXPECT_EQ(m9.data_time->millis, 0);
    EXPECT_EQ(format_local_time(*m9.data_time), "2016-08-24T00:38:17");
    EXPECT_DOUBLE_EQ(*m9.pollutant("B01")->rtd, 36.91);
    EXPECT_EQ(m9.pollutant("B01")->flag, 0);

    auto m10 = parse_segment(segs[10]).message;  // Flag=8: version bits 2 (2025)
    EXPECT_EQ(m10.dialect(), Dialect::hj2025);

    auto m11 = parse_segment(segs[11]).message;  // 9014 reply with empty CP
    EXPECT_EQ(m11.cn, "9014");
    EXPECT_TRUE(m11.pollutants.empty());
    EXPECT_TRUE(m11.cp_fields.empty());

    auto m12 = parse_segment(segs[12]).message;  // many fields of one code: merged, unknown kept
    ASSERT_EQ(m12.pollutants.size(), 1u);
    EXPECT_EQ(m12.pollutants[0].other.size(), 28u);
    EXPECT_EQ(m12.pollutants[0].flag, 'N');

    auto m13 = parse_segment(segs[13]).message;
    EXPECT_EQ(m13.cn, "9011");
    EXPECT_EQ(m13.cp_field("QnRtn"), "1");

    auto m15 = parse_segment(segs[15]).message;  // 2005 request, comma between Begin/End
    EXPECT_EQ(m15.dialect(), Dialect::hj2005);
    EXPECT_EQ(m15.cp_field("EndTime"), "20040506151000");

    auto m17 = parse_segment(segs[17]).message;  // ST before QN; Max/Avg/Min/Cou
    EXPECT_EQ(m17.qn, "20190424002721168");
    const Pollutant* cod = m17.pollutant("w01018");
    ASSERT_NE(cod, nullptr);
    EXPECT_DOUBLE_EQ(*cod->max, 27.299999);
    EXPECT_DOUBLE_EQ(*cod->avg, 27.3);
    EXPECT_DOUBLE_EQ(*cod->min, 27.299999);
    EXPECT_DOUBLE_EQ(*cod->cou, 0.0);

    auto m21 = parse_segment(segs[21]).message;  // empty PW and MN
    EXPECT_TRUE(m21.pw.empty());
    EXPECT_TRUE(m21.mn.empty());
}

TEST(Hj212Codec, InvalidSamplesAreRejectedOrClassified) {
    const auto frames = lines_of("packets_invalid.txt");
    ASSERT_EQ(frames.size(), 10u);
    const std::vector<CrcVariant> expected = {
        CrcVariant::bad,    CrcVariant::bad,    CrcVariant::modbus,
        CrcVariant::modbus, CrcVariant::modbus, CrcVariant::bad,
        CrcVariant::bad,    CrcVariant::modbus_swapped, CrcVariant::modbus_swapped,
        CrcVariant::modbus_swapped};
    for (std::size_t i = 0; i < frames.size(); ++i) {
        Framer f;
        f.feed(frames[i] + "\r\n");
        auto item = f.next();
        ASSERT_TRUE(item) << i;
        ASSERT_EQ(item->kind, FramerEvent::frame) << i;
        EXPECT_EQ(item->crc, expected[i]) << "frame " << i + 1;
        EXPECT_FALSE(crc_accepted(item->crc, CrcVariant::hj212)) << i;
        if (expected[i] != CrcVariant::bad) {
            EXPECT_TRUE(crc_accepted(item->crc, expected[i]));
        }
    }
    Framer strict(1024);  // the standard's limit rejects the two long device frames
    strict.feed(frames[8] + "\r\n");
    auto item = strict.next();
    ASSERT_TRUE(item);
    EXPECT_EQ(item->kind, FramerEvent::oversize);
    EXPECT_EQ(item->declared_length, 1025u);
}

TEST(Hj212Framer, SplitAtEveryPositionAndConcatenated) {
    const auto frames = lines_of("packets_valid.txt");
    std::string stream;
    for (const auto& f : frames) stream += f + "\r\n";
    // Every frame in one feed.
    {
        Framer f;
        f.feed(stream);
        std::vector<std::string> keep;
        auto items = drain(f, keep);
        ASSERT_EQ(items.size(), frames.size());
        for (std::size_t i = 0; i < frames.size(); ++i) EXPECT_EQ(keep[i], frames[i]);
    }
    // Two frames split at every byte position.
    const std::string two = frames[0] + "\r\n" + frames[1] + "\r\n";
    for (std::size_t cutpos = 0; cutpos <= two.size(); ++cutpos) {
        Framer f;
        std::vector<std::string> keep;
        f.feed(two.substr(0, cutpos));
        drain(f, keep);
        f.feed(two.substr(cutpos));
        drain(f, keep);
        ASSERT_EQ(keep.size(), 2u) << "cut at " << cutpos;
        EXPECT_EQ(keep[0], frames[0]);
        EXPECT_EQ(keep[1], frames[1]);
    }
    // One byte at a time.
    Framer f;
    std::vector<std::string> keep;
    for (char c : stream) {
        f.feed(std::string_view(&c, 1));
        drain(f, keep);
    }
    EXPECT_EQ(keep.size(), frames.size());
}

TEST(Hj212Framer, GarbageHashesInPayloadAndOversize) {
    const std::string seg = "ST=32;CN=3020;PW=1;MN=2;CP=&&i11001-Info=//##0010abc&&##0005x&&";
    const std::string frame = encode_frame(seg);
    const std::string stream = "\x01\xff garbage ## #12#" + frame + "junk##ab" + frame + "##9999" +
                               std::string(50, 'x') + "\r\n" + frame;
    Framer f(1024);
    f.feed(stream);
    std::vector<std::string> keep;
    int frames = 0, oversize = 0;
    while (auto item = f.next()) {
        if (item->kind == FramerEvent::frame) {
            ++frames;
            EXPECT_EQ(item->segment, seg);
            EXPECT_EQ(item->crc, CrcVariant::hj212);
        }
        if (item->kind == FramerEvent::oversize) ++oversize;
    }
    EXPECT_EQ(frames, 3);
    EXPECT_EQ(oversize, 1);
    EXPECT_GT(f.garbage_bytes(), 20u);
    EXPECT_EQ(f.buffered(), 0u);
    auto parsed = parse_segment(seg);
    ASSERT_TRUE(parsed.ok) << parsed.error;
    EXPECT_EQ(parsed.message.pollutant("i11001")->other[0].second, "//##0010abc&&##0005x");
}

TEST(Hj212Framer, WaitsForTailAndFinishAcceptsLastFrameWithoutIt) {
    const std::string frame = encode_frame("ST=32;CN=2011;PW=1;MN=2;CP=&&&&");
    const std::string bare = frame.substr(0, frame.size() - 2);
    Framer f;
    f.feed(bare);
    EXPECT_FALSE(f.next());
    auto last = f.finish();
    ASSERT_TRUE(last);
    EXPECT_EQ(last->kind, FramerEvent::frame);
    Framer g;
    g.feed(bare + "zz" + frame);
    auto bad = g.next();
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->kind, FramerEvent::malformed);
    auto good = g.next();
    ASSERT_TRUE(good);
    EXPECT_EQ(good->kind, FramerEvent::frame);
}

TEST(Hj212Parser, ErrorsNameTheProblem) {
    EXPECT_EQ(parse_segment("ST=32;CN=2011").error, "no CP=&& data area");
    EXPECT_EQ(parse_segment("ST=32;CP=&&&&").error, "no CN (command code)");
    EXPECT_EQ(parse_segment("CN=2011;Flag=x;CP=&&&&").error, "Flag must be an integer 0..255");
    EXPECT_EQ(parse_segment("CN=2011;CP=&&w01018-Rtd=abc&&").error, "w01018-Rtd is not a number");
    EXPECT_EQ(parse_segment("CN=2011;CP=&&DataTime=20201340000000&&").error,
              "DataTime must be YYYYMMDDhhmmss (or 17 digits with milliseconds)");
    auto extra = parse_segment("QN=1;RF=1;ST=39;CN=2011;Flag=9;CP=&&a34001-ZsRtd=3,a34001-EFlag=A01&&");
    ASSERT_TRUE(extra.ok);
    ASSERT_EQ(extra.message.header_extra.size(), 1u);
    EXPECT_EQ(extra.message.header_extra[0].first, "RF");
    EXPECT_DOUBLE_EQ(*extra.message.pollutant("a34001")->zs_rtd, 3);
    EXPECT_EQ(extra.message.dialect(), Dialect::hj2025);
}

TEST(Hj212Encoder, RepliesRoundTrip) {
    auto up = parse_segment(
        "QN=20201015123632010;ST=32;CN=2061;PW=123456;MN=410183160889201000212505;Flag=5;CP=&&"
        "DataTime=20201015120000;w01018-Avg=1&&");
    ASSERT_TRUE(up.ok);
    const std::string reply = data_reply(up.message);
    EXPECT_EQ(reply,
              encode_frame("QN=20201015123632010;ST=91;CN=9014;PW=123456;MN=410183160889201000212505;"
                           "Flag=4;CP=&&&&"));
    Framer f;
    f.feed(reply);
    auto item = f.next();
    ASSERT_TRUE(item);
    EXPECT_EQ(item->crc, CrcVariant::hj212);
    EXPECT_TRUE(reply.ends_with("\r\n"));

    auto old = parse_segment("QN=20040516010101001;ST=32;CN=2051;PW=123456;MN=88888880000001;Flag=1;CP=&&&&");
    ASSERT_TRUE(old.ok);
    EXPECT_EQ(data_reply(old.message),
              encode_frame("ST=91;CN=9014;PW=123456;MN=88888880000001;Flag=0;CP=&&QN="
                           "20040516010101001;CN=2051&&"));
    EXPECT_NE(request_reply(up.message, 1).find("CN=9011"), std::string::npos);
    EXPECT_NE(request_reply(up.message, 1).find("QnRtn=1&&"), std::string::npos);
    EXPECT_NE(execution_result(up.message, 1).find("CN=9012"), std::string::npos);
    const std::string ts = time_set("32", "123456", "MN1", *parse_local_time("20261129120000123"));
    EXPECT_EQ(ts, encode_frame("QN=20261129120000123;ST=32;CN=1012;PW=123456;MN=MN1;Flag=5;CP=&&"
                               "SystemTime=20261129120000&&"));
    const std::string mod = encode_frame("CN=1;CP=&&&&", CrcVariant::modbus_swapped);
    Framer g;
    g.feed(mod);
    EXPECT_EQ(g.next()->crc, CrcVariant::modbus_swapped);
}

}  // namespace
}  // namespace ecogov::hj212
