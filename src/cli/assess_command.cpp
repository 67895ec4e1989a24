#include "cli/assess_command.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/config.hpp"
#include "core/clock.hpp"
#include "assessment/period.hpp"
#include "assessment/scheme_parser.hpp"
#include "services/assessment.hpp"

namespace ecogov::cli {

namespace {

struct AssessArgs {
    std::string db;
    std::string scheme;
    std::string period;
    std::string output = "-";
};

int fail_with(const std::string& what) {
    std::cerr << "ecogov assess run: " << what << '\n';
    return 2;
}

int run_assess(const AssessArgs& a) {
    std::ifstream in(a.scheme, std::ios::binary);
    if (!in) return fail_with(a.scheme + ": cannot read");
    std::stringstream text;
    text << in.rdbuf();
    const std::string code = std::filesystem::path(a.scheme).stem().string();
    // Checked before anything is stored: a wrong scheme or period leaves the database as it was.
    auto parsed = assessment::parse_scheme(text.str(), code + ".toml");
    if (!parsed) return fail_with(parsed.error().message);
    const auto period = assessment::parse_period(a.period);
    if (!period || period->kind != parsed->period)
        return fail_with("period " + a.period + " is not a " + std::string(assessment::period_kind_id(parsed->period)) +
                         " (the scheme is scored per " + std::string(assessment::period_kind_id(parsed->period)) + ")");
    auto db = storage::Database::open(a.db, 1);
    if (!db) return fail_with(a.db + ": " + db.error().message);
    if (auto m = (*db)->migrate(); !m) return fail_with("migrating " + a.db + ": " + m.error().message);
    auto lease = (*db)->acquire();
    const std::string at = iso_utc(wall_clock().now());
    auto scheme = save_scheme(*lease, command_line_actor(), code, text.str(), at);
    if (!scheme) return fail_with(scheme.error().message);
    AirQueries air;
    auto run = run_assessment(*lease, air, command_line_actor(), scheme->id, a.period, at);
    if (!run) return fail_with(run.error().message);
    if (a.output == "-") {
        std::cout << run->results_json << '\n';
    } else {
        std::ofstream out(a.output, std::ios::binary);
        out << run->results_json << '\n';
        if (!out) return fail_with(a.output + ": cannot write");
    }
    std::cerr << "run " << run->summary.id << ": " << code << " v" << scheme->version << " " << run->summary.period << '\n';
    return 0;
}

}  // namespace

void add_assess_command(CLI::App& app) {
    auto args = std::make_shared<AssessArgs>();
    auto* assess = app.add_subcommand("assess", "assessment and ranking (考核与排名)");
    assess->require_subcommand(1);
    auto* cmd = assess->add_subcommand("run", "save a scheme file and run it over a period; prints the results JSON");
    cmd->add_option("--db", args->db, "database: SQLite file or postgresql://...")->required();
    cmd->add_option("--scheme", args->scheme, "scheme TOML file (docs/assessment.md)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--period", args->period, "2026-10, 2026-Q3 or 2026 (the scheme's kind)")->required();
    cmd->add_option("--output", args->output, "results JSON file, or - for stdout");
    cmd->callback([args] {
        const int status = run_assess(*args);
        if (status != 0) throw CLI::RuntimeError(status);
    });
}

}  // namespace ecogov::cli
