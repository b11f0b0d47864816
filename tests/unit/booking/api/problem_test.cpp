#include "booking/api/problem.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace hubgate::api {
namespace {

boost::json::object body_of(const http::http_response& r) {
  return boost::json::parse(r.body).as_object();
}

std::string header_of(const http::http_response& r, std::string_view name) {
  for (const auto& [n, v] : r.headers)
    if (n == name) return v;
  return "";
}

TEST(api_problem, renders_rfc9457_members_with_code_and_request_id) {
  auto r = to_response(not_found("no such booking"), "req-1");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(header_of(r, "content-type"), "application/problem+json");
  auto b = body_of(r);
  EXPECT_EQ(b.at("status").as_int64(), 404);
  EXPECT_EQ(b.at("code").as_string(), "not_found");
  EXPECT_EQ(b.at("title").as_string(), "Not Found");
  EXPECT_EQ(b.at("detail").as_string(), "no such booking");
  EXPECT_EQ(b.at("request_id").as_string(), "req-1");
  EXPECT_EQ(b.at("type").as_string(), "/api/v1/problems/not_found");
  EXPECT_FALSE(b.contains("errors"));
}

TEST(api_problem, validation_failed_lists_fields) {
  auto r = to_response(validation_failed({{"start", "required", "is required"},
                                          {"colour", "unknown_field", "is not a field"}}),
                       "r");
  EXPECT_EQ(r.status, 422);
  auto b = body_of(r);
  EXPECT_EQ(b.at("code").as_string(), "validation_failed");
  const auto& errors = b.at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[1].at("field").as_string(), "colour");
  EXPECT_EQ(errors[1].at("code").as_string(), "unknown_field");
}

TEST(api_problem, dst_errors_carry_their_own_code) {
  auto r = to_response(validation_failed("start", "nonexistent_local_time", "gap"), "r");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(body_of(r).at("code").as_string(), "nonexistent_local_time");
  r = to_response(validation_failed("end", "ambiguous_local_time", "twice"), "r");
  EXPECT_EQ(body_of(r).at("code").as_string(), "ambiguous_local_time");
}

TEST(api_problem, method_not_allowed_sets_allow) {
  auto r = to_response(method_not_allowed({"GET", "PATCH"}), "r");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(header_of(r, "allow"), "GET, PATCH");
  EXPECT_EQ(body_of(r).at("code").as_string(), "method_not_allowed");
}

TEST(api_problem, rate_limited_sets_retry_after) {
  auto r = to_response(rate_limited(42), "r");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(header_of(r, "retry-after"), "42");
  EXPECT_EQ(body_of(r).at("code").as_string(), "rate_limited");
}

TEST(api_problem, carries_security_headers) {
  auto r = to_response(forbidden(), "r");
  EXPECT_EQ(header_of(r, "x-content-type-options"), "nosniff");
  EXPECT_EQ(header_of(r, "cache-control"), "no-store");
  EXPECT_NE(header_of(r, "strict-transport-security").find("max-age="), std::string::npos);
}

TEST(api_problem, extra_members_are_merged) {
  problem p = conflict("capacity_conflict", "cut refused");
  p.extra_json = R"({"conflicts":[{"booking_id":"b1"}]})";
  auto b = body_of(to_response(p, "r"));
  EXPECT_EQ(b.at("conflicts").as_array().size(), 1u);
  EXPECT_EQ(b.at("code").as_string(), "capacity_conflict");
}

}  // namespace
}  // namespace hubgate::api
