#pragma once
// `ecogov import --db TARGET FILE... [--format auto|china-sites|cnemc|prsa]` (issue 3 item 6):
// imports monitoring files into the database through the import service, one batch per file
// (all-or-nothing, idempotent), printing per file the batch id, accepted/rejected/changed counts,
// the rate, and the first problems (`file:line:column (field): why`) on stderr.
// Exit status: 0 clean; 1 imported but some rows were rejected or had bad cells; 2 a file or the
// database failed (that file's batch is rolled back; earlier files stay imported).
namespace CLI {
class App;
}

namespace ecogov::cli {

void add_import_command(CLI::App& app);

}  // namespace ecogov::cli
