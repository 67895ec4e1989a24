#include "cli/serve_command.hpp"

#include <cstdio>
#include <iostream>
#include <thread>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "cli/config.hpp"
#include "net/http/server.hpp"
#include "services/audit.hpp"
#include "services/auth.hpp"

namespace ecogov::cli {

namespace {

Result<ServeConfig> resolve(const ServeOptions& o) {
    auto c = load_config(o.config, process_env());
    if (!c) return c;
    if (o.db) c->database = *o.db;
    if (o.port) c->port = *o.port;
    if (o.listen) c->listen = *o.listen;
    if (o.web_root) c->web_root = *o.web_root;
    if (c->port < 0 || c->port > 65535)
        return fail(ErrorCode::invalid_argument, "port must be 0..65535", "--port");
    return c;
}

http::ServerSettings settings_of(const ServeConfig& c) {
    http::ServerSettings s;
    s.body_limit = static_cast<std::size_t>(c.body_limit);
    s.secure_cookies = c.secure_cookies;
    s.session_ttl_ms = c.session_ttl_s * 1000;
    s.web_root = c.web_root;
    s.login_attempts_per_account = c.login_attempts_per_account;
    s.login_attempts_per_address = c.login_attempts_per_address;
    return s;
}

// The audit chain's newest entry goes to the log at every start: a copy outside the database
// that `ecogov audit verify --expect ID:HASH` can later check (docs/audit.md "Anchors").
void log_audit_head(storage::Database& db) {
    auto lease = db.acquire();
    auto v = verify_audit(*lease);
    if (!v) {
        spdlog::error("audit trail not readable: {}", v.error().message);
    } else if (!v->ok()) {
        spdlog::error("audit trail broken at entry {}: {}", *v->first_bad_id, v->problem);
    } else {
        spdlog::info("audit trail ok, {} entries; head {}:{}", v->entries, v->head_id, v->head_hash);
    }
}

int serve(const ServeConfig& c) {
    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    auto db = storage::Database::open(c.database, static_cast<int>(threads) + 2);
    if (!db) {
        spdlog::error("cannot open database {}: {}", c.database, db.error().message);
        return 1;
    }
    if (auto v = (*db)->migrate(); !v) {
        spdlog::error("migration failed: {}", v.error().message);
        return 1;
    } else {
        spdlog::info("database {} at schema version {}", c.database, *v);
    }
    log_audit_head(**db);
    http::AppContext ctx{**db, wall_clock(), settings_of(c)};
    http::Server server(
        ctx, http::ListenOptions{c.listen, static_cast<unsigned short>(c.port), threads});
    auto port = server.bind();
    if (!port) {
        spdlog::error("{}", port.error().message);
        return 1;
    }
    std::cout << "listening on http://" << c.listen << ":" << *port << std::endl;
    spdlog::info("serving {} with {} threads; web root {}", c.database, threads, c.web_root);
    server.run();
    spdlog::info("stopped");
    return 0;
}

}  // namespace

int run_serve(const ServeOptions& options) {
    auto c = resolve(options);
    if (!c) {
        std::fprintf(stderr, "ecogov serve: %s\n", c.error().message.c_str());
        return 2;
    }
    // Logs go to stderr: stdout carries only the "listening on" line that scripts read.
    auto logger = spdlog::get("ecogov");
    spdlog::set_default_logger(logger ? logger : spdlog::stderr_color_mt("ecogov"));
    spdlog::set_level(spdlog::level::from_str(c->log_level));
    if (!crypto_ready()) {
        std::fprintf(stderr, "ecogov serve: libsodium did not start\n");
        return 1;
    }
    return serve(*c);
}

void add_serve_command(CLI::App& app, ServeOptions& options, bool& chosen) {
    CLI::App* cmd = app.add_subcommand("serve", "Run the web server (JSON API and front end)");
    cmd->add_option_function<std::string>(
        "--config", [&options](const std::string& v) { options.config = v; },
        "TOML configuration file (see ecogov.example.toml)");
    cmd->add_option_function<std::string>(
        "--db", [&options](const std::string& v) { options.db = v; },
        "Database: SQLite file path or postgresql://...");
    cmd->add_option_function<int>(
        "--port", [&options](const int& v) { options.port = v; }, "TCP port (0: any free port)");
    cmd->add_option_function<std::string>(
        "--listen", [&options](const std::string& v) { options.listen = v; },
        "Listen address (default 127.0.0.1)");
    cmd->add_option_function<std::string>(
        "--web-root", [&options](const std::string& v) { options.web_root = v; },
        "Folder of the built front end (web/dist)");
    cmd->callback([&chosen] { chosen = true; });
}

}  // namespace ecogov::cli
