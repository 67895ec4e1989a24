#include "net/http/server.hpp"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include "net/http/metrics.hpp"
#include "net/http/pipeline.hpp"
#include "net/http/routes_air.hpp"
#include "net/http/routes_hj212.hpp"
#include "net/http/routes_platform.hpp"
#include "net/http/routes_assessment.hpp"
#include "net/http/routes_water.hpp"
#include "net/http/routes_attachments.hpp"
#include "net/http/routes_cases.hpp"
#include "net/http/routes_ledger.hpp"

namespace ecogov::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kReadTimeout = std::chrono::seconds(30);
constexpr auto kWriteTimeout = std::chrono::seconds(60);
constexpr auto kStopGrace = std::chrono::seconds(5);

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

bhttp::response<bhttp::string_body> to_beast(Response&& r, unsigned version, bool keep_alive,
                                             bool head) {
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(r.status), version};
    out.set(bhttp::field::server, "ecogov");
    out.set(bhttp::field::content_type, r.content_type);
    for (auto& [name, value] : r.headers) out.insert(name, value);
    out.keep_alive(keep_alive);
    const std::size_t size = r.body.size();
    if (!head) out.body() = std::move(r.body);
    out.content_length(size);
    return out;
}

/// One connection: read a request, answer it, repeat while keep-alive.
class Session : public std::enable_shared_from_this<Session> {
  public:
    Session(tcp::socket socket, Pipeline& pipeline, std::size_t body_limit,
            const std::atomic<bool>& stopping, std::atomic<int>& active)
        : stream_(std::move(socket)),
          pipeline_(pipeline),
          body_limit_(body_limit),
          stopping_(stopping),
          active_(active) {
        ++active_;
    }
    ~Session() { --active_; }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void start() {
        asio::dispatch(stream_.get_executor(),
                       beast::bind_front_handler(&Session::read, shared_from_this()));
    }

  private:
    void read() {
        parser_.emplace();
        parser_->body_limit(body_limit_);
        parser_->header_limit(64 * 1024);
        stream_.expires_after(kReadTimeout);
        bhttp::async_read(stream_, buffer_, *parser_,
                          beast::bind_front_handler(&Session::on_read, shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
            ec == asio::error::operation_aborted)
            return close();
        if (ec == bhttp::error::body_limit) {
            return write(
                to_beast(error_response(413, "too_large", "the body is larger than the limit"), 11,
                         false, false));
        }
        if (ec == bhttp::error::header_limit) {
            return write(to_beast(error_response(431, "too_large",
                                                 "the request headers exceed 64 KiB"),
                                  11, false, false));
        }
        if (ec) {
            return write(to_beast(error_response(400, "invalid_argument",
                                                 "malformed HTTP request: " + ec.message()),
                                  11, false, false));
        }
        auto req = parser_->release();
        const bool head = req.method() == bhttp::verb::head;
        const bool keep = req.keep_alive() && !stopping_;
        Response res = pipeline_.handle(raw_request(req));
        write(to_beast(std::move(res), req.version(), keep, head));
    }

    RawRequest raw_request(bhttp::request<bhttp::string_body>& req) {
        RawRequest raw;
        raw.method = req.method() == bhttp::verb::head ? "GET" : std::string(req.method_string());
        raw.target = std::string(req.target());
        for (const auto& f : req) raw.headers[lower(f.name_string())] = std::string(f.value());
        raw.body = std::move(req.body());
        beast::error_code ec;
        const auto ep = stream_.socket().remote_endpoint(ec);
        if (!ec) raw.remote_address = ep.address().to_string();
        return raw;
    }

    void write(bhttp::response<bhttp::string_body>&& res) {
        auto sp = std::make_shared<bhttp::response<bhttp::string_body>>(std::move(res));
        stream_.expires_after(kWriteTimeout);
        bhttp::async_write(stream_, *sp,
                           [self = shared_from_this(), sp](beast::error_code ec, std::size_t) {
                               if (ec || !sp->keep_alive()) return self->close();
                               self->read();
                           });
    }

    void close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.socket().close(ec);
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    Pipeline& pipeline_;
    std::size_t body_limit_;
    const std::atomic<bool>& stopping_;
    std::atomic<int>& active_;
};

}  // namespace

struct Server::Impl {
    Impl(AppContext& c, ListenOptions o)
        : ctx(c),
          options(std::move(o)),
          threads(options.threads ? options.threads
                                  : std::max(1u, std::thread::hardware_concurrency())),
          ioc(static_cast<int>(threads)),
          acceptor(asio::make_strand(ioc)),
          signals(ioc, SIGINT, SIGTERM),
          grace(ioc),
          pipeline(ctx, router, metrics) {}

    void accept() {
        acceptor.async_accept(
            asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
                if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
                if (!ec)
                    std::make_shared<Session>(std::move(socket), pipeline, ctx.settings.body_limit,
                                              stopping, active_sessions)
                        ->start();
                accept();
            });
    }

    void begin_stop() {
        if (stopping.exchange(true)) return;
        spdlog::info("stopping: no new connections; finishing requests in flight");
        beast::error_code ec;
        acceptor.close(ec);
        signals.cancel(ec);
        deadline = std::chrono::steady_clock::now() + kStopGrace;
        wait_for_sessions();
    }

    /// Polls until no connection is open (or the grace period is over), then stops the pool.
    void wait_for_sessions() {
        if (active_sessions == 0 || std::chrono::steady_clock::now() >= deadline) return ioc.stop();
        grace.expires_after(std::chrono::milliseconds(50));
        grace.async_wait([this](beast::error_code) { wait_for_sessions(); });
    }

    AppContext& ctx;
    ListenOptions options;
    unsigned threads;
    asio::io_context ioc;
    tcp::acceptor acceptor;
    asio::signal_set signals;
    asio::steady_timer grace;
    Router router;
    Metrics metrics;
    Pipeline pipeline;
    std::atomic<bool> stopping{false};
    std::atomic<int> active_sessions{0};
    std::chrono::steady_clock::time_point deadline;
};

Server::Server(AppContext& ctx, ListenOptions options)
    : impl_(std::make_unique<Impl>(ctx, std::move(options))) {
    register_service_routes(impl_->router, ctx, impl_->metrics);
    register_platform_routes(impl_->router, ctx);
    register_air_routes(impl_->router, ctx);
    register_water_routes(impl_->router, ctx);
    register_attachment_routes(impl_->router, ctx);
    register_assessment_routes(impl_->router, ctx);
    register_cases_routes(impl_->router, ctx);
    register_hj212_routes(impl_->router, ctx);
    register_ledger_routes(impl_->router, ctx);
}

Server::~Server() = default;

const Router& Server::router() const noexcept {
    return impl_->router;
}

Result<unsigned short> Server::bind() {
    beast::error_code ec;
    const auto address = asio::ip::make_address(impl_->options.address, ec);
    if (ec)
        return fail(ErrorCode::invalid_argument, "bad listen address " + impl_->options.address,
                    "listen");
    const tcp::endpoint ep{address, impl_->options.port};
    auto& a = impl_->acceptor;
    if (a.open(ep.protocol(), ec); ec)
        return fail(ErrorCode::io, "cannot open socket: " + ec.message());
    if (a.set_option(asio::socket_base::reuse_address(true), ec); ec)
        return fail(ErrorCode::io, ec.message());
    if (a.bind(ep, ec); ec)
        return fail(ErrorCode::io,
                    "cannot bind " + impl_->options.address + ":" +
                        std::to_string(impl_->options.port) + ": " + ec.message(),
                    "port");
    if (a.listen(asio::socket_base::max_listen_connections, ec); ec)
        return fail(ErrorCode::io, ec.message());
    return a.local_endpoint().port();
}

void Server::run() {
    impl_->signals.async_wait([this](beast::error_code ec, int) {
        if (!ec) impl_->begin_stop();
    });
    impl_->accept();
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < impl_->threads; ++i) pool.emplace_back([this] { impl_->ioc.run(); });
    impl_->ioc.run();
    for (auto& t : pool) t.join();
}

void Server::stop() {
    asio::post(impl_->ioc, [this] { impl_->begin_stop(); });
}

}  // namespace ecogov::http
