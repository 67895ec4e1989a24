// Ledger import and export in the bureau layout (services/ledger.hpp; issue 4 item 7;
// docs/ledger.md "File layout"): one row per task, milestones as repeated groups of five columns.
#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "services/xlsx_workbook.hpp"
#include "core/file_type.hpp"
#include "core/text.hpp"
#include "ingest/xlsx_reader.hpp"
#include "services/audit.hpp"
#include "services/ledger.hpp"
#include "services/ledger_rows.hpp"

namespace ecogov {

using storage::Row;
using storage::SqlValue;
namespace lr = ledger_rows;

namespace {

constexpr std::array<std::string_view, 19> kFixed{
    "编号",     "任务名称",       "类别",           "任务内容",   "工作措施",
    "牵头单位", "配合单位",       "责任领导",       "责任人",     "关联目标",
    "开始日期", "完成时限",       "优先级",         "来源文件",   "状态",
    "重点项目", "计划投资(万元)", "完成投资(万元)", "形象进度(%)"};
constexpr std::array<std::string_view, 5> kGroup{"完成时限", "成果", "责任单位", "状态",
                                                 "完成日期"};
constexpr std::string_view kYes = "是";
constexpr std::string_view kNo = "否";

std::string group_header(std::size_t i, std::size_t k) {
    return "节点" + std::to_string(i + 1) + std::string(kGroup[k]);
}

std::string number_text(double v) {
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc{} ? std::string(buf, end) : std::string();
}

/// Unit and category names both ways.
struct Names {
    std::map<std::int64_t, std::string> unit_name;
    std::map<std::string, std::int64_t> unit_by_code;
    std::map<std::string, std::vector<std::int64_t>> units_by_name;
    std::map<std::string, std::string> category_name;  // code -> name_zh
    std::map<std::string, std::string> category_by_name;
};

Result<Names> load_names(storage::Connection& c) {
    Names n;
    auto units = c.query("SELECT id, code, name FROM units");
    if (!units) return std::unexpected(units.error());
    for (const Row& r : *units) {
        n.unit_name[r.integer(0)] = r.text(2);
        n.unit_by_code[r.text(1)] = r.integer(0);
        n.units_by_name[r.text(2)].push_back(r.integer(0));
    }
    auto cats = list_ledger_categories(c);
    if (!cats) return std::unexpected(cats.error());
    for (const LedgerCategory& k : *cats) {
        n.category_name[k.code] = k.name_zh;
        n.category_by_name[k.name_zh] = k.code;
    }
    return n;
}

std::string lookup(const std::map<std::int64_t, std::string>& m, std::int64_t id) {
    const auto it = m.find(id);
    return it == m.end() ? std::to_string(id) : it->second;
}

std::vector<std::string> task_row(const LedgerTask& t, const Names& n, std::size_t groups) {
    std::string coop;
    for (std::size_t i = 0; i < t.cooperating_unit_ids.size(); ++i)
        coop += (i ? "、" : "") + lookup(n.unit_name, t.cooperating_unit_ids[i]);
    const auto cat = n.category_name.find(t.category);
    std::vector<std::string> row{t.code,
                                 t.title,
                                 cat == n.category_name.end() ? t.category : cat->second,
                                 t.content,
                                 lr::join_lines(t.measures),
                                 lookup(n.unit_name, t.lead_unit_id),
                                 coop,
                                 t.responsible_leader,
                                 t.responsible_person,
                                 t.target_id ? std::to_string(*t.target_id) : "",
                                 t.start.iso(),
                                 t.due.iso(),
                                 t.priority,
                                 t.source_document,
                                 t.status,
                                 std::string(t.key_project ? kYes : kNo),
                                 t.investment_planned ? number_text(*t.investment_planned) : "",
                                 t.investment_completed ? number_text(*t.investment_completed) : "",
                                 t.physical_progress ? std::to_string(*t.physical_progress) : ""};
    for (std::size_t i = 0; i < groups; ++i) {
        if (i < t.milestones.size()) {
            const LedgerMilestone& m = t.milestones[i];
            row.insert(row.end(),
                       {m.due.iso(), m.deliverable, lookup(n.unit_name, m.responsible_unit_id),
                        m.state, m.done_on ? m.done_on->iso() : ""});
        } else {
            row.insert(row.end(), 5, "");
        }
    }
    return row;
}

// --- CSV reading
// ----------------------------------------------------------------------------------

std::vector<LedgerFileRow> parse_csv(std::string_view s) {
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    std::vector<LedgerFileRow> rows;
    LedgerFileRow row{1, {}};
    std::string field;
    std::size_t line = 1;
    bool quoted = false;
    bool any = false;
    auto end_row = [&] {
        row.cells.push_back(std::move(field));
        field.clear();
        rows.push_back(std::move(row));
        row = LedgerFileRow{line, {}};
        any = false;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        if (quoted) {
            if (ch == '"') {
                if (i + 1 < s.size() && s[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (ch == '\n') ++line;
                field += ch;
            }
            continue;
        }
        if (ch == '"' && field.empty()) {
            quoted = true;
            any = true;
        } else if (ch == ',') {
            row.cells.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (ch == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
            continue;
        } else if (ch == '\n') {
            ++line;
            end_row();
        } else {
            field += ch;
            any = true;
        }
    }
    if (any || !field.empty()) end_row();
    return rows;
}

bool blank(const LedgerFileRow& r) {
    return std::ranges::all_of(r.cells, [](const std::string& c) { return c.empty(); });
}

// --- import checks
// --------------------------------------------------------------------------------

struct RowError {
    std::string column;
    std::string message;
};

using Cells = std::vector<std::string>;

Result<std::int64_t> unit_of(const Names& n, const std::string& text, const std::string& column) {
    if (const auto it = n.unit_by_code.find(text); it != n.unit_by_code.end()) return it->second;
    const auto it = n.units_by_name.find(text);
    if (it == n.units_by_name.end())
        return fail(ErrorCode::invalid_argument, "no unit named '" + text + "'", column);
    if (it->second.size() > 1)
        return fail(ErrorCode::invalid_argument,
                    "'" + text + "' names several units; use the unit code", column);
    return it->second.front();
}

Result<Date> date_of(const std::string& text, const std::string& column) {
    const auto d = Date::parse(text);
    if (!d)
        return fail(ErrorCode::invalid_argument, "'" + text + "' is not a date YYYY-MM-DD", column);
    return *d;
}

Result<std::optional<double>> number_of(const std::string& text, const std::string& column) {
    if (text.empty()) return std::optional<double>{};
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size())
        return fail(ErrorCode::invalid_argument, "'" + text + "' is not a number", column);
    return std::optional<double>{v};
}

std::vector<std::string> split_units(const std::string& text) {
    std::vector<std::string> out;
    std::string_view s = text;
    constexpr std::string_view kSep = "、";
    while (!s.empty()) {
        const auto at = s.find(kSep);
        if (at != 0) out.emplace_back(s.substr(0, at));
        if (at == std::string_view::npos) break;
        s.remove_prefix(at + kSep.size());
    }
    return out;
}

/// The task a row describes (fields parsed; the database checks come with insert_task).
Result<LedgerTask> task_of_row(const Cells& c, const Names& n, std::size_t groups) {
    LedgerTask t;
    t.code = c[0];
    t.title = c[1];
    if (const auto it = n.category_by_name.find(c[2]); it != n.category_by_name.end())
        t.category = it->second;
    else
        t.category = c[2];
    t.content = c[3];
    t.measures = lr::split_lines(c[4]);
    auto lead = unit_of(n, c[5], std::string(kFixed[5]));
    if (!lead) return std::unexpected(lead.error());
    t.lead_unit_id = *lead;
    for (const std::string& u : split_units(c[6])) {
        auto id = unit_of(n, u, std::string(kFixed[6]));
        if (!id) return std::unexpected(id.error());
        t.cooperating_unit_ids.push_back(*id);
    }
    t.responsible_leader = c[7];
    t.responsible_person = c[8];
    if (!c[9].empty()) {
        std::int64_t id = 0;
        const auto [end, ec] = std::from_chars(c[9].data(), c[9].data() + c[9].size(), id);
        if (ec != std::errc{} || end != c[9].data() + c[9].size())
            return fail(ErrorCode::invalid_argument, "'" + c[9] + "' is not a target id",
                        std::string(kFixed[9]));
        t.target_id = id;
    }
    auto start = date_of(c[10], std::string(kFixed[10]));
    if (!start) return std::unexpected(start.error());
    auto due = date_of(c[11], std::string(kFixed[11]));
    if (!due) return std::unexpected(due.error());
    t.start = *start;
    t.due = *due;
    t.priority = c[12];
    t.source_document = c[13];
    t.status = c[14];
    if (c[15] != kYes && c[15] != kNo)
        return fail(ErrorCode::invalid_argument, "'" + c[15] + "': 是 or 否",
                    std::string(kFixed[15]));
    t.key_project = c[15] == kYes;
    auto planned = number_of(c[16], std::string(kFixed[16]));
    if (!planned) return std::unexpected(planned.error());
    auto completed = number_of(c[17], std::string(kFixed[17]));
    if (!completed) return std::unexpected(completed.error());
    auto physical = number_of(c[18], std::string(kFixed[18]));
    if (!physical) return std::unexpected(physical.error());
    t.investment_planned = *planned;
    t.investment_completed = *completed;
    if (*physical) t.physical_progress = static_cast<int>(**physical);
    for (std::size_t i = 0; i < groups; ++i) {
        const std::size_t b = kFixed.size() + i * 5;
        if (c[b].empty() && c[b + 1].empty() && c[b + 2].empty() && c[b + 3].empty() &&
            c[b + 4].empty())
            continue;
        LedgerMilestone m;
        auto d = date_of(c[b], group_header(i, 0));
        if (!d) return std::unexpected(d.error());
        m.due = *d;
        m.deliverable = c[b + 1];
        if (c[b + 2].empty()) {
            m.responsible_unit_id = t.lead_unit_id;
        } else {
            auto u = unit_of(n, c[b + 2], group_header(i, 2));
            if (!u) return std::unexpected(u.error());
            m.responsible_unit_id = *u;
        }
        m.state = c[b + 3].empty() ? "pending" : c[b + 3];
        if (!c[b + 4].empty()) {
            auto done = date_of(c[b + 4], group_header(i, 4));
            if (!done) return std::unexpected(done.error());
            m.done_on = *done;
        }
        if (m.state == "done") m.evidence = "import";
        t.milestones.push_back(std::move(m));
    }
    return t;
}

/// The file's column header for a field named by the task checks (`category`,
/// `milestones[1].due` ...), so that an import error names the column the bureau sees.
std::string column_of(const std::string& field) {
    static const std::map<std::string, std::string_view> kTop{{"code", kFixed[0]},
                                                              {"title", kFixed[1]},
                                                              {"category", kFixed[2]},
                                                              {"content", kFixed[3]},
                                                              {"measures", kFixed[4]},
                                                              {"lead_unit_id", kFixed[5]},
                                                              {"cooperating_unit_ids", kFixed[6]},
                                                              {"responsible_leader", kFixed[7]},
                                                              {"responsible_person", kFixed[8]},
                                                              {"target_id", kFixed[9]},
                                                              {"start", kFixed[10]},
                                                              {"due", kFixed[11]},
                                                              {"priority", kFixed[12]},
                                                              {"source_document", kFixed[13]},
                                                              {"status", kFixed[14]},
                                                              {"investment_planned", kFixed[16]},
                                                              {"investment_completed", kFixed[17]},
                                                              {"physical_progress", kFixed[18]}};
    if (const auto it = kTop.find(field); it != kTop.end()) return std::string(it->second);
    static const std::map<std::string, std::size_t> kPart{
        {"due", 0}, {"deliverable", 1}, {"responsible_unit_id", 2}, {"state", 3}, {"done_on", 4}};
    std::size_t i = 0;
    char part[32] = {};
    if (std::sscanf(field.c_str(), "milestones[%zu].%31s", &i, part) == 2)
        if (const auto it = kPart.find(part); it != kPart.end()) return group_header(i, it->second);
    return field;
}

std::optional<std::string> header_problem(const Cells& h, std::size_t& groups) {
    if (h.size() < kFixed.size() || (h.size() - kFixed.size()) % 5 != 0)
        return "the header has " + std::to_string(h.size()) + " columns; expected " +
               std::to_string(kFixed.size()) + " + 5 per milestone (docs/ledger.md)";
    for (std::size_t i = 0; i < kFixed.size(); ++i)
        if (h[i] != kFixed[i])
            return "column " + std::to_string(i + 1) + " is '" + h[i] + "', expected '" +
                   std::string(kFixed[i]) + "'";
    groups = (h.size() - kFixed.size()) / 5;
    for (std::size_t i = 0; i < groups; ++i)
        for (std::size_t k = 0; k < 5; ++k)
            if (h[kFixed.size() + i * 5 + k] != group_header(i, k))
                return "column " + std::to_string(kFixed.size() + i * 5 + k + 1) + " is '" +
                       h[kFixed.size() + i * 5 + k] + "', expected '" + group_header(i, k) + "'";
    return std::nullopt;
}

}  // namespace

Result<std::vector<std::vector<std::string>>> ledger_export_rows(storage::Connection& c) {
    auto names = load_names(c);
    if (!names) return std::unexpected(names.error());
    auto rows =
        c.query("SELECT " + std::string(lr::kTaskColumns) + " FROM ledger_tasks t ORDER BY t.code");
    if (!rows) return std::unexpected(rows.error());
    std::vector<LedgerTask> tasks;
    for (const Row& r : *rows) tasks.push_back(lr::task_of(r));
    for (std::size_t i = 0; i < tasks.size(); i += 500) {
        std::vector<LedgerTask> part(
            std::make_move_iterator(tasks.begin() + static_cast<std::ptrdiff_t>(i)),
            std::make_move_iterator(tasks.begin() +
                                    static_cast<std::ptrdiff_t>(std::min(i + 500, tasks.size()))));
        if (auto ok = lr::attach_milestones(c, part); !ok) return std::unexpected(ok.error());
        std::ranges::move(part, tasks.begin() + static_cast<std::ptrdiff_t>(i));
    }
    std::size_t groups = 0;
    for (const LedgerTask& t : tasks) groups = std::max(groups, t.milestones.size());
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> header(kFixed.begin(), kFixed.end());
    for (std::size_t i = 0; i < groups; ++i)
        for (std::size_t k = 0; k < 5; ++k) header.push_back(group_header(i, k));
    out.push_back(std::move(header));
    for (const LedgerTask& t : tasks) out.push_back(task_row(t, *names, groups));
    return out;
}

Result<std::string> ledger_export_csv(storage::Connection& c) {
    auto rows = ledger_export_rows(c);
    if (!rows) return std::unexpected(rows.error());
    std::string out = "\xEF\xBB\xBF";  // BOM: Excel opens the UTF-8 file as UTF-8
    for (const auto& row : *rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out += ',';
            append_csv_field(out, row[i]);
        }
        out += "\r\n";
    }
    return out;
}

Result<std::string> ledger_export_xlsx(storage::Connection& c) {
    auto rows = ledger_export_rows(c);
    if (!rows) return std::unexpected(rows.error());
    return build_xlsx([&](lxw_workbook* book) {
        lxw_worksheet* sheet = workbook_add_worksheet(book, "任务台账");
        for (std::size_t r = 0; r < rows->size(); ++r) {
            const auto& row = (*rows)[r];
            for (std::size_t col = 0; col < row.size(); ++col) {
                if (row[col].empty()) continue;
                worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(col),
                                       row[col].c_str(), nullptr);
            }
        }
    });
}

Result<std::vector<LedgerFileRow>> ledger_file_rows(std::string_view bytes) {
    std::vector<LedgerFileRow> rows;
    if (ingest::looks_like_xlsx(bytes)) {
        ingest::XlsxSheet sheet = ingest::read_xlsx_first_sheet(bytes);
        if (!sheet.ok()) return fail(ErrorCode::bad_data, sheet.error, "body");
        for (ingest::XlsxRow& r : sheet.rows) rows.push_back({r.number, std::move(r.cells)});
    } else {
        if (!valid_utf8(bytes))
            return fail(ErrorCode::bad_data, "the file is neither XLSX nor UTF-8 CSV", "body");
        rows = parse_csv(bytes);
    }
    std::erase_if(rows, blank);
    return rows;
}

Result<LedgerImportReport> import_ledger_rows(storage::Connection& c, const Actor& who,
                                              const std::vector<LedgerFileRow>& rows,
                                              const std::string& at_iso) {
    if (!can_write_campaign(who))
        return fail(ErrorCode::forbidden, "only admin and bureau import the ledger");
    LedgerImportReport report;
    if (rows.empty()) {
        report.errors.push_back({1, "", "the file is empty"});
        return report;
    }
    std::size_t groups = 0;
    if (auto bad = header_problem(rows.front().cells, groups)) {
        report.errors.push_back({rows.front().number, "", *bad});
        return report;
    }
    if (rows.size() == 1) {
        report.errors.push_back({rows.front().number, "", "the file has no task rows"});
        return report;
    }
    auto names = load_names(c);
    if (!names) return std::unexpected(names.error());
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    const std::size_t width = rows.front().cells.size();
    std::set<std::string> codes;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        Cells cells = rows[i].cells;
        const std::size_t number = rows[i].number;
        if (cells.size() > width &&
            std::any_of(cells.begin() + static_cast<std::ptrdiff_t>(width), cells.end(),
                        [](const std::string& x) { return !x.empty(); })) {
            report.errors.push_back({number, "", "more cells than the header has columns"});
            continue;
        }
        cells.resize(width);
        auto t = task_of_row(cells, *names, groups);
        if (!t) {
            report.errors.push_back({number, t.error().field, t.error().message});
            continue;
        }
        if (!codes.insert(t->code).second) {
            report.errors.push_back({number, "编号", "task code " + t->code + " appears twice"});
            continue;
        }
        const std::size_t milestones = t->milestones.size();
        auto stored = lr::insert_task(c, std::move(*t), at_iso);
        if (!stored) {
            if (stored.error().code != ErrorCode::invalid_argument &&
                stored.error().code != ErrorCode::conflict)
                return std::unexpected(stored.error());
            report.errors.push_back(
                {number, column_of(stored.error().field), stored.error().message});
            continue;
        }
        ++report.tasks;
        report.milestones += static_cast<std::int64_t>(milestones);
    }
    if (!report.errors.empty()) {
        report.tasks = report.milestones = 0;
        return report;  // the transaction rolls back: nothing stored
    }
    if (auto g = lr::bump_generation(c); !g) return std::unexpected(g.error());
    const std::string after = "{\"tasks\":" + std::to_string(report.tasks) +
                              ",\"milestones\":" + std::to_string(report.milestones) + "}";
    if (auto a = append_audit(c, who, {"import", "ledger_tasks", "", std::nullopt, after}, at_iso);
        !a)
        return std::unexpected(a.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return report;
}

}  // namespace ecogov
