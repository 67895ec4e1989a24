#pragma once
// HJ 212 TCP receiver (issue 7 item 2): Asio server for thousands of device connections.
//
// Contract:
// - One I/O thread runs every connection; a committer thread collects the frames of all
//   connections and stores them with Hj212Ingestor::store_batch in one transaction every
//   commit_interval (group commit). Replies (9014, 1012) are written to each connection only after
//   that transaction has committed, in the order the frames arrived on it; a frame whose batch
//   failed gets no reply (the device resends).
// - Per connection: a Framer (max_segment) cuts frames across reads; oversize and malformed items
//   are counted and skipped; more than buffer_limit unconsumed bytes, or silence longer than
//   idle_timeout, closes the connection. A connection dropped mid-frame loses only that partial
//   frame. Connections above max_connections are refused (closed at once). While more than
//   max_queue frames wait for the committer, connections pause reading (back-pressure: TCP flow
//   control slows the devices instead of the server's memory growing).
// - Outages are checked every outage_check_interval with the clock (Hj212Ingestor::check_outages).
// - start() binds and returns the port (0 in settings picks a free one); stop() closes
//   everything and joins the threads after the pending batch is stored. Counters are atomic
//   and readable from any thread.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "services/hj212_ingest.hpp"

namespace ecogov::net::hj212 {

struct ReceiverSettings {
    std::string listen = "127.0.0.1";
    unsigned short port = 0;
    std::size_t max_segment = 4096;
    std::size_t buffer_limit = 65536;
    std::chrono::milliseconds idle_timeout{900'000};
    std::chrono::milliseconds commit_interval{5};
    std::size_t max_batch = 20000;
    std::size_t max_queue = 200000;  // frames waiting to be stored; above it connections pause reading
    std::size_t max_connections = 50000;
    std::chrono::milliseconds outage_check_interval{30'000};
};

struct ReceiverCounters {
    std::atomic<std::uint64_t> connections{0}, open_connections{0}, frames{0}, stored{0},
        duplicates{0}, quarantined{0}, rejected{0}, oversize{0}, malformed{0}, replies{0},
        batches{0}, batch_failures{0}, closed_idle{0}, closed_overflow{0}, paused_reads{0};
};

class Receiver {
public:
    Receiver(Hj212Ingestor& ingestor, const Clock& clock, ReceiverSettings settings);
    ~Receiver();
    Receiver(const Receiver&) = delete;
    Receiver& operator=(const Receiver&) = delete;

    Result<unsigned short> start();
    void stop();
    const ReceiverCounters& counters() const noexcept;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace ecogov::net::hj212
