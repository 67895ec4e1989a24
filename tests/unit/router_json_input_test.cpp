// parse_json_object and the typed field readers (api.md "Errors": `field` names the problem).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "net/http/json_input.hpp"
#include "net/http/router.hpp"

namespace ecogov::http {
namespace {

Result<boost::json::object> parse(std::string body) {
    Request r;
    r.body = std::move(body);
    return parse_json_object(r, {"name", "unit_id", "disabled", "parent_id"});
}

TEST(JsonInput, InvalidJsonNamesNoField) {
    auto r = parse(R"({"name": )");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(r.error().field, "");
    EXPECT_FALSE(parse(""));
    EXPECT_FALSE(parse(R"({"name":"a"} trailing)"));
}

TEST(JsonInput, NonObjectRejected) {
    for (const char* body : {"[]", "42", "\"text\"", "null", "true"}) {
        auto r = parse(body);
        ASSERT_FALSE(r) << body;
        EXPECT_EQ(r.error().field, "") << body;
    }
}

TEST(JsonInput, UnknownFieldNamed) {
    auto r = parse(R"({"name":"a","password_hash":"x"})");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, "password_hash");
}

TEST(JsonInput, WrongTypeNamed) {
    auto o = parse(R"({"name":5,"unit_id":"3","disabled":1,"parent_id":1.5})");
    ASSERT_TRUE(o);
    EXPECT_EQ(opt_string(*o, "name").error().field, "name");
    EXPECT_EQ(opt_int(*o, "unit_id").error().field, "unit_id");
    EXPECT_EQ(opt_bool(*o, "disabled").error().field, "disabled");
    EXPECT_EQ(opt_nullable_int(*o, "parent_id").error().field, "parent_id");
}

TEST(JsonInput, ValuesAndAbsence) {
    auto o = parse(R"({"name":"x'; DROP TABLE units;--","unit_id":7,"parent_id":null})");
    ASSERT_TRUE(o);
    EXPECT_EQ(*req_string(*o, "name"), "x'; DROP TABLE units;--");
    EXPECT_EQ(*req_int(*o, "unit_id"), 7);
    EXPECT_FALSE(opt_bool(*o, "disabled")->has_value());
    auto parent = opt_nullable_int(*o, "parent_id");
    ASSERT_TRUE(parent && parent->has_value());
    EXPECT_FALSE(parent->value().has_value());
    EXPECT_EQ(req_int(*o, "missing").error().field, "missing");
}

TEST(JsonInput, ParseId) {
    EXPECT_EQ(*parse_id("42", "id"), 42);
    EXPECT_FALSE(parse_id("4x", "id"));
    EXPECT_FALSE(parse_id("", "id"));
    EXPECT_EQ(parse_id("1.0", "id").error().field, "id");
}

}  // namespace
}  // namespace ecogov::http
