#pragma once
// Encoder of the platform's HJ 212 replies and commands (HJ 212-2017 §6.6, Appendix C: 9014 data
// reply C.2x, 9011 request reply, 9012 execution result, 9013 notification reply, 1012 set device
// time; HJ/T 212-2005
// Appendix C for the 2005 forms; docs/standards/hj212.md §3 and §9.4).
//
// Contract:
// - encode_frame wraps a data segment as `##LLLL<segment>CCCC\r\n` with the Appendix A CRC (or
//   the variant asked for, for devices registered with one); the length is the byte count.
// - Replies echo the request's QN, PW and MN and use ST=91, Flag=4 (2017). For a 2005 device
//   (Message::dialect() == hj2005) the reply carries QN and CN inside CP and Flag=0, as the 2005
//   text shows (`CP=&&QN=…;CN=2051&&`).
// - 1012 carries SystemTime=YYYYMMDDhhmmss, the device's ST, a fresh QN made from `now`.
// Pure: time passed in.
#include <string>
#include <string_view>

#include "hj212/crc.hpp"
#include "hj212/message.hpp"

namespace ecogov::hj212 {

std::string encode_frame(std::string_view segment, CrcVariant crc = CrcVariant::hj212);

/// 9014 data reply to an upload.
std::string data_reply(const Message& upload, CrcVariant crc = CrcVariant::hj212);
/// 9011 request reply with QnRtn (1 ready, 2 refused, 3 PW wrong, …).
std::string request_reply(const Message& request, int qn_rtn, CrcVariant crc = CrcVariant::hj212);
/// 9012 execution result with ExeRtn (1 success, 2 failure, 100 no data, …).
std::string execution_result(const Message& request, int exe_rtn,
                             CrcVariant crc = CrcVariant::hj212);
/// 9013 notification reply (e.g. to a 1013 time-calibration request).
std::string notification_reply(const Message& notification, CrcVariant crc = CrcVariant::hj212);
/// 1012 set the device's clock to `now` (local time), with QN derived from it.
std::string time_set(std::string_view st, std::string_view pw, std::string_view mn, LocalTime now,
                     CrcVariant crc = CrcVariant::hj212);

}  // namespace ecogov::hj212
