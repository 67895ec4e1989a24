#include "cli/ledger_command.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/config.hpp"
#include "services/ledger.hpp"
#include "services/targets.hpp"

namespace ecogov::cli {

namespace {

struct LedgerArgs {
    std::string action;
    std::string db;
    std::string file;
    std::string day;
};

int fail_with(const std::string& what, const Error& e) {
    std::cerr << "ecogov ledger " << what << ": " << e.message << '\n';
    return 2;
}

int sweep(storage::Connection& c, const LedgerArgs& a) {
    Date day = cst_date_of_ms(unix_ms(wall_clock().now()));
    if (!a.day.empty()) {
        const auto d = Date::parse(a.day);
        if (!d)
            return fail_with("sweep",
                             Error{ErrorCode::invalid_argument, "--day: YYYY-MM-DD", "day"});
        day = *d;
    }
    auto s = ledger_sweep(c, command_line_actor(), day, iso_utc(wall_clock().now()));
    if (!s) return fail_with("sweep", s.error());
    std::printf(
        "ledger sweep %s: %lld card(s) recorded, %lld notice(s) escalated, %lld task(s) now "
        "overdue\n",
        day.iso().c_str(), static_cast<long long>(s->cards_recorded),
        static_cast<long long>(s->notices_escalated), static_cast<long long>(s->tasks_overdue));
    return 0;
}

int export_file(storage::Connection& c, const LedgerArgs& a) {
    const bool xlsx = a.file.ends_with(".xlsx");
    auto bytes = xlsx ? ledger_export_xlsx(c) : ledger_export_csv(c);
    if (!bytes) return fail_with("export", bytes.error());
    std::ofstream out(a.file, std::ios::binary);
    out << *bytes;
    if (!out) return fail_with("export", Error{ErrorCode::io, "cannot write " + a.file, "output"});
    std::printf("ledger exported to %s (%zu bytes)\n", a.file.c_str(), bytes->size());
    return 0;
}

int import_file(storage::Connection& c, const LedgerArgs& a) {
    std::ifstream in(a.file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) return fail_with("import", Error{ErrorCode::io, "cannot read " + a.file, "file"});
    auto rows = ledger_file_rows(text.str());
    if (!rows) return fail_with("import", rows.error());
    auto r = import_ledger_rows(c, command_line_actor(), *rows, iso_utc(wall_clock().now()));
    if (!r) return fail_with("import", r.error());
    if (!r->errors.empty()) {
        for (const LedgerImportError& e : r->errors)
            std::cerr << a.file << ": row " << e.row
                      << (e.column.empty() ? "" : " (" + e.column + ")") << ": " << e.message
                      << '\n';
        std::cerr << "nothing was imported\n";
        return 1;
    }
    std::printf("ledger import %s: %lld task(s), %lld milestone(s)\n", a.file.c_str(),
                static_cast<long long>(r->tasks), static_cast<long long>(r->milestones));
    return 0;
}

int run_ledger(const LedgerArgs& a) {
    auto db = storage::Database::open(a.db, 1);
    if (!db) return fail_with(a.action, db.error());
    if (auto m = (*db)->migrate(); !m) return fail_with(a.action, m.error());
    auto lease = (*db)->acquire();
    if (a.action == "sweep") return sweep(*lease, a);
    if (a.action == "export") return export_file(*lease, a);
    return import_file(*lease, a);
}

}  // namespace

void add_ledger_command(CLI::App& app) {
    auto args = std::make_shared<LedgerArgs>();
    auto* cmd = app.add_subcommand(
        "ledger", "task ledger: daily sweep (cards, notice escalation), export, import");
    cmd->require_subcommand(1);
    auto* sweep_cmd = cmd->add_subcommand(
        "sweep", "record earned cards and escalate overdue notices (run daily)");
    sweep_cmd->add_option("--day", args->day, "the day to judge (default today, CST)");
    auto* export_cmd =
        cmd->add_subcommand("export", "write the ledger as CSV or XLSX (by the file's extension)");
    export_cmd->add_option("--output", args->file, "output file (.csv or .xlsx)")->required();
    auto* import_cmd =
        cmd->add_subcommand("import", "import tasks from CSV or XLSX in the export layout");
    import_cmd->add_option("file", args->file, "input file")->required()->check(CLI::ExistingFile);
    for (auto* sub : {sweep_cmd, export_cmd, import_cmd}) {
        sub->add_option("--db", args->db, "database: SQLite file or postgresql://...")->required();
        sub->callback([args, sub] {
            args->action = sub->get_name();
            const int status = run_ledger(*args);
            if (status != 0) throw CLI::RuntimeError(status);
        });
    }
}

}  // namespace ecogov::cli
