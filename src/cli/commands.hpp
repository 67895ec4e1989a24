#pragma once
// Entry point of the command-line adapter: parses argv and runs a subcommand.
// Exit codes: 0 clean run; 1 the run finished but input had problems (bad cells, bad lines);
// 2 usage error or unreadable input (nothing written).
namespace ecogov::cli {

int run(int argc, char** argv);

}  // namespace ecogov::cli
