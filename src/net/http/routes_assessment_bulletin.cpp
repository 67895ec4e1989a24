// The bulletin (通报) of an assessment run: XLSX, HTML, PDF (routes_assessment.hpp).
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/json.hpp>

#include "services/xlsx_workbook.hpp"
#include "net/http/routes_assessment.hpp"

namespace ecogov::http {

namespace json = boost::json;

namespace {

std::string text(const json::value& v) {
    if (v.is_string()) return std::string(v.as_string());
    if (v.is_null()) return "";
    return json::serialize(v);
}

double number(const json::value& v) { return v.is_number() ? v.to_number<double>() : 0.0; }

const json::array& units(const json::value& results) { return results.at("units").as_array(); }

std::string group_label(const json::value& u) {
    const std::string g = text(u.at("group"));
    return g.empty() ? "全部" : g;
}

class Sheet {
public:
    Sheet(lxw_workbook* book, const char* name, lxw_format* bold) : sheet_(workbook_add_worksheet(book, name)), bold_(bold) {}
    void header(std::initializer_list<const char*> names) {
        lxw_col_t c = 0;
        for (const char* n : names) worksheet_write_string(sheet_, row_, c++, n, bold_);
        ++row_;
    }
    /// One row: numbers (JSON numbers) as numbers, everything else as text.
    void row(std::initializer_list<json::value> cells) {
        lxw_col_t c = 0;
        for (const json::value& v : cells) {
            if (v.is_number()) worksheet_write_number(sheet_, row_, c, v.to_number<double>(), nullptr);
            else if (!v.is_null()) worksheet_write_string(sheet_, row_, c, text(v).c_str(), nullptr);
            ++c;
        }
        ++row_;
    }
    void widths(std::initializer_list<double> w) {
        lxw_col_t c = 0;
        for (double x : w) worksheet_set_column(sheet_, c, c, x, nullptr), ++c;
    }

private:
    lxw_worksheet* sheet_;
    lxw_format* bold_;
    lxw_row_t row_ = 0;
};

void ranking_sheet(lxw_workbook* book, lxw_format* bold, const json::value& results) {
    Sheet s(book, "排名", bold);
    s.header({"分组 group", "名次 rank", "代码 code", "单位 unit", "总分 total", "等级 grade", "较上期 change", "上期名次 previous rank",
              "先进 top", "预警 warned"});
    for (const json::value& u : units(results))
        s.row({json::value(group_label(u)), u.at("rank"), u.at("code"), u.at("name"), u.at("total"), u.at("grade"), u.at("change"),
               u.at("previous_rank"), json::value(u.at("top").as_bool() ? "是" : ""), json::value(u.at("warned").as_bool() ? "是" : "")});
    s.widths({12, 8, 10, 24, 10, 10, 12, 12, 8, 8});
}

void top_warned_sheet(lxw_workbook* book, lxw_format* bold, const json::value& results) {
    Sheet s(book, "先进与预警", bold);
    s.header({"类别 kind", "分组 group", "名次 rank", "单位 unit", "总分 total", "原因 reason"});
    for (const json::value& u : units(results))
        if (u.at("top").as_bool()) s.row({"先进 top", json::value(group_label(u)), u.at("rank"), u.at("name"), u.at("total"), ""});
    for (const json::value& u : units(results)) {
        if (!u.at("warned").as_bool()) continue;
        std::string why = text(u.at("grade_note"));
        for (const json::value& v : u.at("vetoes").as_array()) why += text(v.at("cause")) + "。";
        if (why.empty()) why = "组内排名靠后或等级为末等";
        s.row({"预警 warned", json::value(group_label(u)), u.at("rank"), u.at("name"), u.at("total"), json::value(why)});
    }
    s.widths({12, 12, 8, 24, 10, 60});
}

void explanation_sheet(lxw_workbook* book, lxw_format* bold, const json::value& results) {
    Sheet s(book, "得分说明", bold);
    s.header({"代码 code", "单位 unit", "类别 kind", "项目 item", "指标 indicator", "值 value", "得分 points", "满分 max", "说明 explanation"});
    for (const json::value& u : units(results)) {
        for (const json::value& i : u.at("items").as_array())
            s.row({u.at("code"), u.at("name"), "考核项", i.at("name"), i.at("indicator"), i.at("value"), i.at("points"), i.at("max"),
                   i.at("explanation")});
        for (const json::value& b : u.at("bonuses").as_array())
            s.row({u.at("code"), u.at("name"), "加分", b.at("name"), b.at("indicator"), b.at("value"), b.at("points"), nullptr,
                   b.at("explanation")});
        for (const json::value& p : u.at("preconditions").as_array())
            s.row({u.at("code"), u.at("name"), "评优前置", p.at("name"), nullptr, p.at("value"), nullptr, nullptr, p.at("explanation")});
        for (const json::value& v : u.at("vetoes").as_array())
            s.row({u.at("code"), u.at("name"), "一票否决", v.at("name"), nullptr, v.at("value"), nullptr, nullptr, v.at("cause")});
        for (const json::value& m : u.at("money").as_array())
            s.row({u.at("code"), u.at("name"), "生态补偿（元）", m.at("name"), m.at("indicator"), m.at("value"), m.at("yuan"), nullptr,
                   m.at("explanation")});
        s.row({u.at("code"), u.at("name"), "合计", "总分 / 等级", nullptr, nullptr, u.at("total"), nullptr,
               json::value(text(u.at("grade")) + " " + text(u.at("grade_note")))});
    }
    s.widths({10, 20, 12, 20, 22, 10, 10, 8, 90});
}

void inputs_sheet(lxw_workbook* book, lxw_format* bold, const json::value& inputs) {
    Sheet s(book, "输入值", bold);
    s.header({"代码 code", "单位 unit", "指标 indicator", "值 value", "来源 source"});
    if (!inputs.is_object()) return;
    for (const json::value& u : inputs.at("units").as_array())
        for (const auto& [id, v] : u.at("values").as_object())
            s.row({u.at("code"), u.at("name"), json::value(std::string(id)), v.at("value"), v.at("source")});
    s.widths({10, 20, 26, 12, 10});
}

std::string esc(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

/// A horizontal bar chart (inline SVG) of (label, value) pairs.
std::string bar_chart(const std::string& title, const std::vector<std::pair<std::string, double>>& bars) {
    double max = 1;
    for (const auto& b : bars) max = std::max(max, b.second);
    const int row = 18, left = 150, width = 420;
    std::string svg = "<figure><figcaption>" + esc(title) + "</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      std::to_string(left + width + 60) + "\" height=\"" + std::to_string(row * bars.size() + 4) + "\">";
    int y = 0;
    for (const auto& [label, v] : bars) {
        const int w = static_cast<int>(std::max(0.0, v) / max * width);
        svg += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + std::to_string(y + 13) + "\" text-anchor=\"end\" font-size=\"12\">" +
               esc(label) + "</text><rect x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
               std::to_string(w) + "\" height=\"12\" fill=\"#3b7dd8\"/><text x=\"" + std::to_string(left + w + 4) + "\" y=\"" +
               std::to_string(y + 13) + "\" font-size=\"11\">" + fmt(v) + "</text>";
        y += row;
    }
    return svg + "</svg></figure>";
}

std::string group_tables(const json::value& results) {
    std::string out;
    std::string current = "\x01";
    for (const json::value& u : units(results)) {
        const std::string g = group_label(u);
        if (g != current) {
            if (current != "\x01") out += "</tbody></table>";
            current = g;
            out += "<h3>" + esc(g) + "</h3><table><thead><tr><th>名次</th><th>单位</th><th>总分</th><th>等级</th><th>较上期</th><th>备注</th>"
                   "</tr></thead><tbody>";
        }
        std::string note = u.at("top").as_bool() ? "先进 " : "";
        if (u.at("warned").as_bool()) note += "预警 ";
        for (const json::value& v : u.at("vetoes").as_array()) note += text(v.at("name")) + " ";
        out += "<tr" + std::string(u.at("warned").as_bool() ? " class=\"warned\"" : "") + "><td>" + text(u.at("rank")) + "</td><td>" +
               esc(text(u.at("name"))) + "</td><td>" + text(u.at("total")) + "</td><td>" + esc(text(u.at("grade"))) + "</td><td>" +
               text(u.at("change")) + "</td><td>" + esc(note) + "</td></tr>";
    }
    if (current != "\x01") out += "</tbody></table>";
    return out;
}

std::string explanations(const json::value& results) {
    std::string out = "<h2>得分说明 Explanations</h2>";
    for (const json::value& u : units(results)) {
        out += "<section class=\"unit\"><h4>" + esc(text(u.at("name"))) + "（" + esc(text(u.at("code"))) + "）总分 " + text(u.at("total")) +
               "，" + esc(text(u.at("grade"))) + "，组内第 " + text(u.at("rank")) + " 名</h4><ul>";
        for (const json::value& i : u.at("items").as_array())
            out += "<li>" + esc(text(i.at("name"))) + "：" + esc(text(i.at("explanation"))) + "</li>";
        for (const json::value& b : u.at("bonuses").as_array())
            out += "<li>加分 " + esc(text(b.at("name"))) + "：" + esc(text(b.at("explanation"))) + "</li>";
        for (const json::value& v : u.at("vetoes").as_array()) out += "<li class=\"veto\">" + esc(text(v.at("cause"))) + "</li>";
        if (!text(u.at("grade_note")).empty()) out += "<li>" + esc(text(u.at("grade_note"))) + "</li>";
        out += "</ul></section>";
    }
    return out;
}

}  // namespace

Result<std::string> bulletin_xlsx(const json::value& results, const json::value& inputs) {
    return build_xlsx([&](lxw_workbook* book) {
        lxw_format* bold = workbook_add_format(book);
        format_set_bold(bold);
        ranking_sheet(book, bold, results);
        top_warned_sheet(book, bold, results);
        explanation_sheet(book, bold, results);
        inputs_sheet(book, bold, inputs);
    });
}

std::string bulletin_html(const json::value& results) {
    const std::string title = text(results.at("scheme")) + " " + text(results.at("period")) + " 通报";
    std::string out = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + esc(title) +
                      "</title><style>body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:6px 0 "
                      "16px}th,td{border:1px solid #999;padding:3px 8px;font-size:13px}tr.warned td{background:#fde2e1}"
                      "figure{margin:8px 0;break-inside:avoid}figcaption{font-weight:bold;font-size:13px}.veto{color:#b00}"
                      "section.unit{break-inside:avoid}h4{margin:10px 0 2px}ul{margin:2px 0;font-size:12px}"
                      "@media print{body{margin:0}}</style></head><body>";
    out += "<h1>" + esc(title) + "</h1>";
    std::string top, warned;
    std::vector<std::pair<std::string, double>> totals, first_item;
    std::string first_item_name;
    for (const json::value& u : units(results)) {
        if (u.at("top").as_bool()) top += esc(text(u.at("name"))) + "（" + text(u.at("total")) + "） ";
        if (u.at("warned").as_bool()) warned += esc(text(u.at("name"))) + "（" + text(u.at("total")) + "） ";
        totals.emplace_back(text(u.at("name")), number(u.at("total")));
        const auto& items = u.at("items").as_array();
        if (!items.empty() && items[0].at("value").is_number()) {
            first_item_name = text(items[0].at("name"));
            first_item.emplace_back(text(u.at("name")), number(items[0].at("value")));
        }
    }
    out += "<p><b>先进 Top：</b>" + top + "</p><p><b>预警 Warned：</b>" + (warned.empty() ? "无" : warned) + "</p>";
    out += "<h2>排名 Ranking</h2>" + group_tables(results);
    out += bar_chart("总分 Total score", totals);
    if (!first_item.empty()) out += bar_chart(first_item_name + "（主要指标 main indicator）", first_item);
    out += explanations(results);
    return out + "</body></html>";
}

namespace {

constexpr auto kPdfTimeout = std::chrono::seconds(60);
std::mutex pdf_printer;  // one Chromium at a time: a server has few threads and little memory

// Runs Chromium in its own process group; kills the group after kPdfTimeout. Between fork and
// exec the child calls only async-signal-safe functions (the server is multi-threaded).
Result<void> run_chromium(const char* chromium, const std::string& user_dir, const std::string& print,
                          const std::string& url) {
    const pid_t child = fork();
    if (child < 0) return fail(ErrorCode::io, "cannot start chromium");
    if (child == 0) {
        setpgid(0, 0);
        const int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
        }
        execl(chromium, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
              user_dir.c_str(), print.c_str(), url.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    setpgid(child, child);
    const auto deadline = std::chrono::steady_clock::now() + kPdfTimeout;
    int status = 0;
    while (waitpid(child, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(-child, SIGKILL);
            waitpid(child, &status, 0);
            return fail(ErrorCode::unavailable, "chromium did not print the bulletin within 60 s");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(-child, SIGKILL);  // helpers Chromium may have left behind
    return {};
}

}  // namespace

Result<std::string> bulletin_pdf(const std::string& html) {
    const char* chromium = "/usr/bin/chromium";
    if (!std::filesystem::exists(chromium))
        return fail(ErrorCode::unavailable, "PDF needs /usr/bin/chromium, which is not installed");
    std::unique_lock lock(pdf_printer, std::try_to_lock);
    if (!lock.owns_lock())
        return fail(ErrorCode::unavailable, "another bulletin is being printed; try again in a few seconds");
    char dir[] = "/tmp/ecogov-pdf-XXXXXX";
    if (!mkdtemp(dir)) return fail(ErrorCode::io, "cannot create a temporary directory");
    const std::string page = std::string(dir) + "/bulletin.html", pdf = std::string(dir) + "/bulletin.pdf";
    {
        std::ofstream out(page, std::ios::binary);
        out << html;
    }
    const std::string print = "--print-to-pdf=" + pdf, user_dir = "--user-data-dir=" + std::string(dir) + "/profile";
    auto ran = run_chromium(chromium, user_dir, print, "file://" + page);
    std::string bytes;
    if (ran) {
        std::ifstream in(pdf, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        bytes = content.str();
    }
    std::filesystem::remove_all(dir);
    if (!ran) return std::unexpected(ran.error());
    if (bytes.empty()) return fail(ErrorCode::io, "chromium did not print the bulletin");
    return bytes;
}

}  // namespace ecogov::http
