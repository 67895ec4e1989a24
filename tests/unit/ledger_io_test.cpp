// Ledger import/export round trip and all-or-nothing import (issue 4 acceptance 3), plus the
// stored workflow: review makes a milestone done, the sweep records cards once, statistics.
#include <gtest/gtest.h>

#include "ingest/xlsx_reader.hpp"
#include "observations_test_db.hpp"
#include "services/ledger.hpp"

namespace ecogov {
namespace {

using testing::TempDb;

Date d(int y, int m, int day) {
    return Date::from_ymd(y, m, day);
}
const std::string kAt = "2026-11-18T00:00:00Z";

struct Units {
    std::int64_t a = 0, b = 0, dept = 0;
};

Units add_units(TempDb& db) {
    return {db.unit("T-A"), db.unit("T-B"), db.unit("D-1", "department")};
}

LedgerTask task(const std::string& code, std::int64_t lead, std::vector<Date> dues) {
    LedgerTask t;
    t.code = code;
    t.title = "任务 " + code + ", 含逗号和\"引号\"";
    t.category = "dust_control";
    t.content = "第一行\n第二行";
    t.measures = {"围挡", "湿法作业, 洒水"};
    t.lead_unit_id = lead;
    t.responsible_leader = "张三";
    t.responsible_person = "李四";
    t.start = d(2026, 1, 1);
    t.due = d(2026, 12, 31);
    t.priority = "high";
    t.source_document = "登政办〔2026〕1号";
    for (Date due : dues) {
        LedgerMilestone m;
        m.due = due;
        m.deliverable = "成果 " + due.iso();
        t.milestones.push_back(m);
    }
    return t;
}

void fill(TempDb& db, const Units& u) {
    auto c = db.db().acquire();
    const Actor cli = command_line_actor();
    LedgerTask t1 = task("A-001", u.a, {d(2026, 3, 1), d(2026, 6, 30)});
    t1.cooperating_unit_ids = {u.b, u.dept};
    t1.milestones[1].responsible_unit_id = u.b;
    auto made = create_ledger_task(*c, cli, t1, kAt);
    ASSERT_TRUE(made) << made.error().message;
    LedgerTask t2 = task("K-001", u.dept, {d(2026, 5, 1), d(2026, 8, 1), d(2026, 11, 1)});
    t2.category = "key_project";
    t2.key_project = true;
    t2.investment_planned = 850000.25;
    t2.investment_completed = 1200.5;
    t2.physical_progress = 14;
    ASSERT_TRUE(create_ledger_task(*c, cli, t2, kAt));
    ASSERT_TRUE(create_ledger_task(*c, cli, task("B-001", u.b, {}), kAt));
    // milestone 1 of A-001 done late by an accepted report
    auto rep = create_ledger_report(*c, cli, made->id, {std::nullopt, d(2026, 3, 5), 100, "完成"},
                                    d(2026, 11, 18), kAt);
    ASSERT_TRUE(rep) << rep.error().message;
    ASSERT_TRUE(review_ledger_report(*c, cli, rep->id, true, "", kAt));
}

std::vector<std::vector<std::string>> sheet_cells(const std::string& xlsx) {
    const auto sheet = ingest::read_xlsx_first_sheet(xlsx);
    EXPECT_TRUE(sheet.ok()) << sheet.error;
    std::vector<std::vector<std::string>> out;
    for (const auto& r : sheet.rows) out.push_back(r.cells);
    return out;
}

std::int64_t task_count(TempDb& db) {
    auto c = db.db().acquire();
    auto rows = c->query("SELECT COUNT(*) FROM ledger_tasks");
    return rows ? rows->at(0).integer(0) : -1;
}

TEST(LedgerIo, XlsxExportReimportExportIsIdentical) {
    TempDb first;
    const Units u1 = add_units(first);
    fill(first, u1);
    std::string xlsx1;
    std::string csv1;
    {
        auto c = first.db().acquire();
        auto x = ledger_export_xlsx(*c);
        ASSERT_TRUE(x) << x.error().message;
        xlsx1 = *x;
        csv1 = *ledger_export_csv(*c);
    }
    const auto cells1 = sheet_cells(xlsx1);
    ASSERT_EQ(cells1.size(), 4u);  // header + 3 tasks
    EXPECT_EQ(cells1[0].size(), 19u + 3 * 5);
    EXPECT_EQ(cells1[1][0], "A-001");
    EXPECT_EQ(cells1[1][4], "围挡\n湿法作业, 洒水");
    EXPECT_EQ(cells1[1][6], "T-B name、D-1 name");
    EXPECT_EQ(cells1[1][19 + 3], "done");
    EXPECT_EQ(cells1[1][19 + 4], "2026-03-05");

    TempDb second;
    add_units(second);
    {
        auto c = second.db().acquire();
        auto rows = ledger_file_rows(xlsx1);
        ASSERT_TRUE(rows) << rows.error().message;
        auto report = import_ledger_rows(*c, command_line_actor(), *rows, kAt);
        ASSERT_TRUE(report) << report.error().message;
        ASSERT_TRUE(report->errors.empty())
            << report->errors.front().row << ": " << report->errors.front().message;
        EXPECT_EQ(report->tasks, 3);
        EXPECT_EQ(report->milestones, 5);
        auto x2 = ledger_export_xlsx(*c);
        ASSERT_TRUE(x2);
        EXPECT_EQ(sheet_cells(*x2), cells1);
        EXPECT_EQ(*ledger_export_csv(*c), csv1);
    }
    // the CSV export imports the same way
    TempDb third;
    add_units(third);
    auto c = third.db().acquire();
    auto rows = ledger_file_rows(csv1);
    ASSERT_TRUE(rows);
    auto report = import_ledger_rows(*c, command_line_actor(), *rows, kAt);
    ASSERT_TRUE(report && report->errors.empty());
    EXPECT_EQ(*ledger_export_csv(*c), csv1);
}

TEST(LedgerIo, BadRowsAreListedWithNumbersAndNothingIsStored) {
    TempDb db;
    const Units u = add_units(db);
    fill(db, u);
    std::string csv;
    {
        auto c = db.db().acquire();
        csv = *ledger_export_csv(*c);
    }
    TempDb empty;
    add_units(empty);
    // rows A-001 (lines 2-4: content and measures hold newlines), B-001 (5-7), K-001 (8-10):
    // K-001 gets a bad milestone date, B-001 an unknown lead unit
    std::string bad = csv;
    bad.replace(bad.find("2026-05-01"), 10, "2026-13-01");
    bad.replace(bad.find("T-B name,,"), 8, "无此单位");
    auto c = empty.db().acquire();
    auto rows = ledger_file_rows(bad);
    ASSERT_TRUE(rows);
    auto report = import_ledger_rows(*c, command_line_actor(), *rows, kAt);
    ASSERT_TRUE(report);
    ASSERT_EQ(report->errors.size(), 2u);
    EXPECT_EQ(report->errors[0].row, 5u);
    EXPECT_EQ(report->errors[0].column, "牵头单位");
    EXPECT_EQ(report->errors[1].row, 8u);
    EXPECT_EQ(report->errors[1].column, "节点1完成时限");
    EXPECT_EQ(report->tasks, 0);
    EXPECT_EQ(task_count(empty), 0);
}

TEST(LedgerIo, ErrorsNameTheFileColumn) {
    TempDb db;
    const Units u = add_units(db);
    fill(db, u);
    std::string csv;
    {
        auto c = db.db().acquire();
        csv = *ledger_export_csv(*c);
    }
    TempDb empty;
    add_units(empty);
    // K-001's second milestone due after the task's due date; B-001 with an unknown priority
    std::string bad = csv;
    bad.replace(bad.find("2026-08-01"), 10, "2027-08-01");
    const auto b = bad.find("B-001");
    bad.replace(bad.find(",high,", b), 6, ",highest,");
    auto c = empty.db().acquire();
    auto report = import_ledger_rows(*c, command_line_actor(), *ledger_file_rows(bad), kAt);
    ASSERT_TRUE(report);
    ASSERT_EQ(report->errors.size(), 2u);
    EXPECT_EQ(report->errors[0].column, "优先级");
    EXPECT_EQ(report->errors[1].column, "节点2完成时限");
    EXPECT_EQ(task_count(empty), 0);
}

TEST(LedgerIo, WrongHeaderIsRowOne) {
    TempDb db;
    auto c = db.db().acquire();
    auto rows = ledger_file_rows("code,title\nX,Y\n");
    ASSERT_TRUE(rows);
    auto report = import_ledger_rows(*c, command_line_actor(), *rows, kAt);
    ASSERT_TRUE(report);
    ASSERT_EQ(report->errors.size(), 1u);
    EXPECT_EQ(report->errors[0].row, 1u);
}

TEST(LedgerStored, SweepRecordsCardsOnceAndStatisticsCountThem) {
    TempDb db;
    const Units u = add_units(db);
    fill(db, u);
    auto c = db.db().acquire();
    const Date today = d(2026, 11, 18);
    auto s1 = ledger_sweep(*c, command_line_actor(), today, kAt);
    ASSERT_TRUE(s1) << s1.error().message;
    // m1 done on 03-05 after its 03-01 due date (card 03-02), m2 due 06-30 open (07-01);
    // K-001: 05-01 (05-02), 08-01 (08-02), 11-01 (11-02): 5 yellows; reds: none within 30 days
    // for A-001 (03-02, 07-01); K-001 none (05-02, 08-02, 11-02 all >= 30 days apart).
    EXPECT_EQ(s1->cards_recorded, 5);
    EXPECT_EQ(s1->tasks_overdue, 0);
    auto s2 = ledger_sweep(*c, command_line_actor(), today, kAt);
    ASSERT_TRUE(s2);
    EXPECT_EQ(s2->cards_recorded, 0);
    auto stats = ledger_unit_statistics(*c, d(2026, 1, 1), d(2026, 12, 31), today);
    ASSERT_TRUE(stats) << stats.error().message;
    std::map<std::string, LedgerStatRow> by;
    for (const auto& r : stats->units) by[r.name] = r;
    EXPECT_EQ(by["T-A name"].milestones_due, 1);
    EXPECT_EQ(by["T-A name"].done, 1);
    EXPECT_EQ(by["T-A name"].on_time, 0);
    EXPECT_EQ(by["T-A name"].late, 1);
    EXPECT_DOUBLE_EQ(by["T-A name"].completion_rate, 1.0);
    EXPECT_EQ(by["T-B name"].late, 1);
    EXPECT_EQ(by["D-1 name"].late, 3);
    EXPECT_EQ(by["D-1 name"].yellow_cards, 3);
}

TEST(LedgerStored, SweepMovesTasksPastTheirDueDateToOverdue) {
    TempDb db;
    const Units u = add_units(db);
    fill(db, u);  // three tasks due 2026-12-31: A-001 in_progress, K-001 and B-001 not_started
    auto c = db.db().acquire();
    auto before = list_ledger_tasks(*c, LedgerFilter{}, d(2026, 12, 31), {});
    ASSERT_TRUE(before);
    auto s = ledger_sweep(*c, command_line_actor(), d(2026, 12, 31), kAt);  // due today: in time
    ASSERT_TRUE(s);
    EXPECT_EQ(s->tasks_overdue, 0);
    s = ledger_sweep(*c, command_line_actor(), d(2027, 1, 1), kAt);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->tasks_overdue, 3);
    LedgerFilter f;
    f.status = "overdue";
    auto overdue = list_ledger_tasks(*c, f, d(2027, 1, 1), {});
    ASSERT_TRUE(overdue);
    EXPECT_EQ(overdue->total, 3);
    // an edit based on the version read before the sweep is refused
    LedgerTaskPatch p;
    p.version = before->items.front().task.version;
    p.content = "x";
    auto stale =
        update_ledger_task(*c, command_line_actor(), before->items.front().task.id, p, kAt);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::conflict);
}

TEST(LedgerStored, UnansweredNoticeEscalatesAfterItsDeadline) {
    TempDb db;
    const Units u = add_units(db);
    auto c = db.db().acquire();
    const Actor cli = command_line_actor();
    auto n = create_ledger_notice(*c, cli, {std::nullopt, u.a, 1, d(2026, 11, 20), "督办"},
                                  d(2026, 11, 18), kAt);
    ASSERT_TRUE(n) << n.error().message;
    ASSERT_TRUE(ledger_sweep(*c, cli, d(2026, 11, 20), kAt));  // the deadline day: in time
    EXPECT_EQ(list_ledger_notices(*c, u.a, std::nullopt, std::nullopt)->front().level, 1);
    auto s = ledger_sweep(*c, cli, d(2026, 11, 21), kAt);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->notices_escalated, 1);
    const auto after = list_ledger_notices(*c, u.a, std::nullopt, std::nullopt)->front();
    EXPECT_EQ(after.level, 2);
    EXPECT_EQ(after.deadline, d(2026, 11, 24));
    Actor clerk{0, "clerk", Role::unit, u.a};
    ASSERT_TRUE(answer_ledger_notice(*c, clerk, after.id, "已整改", kAt));
    auto s3 = ledger_sweep(*c, cli, d(2026, 12, 31), kAt);
    ASSERT_TRUE(s3);
    EXPECT_EQ(s3->notices_escalated, 0);
}

}  // namespace
}  // namespace ecogov
