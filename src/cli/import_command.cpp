#include "cli/import_command.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/config.hpp"
#include "cli/input_file.hpp"
#include "services/observations.hpp"

namespace ecogov::cli {

namespace {

struct ImportArgs {
    std::string db;
    std::vector<std::string> files;
    std::string format = "auto";
};

void print_report(const std::string& file, const ImportReport& r, double seconds) {
    const double rate = seconds > 0 ? static_cast<double>(r.accepted + r.rejected) / seconds : 0;
    std::printf("%s: batch %lld (%s): %lld accepted, %lld rejected, %lld changed in %.2f s (%.0f rows/s)\n",
                file.c_str(), static_cast<long long>(r.batch_id), r.format.c_str(), static_cast<long long>(r.accepted),
                static_cast<long long>(r.rejected), static_cast<long long>(r.changed), seconds, rate);
    for (const ImportRowError& e : r.errors) {
        std::cerr << file << ':' << e.line;
        if (e.column) std::cerr << ':' << e.column;
        if (!e.field.empty()) std::cerr << " (" << e.field << ')';
        std::cerr << ": " << e.message << '\n';
    }
    if (r.error_count > static_cast<std::int64_t>(r.errors.size()))
        std::cerr << file << ": ... and " << r.error_count - static_cast<std::int64_t>(r.errors.size()) << " more problems\n";
}

/// Imports one file as one batch.
Result<ImportReport> import_file(storage::Connection& c, const std::string& file, std::optional<InputFormat> format) {
    ImportOptions options{std::filesystem::path(file).filename().string(), format};
    auto import = ObservationImport::start(c, command_line_actor(), options, iso_utc(wall_clock().now()));
    if (!import) return std::unexpected(import.error());
    std::optional<Error> failure;
    auto read = read_file_chunks(file, [&](std::string_view chunk) {
        if (failure) return;
        if (auto ok = (*import)->feed(chunk); !ok) failure = ok.error();
    });
    if (!read) return std::unexpected(read.error());
    if (failure) return std::unexpected(*failure);
    return (*import)->finish();
}

int run_import(const ImportArgs& a) {
    auto db = storage::Database::open(a.db, 1);
    if (!db) {
        std::cerr << "ecogov import: " << a.db << ": " << db.error().message << '\n';
        return 2;
    }
    if (auto m = (*db)->migrate(); !m) {
        std::cerr << "ecogov import: migrating " << a.db << ": " << m.error().message << '\n';
        return 2;
    }
    const std::optional<InputFormat> format = a.format == "auto" ? std::nullopt : parse_format_id(a.format);
    auto lease = (*db)->acquire();
    int status = 0;
    for (const std::string& file : a.files) {
        const auto start = std::chrono::steady_clock::now();
        auto report = import_file(*lease, file, format);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        if (!report) {
            std::cerr << file << (report.error().field.empty() ? "" : " (" + report.error().field + ")") << ": "
                      << report.error().message << " (nothing imported from this file)\n";
            status = 2;
            continue;
        }
        print_report(file, *report, took.count());
        if (status == 0 && (report->rejected > 0 || report->error_count > 0)) status = 1;
    }
    return status;
}

}  // namespace

void add_import_command(CLI::App& app) {
    auto args = std::make_shared<ImportArgs>();
    auto* cmd = app.add_subcommand("import", "import monitoring files (china_sites, CNEMC, PRSA) into the database");
    cmd->add_option("--db", args->db, "database: SQLite file or postgresql://...")->required();
    cmd->add_option("files", args->files, "input files, plain or gzip")->required()->check(CLI::ExistingFile);
    cmd->add_option("--format", args->format, "auto | china-sites | cnemc | prsa")
        ->check(CLI::IsMember({"auto", "china-sites", "cnemc", "prsa"}));
    cmd->callback([args] {
        const int status = run_import(*args);
        if (status != 0) throw CLI::RuntimeError(status);
    });
}

}  // namespace ecogov::cli
