#pragma once
// `ecogov ledger sweep|export|import --db TARGET` (issue 4; docs/ledger.md): the daily sweep that
// records earned yellow/red cards and escalates unanswered supervision notices (for cron), and the
// ledger as CSV/XLSX out and in (import all or nothing, bad rows listed with their row numbers on
// stderr). Acts as the command line (an administrator, audited as "cli").
// Exit status: 0 done; 1 the import had bad rows (nothing stored); 2 the file or database failed.
namespace CLI {
class App;
}

namespace ecogov::cli {

void add_ledger_command(CLI::App& app);

}  // namespace ecogov::cli
