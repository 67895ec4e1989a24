// Router matching, path parameters and 405 detection (issue 3 item 1).
#include <gtest/gtest.h>

#include "net/http/router.hpp"

namespace ecogov::http {
namespace {

Response ok(Request&) {
    return Response{};
}

Router sample() {
    Router r;
    r.add("GET", "/api/v1/units", Access::read, "list", ok);
    r.add("POST", "/api/v1/units", Access::write, "create", ok);
    r.add("PATCH", "/api/v1/units/{id}", Access::write, "change", ok);
    r.add("GET", "/api/v1/audit/verify", Access::read, "verify", ok);
    return r;
}

TEST(RouterMatch, ExactAndParameter) {
    const Router r = sample();
    std::map<std::string, std::string> params;
    bool exists = false;
    const Route* m = r.match("PATCH", "/api/v1/units/42", params, exists);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->summary, "change");
    EXPECT_EQ(params.at("id"), "42");
    m = r.match("POST", "/api/v1/units", params, exists);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->summary, "create");
}

TEST(RouterMatch, OtherMethodOnKnownPathMeans405) {
    const Router r = sample();
    std::map<std::string, std::string> params;
    bool exists = false;
    EXPECT_EQ(r.match("DELETE", "/api/v1/units", params, exists), nullptr);
    EXPECT_TRUE(exists);
    EXPECT_EQ(r.match("GET", "/api/v1/units/7", params, exists), nullptr);
    EXPECT_TRUE(exists);
}

TEST(RouterMatch, UnknownPathMeans404) {
    const Router r = sample();
    std::map<std::string, std::string> params;
    bool exists = true;
    EXPECT_EQ(r.match("GET", "/api/v1/unit", params, exists), nullptr);
    EXPECT_FALSE(exists);
    EXPECT_EQ(r.match("GET", "/api/v1/units/1/extra", params, exists), nullptr);
    EXPECT_FALSE(exists);
    EXPECT_EQ(r.match("GET", "/api/v1/audit", params, exists), nullptr);
    EXPECT_FALSE(exists);
}

TEST(RouterMatch, ErrorBodyShape) {
    const Response e = error_response(Error{ErrorCode::conflict, "exists", "code"});
    EXPECT_EQ(e.status, 409);
    EXPECT_EQ(e.body, R"({"error":{"code":"conflict","message":"exists","field":"code"}})");
    EXPECT_EQ(error_response(Error{ErrorCode::forbidden, "no", ""}).status, 403);
    EXPECT_EQ(error_response(Error{ErrorCode::bad_data, "no", ""}).status, 422);
}

}  // namespace
}  // namespace ecogov::http
