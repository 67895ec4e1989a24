#pragma once
// `ecogov hj212 decode --input FILE|-` (issue 7 item 5): one JSON object per frame on stdout,
// `{"ok":…,"crc":"hj212|modbus|modbus-swapped|bad","error":…,"qn":…,"st":…,"cn":…,"mn":…,
// "flag":…,"data_time":…,"values":{"a21026":{"Rtd":…,"Flag":"N"},…}}`; input is frames one per
// line or a raw captured byte stream (the framer decides, not the line ends). Exit 0 when every
// frame is ok, 1 when any is not, 2 when the input cannot be read.
// `ecogov hj212 register-sim --db FILE --devices N`: registers the simulator's devices.
// `ecogov hj212 ingest --db FILE --input FILE|-`: stores captured frames through the receiver's
// ingest (same outcomes; no replies); prints {"stored","duplicate","quarantined","rejected","skipped"}.
// `ecogov hj212-sim`: the device simulator (src/cli/hj212_sim.hpp).
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace ecogov::hj212 {
struct Message;
}

namespace ecogov::cli {

void add_hj212_commands(CLI::App& app);

/// Appends the JSON object of one decoded frame (no newline); exposed for tests and the bench.
void append_frame_json(std::string& out, bool ok, std::string_view crc, std::string_view error,
                       const hj212::Message* m);

}  // namespace ecogov::cli
