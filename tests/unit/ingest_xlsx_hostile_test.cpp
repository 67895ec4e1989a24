// XLSX reader on hand-made ZIP containers (ingest/xlsx_reader.hpp, xlsx_zip.hpp, xlsx_xml.hpp):
// stored and deflated entries, the workbook → rels → sheet chain and its fallback, XML details
// (entities, prefixes, CDATA, phonetic runs), and hostile inputs that must give a message:
// not a ZIP, truncation, corruption, encryption, ZIP64, size bombs, entry counts, bad XML.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ingest/xlsx_reader.hpp"

namespace ecogov::ingest {
namespace {

using Cells = std::vector<std::string>;

struct Part {
    std::string name;
    std::string data;
    bool deflate = false;
    std::uint16_t flags = 0;
    std::optional<std::uint32_t> declared_size{};  // overrides the real size
};

void put16(std::string& s, std::uint32_t v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, std::uint32_t v) {
    put16(s, v & 0xFFFF);
    put16(s, v >> 16);
}

std::string deflate_raw(const std::string& in) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::string make_zip(const std::vector<Part>& parts, std::uint16_t eocd_count_override = 0) {
    std::string out, central;
    for (const Part& p : parts) {
        const std::string packed = p.deflate ? deflate_raw(p.data) : p.data;
        const auto crc = static_cast<std::uint32_t>(crc32(
            0L, reinterpret_cast<const Bytef*>(p.data.data()), static_cast<uInt>(p.data.size())));
        const auto size = p.declared_size.value_or(static_cast<std::uint32_t>(p.data.size()));
        const auto offset = static_cast<std::uint32_t>(out.size());
        const std::uint32_t method = p.deflate ? 8 : 0;
        put32(out, 0x04034b50);
        for (std::uint32_t v : {20u, std::uint32_t{p.flags}, method, 0u, 0u}) put16(out, v);
        put32(out, crc);
        put32(out, static_cast<std::uint32_t>(packed.size()));
        put32(out, size);
        put16(out, static_cast<std::uint32_t>(p.name.size()));
        put16(out, 0);
        out += p.name + packed;
        put32(central, 0x02014b50);
        for (std::uint32_t v : {20u, 20u, std::uint32_t{p.flags}, method, 0u, 0u})
            put16(central, v);
        put32(central, crc);
        put32(central, static_cast<std::uint32_t>(packed.size()));
        put32(central, size);
        for (std::uint32_t v : {static_cast<std::uint32_t>(p.name.size()), 0u, 0u, 0u, 0u})
            put16(central, v);
        put32(central, 0);
        put32(central, offset);
        central += p.name;
    }
    const auto cd_offset = static_cast<std::uint32_t>(out.size());
    out += central;
    const std::uint32_t count =
        eocd_count_override ? eocd_count_override : static_cast<std::uint32_t>(parts.size());
    put32(out, 0x06054b50);
    for (std::uint32_t v : {0u, 0u, count, count}) put16(out, v);
    put32(out, static_cast<std::uint32_t>(central.size()));
    put32(out, cd_offset);
    put16(out, 0);
    return out;
}

std::string sheet_xml(const std::string& rows) {
    return "<?xml version=\"1.0\"?>\n<worksheet xmlns=\"x\"><sheetData>" + rows +
           "</sheetData></worksheet>";
}

std::string error_of(const std::string& bytes, const XlsxLimits& limits = {}) {
    const XlsxSheet s = read_xlsx_first_sheet(bytes, limits);
    EXPECT_TRUE(s.rows.empty());
    return s.error;
}

TEST(XlsxHandMade, StoredFallbackSheetWithXmlDetails) {
    const std::string sst =
        "<sst><si><t>a&amp;b</t></si><si><r><t>水</t></r><r><rPr/><t xml:space=\"preserve\"> "
        "质</t></r><rPh><t>ミズ</t></rPh></si><si/><si><t>cr_x000D_lf</t></si></sst>";
    const std::string rows =
        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c>"
        "<c r=\"D2\" t=\"s\"><v>2</v></c><c t=\"s\"><v>3</v></c></row>"
        "<row><c t=\"inlineStr\"><is><t>&lt;&#x6C34;&#27700;&gt; &quot;&apos;</t></is></c>"
        "<c t=\"b\"><v>0</v></c><c t=\"e\"><v>#N/A</v></c><c><v>1.5E+3</v></c>"
        "<c t=\"str\"><f>A1</f><v><![CDATA[<raw>&amp;]]></v></c><c><f>B1</f></c>"
        "<c t=\"d\"><v>2026-01-05T00:00:00Z</v></c></row>";
    const std::string bytes =
        make_zip({{"xl/sharedStrings.xml", sst}, {"xl/worksheets/sheet1.xml", sheet_xml(rows)}});
    const XlsxSheet s = read_xlsx_first_sheet(bytes);
    ASSERT_TRUE(s.ok()) << s.error;
    ASSERT_EQ(s.rows.size(), 2u);
    EXPECT_EQ(s.rows[0].number, 2u);
    EXPECT_EQ(s.rows[0].cells, (Cells{"a&b", "水 质", "", "", "cr\rlf"}));
    EXPECT_EQ(s.rows[1].number, 3u);
    EXPECT_EQ(s.rows[1].cells,
              (Cells{"<水水> \"'", "FALSE", "#N/A", "1500", "<raw>&amp;", "", "2026-01-05"}));
}

TEST(XlsxHandMade, FollowsWorkbookRelsToTheFirstSheetWithPrefixesAndStyles) {
    const std::string workbook =
        "<x:workbook xmlns:x=\"m\" xmlns:r=\"r\"><x:workbookPr date1904=\"1\"/><x:sheets>"
        "<x:sheet name=\"数据\" sheetId=\"7\" r:id=\"rId9\"/><x:sheet name=\"b\" sheetId=\"1\" "
        "r:id=\"rId1\"/></x:sheets></x:workbook>";
    const std::string rels =
        "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId9\" Target=\"/xl/worksheets/../data/first.xml\"/></Relationships>";
    const std::string styles =
        "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy/m/d\"/></numFmts>"
        "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs count=\"3\"><xf "
        "numFmtId=\"0\"/>"
        "<xf numFmtId=\"164\"/><xf numFmtId=\"22\"/></cellXfs></styleSheet>";
    const std::string first = sheet_xml(
        "<x:row r=\"1\"><x:c r=\"A1\" s=\"1\"><x:v>0</x:v></x:c><x:c r=\"B1\" "
        "s=\"2\"><x:v>1.5</x:v>"
        "</x:c><x:c r=\"C1\" s=\"0\"><x:v>7</x:v></x:c></x:row>");
    const std::string bytes = make_zip({{"xl/workbook.xml", workbook, true},
                                        {"xl/_rels/workbook.xml.rels", rels, true},
                                        {"xl/styles.xml", styles},
                                        {"xl/worksheets/sheet1.xml", sheet_xml("<row/>"), true},
                                        {"xl/data/first.xml", first, true}});
    const XlsxSheet s = read_xlsx_first_sheet(bytes);
    ASSERT_TRUE(s.ok()) << s.error;
    EXPECT_EQ(s.name, "数据");
    ASSERT_EQ(s.rows.size(), 1u);
    EXPECT_EQ(s.rows[0].cells, (Cells{"1904-01-01", "1904-01-02 12:00:00", "7"}));
}

TEST(XlsxHostile, NotZipTruncatedOrCorruptGiveMessages) {
    EXPECT_NE(error_of("").find("not a ZIP"), std::string::npos);
    EXPECT_NE(error_of("section,water_body\n1,2\n").find("not a ZIP"), std::string::npos);
    EXPECT_NE(error_of(std::string("PK\x03\x04", 4) + std::string(40, 'x')).find("end of central"),
              std::string::npos);
    const std::string good =
        make_zip({{"xl/worksheets/sheet1.xml", sheet_xml("<row><c><v>1</v></c></row>"), true}});
    ASSERT_TRUE(read_xlsx_first_sheet(good).ok());
    for (std::size_t cut = 1; cut < good.size(); ++cut)
        EXPECT_FALSE(read_xlsx_first_sheet(good.substr(0, cut)).ok()) << cut;
    for (std::size_t at = 0; at < good.size(); ++at) {  // flip every byte: no crash, no hang
        std::string bad = good;
        bad[at] = static_cast<char>(bad[at] ^ 0x5A);
        (void)read_xlsx_first_sheet(bad);
    }
    std::string flipped = good;
    flipped[30 + 24 + 2] = static_cast<char>(flipped[56] ^ 0xFF);  // in the deflate data
    EXPECT_FALSE(read_xlsx_first_sheet(flipped).ok());
}

TEST(XlsxHostile, EncryptionZip64AndMethodsAreRefused) {
    const std::string xml = sheet_xml("");
    EXPECT_NE(error_of(make_zip({{"xl/worksheets/sheet1.xml", xml, false, 1}})).find("encrypted"),
              std::string::npos);
    EXPECT_NE(
        error_of(make_zip({{"xl/worksheets/sheet1.xml", xml, false, 0, 0xFFFFFFFF}})).find("ZIP64"),
        std::string::npos);
    EXPECT_NE(error_of(make_zip({{"xl/worksheets/sheet1.xml", xml}}, 0xFFFF)).find("ZIP64"),
              std::string::npos);
    EXPECT_NE(error_of(make_zip({{"xl/other.xml", xml}})).find("no worksheet"), std::string::npos);
}

TEST(XlsxHostile, SizeBombsAndEntryCountsAreCapped) {
    // Declared over the cap: refused before inflating.
    EXPECT_NE(error_of(make_zip({{"xl/worksheets/sheet1.xml", "x", true, 0, 65u << 20}}))
                  .find("too large"),
              std::string::npos);
    // A real bomb (4 MiB of zeros, a few KiB packed) under a 1 MiB cap.
    const std::string zeros = "<worksheet>" + std::string(4u << 20, ' ') + "</worksheet>";
    const std::string bomb = make_zip({{"xl/worksheets/sheet1.xml", zeros, true}});
    EXPECT_LT(bomb.size(), 10000u);
    XlsxLimits small;
    small.max_inflated = 1u << 20;
    EXPECT_NE(error_of(bomb, small).find("too large"), std::string::npos);
    // Lying about the size: more output than declared is corrupt, never a bigger buffer.
    EXPECT_FALSE(
        read_xlsx_first_sheet(make_zip({{"xl/worksheets/sheet1.xml", zeros, true, 0, 100}})).ok());
    std::vector<Part> many(20, Part{"a.xml", "", false});
    small.max_entries = 10;
    EXPECT_NE(error_of(make_zip(many), small).find("too many ZIP entries"), std::string::npos);
    small = {};
    small.max_cells = 100;
    EXPECT_NE(error_of(make_zip({{"xl/worksheets/sheet1.xml",
                                  sheet_xml("<row><c r=\"XFD1\"><v>1</v></c></row>")}}),
                       small)
                  .find("too many cells"),
              std::string::npos);
}

TEST(XlsxHostile, BadXmlAndReferencesNameTheRow) {
    auto error_for = [](const std::string& rows, const std::string& sst = "<sst/>") {
        return error_of(make_zip(
            {{"xl/sharedStrings.xml", sst}, {"xl/worksheets/sheet1.xml", sheet_xml(rows)}}));
    };
    EXPECT_NE(error_for("<row r=\"4\"><c t=\"s\"><v>3</v></c></row>").find("row 4: shared string"),
              std::string::npos);
    EXPECT_NE(error_for("<row r=\"2\"><c r=\"B2\"/><c r=\"A2\"/></row>").find("row 2: cells out"),
              std::string::npos);
    EXPECT_NE(error_for("<row r=\"3\"/><row r=\"2\"/>").find("rows out of order"),
              std::string::npos);
    EXPECT_NE(error_for("<row r=\"2\"><c r=\"2B\"/></row>").find("bad cell reference"),
              std::string::npos);
    EXPECT_NE(error_for("<row r=\"1048577\"/>").find("beyond"), std::string::npos);
    EXPECT_NE(error_for("<row><c><v>&bogus;</v></c></row>").find("unknown entity"),
              std::string::npos);
    EXPECT_NE(error_for("<row><c><v>&#0;</v></c></row>").find("character reference"),
              std::string::npos);
    EXPECT_NE(error_for("", "<sst><si><t>x</t").find("unterminated"), std::string::npos);
    EXPECT_NE(error_for("", "<!DOCTYPE x [<!ENTITY a \"b\">]><sst/>").find("document type"),
              std::string::npos);
}

}  // namespace
}  // namespace ecogov::ingest
