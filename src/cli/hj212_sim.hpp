#pragma once
// `ecogov hj212-sim` (issue 7 item 6): simulated HJ 212 devices for tests and benchmarks.
//
// Contract:
// - `--devices N` devices (MN from simulation::sim_mn(first + i)), each on its own TCP
//   connection to `--host:--port`, send `--frames` uploads each with the CN mix `--cn-mix`
//   (`2011:70,2051:20,2061:10`), at `--rate` frames/s per device (0: as fast as replies allow),
//   with at most `--window` frames awaiting their 9014 per device.
// - `--bad-every K` replaces every K-th frame by a damaged one (wrong CRC or wrong length); those
//   are not expected to be answered.
// - `--acked FILE` lists `MN CN DataTime` of every frame whose 9014 came back (the no-loss test
//   compares it with the store). `--output FILE` writes the frames to a file instead of sending.
// - A summary JSON object is printed on stdout: sent, acked, bad, errors, seconds, frames/s,
//   p50/p99 latency from write to 9014 in milliseconds. Exit 0 unless the options are wrong or
//   the output cannot be written (lost connections are counted, not fatal).
namespace CLI {
class App;
}

namespace ecogov::cli {

void add_hj212_sim_command(CLI::App& app);
void add_hj212_register_command(CLI::App& hj212);

}  // namespace ecogov::cli
