#pragma once
// What every route handler may use: the database, the clock, and the server settings.
// Built once by `ecogov serve` (src/cli/serve_command.*) and shared by all handlers.
#include <cstdint>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "services/attachments.hpp"
#include "storage/database.hpp"

namespace ecogov {
class AirQueries;
}

namespace ecogov::http {

struct ServerSettings {
    std::size_t body_limit = 8 * 1024 * 1024;  // bytes; larger bodies get 413
    bool secure_cookies = false;               // `Secure` on the session cookie (behind TLS)
    std::int64_t session_ttl_ms = 12LL * 3600 * 1000;
    std::string web_root;                 // built front end (web/dist)
    int login_attempts_per_account = 5;   // per 15 minutes, then 429
    int login_attempts_per_address = 20;  // per 15 minutes, then 429
    AttachmentPolicy attachments;         // size limit of uploaded files
};

struct AppContext {
    storage::Database& db;
    const Clock& clock;
    ServerSettings settings;
    /// The air-quality cache every route shares (air pages, targets, assessment runs); created by
    /// the first routes that need it (routes_air.hpp shared_air_queries).
    std::shared_ptr<AirQueries> air;
};

}  // namespace ecogov::http
