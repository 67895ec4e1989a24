// api.md "Accounts and sessions": login (throttled), logout, me, own password.
#include <memory>

#include <boost/json.hpp>

#include "net/http/json_input.hpp"
#include "net/http/routes_common.hpp"
#include "net/http/routes_platform.hpp"
#include "services/auth.hpp"
#include "services/throttle.hpp"

namespace ecogov::http {

namespace {

constexpr std::string_view kCookie = "ecogov_session";

std::string session_cookie(const AppContext& ctx, const std::string& token,
                           std::int64_t max_age_s) {
    std::string c = std::string(kCookie) + "=" + token +
                    "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age_s);
    if (ctx.settings.secure_cookies) c += "; Secure";
    return c;
}

Response throttled(std::int64_t seconds) {
    Response r =
        error_response(429, "throttled",
                       "too many failed sign-ins; try again in " + std::to_string(seconds) + " s");
    r.headers.emplace_back("Retry-After", std::to_string(seconds));
    return r;
}

Response login_route(AppContext& ctx, LoginThrottle& throttle, Request& req) {
    auto body = parse_json_object(req, {"username", "password"});
    if (!body) return error_response(body.error());
    auto username = req_string(*body, "username");
    if (!username) return error_response(username.error());
    auto password = req_string(*body, "password");
    if (!password) return error_response(password.error());
    if (auto wait = throttle.check(*username, req.remote_address)) return throttled(*wait);
    auto lease = ctx.db.acquire();
    auto out =
        login(*lease, ctx.clock,
              LoginRequest{*username, *password, req.remote_address, ctx.settings.session_ttl_ms});
    if (!out) {
        if (out.error().code == ErrorCode::unauthorized)
            throttle.record_failure(*username, req.remote_address);
        return error_response(out.error());
    }
    throttle.record_success(*username);
    Response r = json_response(200, boost::json::object{{"user", to_json(out->user)},
                                                        {"csrf_token", out->session.csrf_token}});
    r.headers.emplace_back(
        "Set-Cookie", session_cookie(ctx, out->session.token, ctx.settings.session_ttl_ms / 1000));
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

Response logout_route(AppContext& ctx, Request& req) {
    auto lease = ctx.db.acquire();
    if (auto r = logout(*lease, ctx.clock, actor(req), req.session_token_hash); !r)
        return error_response(r.error());
    Response r = ok_true();
    r.headers.emplace_back("Set-Cookie", session_cookie(ctx, "", 0));
    return r;
}

Response me_route(AppContext& ctx, Request& req) {
    auto lease = ctx.db.acquire();
    auto user = get_user(*lease, actor(req).user_id);
    if (!user) return error_response(user.error());
    Response r = json_response(
        200, boost::json::object{{"user", to_json(*user)}, {"csrf_token", req.csrf_token}});
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

// Wrong old passwords count as failed sign-ins of the account (a stolen session cannot guess the
// password faster than the sign-in form allows).
Response password_route(AppContext& ctx, LoginThrottle& throttle, Request& req) {
    auto body = parse_json_object(req, {"old_password", "new_password"});
    if (!body) return error_response(body.error());
    auto old_pw = req_string(*body, "old_password");
    if (!old_pw) return error_response(old_pw.error());
    auto new_pw = req_string(*body, "new_password");
    if (!new_pw) return error_response(new_pw.error());
    const std::string& account = actor(req).username;
    if (auto wait = throttle.check(account, req.remote_address)) return throttled(*wait);
    auto lease = ctx.db.acquire();
    auto r =
        change_password(*lease, ctx.clock, actor(req), *old_pw, *new_pw, req.session_token_hash);
    if (!r) {
        if (r.error().field == "old_password") throttle.record_failure(account, req.remote_address);
        return error_response(r.error());
    }
    throttle.record_success(account);
    return ok_true();
}

}  // namespace

void register_auth_routes(Router& router, AppContext& ctx) {
    const ThrottleLimits limits{ctx.settings.login_attempts_per_account,
                                ctx.settings.login_attempts_per_address, std::chrono::minutes(15)};
    auto throttle = std::make_shared<LoginThrottle>(ctx.clock, limits);
    router.add("POST", "/api/v1/auth/login", Access::anonymous, "Sign in; sets the session cookie",
               [&ctx, throttle](Request& r) { return login_route(ctx, *throttle, r); });
    router.add("POST", "/api/v1/auth/logout", Access::write_own, "Sign out (any role)",
               [&ctx](Request& r) { return logout_route(ctx, r); });
    router.add("GET", "/api/v1/auth/me", Access::read, "The signed-in user and the CSRF token",
               [&ctx](Request& r) { return me_route(ctx, r); });
    router.add("POST", "/api/v1/auth/password", Access::write_own, "Change one's own password",
               [&ctx, throttle](Request& r) { return password_route(ctx, *throttle, r); });
}

}  // namespace ecogov::http
