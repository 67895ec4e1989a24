// HJ 212 TCP receiver (net/hj212/receiver.hpp).
#include "net/hj212/receiver.hpp"

#include <boost/asio.hpp>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <spdlog/spdlog.h>
#include <thread>
#include <unordered_map>
#include <vector>

#include "hj212/framer.hpp"

namespace ecogov::net::hj212 {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

class Session;

struct Receiver::Impl {
    Hj212Ingestor& ingestor;
    const Clock& clock;
    ReceiverSettings settings;
    ReceiverCounters counters;
    asio::io_context io{1};
    tcp::acceptor acceptor{io};
    std::thread io_thread, committer;
    std::mutex mutex;
    std::condition_variable wake;
    std::vector<Hj212Incoming> queue;
    std::vector<std::weak_ptr<Session>> owners;
    std::atomic<std::size_t> queued{0};  // frames waiting for the committer (back-pressure)
    bool stopping = false;
    bool started = false;

    Impl(Hj212Ingestor& i, const Clock& c, ReceiverSettings s) : ingestor(i), clock(c), settings(std::move(s)) {}

    void accept();
    void commit_loop();
    void enqueue(Hj212Incoming frame, std::weak_ptr<Session> owner) {
        {
            std::lock_guard lock(mutex);
            queue.push_back(std::move(frame));
            owners.push_back(std::move(owner));
            queued.store(queue.size());
        }
        wake.notify_one();
    }
};

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(Receiver::Impl& r, tcp::socket socket)
        : r_(r), socket_(std::move(socket)), timer_(socket_.get_executor()), pause_(socket_.get_executor()),
          framer_(r.settings.max_segment) {
        boost::system::error_code ec;
        const auto ep = socket_.remote_endpoint(ec);
        peer_ = ec ? "?" : ep.address().to_string() + ":" + std::to_string(ep.port());
    }

    void start() {
        ++r_.counters.open_connections;
        last_read_ = SteadyClock::now();
        arm_timer();
        read();
    }

    /// Called on the I/O thread after a commit.
    void send(std::string bytes) {
        if (closed_ || bytes.empty()) return;
        ++r_.counters.replies;
        if (writing_) {
            pending_ += bytes;
            return;
        }
        out_ = std::move(bytes);
        write();
    }

    void close() {
        if (closed_) return;
        closed_ = true;
        --r_.counters.open_connections;
        boost::system::error_code ignored;
        socket_.shutdown(tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
        timer_.cancel();
        pause_.cancel();
    }

private:
    void arm_timer() {
        timer_.expires_at(last_read_ + r_.settings.idle_timeout);
        timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
            if (ec || self->closed_) return;
            if (SteadyClock::now() - self->last_read_ >= self->r_.settings.idle_timeout) {
                ++self->r_.counters.closed_idle;
                spdlog::debug("hj212 {}: idle, closed", self->peer_);
                return self->close();
            }
            self->arm_timer();
        });
    }

    void read() {
        if (r_.queued.load() >= r_.settings.max_queue) {  // the store lags: stop reading a while
            ++r_.counters.paused_reads;
            pause_.expires_after(std::chrono::milliseconds(20));
            pause_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
                if (!ec && !self->closed_) self->read();
            });
            return;
        }
        socket_.async_read_some(asio::buffer(in_), [self = shared_from_this()](boost::system::error_code ec,
                                                                               std::size_t n) {
            if (ec) return self->close();
            self->last_read_ = SteadyClock::now();
            self->on_bytes(std::string_view(self->in_.data(), n));
            if (!self->closed_) self->read();
        });
    }

    void on_bytes(std::string_view bytes) {
        framer_.feed(bytes);
        const std::int64_t now_ms = unix_ms(r_.clock.now());
        while (auto item = framer_.next()) {
            switch (item->kind) {
                case ecogov::hj212::FramerEvent::frame:
                    ++r_.counters.frames;
                    r_.enqueue(Hj212Incoming{std::string(item->raw), item->crc, peer_, now_ms}, weak_from_this());
                    break;
                case ecogov::hj212::FramerEvent::oversize:
                    ++r_.counters.oversize;
                    spdlog::warn("hj212 {}: oversize frame ({} bytes declared)", peer_, item->declared_length);
                    break;
                case ecogov::hj212::FramerEvent::malformed:
                    ++r_.counters.malformed;
                    spdlog::debug("hj212 {}: {}", peer_, item->error);
                    break;
            }
        }
        if (framer_.buffered() > r_.settings.buffer_limit) {
            ++r_.counters.closed_overflow;
            spdlog::warn("hj212 {}: buffer limit exceeded, closed", peer_);
            close();
        }
    }

    void write() {
        writing_ = true;
        asio::async_write(socket_, asio::buffer(out_),
                          [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                              self->writing_ = false;
                              if (ec) return self->close();
                              if (!self->pending_.empty()) {
                                  self->out_ = std::move(self->pending_);
                                  self->pending_.clear();
                                  self->write();
                              }
                          });
    }

    Receiver::Impl& r_;
    tcp::socket socket_;
    asio::steady_timer timer_, pause_;
    ecogov::hj212::Framer framer_;
    std::string peer_;
    std::array<char, 16384> in_{};
    std::string out_, pending_;
    SteadyClock::time_point last_read_;
    bool writing_ = false, closed_ = false;
};

void Receiver::Impl::accept() {
    acceptor.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
        if (ec) {
            if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
            spdlog::warn("hj212 accept: {}", ec.message());
        } else if (counters.open_connections.load() >= settings.max_connections) {
            boost::system::error_code ignored;
            socket.close(ignored);
        } else {
            ++counters.connections;
            socket.set_option(tcp::no_delay(true), ec);
            std::make_shared<Session>(*this, std::move(socket))->start();
        }
        accept();
    });
}

void Receiver::Impl::commit_loop() {
    std::vector<Hj212Incoming> batch;
    std::vector<std::weak_ptr<Session>> batch_owners;
    auto next_outage_check = SteadyClock::now() + settings.outage_check_interval;
    for (;;) {
        {
            std::unique_lock lock(mutex);
            wake.wait_until(lock, next_outage_check, [this] { return stopping || !queue.empty(); });
            if (queue.empty() && stopping) return;
        }
        if (SteadyClock::now() >= next_outage_check) {
            next_outage_check = SteadyClock::now() + settings.outage_check_interval;
            if (auto n = ingestor.check_outages(); !n)
                spdlog::error("hj212 outage check: {}", n.error().message);
            else if (*n > 0)
                spdlog::info("hj212: {} outage alarm(s) opened", *n);
        }
        // Let frames of other connections join the batch.
        if (settings.commit_interval.count() > 0) std::this_thread::sleep_for(settings.commit_interval);
        {
            std::lock_guard lock(mutex);
            if (queue.size() <= settings.max_batch) {
                batch.swap(queue);
                batch_owners.swap(owners);
            } else {
                const auto n = static_cast<std::ptrdiff_t>(settings.max_batch);
                batch.assign(std::make_move_iterator(queue.begin()), std::make_move_iterator(queue.begin() + n));
                batch_owners.assign(owners.begin(), owners.begin() + n);
                queue.erase(queue.begin(), queue.begin() + n);
                owners.erase(owners.begin(), owners.begin() + n);
            }
            queued.store(queue.size());
        }
        if (batch.empty()) continue;
        auto outcomes = ingestor.store_batch(batch);
        ++counters.batches;
        if (!outcomes) {
            ++counters.batch_failures;
            spdlog::error("hj212: batch of {} frame(s) not stored: {}", batch.size(), outcomes.error().message);
        } else {
            // One write per connection per batch: its replies in arrival order.
            auto replies = std::make_shared<std::vector<std::pair<std::shared_ptr<Session>, std::string>>>();
            std::unordered_map<const Session*, std::size_t> slot;
            for (std::size_t i = 0; i < outcomes->size(); ++i) {
                auto& o = (*outcomes)[i];
                switch (o.status) {
                    case Hj212Status::stored: ++counters.stored; break;
                    case Hj212Status::duplicate: ++counters.duplicates; break;
                    case Hj212Status::quarantined:
                        ++counters.quarantined;
                        spdlog::warn("hj212 {}: quarantined ({})", batch[i].peer, o.reason);
                        break;
                    case Hj212Status::rejected: ++counters.rejected; break;
                }
                if (o.reply.empty()) continue;
                auto owner = batch_owners[i].lock();
                if (!owner) continue;
                auto [it, fresh] = slot.try_emplace(owner.get(), replies->size());
                if (fresh) replies->emplace_back(std::move(owner), std::move(o.reply));
                else (*replies)[it->second].second += o.reply;
            }
            if (!replies->empty())
                asio::post(io, [replies] {
                    for (auto& [owner, bytes] : *replies) owner->send(std::move(bytes));
                });
        }
        batch.clear();
        batch_owners.clear();
    }
}

Receiver::Receiver(Hj212Ingestor& ingestor, const Clock& clock, ReceiverSettings settings)
    : impl_(std::make_unique<Impl>(ingestor, clock, std::move(settings))) {}

Receiver::~Receiver() { stop(); }

const ReceiverCounters& Receiver::counters() const noexcept { return impl_->counters; }

Result<unsigned short> Receiver::start() {
    Impl& r = *impl_;
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(r.settings.listen, ec);
    if (ec) return fail(ErrorCode::invalid_argument, "hj212 listen address " + r.settings.listen + ": " + ec.message());
    const tcp::endpoint ep(address, r.settings.port);
    r.acceptor.open(ep.protocol(), ec);
    if (!ec) r.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) r.acceptor.bind(ep, ec);
    if (!ec) r.acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return fail(ErrorCode::io, "hj212: cannot listen on " + r.settings.listen + ":" +
                                       std::to_string(r.settings.port) + ": " + ec.message());
    const unsigned short port = r.acceptor.local_endpoint().port();
    r.accept();
    r.started = true;
    r.io_thread = std::thread([&r] {
        auto guard = asio::make_work_guard(r.io);
        r.io.run();
    });
    r.committer = std::thread([&r] { r.commit_loop(); });
    return port;
}

void Receiver::stop() {
    Impl& r = *impl_;
    if (!r.started) return;
    r.started = false;
    asio::post(r.io, [&r] {
        boost::system::error_code ignored;
        r.acceptor.close(ignored);
    });
    {
        std::lock_guard lock(r.mutex);
        r.stopping = true;
    }
    r.wake.notify_one();
    if (r.committer.joinable()) r.committer.join();
    r.io.stop();
    if (r.io_thread.joinable()) r.io_thread.join();
}

}  // namespace ecogov::net::hj212
