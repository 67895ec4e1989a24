#include "cli/water_command.hpp"

#include <CLI/CLI.hpp>
#include <array>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/input_file.hpp"
#include "cli/output.hpp"
#include "core/decimal.hpp"
#include "core/time.hpp"
#include "ingest/xlsx_reader.hpp"
#include "services/water_csv.hpp"
#include "standards/water/section.hpp"

namespace ecogov::cli {

namespace {

using namespace ecogov::water;

constexpr std::string_view kHeader = kWaterCsvHeader;
constexpr int kIssuesShown = 50;

struct WaterArgs {
    std::string input;
    std::string period = "month";
    std::string output = "-";
};

/// All samples of one section in one period.
struct Group {
    WaterBody body = WaterBody::river;
    std::array<std::vector<WaterValue>, kWaterItemCount> samples;
};

struct Problems {
    std::string file;
    int count = 0;
    void report(int line, int column, std::string_view field, const std::string& why) {
        if (++count <= kIssuesShown)
            std::cerr << file << ':' << line << ':' << column << " (" << field << "): " << why
                      << '\n';
    }
};

class Classifier {
  public:
    Classifier(const WaterArgs& args, Problems& problems) : args_(args), problems_(problems) {}

    void add_line(int number, std::string_view line) {
        auto row = parse_water_line(number, line);
        if (!row)
            return problems_.report(row.error().line, row.error().column, row.error().field,
                                    row.error().message);
        add_sample(number, row->section, row->body, row->date, row->item, row->value);
    }

    const std::map<std::pair<std::string, std::string>, Group>& groups() const { return groups_; }

  private:
    void add_sample(int number, const std::string& section, WaterBody body, Date date,
                    WaterItem item, const WaterValue& value) {
        const auto [it, fresh] = bodies_.try_emplace(section, body, number);
        if (!fresh && it->second.first != body)
            return problems_.report(number, 2, "water_body",
                                    "section " + section + " is a " +
                                        std::string(water_body_id(it->second.first)) + " on line " +
                                        std::to_string(it->second.second));
        Group& g = groups_[{section, period_of(date)}];
        g.body = body;
        g.samples[index_of(item)].push_back(value);
    }
    std::string period_of(Date d) const {
        std::string iso = d.iso();
        return args_.period == "year" ? iso.substr(0, 4) : iso.substr(0, 7);
    }

    const WaterArgs& args_;
    Problems& problems_;
    std::map<std::string, std::pair<WaterBody, int>> bodies_;  // first body and line per section
    std::map<std::pair<std::string, std::string>, Group> groups_;
};

struct Row {
    std::string section, period, cls, label, main, cwqi, body, items, worst, tn, fc, supplementary,
        below;
    int samples = 0;
};

std::string join_ids(const std::vector<WaterItem>& items) {
    std::string out;
    for (WaterItem i : items) out += (out.empty() ? "" : ";") + std::string(info(i).id);
    return out;
}

Row make_row(const std::string& section, const std::string& period, const Group& g) {
    ItemValues values;
    int samples = 0;
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (g.samples[k].empty()) continue;
        values[k] = period_value(static_cast<WaterItem>(k), g.samples[k]);
        samples += static_cast<int>(g.samples[k].size());
    }
    const SectionAssessment a = assess_section(g.body, values);
    const auto cls_text = [](const std::optional<WaterClass>& c) {
        return c ? std::string(class_text(*c)) : std::string();
    };
    return Row{section,
               period,
               cls_text(a.cls),
               a.cls ? std::string(label_of(*a.cls)) : std::string(),
               main_pollutants_text(a.main_pollutants),
               a.cwqi_centi ? format_scaled(*a.cwqi_centi, 2) : std::string(),
               std::string(water_body_id(g.body)),
               std::to_string(a.routine_items),
               a.worst_item ? std::string(info(*a.worst_item).id) : std::string(),
               cls_text(a.tn_class),
               cls_text(a.fecal_coliform_class),
               join_ids(a.supplementary_exceeded),
               join_ids(a.below_detection),
               samples};
}

constexpr std::array<std::string_view, 14> kColumns = {"section",
                                                       "period",
                                                       "class",
                                                       "label",
                                                       "main_pollutants",
                                                       "cwqi",
                                                       "water_body",
                                                       "items",
                                                       "worst_item",
                                                       "tn_class",
                                                       "fecal_coliform_class",
                                                       "supplementary_exceeded",
                                                       "below_detection",
                                                       "samples"};

void write_csv(std::string& buf, const Row& r) {
    const std::array<std::string_view, 13> cells = {
        r.section, r.period, r.cls, r.label, r.main,          r.cwqi, r.body,
        r.items,   r.worst,  r.tn,  r.fc,    r.supplementary, r.below};
    for (std::string_view c : cells) {
        append_csv_field(buf, c);
        buf += ',';
    }
    buf += std::to_string(r.samples) + '\n';
}

void write_json(std::string& buf, const Row& r, bool first) {
    const std::array<std::string_view, 13> cells = {
        r.section, r.period, r.cls, r.label, r.main,          r.cwqi, r.body,
        r.items,   r.worst,  r.tn,  r.fc,    r.supplementary, r.below};
    buf += first ? "\n  {" : ",\n  {";
    for (std::size_t i = 0; i < cells.size(); ++i) {
        append_json_string(buf, kColumns[i]);
        buf += ':';
        const bool number = (kColumns[i] == "cwqi" || kColumns[i] == "items");
        if (number)
            buf += cells[i].empty() ? std::string("null") : std::string(cells[i]);
        else if (cells[i].empty() && (i == 2 || i == 3 || i >= 8))
            buf += "null";
        else
            append_json_string(buf, cells[i]);
        buf += ',';
    }
    buf += "\"samples\":" + std::to_string(r.samples) + "}";
}

/// Reads and checks the input; false on a fatal problem (message printed).
bool read_input(const WaterArgs& args, Classifier& classifier) {
    std::string text;
    auto read = read_file_chunks(args.input, [&](std::string_view chunk) { text.append(chunk); });
    if (!read) {
        std::cerr << args.input << ": " << read.error().message << '\n';
        return false;
    }
    if (ingest::looks_like_xlsx(text)) {  // XLSX: its first sheet, CSV line N = sheet row N
        const ingest::XlsxSheet sheet = ingest::read_xlsx_first_sheet(text);
        if (!sheet.ok()) {
            std::cerr << args.input << ": " << sheet.error << '\n';
            return false;
        }
        text = ingest::xlsx_rows_to_csv(sheet.rows);
    }
    std::string_view rest = text;
    if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
    for (int number = 1; !rest.empty(); ++number) {
        const std::size_t nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (number == 1) {
            if (csv_trim(line) != kHeader) {
                std::cerr << args.input << ":1: expected the header '" << kHeader << "', got '"
                          << line << "'\n";
                return false;
            }
            continue;
        }
        if (!csv_trim(line).empty()) classifier.add_line(number, line);
    }
    return true;
}

int run_classify(const WaterArgs& args) {
    Problems problems{args.input};
    Classifier classifier(args, problems);
    if (!read_input(args, classifier)) return 2;
    auto out = Output::open(args.output);
    if (!out) {
        std::cerr << args.output << ": " << out.error().message << '\n';
        return 2;
    }
    std::string& buf = out->buffer();
    if (out->is_json()) {
        buf += '[';
    } else {
        for (std::size_t i = 0; i < kColumns.size(); ++i)
            buf += std::string(i ? "," : "") + std::string(kColumns[i]);
        buf += '\n';
    }
    bool first = true;
    for (const auto& [key, group] : classifier.groups()) {
        const Row row = make_row(key.first, key.second, group);
        if (out->is_json())
            write_json(buf, row, first);
        else
            write_csv(buf, row);
        first = false;
        out->maybe_flush();
    }
    if (out->is_json()) buf += first ? "]\n" : "\n]\n";
    if (auto c = out->commit(); !c) {
        std::cerr << c.error().field << ": " << c.error().message << '\n';
        return 2;
    }
    if (problems.count > kIssuesShown)
        std::cerr << args.input << ": ... and " << problems.count - kIssuesShown
                  << " more problems not shown\n";
    if (problems.count) std::cerr << "ecogov water: " << problems.count << " bad rows (skipped)\n";
    return problems.count ? 1 : 0;
}

}  // namespace

void add_water_command(CLI::App& app) {
    auto* water = app.add_subcommand("water", "surface water by GB 3838-2002 (classes, CWQI)");
    water->require_subcommand(1);
    auto args = std::make_shared<WaterArgs>();
    auto* cmd =
        water->add_subcommand("classify", "classify sections per month or year from a long CSV");
    cmd->add_option("--input", args->input,
                    "CSV (plain or gzip) or XLSX (first sheet): section,water_body,date,item,value")
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("--period", args->period, "month | year")
        ->check(CLI::IsMember({"month", "year"}));
    cmd->add_option("--output", args->output, "FILE.csv, FILE.json or - (stdout, CSV)");
    cmd->callback([args] {
        const int status = run_classify(*args);
        if (status != 0) throw CLI::RuntimeError(status);
    });
}

}  // namespace ecogov::cli
