// China sites (wide) reader: values, published fields, grouping, every issue kind, chunking.
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

Collect read_all(const std::string& text, std::size_t* lines = nullptr, bool* stopped = nullptr) {
    Collect sink;
    auto reader = make_reader(InputFormat::china_sites, sink);
    reader->feed(text);
    reader->finish();
    if (lines) *lines = reader->lines();
    if (stopped) *stopped = reader->stopped();
    return sink;
}

constexpr std::size_t kSo2 = index_of(Pollutant::so2), kNo2 = index_of(Pollutant::no2),
                      kCo = index_of(Pollutant::co), kO3 = index_of(Pollutant::o3),
                      kPm10 = index_of(Pollutant::pm10), kPm25 = index_of(Pollutant::pm25);

const std::string kHeader = "date,hour,type,1001A,1002A,1003A,1004A\r\n";

// Modelled on china_sites_20190101.csv: hour 0 with all 15 types; 1003A has no 1-hour values
// (only 24-hour means), 1004A has values but an empty AQI.
const std::string kHour0 =
    "20190101,0,AQI,152,138,,\r\n"
    "20190101,0,PM2.5,116,105,,98\r\n"
    "20190101,0,PM2.5_24h,85,79,89,86\r\n"
    "20190101,0,PM10,184,170,,\r\n"
    "20190101,0,PM10_24h,120,118,121,119\r\n"
    "20190101,0,SO2,15,14,,9\r\n"
    "20190101,0,SO2_24h,23,17,20,11\r\n"
    "20190101,0,NO2,68,71,,60\r\n"
    "20190101,0,NO2_24h,76,80,74,62\r\n"
    "20190101,0,O3,12,14,,7\r\n"
    "20190101,0,O3_24h,43,37,12,40\r\n"
    "20190101,0,O3_8h,22,19,7,20\r\n"
    "20190101,0,O3_8h_24h,45,40,30,41\r\n"
    "20190101,0,CO,0.8,1.25,,2\r\n"
    "20190101,0,CO_24h,1.1,1.1,1.2,1.0\r\n";

const std::string kHour1 =
    "20190101,1,AQI,160,,,\r\n"
    "20190101,1,PM2.5,122,,,\r\n"
    "20190101,1,CO,1.35,,,\r\n";

TEST(IngestChinaSites, ReadsOneHourValuesAndPublishedFields) {
    std::size_t lines = 0;
    const Collect c = read_all(kHeader + kHour0 + kHour1, &lines);
    EXPECT_TRUE(c.issues.empty());
    EXPECT_EQ(lines, 19u);
    ASSERT_EQ(c.records.size(), 4u);  // 3 stations at hour 0 (1003A has nothing), 1001A at hour 1

    const Rec& a = c.records[0];
    EXPECT_EQ(a.station, "1001A");
    EXPECT_EQ(a.label, HourLabel::at_clock(Date::from_ymd(2019, 1, 1), 0));
    EXPECT_EQ(a.label, HourLabel::of(Date::from_ymd(2018, 12, 31), 24));
    EXPECT_EQ(a.one_hour[kPm25], 116);
    EXPECT_EQ(a.one_hour[kPm10], 184);
    EXPECT_EQ(a.one_hour[kSo2], 15);
    EXPECT_EQ(a.one_hour[kNo2], 68);
    EXPECT_EQ(a.one_hour[kO3], 12);
    EXPECT_EQ(a.one_hour[kCo], 8);  // 0.8 mg/m³
    EXPECT_EQ(a.aqi, 152);
    EXPECT_FALSE(a.aqi_na);
    EXPECT_EQ(a.so2_24h, 23);
    EXPECT_EQ(a.o3_8h, 22);
    EXPECT_EQ(a.o3_8h_max, 45);
    EXPECT_TRUE(a.primary.empty());
    EXPECT_TRUE(a.not_monitored.empty());

    EXPECT_EQ(c.records[1].station, "1002A");
    EXPECT_EQ(c.records[1].one_hour[kCo], 12);  // 1.25 -> 1.2 (half to even)

    const Rec& d = c.records[2];
    EXPECT_EQ(d.station, "1004A");
    EXPECT_FALSE(d.aqi.has_value());
    EXPECT_TRUE(d.aqi_na);  // empty AQI cell
    EXPECT_FALSE(d.one_hour[kPm10].has_value());
    EXPECT_EQ(d.one_hour[kCo], 20);  // "2" mg/m³

    const Rec& h1 = c.records[3];
    EXPECT_EQ(h1.station, "1001A");
    EXPECT_EQ(h1.label, HourLabel::at_clock(Date::from_ymd(2019, 1, 1), 1));
    EXPECT_EQ(h1.one_hour[kCo], 14);              // 1.35 -> 1.4 (half to even)
    EXPECT_FALSE(h1.one_hour[kSo2].has_value());  // no SO2 row in this hour
    EXPECT_FALSE(h1.so2_24h.has_value());
    EXPECT_FALSE(h1.o3_8h_max.has_value());
}

TEST(IngestChinaSites, HourZeroIsLabel24OfThePreviousDay) {
    const Collect c = read_all(kHeader + "20190102,0,PM2.5,10,,,\n");
    ASSERT_EQ(c.records.size(), 1u);
    EXPECT_EQ(c.records[0].label.day(), Date::from_ymd(2019, 1, 1));
    EXPECT_EQ(c.records[0].label.hour_of_day(), 24);
}

TEST(IngestChinaSites, WithoutAqiRowTheAqiIsNotNa) {
    const Collect c = read_all(kHeader + "20190101,5,PM10,50,,,\n");
    ASSERT_EQ(c.records.size(), 1u);
    EXPECT_FALSE(c.records[0].aqi_na);
    EXPECT_FALSE(c.records[0].aqi.has_value());
}

TEST(IngestChinaSites, DecimalsAreRoundedHalfToEven) {
    const Collect c = read_all(kHeader + "20190101,3,PM2.5,12.5,13.5,12.51,\"7\"\n");
    ASSERT_EQ(c.records.size(), 4u);
    EXPECT_EQ(c.records[0].one_hour[kPm25], 12);
    EXPECT_EQ(c.records[1].one_hour[kPm25], 14);
    EXPECT_EQ(c.records[2].one_hour[kPm25], 13);
    EXPECT_EQ(c.records[3].one_hour[kPm25], 7);
}

TEST(IngestChinaSites, NaAndSlashAreMissingWithoutIssue) {
    const Collect c = read_all(kHeader + "20190101,3,AQI,NA,/,5,\n20190101,3,PM10,NA,/,5,\n");
    EXPECT_TRUE(c.issues.empty());
    ASSERT_EQ(c.records.size(), 1u);
    EXPECT_EQ(c.records[0].station, "1003A");
}

TEST(IngestChinaSites, SlashMarksNotMonitored) {
    const Collect c = read_all(kHeader + "20190101,3,SO2,/,4,,\n20190101,3,CO,0.5,/,,\n");
    ASSERT_EQ(c.records.size(), 2u);
    EXPECT_TRUE(c.records[0].not_monitored.contains(Pollutant::so2));
    EXPECT_FALSE(c.records[0].not_monitored.contains(Pollutant::co));
    EXPECT_FALSE(c.records[0].one_hour[kSo2].has_value());
    PollutantSet co_only;
    co_only.add(Pollutant::co);
    EXPECT_EQ(c.records[1].not_monitored, co_only);
    EXPECT_TRUE(c.records[1].aqi_na == false);
}

TEST(IngestChinaSites, BadCellsAreReportedAndLeftMissing) {
    const Collect c = read_all(kHeader +
                               "20190101,0,PM2.5,abc,-3,99999999999,12\n"
                               "20190101,0,AQI,-1,,,\n");
    ASSERT_EQ(c.issues.size(), 4u);
    EXPECT_EQ(c.issues[0],
              (IssueKey{IssueSeverity::bad_cell, 2, 4, "1001A", "'abc' is not a number"}));
    EXPECT_EQ(c.issues[1],
              (IssueKey{IssueSeverity::bad_cell, 2, 5, "1002A", "negative concentration '-3'"}));
    EXPECT_EQ(c.issues[2], (IssueKey{IssueSeverity::bad_cell, 2, 6, "1003A",
                                     "value '99999999999' is out of range"}));
    EXPECT_EQ(c.issues[3], (IssueKey{IssueSeverity::bad_cell, 3, 4, "1001A", "negative AQI '-1'"}));
    ASSERT_EQ(c.records.size(), 1u);
    EXPECT_EQ(c.records[0].station, "1004A");
    EXPECT_EQ(c.records[0].one_hour[kPm25], 12);
    EXPECT_TRUE(c.records[0].aqi_na);
}

TEST(IngestChinaSites, LineIssuesSkipTheLine) {
    const std::string text = kHeader +
                             "20190101,0,PM2.5,1,2,3\n"     // line 2: too few
                             "20190101,0,PM10,1,2,3,4,5\n"  // line 3: too many
                             "20190101,0,FOO,1,2,3,4\n"     // line 4
                             "20190101,24,PM2.5,1,2,3,4\n"  // line 5
                             "20190230,1,PM2.5,1,2,3,4\n"   // line 6
                             "20190101,x,PM2.5,1,2,3,4\n"   // line 7
                             "20190101\n"                   // line 8
                             "20190101,0,SO2,1,,,\n"        // line 9: fine
                             "20190101,0,SO2,2,,,\n";       // line 10: repeated
    const Collect c = read_all(text);
    const std::vector<IssueKey> expected = {
        {IssueSeverity::bad_line, 2, 0, "", "expected 7 fields, found 6"},
        {IssueSeverity::bad_line, 3, 0, "", "expected 7 fields, found 8"},
        {IssueSeverity::bad_line, 4, 3, "type", "unknown type 'FOO'"},
        {IssueSeverity::bad_line, 5, 2, "hour", "hour 24 out of range 0..23"},
        {IssueSeverity::bad_line, 6, 1, "date", "invalid date '20190230'"},
        {IssueSeverity::bad_line, 7, 2, "hour", "'x' is not a number"},
        {IssueSeverity::bad_line, 8, 0, "", "expected 7 fields, found 1"},
        {IssueSeverity::bad_line, 10, 3, "type",
         "repeated row: type 'SO2' already given for this date and hour"},
    };
    EXPECT_EQ(c.issues, expected);
    ASSERT_EQ(c.records.size(), 1u);
    EXPECT_EQ(c.records[0].one_hour[kSo2], 1);
    EXPECT_FALSE(c.records[0].one_hour[kPm25].has_value());  // the short PM2.5 row was skipped
}

TEST(IngestChinaSites, BadCellOnASkippedLineIsNotReported) {
    const Collect c = read_all(kHeader + "20190101,0,PM2.5,abc,2,3\n");
    ASSERT_EQ(c.issues.size(), 1u);
    EXPECT_EQ(std::get<4>(c.issues[0]), "expected 7 fields, found 6");
}

TEST(IngestChinaSites, WrongHeaderIsFatal) {
    bool stopped = false;
    const Collect c = read_all("day,hour,type,1001A\n20190101,0,PM2.5,5\n", nullptr, &stopped);
    EXPECT_TRUE(stopped);
    EXPECT_TRUE(c.records.empty());
    ASSERT_EQ(c.issues.size(), 1u);
    EXPECT_EQ(std::get<0>(c.issues[0]), IssueSeverity::fatal);
    EXPECT_EQ(std::get<1>(c.issues[0]), 1u);
    EXPECT_EQ(std::get<2>(c.issues[0]), 1u);

    const Collect no_stations = read_all("date,hour,type\n", nullptr, &stopped);
    EXPECT_TRUE(stopped);
    ASSERT_EQ(no_stations.issues.size(), 1u);
    EXPECT_EQ(std::get<0>(no_stations.issues[0]), IssueSeverity::fatal);
}

TEST(IngestChinaSites, BinaryDataIsFatal) {
    bool stopped = false;
    std::string text = kHeader + "20190101,0,PM2.5,1,2,3,4\n";
    text += std::string("\x01\x00\xff,\n", 5);
    text += "20190101,1,PM2.5,1,2,3,4\n";
    const Collect c = read_all(text, nullptr, &stopped);
    EXPECT_TRUE(stopped);
    ASSERT_EQ(c.issues.size(), 1u);
    EXPECT_EQ(std::get<0>(c.issues[0]), IssueSeverity::fatal);
    EXPECT_EQ(std::get<1>(c.issues[0]), 3u);
    EXPECT_TRUE(c.records.empty());  // the open hour is not flushed after a fatal issue
}

TEST(IngestChinaSites, BomCrlfBlankLinesAndMissingFinalNewline) {
    const std::string body = "20190101,0,PM2.5,1,,,\r\n\r\n20190101,1,PM2.5,2,,,";
    const Collect c = read_all("\xEF\xBB\xBF" + kHeader + body);
    ASSERT_EQ(c.records.size(), 2u);
    EXPECT_EQ(c.records[1].one_hour[kPm25], 2);
    ASSERT_EQ(c.issues.size(), 1u);
    EXPECT_EQ(c.issues[0], (IssueKey{IssueSeverity::bad_line, 3, 0, "", "empty line"}));

    const Collect trailing = read_all(kHeader + "20190101,0,PM2.5,1,,,\r\n\r\n\n");
    EXPECT_TRUE(trailing.issues.empty());
    EXPECT_EQ(trailing.records.size(), 1u);
}

TEST(IngestChinaSites, EmptyInputIsFatal) {
    bool stopped = false;
    const Collect c = read_all("", nullptr, &stopped);
    EXPECT_TRUE(stopped);
    ASSERT_EQ(c.issues.size(), 1u);
    EXPECT_EQ(std::get<0>(c.issues[0]), IssueSeverity::fatal);
}

TEST(IngestChinaSites, AnySplitGivesTheSameResult) {
    const std::string text = "\xEF\xBB\xBF" + kHeader + kHour0 +
                             "20190101,1,PM2.5,abc,-1,7.5,\r\n\r\n" + kHour1 +
                             "20190101,2,FOO,1,2,3,4";
    const Collect whole = read_all(text);
    ASSERT_EQ(whole.issues.size(), 5u);  // abc, -1, empty line, repeated PM2.5, FOO
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
        Collect sink;
        auto reader = make_reader(InputFormat::china_sites, sink);
        reader->feed(std::string_view(text).substr(0, cut));
        reader->feed(std::string_view(text).substr(cut));
        reader->finish();
        ASSERT_EQ(sink.records, whole.records) << "cut at " << cut;
        ASSERT_EQ(sink.issues, whole.issues) << "cut at " << cut;
    }
    Collect bytes;
    auto reader = make_reader(InputFormat::china_sites, bytes);
    for (char ch : text) reader->feed(std::string_view(&ch, 1));
    reader->finish();
    EXPECT_EQ(bytes.records, whole.records);
    EXPECT_EQ(bytes.issues, whole.issues);
}

}  // namespace
}  // namespace ecogov
