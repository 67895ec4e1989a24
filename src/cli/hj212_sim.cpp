#include "cli/hj212_sim.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <boost/asio.hpp>
#include <chrono>
#include <cstdio>
#include <deque>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "hj212/framer.hpp"
#include "simulation/hj212_device.hpp"

namespace ecogov::cli {

namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

struct SimArgs {
    std::string host = "127.0.0.1";
    int port = 0;
    int devices = 10;
    int first = 0;
    long frames = 100;
    double rate = 0;
    int window = 1;
    std::string cn_mix = "2011:1";
    int bad_every = 0;
    std::string st = "31";
    std::string pw = std::string(simulation::kSimPassword);
    std::string base = "20261101000000";
    std::string acked;
    std::string output;
    int threads = 1;
    double timeout = 60;
};

struct Stats {
    long sent = 0, acked = 0, bad = 0, errors = 0;
    std::vector<std::int64_t> latency_us;
    std::vector<std::string> acked_keys;
};

/// The CN of upload `n` of a device given the weighted mix.
class CnMix {
public:
    explicit CnMix(const std::string& spec) {
        std::size_t i = 0;
        while (i < spec.size()) {
            std::size_t j = spec.find(',', i);
            if (j == std::string::npos) j = spec.size();
            const std::string item = spec.substr(i, j - i);
            const std::size_t colon = item.find(':');
            const std::string cn = item.substr(0, colon);
            const int w = colon == std::string::npos ? 1 : std::max(1, std::atoi(item.c_str() + colon + 1));
            entries_.push_back({cn, w});
            total_ += w;
            i = j + 1;
        }
    }
    bool valid() const {
        if (entries_.empty()) return false;
        for (const auto& e : entries_)
            if (simulation::cn_interval_seconds(e.cn) == 0) return false;
        return true;
    }
    /// Picks the CN for upload n and the per-CN sequence number.
    std::pair<const std::string*, long> pick(long n, std::vector<long>& per_cn) const {
        const int slot = static_cast<int>(n % total_);
        int acc = 0;
        for (std::size_t k = 0; k < entries_.size(); ++k) {
            acc += entries_[k].weight;
            if (slot < acc) return {&entries_[k].cn, per_cn[k]++};
        }
        return {&entries_[0].cn, per_cn[0]++};
    }
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::string cn;
        int weight;
    };
    std::vector<Entry> entries_;
    int total_ = 0;
};

struct Pending {
    SteadyClock::time_point sent;
    std::string key;
    std::string qn;
};

class DeviceSession : public std::enable_shared_from_this<DeviceSession> {
public:
    DeviceSession(asio::io_context& io, const SimArgs& a, const CnMix& mix, int index, Stats& stats)
        : socket_(io), timer_(io), args_(a), mix_(mix), stats_(stats), per_cn_(mix.size(), 0) {
        device_.mn = simulation::sim_mn(a.first + index);
        device_.pw = a.pw;
        device_.st = a.st;
        base_ = *hj212::parse_local_time(a.base);
    }

    void start(const tcp::endpoint& ep) {
        socket_.async_connect(ep, [self = shared_from_this()](boost::system::error_code ec) {
            if (ec) return self->fail();
            self->socket_.set_option(tcp::no_delay(true));
            self->read();
            self->pump();
        });
    }

private:
    void fail() {
        if (!failed_) ++stats_.errors;
        failed_ = true;
        boost::system::error_code ignored;
        socket_.close(ignored);
        timer_.cancel();
    }

    bool done() const { return sent_ >= args_.frames && pending_.empty(); }

    void pump() {
        if (failed_ || writing_ || waiting_timer_) return;
        if (sent_ >= args_.frames) {
            if (pending_.empty()) finish();
            return;
        }
        if (static_cast<int>(pending_.size()) >= args_.window) return;
        if (args_.rate > 0 && sent_ > 0) {
            const auto gap = std::chrono::duration_cast<SteadyClock::duration>(
                std::chrono::duration<double>(1.0 / args_.rate));
            const auto due = last_send_ + gap;
            if (SteadyClock::now() < due) {
                waiting_timer_ = true;
                timer_.expires_at(due);
                timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
                    self->waiting_timer_ = false;
                    if (!ec) self->pump();
                });
                return;
            }
        }
        send_one();
    }

    void send_one() {
        const auto [cn, seq] = mix_.pick(sent_, per_cn_);
        out_ = simulation::upload_frame(device_, seq, *cn, base_);
        const bool bad = args_.bad_every > 0 && (sent_ + 1) % args_.bad_every == 0;
        ++sent_;
        last_send_ = SteadyClock::now();
        if (bad) {
            out_ = simulation::corrupt(std::move(out_), static_cast<int>(sent_ / args_.bad_every) % 2);
            ++stats_.bad;
        } else {
            const std::int64_t step = simulation::cn_interval_seconds(*cn);
            const hj212::LocalTime at{base_.seconds + seq * step, 0};
            const std::string when = hj212::format_compact_time(at);
            pending_.push_back({last_send_, device_.mn + " " + *cn + " " + when, when + "000"});
        }
        ++stats_.sent;
        writing_ = true;
        asio::async_write(socket_, asio::buffer(out_),
                          [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                              self->writing_ = false;
                              if (ec) return self->fail();
                              self->pump();
                          });
    }

    void read() {
        socket_.async_read_some(
            asio::buffer(in_), [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                if (ec) {
                    if (!self->done() && !self->closing_) self->fail();
                    return;
                }
                self->on_bytes(std::string_view(self->in_.data(), n));
                self->read();
            });
    }

    void on_bytes(std::string_view bytes) {
        framer_.feed(bytes);
        while (auto item = framer_.next()) {
            if (item->kind != hj212::FramerEvent::frame) continue;
            if (item->segment.find("CN=9014") == std::string_view::npos) continue;
            const auto qn_at = item->segment.find("QN=");
            std::string_view qn;
            if (qn_at != std::string_view::npos) qn = item->segment.substr(qn_at + 3, 17);
            auto it = pending_.begin();
            while (it != pending_.end() && it->qn != qn) ++it;
            if (it == pending_.end()) it = pending_.begin();
            if (it == pending_.end()) continue;
            const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                                SteadyClock::now() - it->sent)
                                .count();
            stats_.latency_us.push_back(us);
            ++stats_.acked;
            if (!args_.acked.empty()) stats_.acked_keys.push_back(std::move(it->key));
            pending_.erase(it);
        }
        pump();
    }

    void finish() {
        if (closing_) return;
        closing_ = true;
        boost::system::error_code ignored;
        socket_.shutdown(tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
    }

    tcp::socket socket_;
    asio::steady_timer timer_;
    const SimArgs& args_;
    const CnMix& mix_;
    Stats& stats_;
    simulation::SimDevice device_;
    hj212::LocalTime base_;
    std::vector<long> per_cn_;
    long sent_ = 0;
    std::deque<Pending> pending_;
    hj212::Framer framer_;
    std::array<char, 8192> in_{};
    std::string out_;
    SteadyClock::time_point last_send_{};
    bool writing_ = false, waiting_timer_ = false, failed_ = false, closing_ = false;
};

int write_frames(const SimArgs& a, const CnMix& mix) {
    std::FILE* out = a.output == "-" ? stdout : std::fopen(a.output.c_str(), "wb");
    if (!out) {
        std::fprintf(stderr, "ecogov hj212-sim: cannot write %s\n", a.output.c_str());
        return 2;
    }
    const hj212::LocalTime base = *hj212::parse_local_time(a.base);
    long written = 0;
    for (int d = 0; d < a.devices; ++d) {
        simulation::SimDevice dev;
        dev.mn = simulation::sim_mn(a.first + d);
        dev.pw = a.pw;
        dev.st = a.st;
        std::vector<long> per_cn(mix.size(), 0);
        for (long n = 0; n < a.frames; ++n) {
            const auto [cn, seq] = mix.pick(n, per_cn);
            std::string f = simulation::upload_frame(dev, seq, *cn, base);
            if (a.bad_every > 0 && (n + 1) % a.bad_every == 0)
                f = simulation::corrupt(std::move(f), static_cast<int>((n + 1) / a.bad_every) % 2);
            std::fwrite(f.data(), 1, f.size(), out);
            ++written;
        }
    }
    const bool ok = std::fflush(out) == 0 && !std::ferror(out);
    if (out != stdout) std::fclose(out);
    if (!ok) {
        std::fprintf(stderr, "ecogov hj212-sim: error writing %s\n", a.output.c_str());
        return 2;
    }
    std::fprintf(stderr, "%ld frame(s) written\n", written);
    return 0;
}

int run_sim(const SimArgs& a) {
    const CnMix mix(a.cn_mix);
    if (!mix.valid()) {
        std::fprintf(stderr, "ecogov hj212-sim: --cn-mix must list upload CNs 2011, 2051, 2061, 2031\n");
        return 2;
    }
    if (!hj212::parse_local_time(a.base)) {
        std::fprintf(stderr, "ecogov hj212-sim: --base must be YYYYMMDDhhmmss\n");
        return 2;
    }
    if (!a.output.empty()) return write_frames(a, mix);
    if (a.port <= 0) {
        std::fprintf(stderr, "ecogov hj212-sim: --port is required unless --output is given\n");
        return 2;
    }
    const int threads = std::clamp(a.threads, 1, 64);
    std::vector<std::unique_ptr<asio::io_context>> ios;
    std::vector<Stats> stats(static_cast<std::size_t>(threads));
    const tcp::endpoint ep(asio::ip::make_address(a.host), static_cast<unsigned short>(a.port));
    for (int t = 0; t < threads; ++t) ios.push_back(std::make_unique<asio::io_context>(1));
    for (int d = 0; d < a.devices; ++d) {
        const auto t = static_cast<std::size_t>(d % threads);
        std::make_shared<DeviceSession>(*ios[t], a, mix, d, stats[t])->start(ep);
    }
    const auto start = SteadyClock::now();
    std::vector<std::thread> workers;
    for (auto& io : ios)
        workers.emplace_back([&io, &a] {
            io->run_for(std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::duration<double>(a.timeout)));
        });
    for (auto& w : workers) w.join();
    const double seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
    Stats all;
    for (auto& s : stats) {
        all.sent += s.sent;
        all.acked += s.acked;
        all.bad += s.bad;
        all.errors += s.errors;
        all.latency_us.insert(all.latency_us.end(), s.latency_us.begin(), s.latency_us.end());
        all.acked_keys.insert(all.acked_keys.end(), std::make_move_iterator(s.acked_keys.begin()),
                              std::make_move_iterator(s.acked_keys.end()));
    }
    std::sort(all.latency_us.begin(), all.latency_us.end());
    auto pct = [&](double p) {
        if (all.latency_us.empty()) return 0.0;
        const auto i = static_cast<std::size_t>(p * static_cast<double>(all.latency_us.size() - 1));
        return static_cast<double>(all.latency_us[i]) / 1000.0;
    };
    if (!a.acked.empty()) {
        std::ofstream f(a.acked, std::ios::binary);
        for (const auto& k : all.acked_keys) f << k << '\n';
        if (!f) {
            std::fprintf(stderr, "ecogov hj212-sim: cannot write %s\n", a.acked.c_str());
            return 2;
        }
    }
    std::printf("{\"devices\":%d,\"sent\":%ld,\"acked\":%ld,\"bad\":%ld,\"errors\":%ld,"
                "\"seconds\":%.3f,\"acked_per_s\":%.0f,\"p50_ms\":%.3f,\"p99_ms\":%.3f}\n",
                a.devices, all.sent, all.acked, all.bad, all.errors, seconds,
                seconds > 0 ? static_cast<double>(all.acked) / seconds : 0.0, pct(0.5), pct(0.99));
    return 0;
}

}  // namespace

void add_hj212_sim_command(CLI::App& app) {
    auto a = std::make_shared<SimArgs>();
    CLI::App* c = app.add_subcommand("hj212-sim", "Simulate HJ 212 devices (设备模拟器)");
    c->add_option("--host", a->host, "Receiver address");
    c->add_option("--port", a->port, "Receiver TCP port");
    c->add_option("--devices", a->devices, "Number of devices")->check(CLI::Range(1, 100000));
    c->add_option("--first", a->first, "Index of the first simulated device")->check(CLI::NonNegativeNumber);
    c->add_option("--frames", a->frames, "Uploads per device")->check(CLI::NonNegativeNumber);
    c->add_option("--rate", a->rate, "Frames per second per device (0: full speed)")
        ->check(CLI::NonNegativeNumber);
    c->add_option("--window", a->window, "Frames awaiting a reply per device")->check(CLI::Range(1, 1000));
    c->add_option("--cn-mix", a->cn_mix, "CN weights, e.g. 2011:70,2051:20,2061:10");
    c->add_option("--bad-every", a->bad_every, "Damage every K-th frame (0: never)")
        ->check(CLI::NonNegativeNumber);
    c->add_option("--st", a->st, "System code (31 gas, 32 water, 39 dust)");
    c->add_option("--pw", a->pw, "Device password");
    c->add_option("--base", a->base, "DataTime of the first upload (YYYYMMDDhhmmss)");
    c->add_option("--acked", a->acked, "Write `MN CN DataTime` of acknowledged frames here");
    c->add_option("--output", a->output, "Write the frames to this file (- stdout) instead of sending");
    c->add_option("--threads", a->threads, "Client threads");
    c->add_option("--timeout", a->timeout, "Give up after this many seconds");
    c->callback([a] {
        const int status = run_sim(*a);
        if (status != 0) throw CLI::RuntimeError(status);
    });
}

}  // namespace ecogov::cli
