// ecogov: one binary, subcommands (CLI11). This file only wires the adapters together.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return ecogov::cli::run(argc, argv); }
