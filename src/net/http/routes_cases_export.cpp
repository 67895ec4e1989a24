// Ledger export and per-batch rectification report (issue 5 item 5; docs/cases.md "Exports"):
// GET /api/v1/problems/export.xlsx, /api/v1/problems/batches/{id}/report.xlsx and .html.
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "net/http/json_input.hpp"
#include "net/http/routes_air_params.hpp"
#include "net/http/routes_cases.hpp"
#include "services/xlsx_workbook.hpp"
#include "services/organisation.hpp"

namespace ecogov::http {

namespace {

constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const std::map<std::string, std::string>& state_names() {
    static const std::map<std::string, std::string> names{
        {"reported", "已发现"},        {"verified", "已核实"},
        {"dismissed", "不予立案"},     {"assigned", "已交办"},
        {"rectifying", "整改中"},      {"submitted", "申请验收"},
        {"self_accepted", "自验通过"}, {"bureau_accepted", "局验收通过"},
        {"public_notice", "公示中"},   {"closed", "已销号"}};
    return names;
}

std::string lookup(const std::map<std::string, std::string>& m, const std::string& key) {
    auto it = m.find(key);
    return it == m.end() ? key : it->second;
}

/// Names the ledger needs: kinds and units.
struct Names {
    std::map<std::string, std::string> kinds;
    std::map<std::int64_t, std::string> units;
    std::string unit(std::int64_t id) const {
        auto it = units.find(id);
        return it == units.end() ? std::to_string(id) : it->second;
    }
};

Result<Names> load_names(storage::Connection& c) {
    Names n;
    auto kinds = list_problem_kinds(c);
    if (!kinds) return std::unexpected(kinds.error());
    for (const auto& k : *kinds) n.kinds[k.id] = k.name_zh;
    auto units = list_units(c);
    if (!units) return std::unexpected(units.error());
    for (const auto& u : *units) n.units[u.id] = u.name;
    return n;
}

const std::vector<std::string> kLedgerHeader{
    "编号 code",          "类型 kind",     "属地 township",     "地址 address",
    "发现日期 discovered", "问题描述 description", "严重程度 severity", "责任单位 responsible unit",
    "监管部门 supervising", "状态 state",   "整改目标 goal",     "整改措施 measures",
    "整改时限 deadline",   "责任人 person", "预警 warning",     "来源 source reference"};

std::vector<std::string> ledger_row(const ProblemRecord& p, const Names& n) {
    std::string sup, measures;
    for (auto id : p.supervising_unit_ids) sup += (sup.empty() ? "" : "、") + n.unit(id);
    for (const auto& m : p.plan_measures) measures += (measures.empty() ? "" : "；") + m;
    const std::string warning =
        p.warning == "overdue" ? "逾期" : (p.warning == "due_soon" ? "临期" : "");
    return {p.code,
            lookup(n.kinds, p.kind),
            n.unit(p.township_unit_id),
            p.address,
            p.discovered_on.iso(),
            p.description,
            p.severity == "serious" ? "严重后果" : "一般",
            n.unit(p.responsible_unit_id),
            sup,
            lookup(state_names(), p.state),
            p.plan_goal,
            measures,
            p.deadline ? p.deadline->iso() : "",
            p.responsible_person,
            warning,
            p.source_reference};
}

Response xlsx_response(Result<std::string> bytes, const std::string& filename) {
    if (!bytes) return error_response(bytes.error());
    Response r;
    r.content_type = std::string(kXlsxType);
    r.body = std::move(*bytes);
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return r;
}

std::string html_escape(std::string_view s) {
    std::string out;
    for (char ch : s) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += ch;
        }
    }
    return out;
}

/// The rectification report of one batch as a printable HTML page (A4 landscape).
std::string report_html(const ProblemBatch& b, const std::vector<ProblemRecord>& problems,
                        const Names& n, Date today) {
    std::int64_t rectified = 0, overdue = 0, closed = 0;
    for (const auto& p : problems) {
        rectified += (p.state == "bureau_accepted" || p.state == "public_notice" ||
                      p.state == "closed") ? 1 : 0;
        closed += p.state == "closed" ? 1 : 0;
        overdue += p.warning == "overdue" ? 1 : 0;
    }
    std::ostringstream o;
    o << "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
      << html_escape(b.title) << " 整改情况报告</title><style>"
      << "@page{size:A4 landscape;margin:12mm}body{font-family:'Noto Sans CJK SC',sans-serif;"
         "font-size:11pt;color:#000}h1{font-size:16pt;text-align:center}"
         "table{border-collapse:collapse;width:100%}th,td{border:1px solid #333;padding:3px 5px;"
         "vertical-align:top}th{background:#eee}tr{page-break-inside:avoid}"
         "thead{display:table-header-group}.overdue{color:#b00}"
         "@media print{.noprint{display:none}}</style></head><body>"
      << "<h1>" << html_escape(b.title) << " 整改情况报告</h1>"
      << "<p>批次 " << html_escape(b.code) << "，收到日期 " << b.received_on.iso()
      << "，统计日期 " << today.iso() << "。共 " << problems.size() << " 个问题，已整改（验收通过） "
      << rectified << " 个，已销号 " << closed << " 个，逾期 " << overdue << " 个。</p>"
      << "<table><thead><tr>";
    for (const char* h : {"编号", "类型", "属地", "问题描述", "责任单位", "整改时限", "状态", "预警"})
        o << "<th>" << h << "</th>";
    o << "</tr></thead><tbody>";
    for (const auto& p : problems) {
        const auto row = ledger_row(p, n);
        o << "<tr" << (p.warning == "overdue" ? " class=\"overdue\"" : "") << ">";
        for (std::size_t i : {0u, 1u, 2u, 5u, 7u, 12u, 9u, 14u})
            o << "<td>" << html_escape(row[i]) << "</td>";
        o << "</tr>";
    }
    o << "</tbody></table></body></html>\n";
    return o.str();
}

Result<std::pair<ProblemBatch, std::vector<ProblemRecord>>> batch_problems(
    storage::Connection& c, Request& r, Date today) {
    auto id = parse_id(r.path_params["id"], "id");
    if (!id) return std::unexpected(id.error());
    auto b = get_problem_batch(c, *id);
    if (!b) return std::unexpected(b.error());
    ProblemFilter f;
    f.batch_id = *id;
    auto list = list_problems(c, f, today);
    if (!list) return std::unexpected(list.error());
    std::sort(list->begin(), list->end(),
              [](const ProblemRecord& x, const ProblemRecord& y) { return x.code < y.code; });
    return std::pair{*b, std::move(*list)};
}

}  // namespace

Result<std::string> xlsx_table(const char* sheet_name,
                               const std::vector<std::vector<std::string>>& rows) {
    return build_xlsx([&](lxw_workbook* book) {
        lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name);
        lxw_format* bold = workbook_add_format(book);
        format_set_bold(bold);
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (std::size_t c = 0; c < rows[r].size(); ++c)
                worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                       rows[r][c].c_str(), r == 0 ? bold : nullptr);
        worksheet_freeze_panes(sheet, 1, 0);
    });
}

void register_cases_export_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/problems/export.xlsx", Access::read,
               "The problem ledger as XLSX (same filters as the list)", [&ctx](Request& r) {
                   ProblemFilter f;
                   f.kind = r.param("kind");
                   f.state = r.param("state");
                   auto c = ctx.db.acquire();
                   auto list = list_problems(*c, f, today_cst(ctx));
                   if (!list) return error_response(list.error());
                   auto names = load_names(*c);
                   if (!names) return error_response(names.error());
                   std::vector<std::vector<std::string>> rows{kLedgerHeader};
                   for (const auto& p : *list) rows.push_back(ledger_row(p, *names));
                   return xlsx_response(xlsx_table("问题台账", rows), "problems.xlsx");
               });
    router.add("GET", "/api/v1/problems/batches/{id}/report.xlsx", Access::read,
               "Rectification report of an inspection batch (XLSX)", [&ctx](Request& r) {
                   auto c = ctx.db.acquire();
                   auto data = batch_problems(*c, r, today_cst(ctx));
                   if (!data) return error_response(data.error());
                   auto names = load_names(*c);
                   if (!names) return error_response(names.error());
                   std::vector<std::vector<std::string>> rows{kLedgerHeader};
                   for (const auto& p : data->second) rows.push_back(ledger_row(p, *names));
                   return xlsx_response(xlsx_table("整改情况", rows),
                                        "batch-" + std::to_string(data->first.id) + ".xlsx");
               });
    router.add("GET", "/api/v1/problems/batches/{id}/report.html", Access::read,
               "Rectification report of an inspection batch (printable HTML)",
               [&ctx](Request& r) {
                   auto c = ctx.db.acquire();
                   auto data = batch_problems(*c, r, today_cst(ctx));
                   if (!data) return error_response(data.error());
                   auto names = load_names(*c);
                   if (!names) return error_response(names.error());
                   Response out;
                   out.content_type = "text/html; charset=utf-8";
                   out.body = report_html(data->first, data->second, *names, today_cst(ctx));
                   return out;
               });
}

}  // namespace ecogov::http
