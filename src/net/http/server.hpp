#pragma once
// The HTTP/1.1 server (issue 3 item 1): Boost.Beast, asynchronous, keep-alive, a thread pool
// sized to the hardware, body limit from ServerSettings (413 `too_large`), read/write timeouts,
// graceful stop on SIGINT/SIGTERM (stop accepting, let requests in flight finish, up to 5 s).
//
// The routes are the service routes (/healthz, /metrics, /api/v1/openapi.json), the platform
// routes (routes_platform.hpp) and the air-quality routes (routes_air.hpp); every request goes
// through Pipeline (pipeline.hpp). Beast stays inside server.cpp: this header is cheap to include.
#include <memory>
#include <string>

#include "core/result.hpp"
#include "net/http/app_context.hpp"
#include "net/http/router.hpp"

namespace ecogov::http {

struct ListenOptions {
    std::string address = "127.0.0.1";
    unsigned short port = 8080;  // 0: any free port (see bound port)
    unsigned threads = 0;        // 0: std::thread::hardware_concurrency()
};

class Server {
  public:
    Server(AppContext& ctx, ListenOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Opens the listening socket; returns the port bound (the chosen one when port was 0).
    Result<unsigned short> bind();
    /// Serves until SIGINT/SIGTERM or stop(); returns when the worker threads have finished.
    void run();
    /// Asks a running server to stop gracefully (thread-safe).
    void stop();
    const Router& router() const noexcept;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// /healthz, /metrics and /api/v1/openapi.json on `router` (which must outlive the handlers).
class Metrics;
void register_service_routes(Router& router, AppContext& ctx, Metrics& metrics);

}  // namespace ecogov::http
