// run_program: fork/exec (posix_spawnp) with stderr captured in a temporary file.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "storage/postgres/pg_database.hpp"

extern char** environ;

namespace ecogov::storage::postgres {
namespace {

std::string read_and_remove(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    std::remove(path.c_str());
    std::string s = text.str();
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

std::string temp_path() {
    std::string pattern = "/tmp/ecogov-stderr-XXXXXX";
    const int fd = mkstemp(pattern.data());
    if (fd >= 0) close(fd);
    return pattern;
}

Result<int> spawn_and_wait(const std::vector<std::string>& argv, const std::string& err_path) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_TRUNC, 0600);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return fail(ErrorCode::io, "cannot run " + argv[0] + ": " + std::strerror(rc));
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return fail(ErrorCode::io, "waitpid: " + std::string(strerror(errno)));
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}

}  // namespace

Result<void> run_program(const std::vector<std::string>& argv) {
    const std::string err_path = temp_path();
    auto status = spawn_and_wait(argv, err_path);
    const std::string err = read_and_remove(err_path);
    if (!status) return std::unexpected(status.error());
    if (*status == 0) return {};
    if (*status == 127)
        return fail(ErrorCode::io, argv[0] + " not found or not executable: " + err);
    return fail(ErrorCode::io, argv[0] + " exited with status " + std::to_string(*status) +
                                   (err.empty() ? "" : ": " + err));
}

}  // namespace ecogov::storage::postgres
