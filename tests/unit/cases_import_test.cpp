// Inspection batch import (issue 5 item 5): all or nothing, every bad row named by its line and
// field, kinds by id or Chinese name, townships by name or code, duplicate codes in the file or
// the database refused, only admin/bureau.
#include <gtest/gtest.h>

#include "observations_test_db.hpp"
#include "services/problems_import.hpp"

namespace ecogov {
namespace {

using testing::TempDb;

struct CasesImport : ::testing::Test {
    void SetUp() override {
        town = db.unit("town-a");
        auto c = db.db().acquire();
        // rename to a Chinese township name for lookups by name
        const storage::SqlValue p[] = {std::string("嵩阳街道"), town};
        ASSERT_TRUE(c->execute("UPDATE units SET name = $1 WHERE id = $2", p));
    }
    Result<ProblemImportReport> run(const std::string& body, const std::string& code = "B-1",
                                    const Actor& who = command_line_actor()) {
        auto c = db.db().acquire();
        ProblemBatchInfo b{code, "督察反馈", "inspection_batch", Date::from_ymd(2026, 4, 1)};
        return import_problem_batch(*c, db.clock(), who, b, body);
    }
    std::int64_t problems() {
        auto c = db.db().acquire();
        return c->query("SELECT COUNT(*) FROM problems")->front().integer(0);
    }
    TempDb db;
    std::int64_t town = 0;
};

const std::string kHeader = std::string(kProblemCsvHeader) + "\n";

TEST_F(CasesImport, OneBadRowStoresNothingAndEveryBadRowIsNamed) {
    const std::string body = kHeader +
                             "A1,违规排放,嵩阳街道,某厂,2026-03-01,偷排,一般,\n"
                             "A2,nosuchkind,嵩阳街道,某厂,2026-03-01,偷排,一般,\n"
                             "A3,outfall,nowhere,某厂,2026-02-30,偷排,severe,\n"
                             "A1,outfall,town-a,某厂,2026-03-01,,general,\n";
    auto r = run(body);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->batch_id, 0);
    ASSERT_EQ(r->error_count, 6);
    EXPECT_EQ(r->errors[0].line, 3u);
    EXPECT_EQ(r->errors[0].field, "kind");
    EXPECT_EQ(r->errors[1].line, 4u);
    EXPECT_EQ(r->errors[1].field, "township");
    EXPECT_EQ(r->errors[2].field, "discovered_on");
    EXPECT_EQ(r->errors[3].field, "severity");
    EXPECT_EQ(r->errors[4].line, 5u);
    EXPECT_EQ(r->errors[4].field, "code");
    EXPECT_EQ(r->errors[5].field, "description");
    EXPECT_EQ(problems(), 0);
}

TEST_F(CasesImport, GoodFileStoresEveryRowOnce) {
    const std::string body = "\xEF\xBB\xBF" + kHeader +
                             "A1,违规排放,嵩阳街道,\"某厂, 东门\",2026-03-01,偷排,一般,\r\n"
                             ",outfall,town-a,,2026-03-02,排污口,serious,water\r\n\r\n";
    auto r = run(body);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_TRUE(r->errors.empty());
    EXPECT_EQ(r->imported, 2);
    EXPECT_GT(r->batch_id, 0);
    EXPECT_EQ(problems(), 2);
    auto again = run(body);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::conflict);
    auto dup = run(kHeader + "A1,outfall,town-a,,2026-03-02,排污口,,\n", "B-2");
    ASSERT_TRUE(dup);
    ASSERT_EQ(dup->errors.size(), 1u);
    EXPECT_EQ(dup->errors[0].field, "code");
    EXPECT_EQ(problems(), 2);
}

TEST_F(CasesImport, WrongHeaderEmptyFileAndRights) {
    auto header = run("kind,township\nA,B\n");
    ASSERT_TRUE(header);
    ASSERT_EQ(header->errors.size(), 1u);
    EXPECT_EQ(header->errors[0].line, 1u);
    EXPECT_EQ(header->errors[0].field, "header");
    auto empty = run(kHeader);
    ASSERT_TRUE(empty);
    ASSERT_EQ(empty->errors.size(), 1u);
    EXPECT_EQ(empty->errors[0].field, "file");
    auto clerk = run(kHeader + "A1,outfall,town-a,,2026-03-02,x,,\n", "B-3",
                     Actor{0, "clerk", Role::unit, town});
    ASSERT_FALSE(clerk);
    EXPECT_EQ(clerk.error().code, ErrorCode::forbidden);
}

}  // namespace
}  // namespace ecogov
