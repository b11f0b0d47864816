#include "booking/api/json_input.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace hubgate::api {
namespace {

http::http_request json_request(std::string body, std::string content_type = "application/json") {
  http::http_request r;
  r.method = "POST";
  r.target = "/api/v1/x";
  r.headers = {{"content-type", std::move(content_type)}};
  r.body = std::move(body);
  return r;
}

TEST(api_json_body, malformed_json_is_400) {
  auto r = parse_json_body(json_request("{\"a\": "));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status, 400);
  EXPECT_EQ(r.error().code, "malformed_json");
}

TEST(api_json_body, wrong_content_type_is_415) {
  auto r = parse_json_body(json_request("{}", "text/plain"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status, 415);
  EXPECT_TRUE(parse_json_body(json_request("{}", "application/json; charset=utf-8")));
  EXPECT_TRUE(parse_json_body(json_request("{}", "Application/JSON")));
}

TEST(api_json_body, oversized_body_is_413) {
  auto r = parse_json_body(json_request("{\"a\":\"" + std::string(max_json_body, 'x') + "\"}"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status, 413);
}

TEST(api_json_body, non_object_is_422_and_empty_is_empty_object) {
  auto r = parse_json_body(json_request("[1,2]"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status, 422);
  auto empty = parse_json_body(json_request("", ""));
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST(api_json_body, deep_nesting_is_rejected_not_crashing) {
  auto r = parse_json_body(json_request(std::string(5000, '[') + std::string(5000, ']')));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status, 400);
}

TEST(api_json_fields, reports_unknown_fields_and_wrong_types) {
  auto obj =
      boost::json::parse(R"({"name":"x","seats":"two","colour":"red","ok":true})").as_object();
  body_fields f(obj);
  EXPECT_EQ(f.text("name", need::required), "x");
  EXPECT_FALSE(f.integer("seats", need::optional, 1, 10));
  EXPECT_EQ(f.boolean("ok", need::optional), true);
  EXPECT_FALSE(f.text("title", need::required));
  auto errors = f.finish();
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "seats");
  EXPECT_EQ(errors[0].code, "wrong_type");
  EXPECT_EQ(errors[1].field, "title");
  EXPECT_EQ(errors[1].code, "required");
  EXPECT_EQ(errors[2].field, "colour");
  EXPECT_EQ(errors[2].code, "unknown_field");
}

TEST(api_json_fields, integer_range_and_null_as_absent) {
  auto obj = boost::json::parse(R"({"a":0,"b":2.0,"c":2.5,"d":null})").as_object();
  body_fields f(obj);
  EXPECT_FALSE(f.integer("a", need::optional, 1, 10));
  EXPECT_EQ(f.integer("b", need::optional, 1, 10), 2);
  EXPECT_FALSE(f.integer("c", need::optional, 1, 10));
  EXPECT_FALSE(f.integer("d", need::optional, 1, 10));
  auto errors = f.finish();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].code, "out_of_range");
  EXPECT_EQ(errors[1].code, "wrong_type");
}

TEST(api_json_fields, nested_paths_name_the_member) {
  auto obj = boost::json::parse(R"({"x":1})").as_object();
  body_fields f(obj, "rules");
  auto errors = f.finish();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "rules.x");
}

}  // namespace
}  // namespace hubgate::api
