// The [hj212] section of the server configuration (cli/config.hpp; issue 7 item 2): off by
// default, read from the file, validated with the key named.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli/config.hpp"

namespace ecogov::cli {
namespace {

namespace fs = std::filesystem;

EnvLookup no_env() {
    return [](const char*) -> std::optional<std::string> { return std::nullopt; };
}

fs::path config_file(const std::string& name, const std::string& text) {
    const fs::path dir = fs::temp_directory_path() / "ecogov-hj212-config-test";
    fs::create_directories(dir);
    const fs::path file = dir / name;
    std::ofstream(file) << text;
    return file;
}

TEST(Hj212Config, OffByDefaultAndReadFromTheFile) {
    auto d = load_config(std::nullopt, no_env());
    ASSERT_TRUE(d) << d.error().message;
    EXPECT_EQ(d->hj212_port, -1);
    auto c = load_config(config_file("on.toml",
                                     "[hj212]\nlisten = \"0.0.0.0\"\nport = 2120\nmax_segment = 9999\n"
                                     "buffer_limit = 20000\nidle_timeout = 60\ncommit_interval_ms = 2\n"
                                     "exceedance_run = 4\nclock_skew = 60\noutage_factor = 3\n")
                             .string(),
                         no_env());
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_EQ(c->hj212_listen, "0.0.0.0");
    EXPECT_EQ(c->hj212_port, 2120);
    EXPECT_EQ(c->hj212_max_segment, 9999);
    EXPECT_EQ(c->hj212_exceedance_run, 4);
    EXPECT_EQ(c->hj212_outage_factor, 3);
}

TEST(Hj212Config, BadValuesNameTheKey) {
    auto port = load_config(config_file("p.toml", "[hj212]\nport = 70000\n").string(), no_env());
    ASSERT_FALSE(port);
    EXPECT_EQ(port.error().field, "hj212.port");
    auto seg = load_config(config_file("s.toml", "[hj212]\nmax_segment = 10\n").string(), no_env());
    ASSERT_FALSE(seg);
    EXPECT_EQ(seg.error().field, "hj212.max_segment");
    auto buf = load_config(config_file("b.toml", "[hj212]\nbuffer_limit = 100\n").string(), no_env());
    ASSERT_FALSE(buf);
    EXPECT_EQ(buf.error().field, "hj212.buffer_limit");
    auto typo = load_config(config_file("t.toml", "[hj212]\nprot = 1\n").string(), no_env());
    ASSERT_FALSE(typo);
    EXPECT_EQ(typo.error().field, "hj212.prot");
}

}  // namespace
}  // namespace ecogov::cli
