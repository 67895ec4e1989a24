#pragma once
// Administration commands (issue 3 item 10): `ecogov init`, `ecogov user add|passwd|disable`,
// `ecogov audit verify`, `ecogov backup`. Each opens the database named by --db (else the
// configuration: --config, ECOGOV_DB, ecogov.db), applies the migrations, and acts as the
// command-line actor "cli" so every write lands in the audit trail.
// Exit codes: 0 done; 1 refused or failed (e.g. an admin exists, the audit chain is broken);
// 2 usage error.
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace ecogov::cli {

struct AdminOptions {
    std::string command;  // init | user-add | user-passwd | user-disable | audit-verify | backup
    std::optional<std::string> config;
    std::optional<std::string> db;
    std::string username;  // init: --admin; user ...: the positional USERNAME
    std::string display_name;
    std::string role;
    std::string unit_code;
    std::optional<std::string> password;
    std::optional<std::string> password_file;  // "-" reads standard input
    std::string audit_anchor;                  // audit verify --expect ID:HASH
    std::string backup_to;
};

void add_admin_commands(CLI::App& app, AdminOptions& options);
int run_admin(const AdminOptions& options);

}  // namespace ecogov::cli
