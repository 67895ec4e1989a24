// The request pipeline over real routes on SQLite: access levels, CSRF, target parsing, static
// paths, and that an exception in a handler becomes a 500 JSON answer (issue 3 item 1).
#include <gtest/gtest.h>

#include <filesystem>

#include "temp_database.hpp"

#include "net/http/pipeline.hpp"
#include "net/http/routes_platform.hpp"
#include "services/accounts.hpp"
#include "services/auth.hpp"
#include "services/organisation.hpp"

namespace ecogov::http {
namespace {

class NowClock final : public Clock {
  public:
    std::chrono::system_clock::time_point now() const override {
        return std::chrono::system_clock::now();
    }
};

class PipelineTest : public ::testing::Test {
  protected:
    void SetUp() override {
        set_password_hash_cost(HashCost::minimum);
        temp_ = std::make_unique<ecogov::testing::TempDatabase>(2);
        db_ = &temp_->db();
        {
            auto lease = db_->acquire();
            auto unit = create_unit(*lease, clock_, command_line_actor(),
                                    NewUnit{"bureau", "局", "bureau", std::nullopt});
            ASSERT_TRUE(unit);
            for (const char* role : {"admin", "leader"})
                ASSERT_TRUE(create_user(*lease, clock_, command_line_actor(),
                                        NewUser{role, role, role, unit->id, "password-1"}));
        }
        ctx_ = std::make_unique<AppContext>(AppContext{*db_, clock_, ServerSettings{}, nullptr});
        register_platform_routes(router_, *ctx_);
        router_.add("GET", "/api/v1/boom", Access::anonymous, "throws",
                    [](Request&) -> Response { throw std::runtime_error("x"); });
        pipeline_ = std::make_unique<Pipeline>(*ctx_, router_, metrics_);
    }
    void TearDown() override {
        pipeline_.reset();
        ctx_.reset();
        temp_.reset();
    }

    Response call(std::string method, std::string target, std::string body = {},
                  std::map<std::string, std::string> headers = {}) {
        return pipeline_->handle(RawRequest{std::move(method), std::move(target),
                                            std::move(headers), std::move(body), "127.0.0.1"});
    }
    /// Signs in; returns {cookie header, csrf token}.
    std::pair<std::string, std::string> sign_in(const std::string& user) {
        const Response r = call("POST", "/api/v1/auth/login",
                                R"({"username":")" + user + R"(","password":"password-1"})");
        EXPECT_EQ(r.status, 200) << r.body;
        std::string cookie;
        for (const auto& [k, v] : r.headers)
            if (k == "Set-Cookie") cookie = v.substr(0, v.find(';'));
        const auto at = r.body.find("\"csrf_token\":\"") + 14;
        return {cookie, r.body.substr(at, 64)};
    }

    NowClock clock_;
    std::unique_ptr<ecogov::testing::TempDatabase> temp_;
    storage::Database* db_ = nullptr;
    std::unique_ptr<AppContext> ctx_;
    Router router_;
    Metrics metrics_;
    std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(PipelineTest, ReadNeedsASession) {
    EXPECT_EQ(call("GET", "/api/v1/units").status, 401);
    const auto [cookie, csrf] = sign_in("admin");
    EXPECT_EQ(call("GET", "/api/v1/units", "", {{"cookie", "a=b; " + cookie}}).status, 200);
    EXPECT_EQ(
        call("GET", "/api/v1/units", "", {{"cookie", "ecogov_session=" + std::string(64, 'f')}})
            .status,
        401);
}

TEST_F(PipelineTest, WriteNeedsCsrfAndAWritingRole) {
    const auto [cookie, csrf] = sign_in("admin");
    const std::string body = R"({"code":"t1","name":"O'Brien; --","kind":"township"})";
    EXPECT_EQ(call("POST", "/api/v1/units", body, {{"cookie", cookie}}).body.find("\"csrf\"") !=
                  std::string::npos,
              true);
    EXPECT_EQ(
        call("POST", "/api/v1/units", body, {{"cookie", cookie}, {"x-csrf-token", csrf + "0"}})
            .status,
        403);
    const Response made =
        call("POST", "/api/v1/units", body, {{"cookie", cookie}, {"x-csrf-token", csrf}});
    EXPECT_EQ(made.status, 201) << made.body;
    EXPECT_NE(made.body.find("O'Brien; --"), std::string::npos);
    const auto [lcookie, lcsrf] = sign_in("leader");
    const Response denied =
        call("POST", "/api/v1/units", body, {{"cookie", lcookie}, {"x-csrf-token", lcsrf}});
    EXPECT_EQ(denied.status, 403);
    EXPECT_NE(denied.body.find("\"forbidden\""), std::string::npos);
    EXPECT_EQ(
        call("POST", "/api/v1/auth/logout", "", {{"cookie", lcookie}, {"x-csrf-token", lcsrf}})
            .status,
        200);
}

TEST_F(PipelineTest, NotFoundMethodAndBadTargets) {
    EXPECT_EQ(call("GET", "/api/v1/nothing").status, 404);
    EXPECT_EQ(call("PUT", "/api/v1/units").status, 405);
    EXPECT_EQ(call("GET", "http://evil/x").status, 400);
    EXPECT_EQ(call("GET", "/%2e%2e/etc/passwd").status, 400);
    EXPECT_EQ(call("GET", "/a%00b").status, 400);
    EXPECT_EQ(call("POST", "/index.html").status, 405);
}

TEST_F(PipelineTest, ExceptionsBecome500Json) {
    const Response r = call("GET", "/api/v1/boom");
    EXPECT_EQ(r.status, 500);
    EXPECT_NE(r.body.find("\"internal\""), std::string::npos);
}

TEST_F(PipelineTest, CookieParsing) {
    EXPECT_EQ(cookie_value("a=1; ecogov_session=abc ; b=2", "ecogov_session"), "abc");
    EXPECT_EQ(cookie_value("xecogov_session=abc", "ecogov_session"), "");
    EXPECT_EQ(cookie_value("", "ecogov_session"), "");
}

}  // namespace
}  // namespace ecogov::http
