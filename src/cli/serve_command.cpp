#include "cli/serve_command.hpp"

#include <cstdio>
#include <iostream>
#include <thread>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "cli/config.hpp"
#include "net/hj212/receiver.hpp"
#include "net/http/server.hpp"
#include "services/audit.hpp"
#include "services/auth.hpp"
#include "services/hj212_ingest.hpp"

namespace ecogov::cli {

namespace {

Result<ServeConfig> resolve(const ServeOptions& o) {
    auto c = load_config(o.config, process_env());
    if (!c) return c;
    if (o.db) c->database = *o.db;
    if (o.port) c->port = *o.port;
    if (o.listen) c->listen = *o.listen;
    if (o.web_root) c->web_root = *o.web_root;
    if (o.hj212_port) c->hj212_port = *o.hj212_port;
    if (c->hj212_port < -1 || c->hj212_port > 65535)
        return fail(ErrorCode::invalid_argument, "hj212 port must be -1 (off) or 0..65535", "--hj212-port");
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

Hj212IngestSettings hj212_settings_of(const ServeConfig& c) {
    Hj212IngestSettings s;
    s.exceedance_run = static_cast<int>(c.hj212_exceedance_run);
    s.clock_skew_s = c.hj212_clock_skew_s;
    s.outage_factor = static_cast<double>(c.hj212_outage_factor);
    return s;
}

net::hj212::ReceiverSettings receiver_settings_of(const ServeConfig& c) {
    net::hj212::ReceiverSettings s;
    s.listen = c.hj212_listen;
    s.port = static_cast<unsigned short>(c.hj212_port);
    s.max_segment = static_cast<std::size_t>(c.hj212_max_segment);
    s.buffer_limit = static_cast<std::size_t>(c.hj212_buffer_limit);
    s.idle_timeout = std::chrono::seconds(c.hj212_idle_timeout_s);
    s.commit_interval = std::chrono::milliseconds(c.hj212_commit_interval_ms);
    return s;
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
    http::AppContext ctx{**db, wall_clock(), settings_of(c), nullptr};
    http::Server server(
        ctx, http::ListenOptions{c.listen, static_cast<unsigned short>(c.port), threads});
    auto port = server.bind();
    if (!port) {
        spdlog::error("{}", port.error().message);
        return 1;
    }
    std::cout << "listening on http://" << c.listen << ":" << *port << std::endl;
    CasesProblemLink problems(wall_clock());  // exceedance runs open problems (issue 7 item 4)
    Hj212Ingestor ingestor(**db, wall_clock(), hj212_settings_of(c), problems);
    std::unique_ptr<net::hj212::Receiver> receiver;
    if (c.hj212_port >= 0) {
        receiver = std::make_unique<net::hj212::Receiver>(ingestor, wall_clock(), receiver_settings_of(c));
        auto hport = receiver->start();
        if (!hport) {
            spdlog::error("{}", hport.error().message);
            return 1;
        }
        std::cout << "hj212 listening on tcp://" << c.hj212_listen << ":" << *hport << std::endl;
    }
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
    cmd->add_option_function<int>(
        "--hj212-port", [&options](const int& v) { options.hj212_port = v; },
        "HJ 212 receiver TCP port (-1 off, 0 any free port)");
    cmd->callback([&chosen] { chosen = true; });
}

}  // namespace ecogov::cli
