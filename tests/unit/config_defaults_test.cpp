// `ecogov serve` configuration: defaults, the TOML file, environment overrides, strictness.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "cli/config.hpp"

namespace ecogov::cli {
namespace {

namespace fs = std::filesystem;

EnvLookup env_of(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const char* name) -> std::optional<std::string> {
        auto it = vars.find(name);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

fs::path write_config(const std::string& name, const std::string& text) {
    const fs::path dir = fs::temp_directory_path() / "ecogov-config-test";
    fs::create_directories(dir);
    const fs::path file = dir / name;
    std::ofstream(file) << text;
    return file;
}

TEST(ConfigDefaults, WithoutFileOrEnvironment) {
    auto c = load_config(std::nullopt, env_of({}));
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->listen, "127.0.0.1");
    EXPECT_EQ(c->port, 8080);
    EXPECT_EQ(c->database, "ecogov.db");
    EXPECT_EQ(c->body_limit, 8 * 1024 * 1024);
    EXPECT_FALSE(c->secure_cookies);
    EXPECT_EQ(c->session_ttl_s, 12 * 3600);
    EXPECT_EQ(c->log_level, "info");
    EXPECT_EQ(c->login_attempts_per_account, 5);
    EXPECT_EQ(c->login_attempts_per_address, 20);
    EXPECT_FALSE(c->web_root.empty());
}

TEST(ConfigDefaults, FileValuesAndDatabaseBesideTheFile) {
    const fs::path f =
        write_config("a.toml",
                     "[server]\nport = 9000\nsecure_cookies = true\nweb_root = \"www\"\n"
                     "[login]\nattempts_per_account = 3\n");
    auto c = load_config(f.string(), env_of({}));
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->port, 9000);
    EXPECT_TRUE(c->secure_cookies);
    EXPECT_EQ(c->login_attempts_per_account, 3);
    EXPECT_EQ(fs::path(c->database), fs::absolute(f).parent_path() / "ecogov.db");
    EXPECT_EQ(fs::path(c->web_root), fs::absolute(f).parent_path() / "www");
}

TEST(ConfigDefaults, EnvironmentOverridesFile) {
    const fs::path f = write_config(
        "b.toml", "[server]\nport = 9000\n[database]\nurl = \"x.db\"\n[log]\nlevel = \"warn\"\n");
    auto c = load_config(f.string(), env_of({{"ECOGOV_PORT", "9100"},
                                             {"ECOGOV_DB", "postgresql://h/db"},
                                             {"ECOGOV_WEB_ROOT", "/srv/web"},
                                             {"ECOGOV_LOG_LEVEL", "debug"}}));
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->port, 9100);
    EXPECT_EQ(c->database, "postgresql://h/db");
    EXPECT_EQ(c->web_root, "/srv/web");
    EXPECT_EQ(c->log_level, "debug");
}

TEST(ConfigDefaults, StrictAboutKeysTypesAndValues) {
    auto unknown = load_config(write_config("c.toml", "[server]\nprot = 1\n").string(), env_of({}));
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, "server.prot");
    auto type =
        load_config(write_config("d.toml", "[server]\nport = \"80\"\n").string(), env_of({}));
    ASSERT_FALSE(type);
    EXPECT_EQ(type.error().field, "server.port");
    EXPECT_FALSE(load_config(std::nullopt, env_of({{"ECOGOV_PORT", "http"}})));
    EXPECT_FALSE(load_config(std::nullopt, env_of({{"ECOGOV_LOG_LEVEL", "loud"}})));
    EXPECT_FALSE(load_config(std::string("/nonexistent/ecogov.toml"), env_of({})));
    EXPECT_FALSE(load_config(write_config("e.toml", "[server\n").string(), env_of({})));
}

TEST(ConfigDefaults, ExampleFileLoads) {
    const fs::path example =
        fs::path(ECOGOV_VECTORS_DIR).parent_path().parent_path() / "ecogov.example.toml";
    auto c = load_config(example.string(), env_of({}));
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->port, 8080);
}

}  // namespace
}  // namespace ecogov::cli
