#include "cli/admin_commands.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "cli/config.hpp"
#include "services/accounts.hpp"
#include "services/audit.hpp"
#include "services/auth.hpp"
#include "services/organisation.hpp"

namespace ecogov::cli {

namespace {

int report(const Error& e) {
    std::string message = e.message;
    if (!e.field.empty()) message += " (" + e.field + ")";
    std::fprintf(stderr, "ecogov: %s\n", message.c_str());
    return e.code == ErrorCode::invalid_argument ? 2 : 1;
}

Result<std::unique_ptr<storage::Database>> open_db(const AdminOptions& o) {
    std::string target;
    if (o.db) {
        target = *o.db;
    } else {
        auto c = load_config(o.config, process_env());
        if (!c) return std::unexpected(c.error());
        target = c->database;
    }
    auto db = storage::Database::open(target, 1);
    if (!db) return db;
    if (auto v = (*db)->migrate(); !v) return std::unexpected(v.error());
    return db;
}

Result<std::string> read_password(const AdminOptions& o) {
    if (o.password) return *o.password;
    if (!o.password_file)
        return fail(ErrorCode::invalid_argument, "give --password-file FILE or --password P",
                    "--password-file");
    std::string text;
    if (*o.password_file == "-") {
        std::getline(std::cin, text);
    } else {
        std::ifstream in(*o.password_file, std::ios::binary);
        if (!in)
            return fail(ErrorCode::not_found, "cannot read " + *o.password_file, "--password-file");
        std::getline(in, text);
    }
    while (!text.empty() && (text.back() == '\r' || text.back() == '\n')) text.pop_back();
    return text;
}

Result<std::int64_t> bureau_unit(storage::Connection& c) {
    auto units = list_units(c);
    if (!units) return std::unexpected(units.error());
    for (const Unit& u : *units) {
        if (u.kind == "bureau") return u.id;
    }
    auto made = create_unit(c, wall_clock(), command_line_actor(),
                            NewUnit{"bureau", "生态环境局", "bureau", std::nullopt});
    if (!made) return std::unexpected(made.error());
    std::cout << "created unit bureau (id " << made->id << ")\n";
    return made->id;
}

Result<void> init(storage::Connection& c, const AdminOptions& o) {
    auto exists = admin_exists(c);
    if (!exists) return std::unexpected(exists.error());
    if (*exists)
        return fail(ErrorCode::conflict, "an administrator exists already; use `ecogov user add`");
    if (o.username.empty())
        return fail(ErrorCode::invalid_argument, "--admin NAME is required", "--admin");
    auto password = read_password(o);
    if (!password) return std::unexpected(password.error());
    auto unit = bureau_unit(c);
    if (!unit) return std::unexpected(unit.error());
    const std::string name = o.display_name.empty() ? o.username : o.display_name;
    auto user = create_user(c, wall_clock(), command_line_actor(),
                            NewUser{o.username, name, "admin", *unit, *password});
    if (!user) return std::unexpected(user.error());
    std::cout << "created administrator " << user->username << " (id " << user->id << ")\n";
    return {};
}

Result<void> user_add(storage::Connection& c, const AdminOptions& o) {
    auto unit = find_unit_by_code(c, o.unit_code);
    if (!unit) return std::unexpected(unit.error());
    if (!*unit) return fail(ErrorCode::not_found, "no unit with code " + o.unit_code, "--unit");
    auto password = read_password(o);
    if (!password) return std::unexpected(password.error());
    const std::string name = o.display_name.empty() ? o.username : o.display_name;
    auto user = create_user(c, wall_clock(), command_line_actor(),
                            NewUser{o.username, name, o.role, (*unit)->id, *password});
    if (!user) return std::unexpected(user.error());
    std::cout << "created user " << user->username << " (id " << user->id << ", "
              << role_id(user->role) << ")\n";
    return {};
}

Result<void> user_change(storage::Connection& c, const AdminOptions& o) {
    auto user = find_user_by_username(c, o.username);
    if (!user) return std::unexpected(user.error());
    if (!*user) return fail(ErrorCode::not_found, "no user " + o.username, "USERNAME");
    UserPatch patch;
    if (o.command == "user-disable") {
        patch.disabled = true;
    } else {
        auto password = read_password(o);
        if (!password) return std::unexpected(password.error());
        patch.password = *password;
    }
    auto done = update_user(c, wall_clock(), command_line_actor(), (*user)->id, patch);
    if (!done) return std::unexpected(done.error());
    std::cout << (o.command == "user-disable" ? "disabled " : "changed the password of ")
              << o.username << "\n";
    return {};
}

int audit_verify(storage::Connection& c, const AdminOptions& o) {
    std::optional<AuditAnchor> anchor;
    if (!o.audit_anchor.empty()) {
        auto a = parse_audit_anchor(o.audit_anchor);
        if (!a) return report(a.error());
        anchor = *a;
    }
    auto v = verify_audit(c, anchor);
    if (!v) return report(v.error());
    if (v->ok()) {
        std::cout << "audit trail ok: " << v->entries << " entries checked";
        if (anchor) std::cout << ", anchor " << anchor->id << " holds";
        std::cout << "\nhead: " << v->head_id << ":" << v->head_hash << "\n";
        return 0;
    }
    std::cout << "audit trail broken at entry " << *v->first_bad_id << ": " << v->problem << " ("
              << v->entries << " entries checked)\n";
    return 1;
}

int run_on(storage::Database& db, const AdminOptions& o) {
    if (o.command == "backup") {
        if (auto r = db.backup_to(o.backup_to); !r) return report(r.error());
        std::cout << "backup written to " << o.backup_to << "\n";
        return 0;
    }
    auto lease = db.acquire();
    if (o.command == "audit-verify") return audit_verify(*lease, o);
    Result<void> r = o.command == "init"       ? init(*lease, o)
                     : o.command == "user-add" ? user_add(*lease, o)
                                               : user_change(*lease, o);
    return r ? 0 : report(r.error());
}

void add_db_options(CLI::App* cmd, AdminOptions& o) {
    cmd->add_option_function<std::string>(
        "--db", [&o](const std::string& v) { o.db = v; },
        "Database: SQLite file path or postgresql://...");
    cmd->add_option_function<std::string>(
        "--config", [&o](const std::string& v) { o.config = v; },
        "TOML configuration file naming the database");
}

void add_password_options(CLI::App* cmd, AdminOptions& o) {
    cmd->add_option_function<std::string>(
        "--password-file", [&o](const std::string& v) { o.password_file = v; },
        "File whose first line is the password (- for standard input)");
    cmd->add_option_function<std::string>(
        "--password", [&o](const std::string& v) { o.password = v; },
        "The password (visible in the process list: prefer --password-file)");
}

CLI::App* command(CLI::App* parent, const char* name, const char* help, AdminOptions& o,
                  const char* id) {
    CLI::App* cmd = parent->add_subcommand(name, help);
    add_db_options(cmd, o);
    cmd->callback([&o, id] { o.command = id; });
    return cmd;
}

void add_user_commands(CLI::App& app, AdminOptions& o) {
    CLI::App* user = app.add_subcommand("user", "Manage accounts from the command line");
    user->require_subcommand(1);
    CLI::App* add = command(user, "add", "Create an account", o, "user-add");
    add->add_option("USERNAME", o.username, "Sign-in name")->required();
    add->add_option("--role", o.role, "admin, bureau, unit or leader")->required();
    add->add_option("--unit", o.unit_code, "Code of the user's unit")->required();
    add->add_option("--name", o.display_name, "Display name (default: the username)");
    add_password_options(add, o);
    CLI::App* passwd = command(user, "passwd", "Set an account's password", o, "user-passwd");
    passwd->add_option("USERNAME", o.username, "Sign-in name")->required();
    add_password_options(passwd, o);
    CLI::App* disable =
        command(user, "disable", "Disable an account and end its sessions", o, "user-disable");
    disable->add_option("USERNAME", o.username, "Sign-in name")->required();
}

}  // namespace

void add_admin_commands(CLI::App& app, AdminOptions& o) {
    CLI::App* init_cmd =
        command(&app, "init", "Create the database, the bureau unit and the first administrator", o,
                "init");
    init_cmd->add_option("--admin", o.username, "The administrator's sign-in name")->required();
    init_cmd->add_option("--name", o.display_name, "Display name (default: the sign-in name)");
    add_password_options(init_cmd, o);
    add_user_commands(app, o);
    CLI::App* audit = app.add_subcommand("audit", "The audit trail");
    audit->require_subcommand(1);
    CLI::App* verify = command(audit, "verify",
                               "Re-compute the hash chain; exit 1 when it is broken", o,
                               "audit-verify");
    verify->add_option("--expect", o.audit_anchor,
                       "ID:HASH of an entry recorded earlier (a printed head): it must still be "
                       "there, unchanged");
    CLI::App* backup =
        command(&app, "backup", "Write a consistent copy of the database", o, "backup");
    backup->add_option("--to", o.backup_to, "Destination file")->required();
}

int run_admin(const AdminOptions& o) {
    if (!crypto_ready()) {
        std::fprintf(stderr, "ecogov: libsodium did not start\n");
        return 1;
    }
    auto db = open_db(o);
    if (!db) return report(db.error());
    return run_on(**db, o);
}

}  // namespace ecogov::cli
