#pragma once
// `ecogov assess run --db DB --scheme FILE --period 2026-10 [--output FILE|-]` (issue 6): saves the
// scheme file as the next version of the code named by its file stem (townships.toml →
// `townships`), runs it over the period as the command line (services/assessment.hpp), stores the
// run and writes its results JSON (docs/api.md "Assessment"). Exit 0 on success; 2 when the
// database, the scheme (its line-numbered error is printed) or the period is wrong.
namespace CLI {
class App;
}

namespace ecogov::cli {

void add_assess_command(CLI::App& app);

}  // namespace ecogov::cli
