#pragma once
// `ecogov air generate`: writes a synthetic hourly air-quality file (simulation/air_generator.hpp)
// and, on request, its station list.
//
// Contract:
// - add_air_generate() registers the subcommand `generate` on the given `air` subcommand with its
//   own callback; the callback runs the generation while CLI11 parses.
// - Options: --stations N (required), --year Y or --from D --to D (YYYY-MM-DD or YYYYMMDD; they
//   override the year), --seed S (default 1), --layout hourly|full (default full), --city NAME
//   (default 登封市), --prefix P (station code prefix, default DF), --output FILE (required;
//   `-` = stdout; gzip when the name ends in .gz), --stations-output FILE (same rules), --quiet.
// - Files are written to "<name>.part" and renamed when complete, so a failed run leaves no
//   partial output under the requested name.
// - Progress goes to stderr only when stderr is a terminal and --quiet is not given.
// - Errors are printed to stderr as "ecogov air generate: <message>" and end the parse with
//   CLI::RuntimeError(2), which CLI::App::exit() turns into exit code 2 without printing more.
namespace CLI {
class App;
}

namespace ecogov::cli {

void add_air_generate(CLI::App& air);

}  // namespace ecogov::cli
