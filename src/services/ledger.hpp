#pragma once
// Task ledger services (issue 4 items 1-6, 8; docs/ledger.md, docs/api.md "Task ledger",
// docs/schema.md "Migration 0004 (ledger)").
//
// Contract:
// - Rights: admin and bureau create and change every task, review reports, issue notices and
//   run the sweep; a unit clerk reports on the milestones of tasks their unit leads or is
//   responsible for, answers their unit's notices and may change a few fields of the tasks their
//   unit leads (content, measures, responsible person, investment completed, physical progress);
//   a leader reads everything and writes nothing. Anything else is `forbidden`.
// - Optimistic versioning: every task carries `version`; a change names the version it read and
//   fails with `conflict` (nothing written) when the stored one differs; a successful change
//   stores version + 1.
// - Every write appends its audit entry in the same transaction; input is checked first and a bad
//   value is `invalid_argument` naming the field.
// - Milestone states stored are pending and done; "late" is derived on reading (pending and past
//   its due date). A task's progress is computed from its milestones (ledger::task_progress).
// - Days are CST calendar days; `today` is always passed in (from the clock by the caller).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "ledger/supervision.hpp"
#include "ledger/task.hpp"
#include "ledger/warnings.hpp"
#include "services/actor.hpp"
#include "services/attachments.hpp"
#include "storage/database.hpp"

namespace ecogov {

/// A category of the configurable list (ledger_categories).
struct LedgerCategory {
    std::string code;
    std::string name_zh;
    std::string name_en;
    int sort_order = 0;
};

struct LedgerMilestone {
    std::int64_t id = 0;
    int seq = 1;
    Date due;
    std::string deliverable;
    std::int64_t responsible_unit_id = 0;
    std::string state = "pending";  // pending | done (stored); "late" only in views
    std::optional<Date> done_on;
    std::optional<std::int64_t> evidence_report_id;
    std::string evidence;
};

/// A task as stored (issue 4 item 1) with its milestones (item 2) and key-project fields (item 6).
struct LedgerTask {
    std::int64_t id = 0;
    std::string code;
    std::string title;
    std::string category;
    std::string content;
    std::vector<std::string> measures;
    std::int64_t lead_unit_id = 0;
    std::vector<std::int64_t> cooperating_unit_ids;
    std::string responsible_leader;
    std::string responsible_person;
    std::optional<std::int64_t> target_id;
    Date start;
    Date due;
    std::string priority = "normal";
    std::string source_document;
    std::string status = "not_started";
    bool key_project = false;
    std::optional<double> investment_planned;    // 万元
    std::optional<double> investment_completed;  // 万元
    std::optional<int> physical_progress;        // 形象进度, percent
    std::optional<Date> last_report_on;
    std::int64_t version = 1;
    std::string created_at;
    std::string updated_at;
    std::vector<LedgerMilestone> milestones;
};

/// Fields a change may carry; `version` is the version read (required).
struct LedgerTaskPatch {
    std::int64_t version = 0;
    std::optional<std::string> title;
    std::optional<std::string> category;
    std::optional<std::string> content;
    std::optional<std::vector<std::string>> measures;
    std::optional<std::int64_t> lead_unit_id;
    std::optional<std::vector<std::int64_t>> cooperating_unit_ids;
    std::optional<std::string> responsible_leader;
    std::optional<std::string> responsible_person;
    std::optional<std::optional<std::int64_t>> target_id;
    std::optional<Date> start;
    std::optional<Date> due;
    std::optional<std::string> priority;
    std::optional<std::string> source_document;
    std::optional<std::string> status;
    std::optional<bool> key_project;
    std::optional<std::optional<double>> investment_planned;
    std::optional<std::optional<double>> investment_completed;
    std::optional<std::optional<int>> physical_progress;
};

/// What the ledger views add to a stored task on `today`.
struct LedgerTaskView {
    LedgerTask task;
    std::string lead_unit_name;
    ledger::TaskProgress progress;
    std::vector<ledger::Warning> warnings;
    std::optional<ledger::WarningKind> worst_warning;
    int yellow_cards = 0;
    int red_cards = 0;
};

/// Filters and paging of the ledger list. `unit_id` matches the lead unit or a milestone's
/// responsible unit; `warning` is a warning id (ledger::warning_id), "late" (overdue of either
/// kind) or "any"; a task matches when one of its milestones has that warning.
struct LedgerFilter {
    std::optional<std::int64_t> unit_id;
    std::optional<std::string> category;
    std::optional<std::string> status;
    std::optional<std::string> warning;
    std::optional<bool> key_project;
    std::optional<std::string> search;  // substring of code or title
    std::int64_t offset = 0;
    std::int64_t limit = 50;  // 1..500
    bool with_milestones = false;
};

struct LedgerPage {
    std::int64_t total = 0;
    std::vector<LedgerTaskView> items;
};

struct LedgerReport {
    std::int64_t id = 0;
    std::int64_t task_id = 0;
    std::int64_t milestone_id = 0;
    int milestone_seq = 0;
    std::int64_t unit_id = 0;
    Date reported_on;
    int percent = 0;
    std::string body;
    std::string status = "pending";  // pending | accepted | returned
    std::string review_reason;
    std::optional<std::int64_t> reviewed_by;
    std::string reviewed_at;
    std::optional<std::int64_t> created_by;
    std::string created_at;
    std::string task_code;
    std::string task_title;
    std::vector<AttachmentMeta> attachments;
};

struct NewLedgerReport {
    std::optional<std::int64_t> milestone_id;  // default: the first milestone not done
    std::optional<Date> reported_on;           // default: today; never after today
    int percent = 0;                           // 0..100, progress of that milestone
    std::string body;
};

struct LedgerCard {
    std::int64_t id = 0;
    std::int64_t task_id = 0;
    std::int64_t unit_id = 0;
    std::string color;
    Date issued_on;
    int milestone_seq = 0;  // 0: a card made of other cards
    std::string reason;
    std::string recorded_at;
};

struct LedgerNotice {
    std::int64_t id = 0;
    std::optional<std::int64_t> task_id;
    std::int64_t unit_id = 0;
    int level = 1;
    Date deadline;
    std::string body;
    std::string status = "open";  // open | answered
    std::string answer;
    std::string answered_at;
    std::string issued_at;
    std::string escalated_at;
    std::string task_code;
};

struct NewLedgerNotice {
    std::optional<std::int64_t> task_id;
    std::optional<std::int64_t> unit_id;  // default: the task's lead unit
    int level = 1;
    Date deadline;
    std::string body;
};

/// Detail of one task: the view, its reports (newest first, with attachments), cards, notices.
struct LedgerTaskDetail {
    LedgerTaskView view;
    std::vector<LedgerReport> reports;
    std::vector<LedgerCard> cards;
    std::vector<LedgerNotice> notices;
};

/// Per-unit or per-category figures over a period (issue 4 item 8): milestones due in the period.
/// on_time: done on or before their due date; late: done after it, or not done and due before
/// the day the figures are taken (as_of: today, at most the period's last day); completion_rate:
/// done / due (0 when none due).
struct LedgerStatRow {
    std::string key;  // unit id as text, or category code
    std::string name;
    std::int64_t tasks = 0;
    std::int64_t milestones_due = 0;
    std::int64_t done = 0;
    std::int64_t on_time = 0;
    std::int64_t late = 0;
    double completion_rate = 0;
    std::int64_t yellow_cards = 0;
    std::int64_t red_cards = 0;
};

struct LedgerStatistics {
    Date from;
    Date to;
    std::vector<LedgerStatRow> units;
    std::vector<LedgerStatRow> categories;
};

/// What the sweep did.
struct LedgerSweep {
    std::int64_t cards_recorded = 0;
    std::int64_t notices_escalated = 0;
    std::int64_t tasks_overdue = 0;  // tasks past their due date moved to status `overdue`
};

// --- categories ----------------------------------------------------------------------------------
Result<std::vector<LedgerCategory>> list_ledger_categories(storage::Connection& c);
/// Adds a category (admin, bureau); code 1-32 of [a-z0-9_], unique.
Result<LedgerCategory> create_ledger_category(storage::Connection& c, const Actor& who,
                                              const LedgerCategory& cat, const std::string& at_iso);

// --- tasks ---------------------------------------------------------------------------------------
/// Creates a task with its milestones (admin, bureau). Milestones are numbered 1..n in the given
/// order; each due date within [start, due]; a milestone's responsible unit defaults to the lead.
Result<LedgerTask> create_ledger_task(storage::Connection& c, const Actor& who, LedgerTask task,
                                      const std::string& at_iso);
Result<LedgerTask> get_ledger_task(storage::Connection& c, std::int64_t id);
Result<LedgerTaskDetail> ledger_task_detail(storage::Connection& c, std::int64_t id, Date today,
                                            const ledger::WarningPolicy& policy);
Result<LedgerTask> update_ledger_task(storage::Connection& c, const Actor& who, std::int64_t id,
                                      const LedgerTaskPatch& patch, const std::string& at_iso);
/// Appends a milestone to a task (admin, bureau), naming the task version read (stale →
/// `conflict`). Its due date lies within the task's span and not before the last milestone's; its
/// responsible unit defaults to the lead unit. The task's version rises; a task awaiting
/// acceptance goes back to in_progress.
Result<LedgerTask> add_ledger_milestone(storage::Connection& c, const Actor& who,
                                        std::int64_t task_id, std::int64_t version,
                                        LedgerMilestone m, const std::string& at_iso);
Result<LedgerPage> list_ledger_tasks(storage::Connection& c, const LedgerFilter& f, Date today,
                                     const ledger::WarningPolicy& policy);
/// The view of stored tasks (progress, warnings, card counts) on `today`.
Result<std::vector<LedgerTaskView>> ledger_views(storage::Connection& c,
                                                 std::vector<LedgerTask> tasks, Date today,
                                                 const ledger::WarningPolicy& policy);

/// A number that changes (in the same transaction) with every write that changes what the ledger
/// list shows; a cached list answer is valid while it stays the same.
Result<std::int64_t> ledger_generation(storage::Connection& c);

// --- reports -------------------------------------------------------------------------------------
/// Files a progress report (the responsible or lead unit's clerk, or bureau/admin).
Result<LedgerReport> create_ledger_report(storage::Connection& c, const Actor& who,
                                          std::int64_t task_id, const NewLedgerReport& r,
                                          Date today, const std::string& at_iso);
/// Attaches a file to a pending report (its unit's clerk or bureau/admin).
Result<AttachmentMeta> attach_to_ledger_report(storage::Connection& c, const Actor& who,
                                               std::int64_t report_id, const UploadedFile& file,
                                               const AttachmentPolicy& policy,
                                               const std::string& at_iso);
/// Reviews a pending report (admin, bureau): accept → its milestone is done on the report's date
/// with the report as evidence; return → `reason` required. A report is reviewed once.
Result<LedgerReport> review_ledger_report(storage::Connection& c, const Actor& who,
                                          std::int64_t report_id, bool accept,
                                          const std::string& reason, const std::string& at_iso);
/// Reports, newest first; `status` and `unit_id` filter when given; at most `limit`.
Result<std::vector<LedgerReport>> list_ledger_reports(storage::Connection& c,
                                                      std::optional<std::string> status,
                                                      std::optional<std::int64_t> unit_id,
                                                      std::optional<std::int64_t> task_id,
                                                      std::int64_t limit);

// --- cards and supervision -----------------------------------------------------------------------
Result<std::vector<LedgerCard>> list_ledger_cards(storage::Connection& c,
                                                  std::optional<std::int64_t> task_id,
                                                  std::optional<std::int64_t> unit_id);
Result<LedgerNotice> create_ledger_notice(storage::Connection& c, const Actor& who,
                                          const NewLedgerNotice& n, Date today,
                                          const std::string& at_iso);
Result<LedgerNotice> answer_ledger_notice(storage::Connection& c, const Actor& who, std::int64_t id,
                                          const std::string& answer, const std::string& at_iso);
Result<std::vector<LedgerNotice>> list_ledger_notices(storage::Connection& c,
                                                      std::optional<std::int64_t> unit_id,
                                                      std::optional<std::string> status,
                                                      std::optional<std::int64_t> task_id);
/// Records the cards every task has earned by `today` (ledger::task_cards, default policy; cards
/// already recorded are kept, not duplicated) and escalates unanswered notices past their
/// deadline (ledger::escalate_notice), and moves tasks past their due date that are still
/// not_started or in_progress to `overdue` (their version rises: an edit based on the old one gets
/// `conflict`). admin and bureau; one transaction, one audit entry.
Result<LedgerSweep> ledger_sweep(storage::Connection& c, const Actor& who, Date today,
                                 const std::string& at_iso);

// --- statistics ----------------------------------------------------------------------------------
/// Per responsible unit and per category over [period_from, period_to] (see LedgerStatRow). The
/// assessment engine's input; reads only. `as_of` (default: period_to) is the day open milestones
/// are judged on; it is capped at period_to.
Result<LedgerStatistics> ledger_unit_statistics(storage::Connection& c, Date period_from,
                                                Date period_to,
                                                std::optional<Date> as_of = std::nullopt);

// --- import / export (docs/ledger.md "File layout") ---------------------------------------------
/// The ledger as rows of cells: the header row, then one row per task (milestones as repeated
/// column groups, as many groups as the task with the most milestones).
Result<std::vector<std::vector<std::string>>> ledger_export_rows(storage::Connection& c);
Result<std::string> ledger_export_csv(storage::Connection& c);
Result<std::string> ledger_export_xlsx(storage::Connection& c);

/// A problem of one imported row (1-based row/line number of the file).
struct LedgerImportError {
    std::size_t row = 0;
    std::string column;
    std::string message;
};

struct LedgerImportReport {
    std::int64_t tasks = 0;
    std::int64_t milestones = 0;
    std::vector<LedgerImportError> errors;  // non-empty: nothing was stored
};

/// One row of an imported file with its 1-based number (CSV: the line it starts on; XLSX: the
/// spreadsheet row).
struct LedgerFileRow {
    std::size_t number = 0;
    std::vector<std::string> cells;
};

/// Imports rows in the export layout (admin, bureau): all or nothing. Task codes must be new;
/// units are named by code or (unique) name, categories by code or Chinese name. Every bad row
/// is listed (row number, column, reason) and then nothing is stored.
Result<LedgerImportReport> import_ledger_rows(storage::Connection& c, const Actor& who,
                                              const std::vector<LedgerFileRow>& rows,
                                              const std::string& at_iso);
/// Parses CSV text (RFC 4180, UTF-8 BOM allowed, quoted fields may hold newlines) or XLSX bytes
/// (first sheet) into rows; rows whose cells are all empty are left out.
Result<std::vector<LedgerFileRow>> ledger_file_rows(std::string_view bytes);

}  // namespace ecogov
