// XLSX reader (ingest/xlsx_reader.hpp): workbooks written by libxlsxwriter read back (shared and
// inline strings, numbers, dates, booleans, formulas, rich text, gaps, the first sheet), the
// value texts (xlsx_values.hpp), the CSV conversion and its line numbers as the importers see
// them. Hand-made and hostile ZIPs are in ingest_xlsx_hostile_test.cpp.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ingest/xlsx_reader.hpp"
#include "ingest/xlsx_values.hpp"
#include "services/water_csv.hpp"

namespace ecogov::ingest {
namespace {

using Cells = std::vector<std::string>;

/// Builds a workbook in a temporary file with `fill` and returns its bytes.
template <typename Fill>
std::string make_workbook(Fill fill, bool constant_memory = false) {
    static int counter = 0;
    const auto path =
        std::filesystem::temp_directory_path() /
        ("ecogov_xlsx_" + std::to_string(getpid()) + "_" + std::to_string(++counter) + ".xlsx");
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    fill(wb);
    EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(path);
    return bytes;
}

void write_water_sheet(lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Samples");
    lxw_worksheet* other = workbook_add_worksheet(wb, "Other");
    worksheet_write_string(other, 0, 0, "not this sheet", nullptr);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy\\-mm\\-dd");
    const char* header[] = {"section", "water_body", "date", "item", "value"};
    for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
    worksheet_write_string(ws, 1, 0, "YH01", nullptr);
    worksheet_write_string(ws, 1, 1, "river", nullptr);
    lxw_datetime jan5{2026, 1, 5, 0, 0, 0};
    worksheet_write_datetime(ws, 1, 2, &jan5, date);
    worksheet_write_string(ws, 1, 3, "NH3-N", nullptr);
    worksheet_write_number(ws, 1, 4, 0.52, nullptr);
    // Row 3 left empty; row 4 repeats strings (shared) with a tiny number and text dates.
    worksheet_write_string(ws, 3, 0, "YH01", nullptr);
    worksheet_write_string(ws, 3, 1, "river", nullptr);
    worksheet_write_string(ws, 3, 2, "2026-01-20", nullptr);
    worksheet_write_string(ws, 3, 3, "氨氮", nullptr);
    worksheet_write_number(ws, 3, 4, 1e-7, nullptr);
    // Row 5: a gap in the middle, a boolean, a formula with its cached value, markup characters.
    worksheet_write_string(ws, 4, 0, "A&B <x> \"q\", y", nullptr);
    worksheet_write_boolean(ws, 4, 2, 1, nullptr);
    worksheet_write_formula_num(ws, 4, 3, "=1+2", nullptr, 3);
    worksheet_write_number(ws, 4, 4, -12345678901.5, nullptr);
}

TEST(XlsxReader, ReadsTheFirstSheetWithSharedStringsNumbersAndDates) {
    const std::string bytes = make_workbook(write_water_sheet);
    ASSERT_TRUE(looks_like_xlsx(bytes));
    const XlsxSheet sheet = read_xlsx_first_sheet(bytes);
    ASSERT_TRUE(sheet.ok()) << sheet.error;
    EXPECT_EQ(sheet.name, "Samples");
    ASSERT_EQ(sheet.rows.size(), 4u);
    EXPECT_EQ(sheet.rows[0].number, 1u);
    EXPECT_EQ(sheet.rows[0].cells, (Cells{"section", "water_body", "date", "item", "value"}));
    EXPECT_EQ(sheet.rows[1].number, 2u);
    EXPECT_EQ(sheet.rows[1].cells, (Cells{"YH01", "river", "2026-01-05", "NH3-N", "0.52"}));
    EXPECT_EQ(sheet.rows[2].number, 4u);
    EXPECT_EQ(sheet.rows[2].cells, (Cells{"YH01", "river", "2026-01-20", "氨氮", "0.0000001"}));
    EXPECT_EQ(sheet.rows[3].number, 5u);
    EXPECT_EQ(sheet.rows[3].cells, (Cells{"A&B <x> \"q\", y", "", "TRUE", "3", "-12345678901.5"}));
}

TEST(XlsxReader, ReadsInlineStringsOfConstantMemoryWorkbooks) {
    const std::string bytes = make_workbook(
        [](lxw_workbook* wb) {
            lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
            worksheet_write_string(ws, 0, 0, "plot", nullptr);
            worksheet_write_string(ws, 0, 1, "ph", nullptr);
            worksheet_write_string(ws, 2, 0, "PA01 & co", nullptr);
            worksheet_write_number(ws, 2, 1, 6.5, nullptr);
        },
        true);
    const XlsxSheet sheet = read_xlsx_first_sheet(bytes);
    ASSERT_TRUE(sheet.ok()) << sheet.error;
    ASSERT_EQ(sheet.rows.size(), 2u);
    EXPECT_EQ(sheet.rows[1].number, 3u);
    EXPECT_EQ(sheet.rows[1].cells, (Cells{"PA01 & co", "6.5"}));
}

TEST(XlsxReader, ConcatenatesRichTextRuns) {
    const std::string bytes = make_workbook([](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
        lxw_format* bold = workbook_add_format(wb);
        format_set_bold(bold);
        lxw_rich_string_tuple a{nullptr, const_cast<char*>("颍河")};
        lxw_rich_string_tuple b{bold, const_cast<char*>("告成")};
        lxw_rich_string_tuple c{nullptr, const_cast<char*>(" <断面>")};
        lxw_rich_string_tuple* runs[] = {&a, &b, &c, nullptr};
        worksheet_write_rich_string(ws, 0, 1, runs, nullptr);
    });
    const XlsxSheet sheet = read_xlsx_first_sheet(bytes);
    ASSERT_TRUE(sheet.ok()) << sheet.error;
    ASSERT_EQ(sheet.rows.size(), 1u);
    EXPECT_EQ(sheet.rows[0].cells, (Cells{"", "颍河告成 <断面>"}));
}

TEST(XlsxReader, CsvLinesAreSpreadsheetRowsForTheImporters) {
    const XlsxSheet sheet = read_xlsx_first_sheet(make_workbook(write_water_sheet));
    ASSERT_TRUE(sheet.ok()) << sheet.error;
    const std::string csv = xlsx_rows_to_csv(sheet.rows);
    EXPECT_EQ(csv,
              "section,water_body,date,item,value\n"
              "YH01,river,2026-01-05,NH3-N,0.52\n"
              "\n"
              "YH01,river,2026-01-20,氨氮,0.0000001\n"
              "\"A&B <x> \"\"q\"\", y\",,TRUE,3,-12345678901.5\n");
    std::vector<int> lines;
    std::vector<std::string> bad;
    const auto header = for_each_csv_line(csv, kWaterCsvHeader, [&](int n, std::string_view l) {
        lines.push_back(n);
        if (auto row = parse_water_line(n, l); !row) bad.push_back(row.error().field);
    });
    EXPECT_FALSE(header.has_value());
    EXPECT_EQ(lines, (std::vector<int>{2, 4, 5}));
    EXPECT_EQ(bad.size(), 1u);  // row 5 is not a sample
}

TEST(XlsxCsv, PadsToTheHeaderWidthQuotesAndKeepsOneLinePerRow) {
    const std::vector<XlsxRow> rows = {
        {1, {"a", "b", "c", ""}},
        {2, {"1"}},
        {3, {"", "", ""}},
        {5, {"x\ny", "say \"hi\"", "3", "", "extra"}},
        {6, {"p", "q", "r", "", ""}},
    };
    EXPECT_EQ(xlsx_rows_to_csv(rows), "a,b,c\n1,,\n\n\nx y,\"say \"\"hi\"\"\",3,,extra\np,q,r\n");
    EXPECT_EQ(xlsx_rows_to_csv({}), "");
    EXPECT_EQ(xlsx_rows_to_csv({{3, {"late"}}}), "\n\nlate\n");
}

TEST(XlsxValues, ExponentFormsBecomePlainDecimals) {
    using xlsx::plain_decimal;
    EXPECT_EQ(plain_decimal("1E-3"), "0.001");
    EXPECT_EQ(plain_decimal("1e-07"), "0.0000001");
    EXPECT_EQ(plain_decimal("-2.5E+2"), "-250");
    EXPECT_EQ(plain_decimal("1.23456789012E+11"), "123456789012");
    EXPECT_EQ(plain_decimal("1.5E1"), "15");
    EXPECT_EQ(plain_decimal("12.50E-1"), "1.25");
    EXPECT_EQ(plain_decimal("0E+5"), "0");
    EXPECT_EQ(plain_decimal("5E0"), "5");
    EXPECT_EQ(plain_decimal(".5e1"), "5");
    EXPECT_EQ(plain_decimal("0.52"), "0.52");    // no exponent: unchanged
    EXPECT_EQ(plain_decimal("0.500"), "0.500");  // unchanged
    EXPECT_EQ(plain_decimal("1E-999"), "1E-999");
    EXPECT_EQ(plain_decimal("ND"), "ND");
    EXPECT_EQ(plain_decimal("1E"), "1E");
    EXPECT_EQ(plain_decimal("E5"), "E5");
}

TEST(XlsxValues, SerialDaysBecomeDates) {
    using xlsx::serial_text;
    EXPECT_EQ(serial_text("46027", false, false), "2026-01-05");
    EXPECT_EQ(serial_text("1", false, false), "1900-01-01");
    EXPECT_EQ(serial_text("59", false, false), "1900-02-28");
    EXPECT_EQ(serial_text("60", false, false), "1900-02-29");
    EXPECT_EQ(serial_text("61", false, false), "1900-03-01");
    EXPECT_EQ(serial_text("25569", false, false), "1970-01-01");
    EXPECT_EQ(serial_text("0", true, false), "1904-01-01");
    EXPECT_EQ(serial_text("46027.75", false, true), "2026-01-05 18:00:00");
    EXPECT_EQ(serial_text("46027.999999999", false, true), "2026-01-06 00:00:00");
    EXPECT_EQ(serial_text("46027.75", false, false), "2026-01-05");
    EXPECT_EQ(serial_text("4.6027E4", false, false), "2026-01-05");
    EXPECT_EQ(serial_text("2958465", false, false), "9999-12-31");
    EXPECT_FALSE(serial_text("2958466", false, false));
    EXPECT_FALSE(serial_text("-1", false, false));
    EXPECT_FALSE(serial_text("abc", false, false));
}

TEST(XlsxValues, DateFormats) {
    using xlsx::DateStyle;
    EXPECT_EQ(xlsx::builtin_date_style(14), DateStyle::date);
    EXPECT_EQ(xlsx::builtin_date_style(22), DateStyle::date_time);
    EXPECT_EQ(xlsx::builtin_date_style(31), DateStyle::date);  // yyyy"年"m"月"d"日"
    EXPECT_EQ(xlsx::builtin_date_style(0), DateStyle::none);
    EXPECT_EQ(xlsx::builtin_date_style(2), DateStyle::none);
    EXPECT_EQ(xlsx::date_style("yyyy\\-mm\\-dd"), DateStyle::date);
    EXPECT_EQ(xlsx::date_style("yyyy-mm-dd hh:mm"), DateStyle::date_time);
    EXPECT_EQ(xlsx::date_style("[$-804]yyyy\"年\"m\"月\"d\"日\""), DateStyle::date);
    EXPECT_EQ(xlsx::date_style("0.00\"day\""), DateStyle::none);
    EXPECT_EQ(xlsx::date_style("[Red]0.00"), DateStyle::none);
    EXPECT_EQ(xlsx::date_style("General"), DateStyle::none);
    EXPECT_EQ(xlsx::date_style("h:mm:ss"), DateStyle::none);
}

}  // namespace
}  // namespace ecogov::ingest
