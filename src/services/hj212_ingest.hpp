#pragma once
// HJ 212 ingest (issue 7 items 2–4): stores a batch of received frames in ONE transaction (group
// commit), then tells the caller which reply to send for each; evaluates exceedances, runs of
// exceedances (→ alarm + problem), clock skew (→ 1012) and outages.
//
// Contract:
// - store_batch: every frame of the batch gets an outcome, in order. A frame is
//   * rejected: the data segment does not parse, or its CRC is neither HJ 212 nor the device's
//     registered variant (the raw frame is kept, nothing else);
//   * quarantined: unknown MN or wrong PW (raw frame kept with the reason, counted; no values);
//   * duplicate: an upload whose (MN, CN, DataTime, PNO) is already stored (raw kept, values not
//     stored again; the 9014 is still sent so the device stops resending);
//   * stored: raw frame, upload key and typed values stored.
//   Replies (9014 when the Flag asks; 1012 when the device's clock is off by more than
//   clock_skew_s and the registry allows setting it; 9013 and then 1012 to a 1013 request) are returned only when the transaction has
//   committed: the caller sends them after store_batch returns, never before. When the batch
//   transaction fails, each frame is retried in its own transaction; a frame that still fails
//   gets no reply. After a failed (rolled-back) attempt the open-alarm state is re-read from the
//   store before the next attempt, so an alarm (and problem) rolled back is opened again.
// - Values of 2051/2061/2031 uploads are compared with the outlet's limits (hourly limit for
//   2061, daily for 2031 when set, else the concentration limit; ZsAvg against the converted
//   limit), and a value flagged T is an exceedance. `exceedance_run` consecutive exceedances of a
//   pollutant on a device open one alarm and ask the ProblemOpener for a problem on the same
//   transaction (CasesProblemLink: services/hj212_problems.hpp); a value within
//   the limit ends the run and closes the alarm. Runs are counted in memory (a restart starts
//   them over).
// - check_outages (called with the clock's now, no sleeping): a device seen before but silent
//   for more than outage_factor × its expected interval gets one open outage alarm; its next
//   frame closes it.
// - The registry is cached and re-read every reload_ms and when an unknown MN arrives (at most
//   once a second). Thread-safety: one thread at a time (the receiver's committer).
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "hj212/crc.hpp"
#include "services/hj212_problems.hpp"
#include "storage/database.hpp"

namespace ecogov {

struct Hj212IngestSettings {
    int exceedance_run = 3;
    std::int64_t clock_skew_s = 300;
    double outage_factor = 2.0;
    std::int64_t reload_ms = 5000;
    std::int64_t utc_offset_s = 8 * 3600;  // device clocks are China time
};

struct Hj212Incoming {
    std::string raw;  // `##LLLL<segment>CCCC` as framed (without CR LF)
    hj212::CrcVariant crc = hj212::CrcVariant::bad;
    std::string peer;
    std::int64_t received_ms = 0;
};

enum class Hj212Status : unsigned char { stored, duplicate, quarantined, rejected };
std::string_view hj212_status_name(Hj212Status s) noexcept;

struct Hj212Outcome {
    Hj212Status status = Hj212Status::rejected;
    std::string reason;
    std::string reply;  // bytes to send once committed (may hold several frames, or be empty)
};

class Hj212Ingestor {
public:
    Hj212Ingestor(storage::Database& db, const Clock& clock, Hj212IngestSettings settings,
                  ProblemOpener& opener);
    /// Without a database: only the overloads taking a connection may be used.
    Hj212Ingestor(const Clock& clock, Hj212IngestSettings settings, ProblemOpener& opener);
    ~Hj212Ingestor();

    Result<std::vector<Hj212Outcome>> store_batch(std::span<const Hj212Incoming> frames);
    /// Same on a connection the caller holds (no transaction open on it; e.g. the demo builder).
    Result<std::vector<Hj212Outcome>> store_batch(storage::Connection& c,
                                                  std::span<const Hj212Incoming> frames);
    /// Opens outage alarms; returns how many were opened.
    Result<int> check_outages();
    Result<int> check_outages(storage::Connection& c);
    /// Forces the registry to be re-read before the next batch.
    void invalidate_registry();

    struct State;  // implementation detail (hj212_ingest.cpp)

private:
    std::unique_ptr<State> s_;
};

}  // namespace ecogov
