// cnemc (2022 and 2026 variants) and prsa readers: columns by name, O3 swap, published fields,
// issues with exact positions, chunking, and format detection.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "ingest/hourly_reader.hpp"
#include "ingest_test_sink.hpp"

namespace ecogov {
namespace {

using testing::Collect;
using testing::IssueKey;
using testing::Rec;

Collect read_all(InputFormat format, const std::string& text, bool* stopped = nullptr) {
    Collect sink;
    auto reader = make_reader(format, sink);
    reader->feed(text);
    reader->finish();
    if (stopped) *stopped = reader->stopped();
    return sink;
}

void expect_same_for_every_split(InputFormat format, const std::string& text) {
    const Collect whole = read_all(format, text);
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
        for (std::size_t cut2 : {cut, (cut + text.size()) / 2}) {
            Collect sink;
            auto reader = make_reader(format, sink);
            const std::string_view t(text);
            reader->feed(t.substr(0, cut));
            reader->feed(t.substr(cut, cut2 - cut));
            reader->feed(t.substr(cut2));
            reader->finish();
            ASSERT_EQ(sink.records, whole.records) << "cuts at " << cut << ", " << cut2;
            ASSERT_EQ(sink.issues, whole.issues) << "cuts at " << cut << ", " << cut2;
        }
    }
}

constexpr std::size_t kSo2 = index_of(Pollutant::so2), kNo2 = index_of(Pollutant::no2),
                      kCo = index_of(Pollutant::co), kO3 = index_of(Pollutant::o3),
                      kPm10 = index_of(Pollutant::pm10), kPm25 = index_of(Pollutant::pm25);

const std::string kCnemcHeader =
    "timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,pm10_24h,"
    "pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h\n";

// From cnemc_2022-01-01T00_zhengzhou.csv.
const std::string kCnemc2022 = kCnemcHeader +
                               "2022-01-01T00:00:00,1316A,113.69031,34.76122,郑州市,烟厂,细颗粒物("
                               "PM2.5),92,98,102,68,53,43,12,22,15,"
                               "68,76,15,23,0.8,1.1\n"
                               "2022-01-01T00:00:00,1324A,113.51488,34.91089,郑州市,岗李水库("
                               "对照点),细颗粒物(PM2.5),,73,78,70,59,"
                               "55,8,43,23,46,46,10,14,1.45,1.2\n";

// From cnemc_2026-03-02T12_zhengzhou_and_edge_cases.csv.
const std::string kCnemc2026 = kCnemcHeader +
                               "2026-03-02T1200,1316A,113.6843,34.7622,郑州市,烟厂,细颗粒物(PM2.5),"
                               "98,59,35,59,45,56,56,44,44,26,"
                               "29,4,2,0.9,0.8\n"
                               "2026-03-02T1200,1318A,113.669,34.8034,郑州市,银行学校,NA,NA,NA,34,"
                               "NA,38,NA,NA,52,NA,NA,28,NA,3,NA,"
                               "1.0\n"
                               "2026-03-02T1200,1957A,86.1971,41.7166,巴音郭楞蒙古自治州,棉纺厂,"
                               "颗粒物(PM10),66,72,139,19,35,75,75,"
                               "65,65,12,20,/,/,/,/\n";

TEST(IngestCnemc, Variant2022SwapsTheO3Columns) {
    const Collect c = read_all(InputFormat::cnemc, kCnemc2022);
    EXPECT_TRUE(c.issues.empty());
    ASSERT_EQ(c.records.size(), 2u);
    const Rec& r = c.records[0];
    EXPECT_EQ(r.station, "1316A");
    EXPECT_EQ(r.label, HourLabel::at_clock(Date::from_ymd(2022, 1, 1), 0));
    EXPECT_EQ(r.aqi, 92);
    EXPECT_FALSE(r.aqi_na);
    EXPECT_EQ(r.primary, "细颗粒物(PM2.5)");
    EXPECT_EQ(r.one_hour[kPm10], 98);
    EXPECT_EQ(r.one_hour[kPm25], 68);
    EXPECT_EQ(r.one_hour[kO3], 12);  // from o3_24h
    EXPECT_EQ(r.o3_8h, 15);          // from o3_8h_24h
    EXPECT_EQ(r.one_hour[kNo2], 68);
    EXPECT_EQ(r.one_hour[kSo2], 15);
    EXPECT_EQ(r.so2_24h, 23);
    EXPECT_EQ(r.one_hour[kCo], 8);
    EXPECT_FALSE(r.o3_8h_max.has_value());
    EXPECT_TRUE(c.records[1].aqi_na);           // empty aqi
    EXPECT_EQ(c.records[1].one_hour[kCo], 14);  // 1.45 -> 1.4
}

TEST(IngestCnemc, Variant2026ReadsNaAndNotMonitored) {
    const Collect c = read_all(InputFormat::cnemc, kCnemc2026);
    EXPECT_TRUE(c.issues.empty());
    ASSERT_EQ(c.records.size(), 3u);
    const Rec& r = c.records[0];
    EXPECT_EQ(r.label, HourLabel::at_clock(Date::from_ymd(2026, 3, 2), 12));
    EXPECT_EQ(r.one_hour[kO3], 56);  // from o3
    EXPECT_EQ(r.o3_8h, 44);          // from o3_8h
    EXPECT_EQ(r.aqi, 98);
    const Rec& na = c.records[1];
    EXPECT_TRUE(na.aqi_na);
    EXPECT_FALSE(na.aqi.has_value());
    EXPECT_TRUE(na.primary.empty());
    EXPECT_FALSE(na.one_hour[kPm10].has_value());
    EXPECT_EQ(na.o3_8h, 52);
    EXPECT_EQ(na.so2_24h, 3);
    const Rec& slash = c.records[2];
    EXPECT_EQ(slash.primary, "颗粒物(PM10)");
    EXPECT_FALSE(slash.one_hour[kSo2].has_value());
    EXPECT_FALSE(slash.one_hour[kCo].has_value());
    EXPECT_FALSE(slash.so2_24h.has_value());
    EXPECT_EQ(slash.one_hour[kNo2], 12);
    PollutantSet so2_co;
    so2_co.add(Pollutant::so2);
    so2_co.add(Pollutant::co);
    EXPECT_EQ(slash.not_monitored, so2_co);  // so2_24h "/" is not a 1-hour value
    EXPECT_TRUE(na.not_monitored.empty());   // NA is missing, not "not monitored"
}

TEST(IngestCnemc, QuotedPrimaryWithCommaIsOneField) {
    // From cnemc_2026/2026-03-01T00.csv line 107.
    const std::string text = kCnemcHeader +
                             "2026-03-01T0000,1761A,123.8274146,41.31234549,本溪市,大峪,\"颗粒物("
                             "PM10),细颗粒物(PM2.5)\",99,147,"
                             "167,74,80,23,23,81,52,46,27,10,11,1.0,0.9\n";
    const Collect c = read_all(InputFormat::cnemc, text);
    EXPECT_TRUE(c.issues.empty());
    ASSERT_EQ(c.records.size(), 1u);
    EXPECT_EQ(c.records[0].primary, "颗粒物(PM10),细颗粒物(PM2.5)");
    EXPECT_EQ(c.records[0].aqi, 99);
    EXPECT_EQ(c.records[0].one_hour[kCo], 10);
}

TEST(IngestCnemc, ColumnsAreFoundByName) {
    const std::string text =
        "stationcode,timepoint,aqi,primarypollutant,co,so2,so2_24h,no2,o3,o3_24h,o3_8h,o3_8h_24h,"
        "pm2_5,pm10\n"
        "1001A,2026-03-02T0100,40,,0.5,3,4,20,60,61,55,50,25,30\n";
    const Collect c = read_all(InputFormat::cnemc, text);
    ASSERT_EQ(c.records.size(), 1u);
    EXPECT_EQ(c.records[0].one_hour[kCo], 5);
    EXPECT_EQ(c.records[0].one_hour[kO3], 60);
    EXPECT_EQ(c.records[0].one_hour[kPm10], 30);
    EXPECT_EQ(c.records[0].aqi, 40);
}

TEST(IngestCnemc, Issues) {
    const std::string text =
        kCnemcHeader +
        "2026-03-02T1200,1316A,1,2,a,b,,abc,-5,1,2,3,4,5,6,7,8,9,10,11,0.5,1\n"  // 2
        "2026-03-02T2400,1316A,1,2,a,b,,1,2,3,4,5,6,7,8,9,10,11,12,13,0.5,1\n"   // 3
        "2026-02-30T0100,1316A,1,2,a,b,,1,2,3,4,5,6,7,8,9,10,11,12,13,0.5,1\n"   // 4
        "2026-03-02 01:00,1316A,1,2,a,b,,1,2,3,4,5,6,7,8,9,10,11,12,13,0.5,1\n"  // 5
        "2026-03-02T0100,,1,2,a,b,,1,2,3,4,5,6,7,8,9,10,11,12,13,0.5,1\n"        // 6
        "2026-03-02T0100,1316A,1,2\n";                                           // 7
    const Collect c = read_all(InputFormat::cnemc, text);
    const std::vector<IssueKey> expected = {
        {IssueSeverity::bad_cell, 2, 8, "aqi", "'abc' is not a number"},
        {IssueSeverity::bad_cell, 2, 9, "pm10", "negative concentration '-5'"},
        {IssueSeverity::bad_line, 3, 1, "timepoint", "hour 24 out of range 0..23"},
        {IssueSeverity::bad_line, 4, 1, "timepoint", "invalid date '2026-02-30'"},
        {IssueSeverity::bad_line, 5, 1, "timepoint", "invalid timepoint '2026-03-02 01:00'"},
        {IssueSeverity::bad_line, 6, 2, "stationcode", "empty station code"},
        {IssueSeverity::bad_line, 7, 0, "", "expected 22 fields, found 4"},
    };
    EXPECT_EQ(c.issues, expected);
    ASSERT_EQ(c.records.size(), 1u);
    EXPECT_FALSE(c.records[0].aqi.has_value());
    EXPECT_FALSE(c.records[0].aqi_na);  // a bad AQI is not "NA"
    EXPECT_FALSE(c.records[0].one_hour[kPm10].has_value());
}

TEST(IngestCnemc, HeaderWithoutRequiredColumnIsFatal) {
    bool stopped = false;
    const Collect c =
        read_all(InputFormat::cnemc, "timepoint,stationcode,aqi\n2026-03-02T0100,1,2\n", &stopped);
    EXPECT_TRUE(stopped);
    EXPECT_TRUE(c.records.empty());
    ASSERT_EQ(c.issues.size(), 1u);
    EXPECT_EQ(std::get<0>(c.issues[0]), IssueSeverity::fatal);
    EXPECT_EQ(std::get<1>(c.issues[0]), 1u);
}

TEST(IngestCnemc, AnySplitGivesTheSameResult) {
    expect_same_for_every_split(InputFormat::cnemc, "\xEF\xBB\xBF" + kCnemc2022 +
                                                        kCnemc2026.substr(kCnemcHeader.size()) +
                                                        "2026-03-02T2400,1316A,1\r\n");
}

const std::string kPrsaHeader =
    "\"No\",\"year\",\"month\",\"day\",\"hour\",\"PM2.5\",\"PM10\",\"SO2\",\"NO2\",\"CO\",\"O3\","
    "\"TEMP\","
    "\"PRES\",\"DEWP\",\"RAIN\",\"wd\",\"WSPM\",\"station\"\n";

// From PRSA_Data_Dongsi_20130301-20170228.csv (CO values varied to test rounding).
const std::string kPrsa =
    kPrsaHeader +
    "1,2013,3,1,0,9,9,3,17,300,89,-0.5,1024.5,-21.4,0,\"NNW\",5.7,\"Dongsi\"\n"
    "2,2013,3,1,1,4,4,3,16,1250,88,-0.7,1025.1,-22.1,0,\"NW\",3.9,\"Dongsi\"\n"
    "3,2013,3,1,2,7,7,NA,17,1350,60,-1.2,1025.3,-24.6,0,\"NNW\",5.3,\"Dongsi\"\n"
    "4,2013,3,1,3,3,3,5,18,NA,NA,-1.4,1026.2,-25.5,0,\"N\",4.9,\"Dongsi\"\n";

TEST(IngestPrsa, ReadsValuesAndConvertsCo) {
    const Collect c = read_all(InputFormat::prsa, kPrsa);
    EXPECT_TRUE(c.issues.empty());
    ASSERT_EQ(c.records.size(), 4u);
    const Rec& r = c.records[0];
    EXPECT_EQ(r.station, "Dongsi");
    EXPECT_EQ(r.label, HourLabel::at_clock(Date::from_ymd(2013, 3, 1), 0));
    EXPECT_EQ(r.one_hour[kPm25], 9);
    EXPECT_EQ(r.one_hour[kPm10], 9);
    EXPECT_EQ(r.one_hour[kSo2], 3);
    EXPECT_EQ(r.one_hour[kNo2], 17);
    EXPECT_EQ(r.one_hour[kCo], 3);  // 300 µg/m³ = 0.3 mg/m³
    EXPECT_EQ(r.one_hour[kO3], 89);
    EXPECT_FALSE(r.aqi.has_value());
    EXPECT_FALSE(r.aqi_na);
    EXPECT_EQ(c.records[1].one_hour[kCo], 12);  // 1250 -> 1.2 (half to even)
    EXPECT_EQ(c.records[2].one_hour[kCo], 14);  // 1350 -> 1.4
    EXPECT_FALSE(c.records[2].one_hour[kSo2].has_value());
    EXPECT_FALSE(c.records[3].one_hour[kCo].has_value());
    EXPECT_EQ(c.records[3].label, HourLabel::at_clock(Date::from_ymd(2013, 3, 1), 3));
}

TEST(IngestPrsa, Issues) {
    const std::string text =
        kPrsaHeader +
        "1,2013,2,30,0,9,9,3,17,300,89,-0.5,1024.5,-21.4,0,\"NNW\",5.7,\"Dongsi\"\n"    // 2
        "2,2013,3,1,24,9,9,3,17,300,89,-0.5,1024.5,-21.4,0,\"NNW\",5.7,\"Dongsi\"\n"    // 3
        "3,2013,x,1,0,9,9,3,17,300,89,-0.5,1024.5,-21.4,0,\"NNW\",5.7,\"Dongsi\"\n"     // 4
        "4,2013,3,1,0,abc,9,3,17,-300,89,-0.5,1024.5,-21.4,0,\"NNW\",5.7,\"\"\n"        // 5
        "5,2013,3,1,0,abc,9,3,17,-300,89,-0.5,1024.5,-21.4,0,\"NNW\",5.7,\"Dongsi\"\n"  // 6
        "6,2013,3,1\n";                                                                 // 7
    const Collect c = read_all(InputFormat::prsa, text);
    const std::vector<IssueKey> expected = {
        {IssueSeverity::bad_line, 2, 4, "day", "invalid date '2013-2-30'"},
        {IssueSeverity::bad_line, 3, 5, "hour", "hour 24 out of range 0..23"},
        {IssueSeverity::bad_line, 4, 3, "month", "'x' is not a number"},
        {IssueSeverity::bad_line, 5, 18, "station", "empty station name"},
        {IssueSeverity::bad_cell, 6, 6, "PM2.5", "'abc' is not a number"},
        {IssueSeverity::bad_cell, 6, 10, "CO", "negative concentration '-300'"},
        {IssueSeverity::bad_line, 7, 0, "", "expected 18 fields, found 4"},
    };
    EXPECT_EQ(c.issues, expected);
    ASSERT_EQ(c.records.size(), 1u);
    EXPECT_FALSE(c.records[0].one_hour[kPm25].has_value());
    EXPECT_EQ(c.records[0].one_hour[kPm10], 9);
}

TEST(IngestPrsa, UnknownHeaderIsFatal) {
    bool stopped = false;
    const Collect c = read_all(InputFormat::prsa, "a,b,c\n1,2,3\n", &stopped);
    EXPECT_TRUE(stopped);
    ASSERT_EQ(c.issues.size(), 1u);
    EXPECT_EQ(std::get<0>(c.issues[0]), IssueSeverity::fatal);
}

TEST(IngestPrsa, AnySplitGivesTheSameResult) {
    expect_same_for_every_split(InputFormat::prsa,
                                kPrsa +
                                    "9,2013,3,1,24,9,9,3,17,300,89,-0.5,1024.5,-21.4,0,"
                                    "\"NNW\",5.7,\"Dongsi\"");
}

TEST(IngestFormat, DetectsEachFormatFromItsHeader) {
    EXPECT_EQ(detect_format("date,hour,type,1001A,1002A\r"), InputFormat::china_sites);
    EXPECT_EQ(detect_format("\xEF\xBB\xBF"
                            "date,hour,type,1001A"),
              InputFormat::china_sites);
    EXPECT_EQ(detect_format(kCnemcHeader), InputFormat::cnemc);
    EXPECT_EQ(detect_format(kPrsaHeader), InputFormat::prsa);
    EXPECT_EQ(detect_format("No,year,month,day,hour,PM2.5,PM10,SO2,NO2,CO,O3,station"),
              InputFormat::prsa);
    EXPECT_EQ(detect_format("date,hour,type"), std::nullopt);
    EXPECT_EQ(detect_format("a,b,c"), std::nullopt);
    EXPECT_EQ(detect_format(""), std::nullopt);
}

TEST(IngestFormat, IdsRoundTrip) {
    for (InputFormat f : {InputFormat::china_sites, InputFormat::cnemc, InputFormat::prsa})
        EXPECT_EQ(parse_format_id(format_id(f)), f);
    EXPECT_EQ(format_id(InputFormat::china_sites), "china-sites");
    EXPECT_EQ(parse_format_id("csv"), std::nullopt);
}

}  // namespace
}  // namespace ecogov
