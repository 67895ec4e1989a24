#pragma once
// Server configuration (issue 3 item 10): defaults < TOML file (toml++) < environment
// (ECOGOV_PORT, ECOGOV_DB, ECOGOV_WEB_ROOT, ECOGOV_LOG_LEVEL) < command-line flags.
// Every key is described, with its default, in ecogov.example.toml.
//
// Contract:
// - An unknown key or a value of the wrong type is an error naming the key (a typo must not be
//   silently ignored); a missing file named by --config is an error.
// - Relative paths in the file (database, web_root) are relative to the file's folder; the
//   SQLite database defaults to ecogov.db beside the config file (else in the working folder).
// - web_root defaults to the first of <exe>/../web/dist, <exe>/web/dist, ./web/dist that exists
//   (else ./web/dist).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace ecogov::cli {

struct ServeConfig {
    std::string listen = "127.0.0.1";
    int port = 8080;
    std::string database;  // a SQLite path or postgresql://...
    std::int64_t body_limit = 8 * 1024 * 1024;
    bool secure_cookies = false;
    std::int64_t session_ttl_s = 12 * 3600;
    std::string web_root;
    std::string log_level = "info";  // trace|debug|info|warn|error|off
    int login_attempts_per_account = 5;
    int login_attempts_per_address = 20;
    // [hj212] the HJ 212 receiver (issue 7); port -1 = off.
    std::string hj212_listen = "127.0.0.1";
    int hj212_port = -1;
    std::int64_t hj212_max_segment = 4096;
    std::int64_t hj212_buffer_limit = 65536;
    std::int64_t hj212_idle_timeout_s = 900;
    std::int64_t hj212_commit_interval_ms = 5;
    std::int64_t hj212_exceedance_run = 3;
    std::int64_t hj212_clock_skew_s = 300;
    std::int64_t hj212_outage_factor = 2;
};

/// Reads an environment variable; injected so tests need not touch the process environment.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;
EnvLookup process_env();

/// Builds the configuration from the defaults, `config_file` (optional) and `env`.
Result<ServeConfig> load_config(const std::optional<std::string>& config_file,
                                const EnvLookup& env);
/// The real clock (std::chrono::system_clock) for the commands; tests inject their own.
const Clock& wall_clock();
/// The web/dist folder guessed from the executable's location (see above).
std::string default_web_root();

}  // namespace ecogov::cli
