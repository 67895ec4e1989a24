#pragma once
// Simulated HJ 212 devices (issue 7 item 6): deterministic upload frames for tests and benchmarks.
//
// Contract:
// - sim_mn(i) is the 24-character MN of simulated device i (`SIM` + 21 digits); sim_pw is the
//   password every simulated device uses unless told otherwise.
// - upload_frame(device, seq, cn, base) builds a complete 2017 frame (`##LLLL…CCCC\r\n`) for
//   upload number `seq` of one CN: DataTime = base + seq × the CN's interval (2011: 30 s,
//   2051: 10 min, 2061: 1 h, 2031: 1 day), so (MN, CN, DataTime) is unique per seq. Values are
//   a deterministic function of (device, seq) for the factor set of the device's ST (31 gas:
//   a34013 dust, a21026 SO2, a21002 NOx; 32 water: w01018 COD, w21003 NH3-N; 39 dust: a34001,
//   a34002). Flag=5 (ack wanted) when `ack`, else 4.
// - corrupt(frame, kind) damages a frame on request: kind 0 wrong CRC, 1 wrong length, 2
//   garbage prefix without `##`.
// Pure: time passed in.
#include <cstdint>
#include <string>
#include <string_view>

#include "hj212/message.hpp"

namespace ecogov::simulation {

std::string sim_mn(std::int64_t index);
inline constexpr std::string_view kSimPassword = "123456";

struct SimDevice {
    std::string mn;
    std::string pw = std::string(kSimPassword);
    std::string st = "31";
    bool ack = true;
};

/// Interval in seconds between uploads of one CN (0 when the CN is not an upload).
std::int64_t cn_interval_seconds(std::string_view cn) noexcept;

std::string upload_frame(const SimDevice& d, std::int64_t seq, std::string_view cn,
                         hj212::LocalTime base);

std::string corrupt(std::string frame, int kind);

}  // namespace ecogov::simulation
