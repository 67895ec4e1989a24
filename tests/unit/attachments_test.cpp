// Attachments: type checks by content (core/file_type) and the store (services/attachments).
#include <gtest/gtest.h>

#include "core/file_type.hpp"
#include "observations_test_db.hpp"
#include "services/attachments.hpp"

namespace ecogov {
namespace {

const std::string kPdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\0\0\rIHDR", 8);

TEST(FileType, SniffsByContentAndName) {
    EXPECT_EQ(sniff_file_type(kPdf, "整改报告.pdf"), FileType::pdf);
    EXPECT_EQ(sniff_file_type(kPng, "photo.PNG"), FileType::png);
    EXPECT_EQ(sniff_file_type("\xFF\xD8\xFF\xE0 jfif", "a.jpeg"), FileType::jpeg);
    EXPECT_EQ(sniff_file_type(std::string("PK\x03\x04 rest", 9), "ledger.xlsx"), FileType::xlsx);
    EXPECT_EQ(sniff_file_type("已完成 50%\n", "note.txt"), FileType::text);
    EXPECT_EQ(sniff_file_type("a,b\n1,2\n", "t.csv"), FileType::csv);
}

TEST(FileType, RejectsContentThatContradictsTheName) {
    EXPECT_FALSE(sniff_file_type(kPdf, "photo.png"));             // a PDF named .png
    EXPECT_FALSE(sniff_file_type("MZ\x90\0 exe", "report.pdf"));  // an executable named .pdf
    EXPECT_FALSE(sniff_file_type(std::string("PK\x03\x04", 4), "archive.zip"));
    EXPECT_FALSE(sniff_file_type(std::string("a\0b", 3), "a.txt"));   // NUL in text
    EXPECT_FALSE(sniff_file_type("\xC3\x28", "bad.txt"));             // broken UTF-8
    EXPECT_FALSE(sniff_file_type("<script>", "page.html"));
}

TEST(FileType, Utf8Validation) {
    EXPECT_TRUE(valid_utf8("登封 ok"));
    EXPECT_FALSE(valid_utf8("\xE7\x99"));          // truncated
    EXPECT_FALSE(valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_TRUE(valid_utf8("\xF0\x9F\x98\x80"));   // emoji
}

TEST(Attachments, CheckUploadGivesClearErrors) {
    AttachmentPolicy policy{.max_bytes = 64};
    auto big = check_upload({"a.txt", "text/plain", std::string(65, 'x')}, policy);
    ASSERT_FALSE(big);
    EXPECT_EQ(big.error().code, ErrorCode::too_large);
    EXPECT_NE(big.error().message.find("65 bytes; the limit is 64"), std::string::npos);
    auto liar = check_upload({"a.pdf", "image/png", kPdf}, policy);
    ASSERT_FALSE(liar);
    EXPECT_EQ(liar.error().code, ErrorCode::unsupported_type);
    EXPECT_NE(liar.error().message.find("PDF document"), std::string::npos);
    EXPECT_EQ(check_upload({"a.exe", "", "MZ"}, policy).error().code, ErrorCode::unsupported_type);
    EXPECT_EQ(check_upload({"", "", kPdf}, policy).error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(check_upload({"../x.pdf", "", kPdf}, policy).error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(check_upload({"e.txt", "", ""}, policy).error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(*check_upload({"a.pdf", "application/octet-stream", kPdf}, policy), "application/pdf");
}

TEST(Attachments, StoredBytesComeBackIdentical) {
    testing::TempDb t;
    auto lease = t.db().acquire();
    std::string bytes = kPng;
    for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);  // every byte value
    auto stored = insert_attachment(*lease, command_line_actor(), "task_report", 7,
                                    {"现场照片.png", "image/png", bytes}, {}, "2026-11-18T00:00:00Z");
    ASSERT_TRUE(stored) << stored.error().message;
    EXPECT_EQ(stored->content_type, "image/png");
    EXPECT_EQ(stored->size_bytes, static_cast<std::int64_t>(bytes.size()));
    auto back = read_attachment(*lease, stored->id);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->bytes, bytes);
    EXPECT_EQ(back->meta.filename, "现场照片.png");
    EXPECT_EQ(back->meta.sha256.size(), 64u);
    auto listed = list_attachments(*lease, "task_report", 7);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_TRUE(list_attachments(*lease, "task_report", 8)->empty());
    EXPECT_EQ(read_attachment(*lease, 999).error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace ecogov
