#include "cli/config.hpp"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <set>

#include <toml++/toml.h>

namespace ecogov::cli {

namespace fs = std::filesystem;

namespace {

const std::set<std::string>& known_keys() {
    static const std::set<std::string> keys{"server.listen",
                                            "server.port",
                                            "server.body_limit",
                                            "server.secure_cookies",
                                            "server.session_ttl",
                                            "server.web_root",
                                            "database.url",
                                            "log.level",
                                            "login.attempts_per_account",
                                            "login.attempts_per_address",
                                            "hj212.listen",
                                            "hj212.port",
                                            "hj212.max_segment",
                                            "hj212.buffer_limit",
                                            "hj212.idle_timeout",
                                            "hj212.commit_interval_ms",
                                            "hj212.exceedance_run",
                                            "hj212.clock_skew",
                                            "hj212.outage_factor"};
    return keys;
}

Result<void> check_keys(const toml::table& root) {
    for (const auto& [section, node] : root) {
        const auto* table = node.as_table();
        if (table == nullptr)
            return fail(ErrorCode::invalid_argument, "unknown key " + std::string(section.str()),
                        std::string(section.str()));
        for (const auto& [key, value] : *table) {
            const std::string name = std::string(section.str()) + "." + std::string(key.str());
            if (!known_keys().contains(name))
                return fail(ErrorCode::invalid_argument, "unknown key " + name, name);
        }
    }
    return {};
}

template <typename T>
Result<void> read(const toml::table& root, std::string_view dotted, T& out) {
    const auto node = root.at_path(dotted);
    if (!node) return {};
    if constexpr (std::is_same_v<T, std::string>) {
        if (node.is_string()) {
            out = node.as_string()->get();
            return {};
        }
    } else if constexpr (std::is_same_v<T, bool>) {
        if (node.is_boolean()) {
            out = node.as_boolean()->get();
            return {};
        }
    } else {
        if (node.is_integer()) {
            out = static_cast<T>(node.as_integer()->get());
            return {};
        }
    }
    return fail(ErrorCode::invalid_argument, std::string(dotted) + " has the wrong type",
                std::string(dotted));
}

std::string beside(const fs::path& dir, const std::string& p) {
    if (p.empty() || fs::path(p).is_absolute() || p.rfind("postgres", 0) == 0) return p;
    return (dir / p).lexically_normal().string();
}

Result<void> read_file(const std::string& file, ServeConfig& c) {
    toml::table root;
    try {
        root = toml::parse_file(file);
    } catch (const toml::parse_error& e) {
        return fail(ErrorCode::invalid_argument,
                    file + ":" + std::to_string(e.source().begin.line) + ": " +
                        std::string(e.description()),
                    "config");
    }
    if (auto ok = check_keys(root); !ok) return ok;
    Result<void> r;
    r = read(root, "server.listen", c.listen);
    if (r) r = read(root, "server.port", c.port);
    if (r) r = read(root, "server.body_limit", c.body_limit);
    if (r) r = read(root, "server.secure_cookies", c.secure_cookies);
    if (r) r = read(root, "server.session_ttl", c.session_ttl_s);
    if (r) r = read(root, "server.web_root", c.web_root);
    if (r) r = read(root, "database.url", c.database);
    if (r) r = read(root, "log.level", c.log_level);
    if (r) r = read(root, "login.attempts_per_account", c.login_attempts_per_account);
    if (r) r = read(root, "login.attempts_per_address", c.login_attempts_per_address);
    if (r) r = read(root, "hj212.listen", c.hj212_listen);
    if (r) r = read(root, "hj212.port", c.hj212_port);
    if (r) r = read(root, "hj212.max_segment", c.hj212_max_segment);
    if (r) r = read(root, "hj212.buffer_limit", c.hj212_buffer_limit);
    if (r) r = read(root, "hj212.idle_timeout", c.hj212_idle_timeout_s);
    if (r) r = read(root, "hj212.commit_interval_ms", c.hj212_commit_interval_ms);
    if (r) r = read(root, "hj212.exceedance_run", c.hj212_exceedance_run);
    if (r) r = read(root, "hj212.clock_skew", c.hj212_clock_skew_s);
    if (r) r = read(root, "hj212.outage_factor", c.hj212_outage_factor);
    if (!r) return r;
    const fs::path dir = fs::absolute(fs::path(file)).parent_path();
    c.database = c.database.empty() ? (dir / "ecogov.db").string() : beside(dir, c.database);
    c.web_root = beside(dir, c.web_root);
    return {};
}

Result<void> apply_env(const EnvLookup& env, ServeConfig& c) {
    if (auto v = env("ECOGOV_PORT")) {
        int port = 0;
        const auto r = std::from_chars(v->data(), v->data() + v->size(), port);
        if (r.ec != std::errc{} || r.ptr != v->data() + v->size() || port < 0 || port > 65535)
            return fail(ErrorCode::invalid_argument, "ECOGOV_PORT must be a port number",
                        "ECOGOV_PORT");
        c.port = port;
    }
    if (auto v = env("ECOGOV_DB")) c.database = *v;
    if (auto v = env("ECOGOV_WEB_ROOT")) c.web_root = *v;
    if (auto v = env("ECOGOV_LOG_LEVEL")) c.log_level = *v;
    return {};
}

Result<void> check(const ServeConfig& c) {
    if (c.port < 0 || c.port > 65535)
        return fail(ErrorCode::invalid_argument, "port must be 0..65535", "server.port");
    if (c.body_limit < 1024)
        return fail(ErrorCode::invalid_argument, "body_limit must be at least 1024",
                    "server.body_limit");
    if (c.session_ttl_s < 60)
        return fail(ErrorCode::invalid_argument, "session_ttl must be at least 60 s",
                    "server.session_ttl");
    if (c.hj212_port < -1 || c.hj212_port > 65535)
        return fail(ErrorCode::invalid_argument, "hj212.port must be -1 (off) or 0..65535", "hj212.port");
    if (c.hj212_max_segment < 64 || c.hj212_max_segment > 9999)
        return fail(ErrorCode::invalid_argument, "hj212.max_segment must be 64..9999", "hj212.max_segment");
    if (c.hj212_buffer_limit < c.hj212_max_segment + 12)
        return fail(ErrorCode::invalid_argument, "hj212.buffer_limit must exceed max_segment + 12",
                    "hj212.buffer_limit");
    if (c.hj212_idle_timeout_s < 1 || c.hj212_commit_interval_ms < 0 || c.hj212_commit_interval_ms > 1000 ||
        c.hj212_exceedance_run < 1 || c.hj212_clock_skew_s < 1 || c.hj212_outage_factor < 1)
        return fail(ErrorCode::invalid_argument,
                    "hj212: idle_timeout, exceedance_run, clock_skew and outage_factor must be "
                    "positive, commit_interval_ms 0..1000",
                    "hj212");
    static const std::set<std::string> levels{"trace", "debug",    "info", "warn",
                                              "error", "critical", "off"};
    if (!levels.contains(c.log_level))
        return fail(ErrorCode::invalid_argument, "unknown log level " + c.log_level, "log.level");
    return {};
}

}  // namespace

const Clock& wall_clock() {
    struct SystemClock final : Clock {
        std::chrono::system_clock::time_point now() const override {
            return std::chrono::system_clock::now();
        }
    };
    static const SystemClock clock;
    return clock;
}

EnvLookup process_env() {
    return [](const char* name) -> std::optional<std::string> {
        const char* v = std::getenv(name);
        if (v == nullptr || *v == '\0') return std::nullopt;
        return std::string(v);
    };
}

std::string default_web_root() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const fs::path& p : {exe.parent_path().parent_path() / "web" / "dist",
                                  exe.parent_path() / "web" / "dist"}) {
            if (fs::is_directory(p, ec)) return p.string();
        }
    }
    return (fs::current_path(ec) / "web" / "dist").string();
}

Result<ServeConfig> load_config(const std::optional<std::string>& config_file,
                                const EnvLookup& env) {
    ServeConfig c;
    if (config_file) {
        std::error_code ec;
        if (!fs::is_regular_file(*config_file, ec))
            return fail(ErrorCode::not_found, "no config file " + *config_file, "--config");
        if (auto ok = read_file(*config_file, c); !ok) return std::unexpected(ok.error());
    }
    if (auto ok = apply_env(env, c); !ok) return std::unexpected(ok.error());
    if (c.database.empty()) c.database = "ecogov.db";
    if (c.web_root.empty()) c.web_root = default_web_root();
    if (auto ok = check(c); !ok) return std::unexpected(ok.error());
    return c;
}

}  // namespace ecogov::cli
