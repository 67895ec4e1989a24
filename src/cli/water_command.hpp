#pragma once
// `ecogov water classify`: GB 3838-2002 classes of river and lake sections from a long CSV
// (`section,water_body,date,item,value`), per month or year (src/standards/water).
//
// Contract: bad rows are reported as `file:line:column (field): why`, skipped and counted (exit 1);
// an unreadable file or a wrong header is fatal (exit 2) and nothing is written; a clean run
// exits 0. Output (CSV or JSON by the file name, `-` for stdout) is written atomically.
namespace CLI {
class App;
}

namespace ecogov::cli {

void add_water_command(CLI::App& app);

}  // namespace ecogov::cli
