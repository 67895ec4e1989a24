// HJ 212 receiver over real TCP on loopback (net/hj212/receiver.hpp, issue 7 acceptance 2):
// frames split at every byte position, many frames per write, garbage between frames, a
// connection dropped mid-frame, an oversize frame, a buffer overflow, a slow sender, an idle
// connection, an unknown device. The server stays up and stores exactly the valid frames; 9014
// replies come back for them.
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <thread>

#include "hj212/encoder.hpp"
#include "hj212/framer.hpp"
#include "net/hj212/receiver.hpp"
#include "observations_test_db.hpp"
#include "services/hj212_registry.hpp"
#include "simulation/hj212_device.hpp"

namespace ecogov {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

struct Server {
    testing::TempDb db;
    PendingProblemLink problems;
    std::unique_ptr<Hj212Ingestor> ingestor;
    std::unique_ptr<net::hj212::Receiver> receiver;
    unsigned short port = 0;

    explicit Server(net::hj212::ReceiverSettings s = {}) {
        const std::int64_t unit = db.unit("town");
        auto lease = db.db().acquire();
        auto n = register_simulated_hj212_devices(*lease, command_line_actor(), unit, 0, 4, "31",
                                                  "2026-11-18T00:00:00Z");
        EXPECT_TRUE(n && *n == 4);
        ingestor = std::make_unique<Hj212Ingestor>(db.db(), db.clock(), Hj212IngestSettings{}, problems);
        s.commit_interval = 1ms;
        receiver = std::make_unique<net::hj212::Receiver>(*ingestor, db.clock(), s);
        auto p = receiver->start();
        EXPECT_TRUE(p) << p.error().message;
        port = p ? *p : 0;
    }
    std::int64_t count(const std::string& sql) {
        auto lease = db.db().acquire();
        auto r = lease->query(sql);
        return r ? r->at(0).integer(0) : -1;
    }
    std::int64_t uploads() { return count("SELECT count(*) FROM hj212_uploads"); }
};

asio::io_context g_io;

tcp::socket connect(unsigned short port) {
    tcp::socket s(g_io);
    s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    s.set_option(tcp::no_delay(true));
    return s;
}

void send(tcp::socket& s, std::string_view bytes) { asio::write(s, asio::buffer(bytes.data(), bytes.size())); }

/// Reads until `n` 9014 replies arrived (or 5 s passed); returns how many arrived.
int read_replies(tcp::socket& s, int n, std::chrono::milliseconds wait = 5s) {
    ecogov::hj212::Framer f;
    int got = 0;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    s.non_blocking(true);
    std::array<char, 4096> buf{};
    while (got < n && std::chrono::steady_clock::now() < deadline) {
        boost::system::error_code ec;
        const std::size_t k = s.read_some(asio::buffer(buf), ec);
        if (ec == asio::error::would_block) {
            std::this_thread::sleep_for(1ms);
            continue;
        }
        if (ec) break;
        f.feed(std::string_view(buf.data(), k));
        while (auto item = f.next())
            if (item->kind == ecogov::hj212::FramerEvent::frame && item->segment.find("CN=9014") != std::string_view::npos)
                ++got;
    }
    s.non_blocking(false);
    return got;
}

std::string frame(int device, int seq, const std::string& cn = "2011") {
    simulation::SimDevice d;
    d.mn = simulation::sim_mn(device);
    return simulation::upload_frame(d, seq, cn, *ecogov::hj212::parse_local_time("20261118000000"));
}

bool eventually(const std::function<bool()>& f) {
    for (int i = 0; i < 500; ++i) {
        if (f()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return f();
}

TEST(Hj212Receiver, SplitAtEveryBytePosition) {
    Server srv;
    const std::string a = frame(0, 0);
    const std::size_t len = a.size() + frame(0, 1).size();
    int seq = 0;
    std::vector<tcp::socket> sockets;
    for (std::size_t cut = 0; cut <= len; ++cut) {
        const std::string two = frame(cut % 4, seq) + frame(cut % 4, seq + 1);
        seq += 2;
        auto s = connect(srv.port);
        send(s, std::string_view(two).substr(0, cut));
        std::this_thread::sleep_for(200us);
        send(s, std::string_view(two).substr(cut));
        sockets.push_back(std::move(s));
    }
    int replies = 0;
    for (auto& s : sockets) replies += read_replies(s, 2);
    EXPECT_EQ(replies, 2 * static_cast<int>(len + 1));
    EXPECT_EQ(srv.uploads(), 2 * static_cast<std::int64_t>(len + 1));
    EXPECT_EQ(srv.count("SELECT count(*) FROM hj212_values"), 3 * 2 * static_cast<std::int64_t>(len + 1));
}

TEST(Hj212Receiver, ManyFramesGarbageDropsOversizeSlowSender) {
    net::hj212::ReceiverSettings settings;
    settings.max_segment = 1024;
    Server srv(settings);
    // 200 frames in one write, garbage between some of them, and damaged frames.
    std::string burst;
    int valid = 0;
    for (int i = 0; i < 200; ++i) {
        if (i % 10 == 3) burst += "\x01\x02 garbage ## #12 &&\r\n";
        if (i % 25 == 7) {
            burst += simulation::corrupt(frame(1, 1000 + i), 0);  // wrong CRC: rejected, no reply
            continue;
        }
        burst += frame(1, i);
        ++valid;
    }
    {
        auto s = connect(srv.port);
        send(s, burst);
        EXPECT_EQ(read_replies(s, valid), valid);
    }
    EXPECT_EQ(srv.uploads(), valid);
    EXPECT_EQ(srv.count("SELECT count(*) FROM hj212_frames WHERE status = 'rejected'"), 8);

    // Dropped mid-frame: the complete frame is stored, the half one is not.
    {
        auto s = connect(srv.port);
        const std::string half = frame(2, 1);
        send(s, frame(2, 0) + half.substr(0, half.size() / 2));
        EXPECT_EQ(read_replies(s, 1), 1);
        s.close();
    }
    // Oversize declared length, then a valid frame on the same connection.
    {
        auto s = connect(srv.port);
        send(s, "##5000" + std::string(5000, 'x') + "ABCD\r\n" + frame(2, 2));
        EXPECT_EQ(read_replies(s, 1), 1);
    }
    // A slow sender: one byte every millisecond.
    {
        auto s = connect(srv.port);
        const std::string f = frame(3, 0);
        for (char c : f) {
            send(s, std::string_view(&c, 1));
            std::this_thread::sleep_for(1ms);
        }
        EXPECT_EQ(read_replies(s, 1), 1);
    }
    // Unknown device: quarantined, no reply.
    {
        simulation::SimDevice d;
        d.mn = "NOTREGISTERED";
        auto s = connect(srv.port);
        send(s, simulation::upload_frame(d, 0, "2011", *ecogov::hj212::parse_local_time("20261118000000")) + frame(3, 1));
        EXPECT_EQ(read_replies(s, 1), 1);
        EXPECT_EQ(read_replies(s, 1, 200ms), 0);
    }
    EXPECT_EQ(srv.uploads(), valid + 4);
    EXPECT_EQ(srv.count("SELECT count(*) FROM hj212_frames WHERE status = 'quarantined'"), 1);
    EXPECT_GE(srv.receiver->counters().oversize.load(), 1u);
    EXPECT_EQ(srv.receiver->counters().batch_failures.load(), 0u);
}

TEST(Hj212Receiver, BackPressurePausesReadingButLosesNothing) {
    net::hj212::ReceiverSettings settings;
    settings.max_queue = 1;
    Server srv(settings);
    std::vector<tcp::socket> sockets;
    for (int c = 0; c < 3; ++c) {
        std::string burst;
        for (int i = 0; i < 100; ++i) burst += frame(c, i);
        sockets.push_back(connect(srv.port));
        send(sockets.back(), burst);
    }
    int replies = 0;
    for (auto& s : sockets) replies += read_replies(s, 100);
    EXPECT_EQ(replies, 300);
    EXPECT_EQ(srv.uploads(), 300);
    EXPECT_GT(srv.receiver->counters().paused_reads.load(), 0u);
}

TEST(Hj212Receiver, BufferLimitAndIdleTimeoutCloseTheConnection) {
    net::hj212::ReceiverSettings settings;
    settings.buffer_limit = 300;  // below one pending frame: closes
    settings.idle_timeout = 300ms;
    Server srv(settings);
    {
        auto s = connect(srv.port);
        send(s, "##0900" + std::string(500, 'y'));
        EXPECT_TRUE(eventually([&] { return srv.receiver->counters().closed_overflow.load() == 1; }));
    }
    {
        auto s = connect(srv.port);
        std::array<char, 16> buf{};
        boost::system::error_code ec;
        const auto t0 = std::chrono::steady_clock::now();
        s.read_some(asio::buffer(buf), ec);  // blocks until the server closes the idle connection
        EXPECT_EQ(ec, asio::error::eof);
        EXPECT_GE(std::chrono::steady_clock::now() - t0, 250ms);
        EXPECT_EQ(srv.receiver->counters().closed_idle.load(), 1u);
    }
    // Still serving.
    auto s = connect(srv.port);
    send(s, frame(0, 0));
    EXPECT_EQ(read_replies(s, 1), 1);
}

}  // namespace
}  // namespace ecogov
