// Every error the API contract names, provoked over real HTTPS: each is an RFC 9457 problem
// with its stable code, never a 500.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "api_service.hpp"

namespace hubgate::test {
namespace {

class api_errors : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    svc_ = new api_service();
    admin_ = new caller(svc_->admin());
    hub_ = new test_hub(make_hub(*svc_, *admin_));
    member_ = new caller(svc_->new_member(*admin_, "errors@hub.example"));
  }
  static void TearDownTestSuite() {
    delete member_;
    delete hub_;
    delete admin_;
    delete svc_;
  }
  static void expect_problem(const reply& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.raw.body;
    EXPECT_EQ(r.header("content-type"), "application/problem+json") << r.raw.body;
    EXPECT_EQ(r.code(), code) << r.raw.body;
    ASSERT_TRUE(r.json.is_object()) << r.raw.body;
    EXPECT_EQ(r.json.at("status").as_int64(), status);
    EXPECT_TRUE(r.json.as_object().contains("title"));
    EXPECT_TRUE(r.json.as_object().contains("type"));
    EXPECT_FALSE(r.json.at("request_id").as_string().empty());
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  }
  static bool has_field_error(const reply& r, const std::string& field, const std::string& code) {
    if (!r.json.is_object() || !r.json.as_object().contains("errors")) return false;
    for (const auto& e : r.json.at("errors").as_array())
      if (e.at("field").as_string() == field && e.at("code").as_string() == code) return true;
    return false;
  }
  static inline api_service* svc_ = nullptr;
  static inline caller* admin_ = nullptr;
  static inline caller* member_ = nullptr;
  static inline test_hub* hub_ = nullptr;
};

TEST_F(api_errors, malformed_json_is_400) {
  auto r = svc_->call("POST", "/api/v1/bookings", member_, "{\"space_id\": ");
  expect_problem(r, 400, "malformed_json");
}

TEST_F(api_errors, wrong_types_are_422_naming_the_field) {
  auto r = svc_->call(
      "POST", "/api/v1/bookings", member_,
      R"({"space_id": 12, "start": "2030-01-01T10:00:00Z", "end": "2030-01-01T11:00:00Z", "seats": "two"})");
  expect_problem(r, 422, "validation_failed");
  EXPECT_TRUE(has_field_error(r, "space_id", "wrong_type")) << r.raw.body;
  EXPECT_TRUE(has_field_error(r, "seats", "wrong_type")) << r.raw.body;
  r = svc_->call("POST", "/api/v1/bookings", member_, "[1, 2]");
  expect_problem(r, 422, "validation_failed");
}

TEST_F(api_errors, unknown_fields_are_422_naming_the_field) {
  auto body = booking_body(hub_->room_id, utc_at(3, 9), utc_at(3, 10));
  body.insert(body.size() - 1, R"(,"colour":"red")");
  auto r = svc_->call("POST", "/api/v1/bookings", member_, body);
  expect_problem(r, 422, "validation_failed");
  EXPECT_TRUE(has_field_error(r, "colour", "unknown_field")) << r.raw.body;
  r = svc_->call("GET", "/api/v1/spaces?kinds=desk", member_);
  expect_problem(r, 422, "validation_failed");
  EXPECT_TRUE(has_field_error(r, "kinds", "unknown_parameter")) << r.raw.body;
}

TEST_F(api_errors, missing_fields_are_required) {
  auto r = svc_->call("POST", "/api/v1/bookings", member_, R"({"space_id": "x"})");
  expect_problem(r, 422, "validation_failed");
  EXPECT_TRUE(has_field_error(r, "start", "required"));
  EXPECT_TRUE(has_field_error(r, "end", "required"));
}

TEST_F(api_errors, bad_times_are_422) {
  auto r = svc_->call("POST", "/api/v1/bookings", member_,
                      booking_body(hub_->room_id, "next tuesday", utc_at(3, 10)));
  expect_problem(r, 422, "validation_failed");
  EXPECT_TRUE(has_field_error(r, "start", "invalid_time")) << r.raw.body;
  r = svc_->call("GET", "/api/v1/spaces/" + hub_->room_id + "/availability?from=x&to=y", member_);
  expect_problem(r, 422, "validation_failed");
}

TEST_F(api_errors, nonexistent_local_time_is_422) {
  // 2:30 on the last Sunday of March does not exist in Berlin (clocks go 2:00 -> 3:00).
  auto r = svc_->call("POST", "/api/v1/bookings", member_,
                      booking_body(hub_->room_id, "2027-03-28T02:30:00", "2027-03-28T04:00:00"));
  expect_problem(r, 422, "nonexistent_local_time");
  r = svc_->call("GET",
                 "/api/v1/availability?from=2027-03-28T02%3A30%3A00&to=2027-03-28T05%3A00%3A00",
                 member_);
  expect_problem(r, 422, "nonexistent_local_time");
}

TEST_F(api_errors, ambiguous_local_time_is_422_unless_an_offset_is_given) {
  auto r = svc_->call("POST", "/api/v1/bookings", member_,
                      booking_body(hub_->room_id, "2027-10-31T02:30:00", "2027-10-31T04:00:00"));
  expect_problem(r, 422, "ambiguous_local_time");
}

TEST_F(api_errors, oversized_body_is_413) {
  std::string big = R"({"name":")" + std::string(100 * 1024, 'x') + "\"}";
  auto r = svc_->call("POST", "/api/v1/sites", admin_, big);
  expect_problem(r, 413, "payload_too_large");
  // Beyond the server's own limit too (the connection is closed after that one).
  auto c = svc_->client();
  std::string huge = R"({"name":")" + std::string(600 * 1024, 'x') + "\"}";
  auto r2 = svc_->call(*c, "POST", "/api/v1/sites", admin_, huge);
  EXPECT_EQ(r2.status, 413);
}

TEST_F(api_errors, unknown_route_is_404_and_wrong_method_is_405_with_allow) {
  expect_problem(svc_->call("GET", "/api/v1/nothing-here", member_), 404, "not_found");
  expect_problem(svc_->call("GET", "/api/v2/health"), 404, "not_found");
  auto r = svc_->call("PUT", "/api/v1/bookings", member_, "{}");
  expect_problem(r, 405, "method_not_allowed");
  EXPECT_EQ(r.header("allow"), "GET, HEAD, POST");
  r = svc_->call("DELETE", "/api/v1/health");
  expect_problem(r, 405, "method_not_allowed");
}

TEST_F(api_errors, wrong_content_type_is_415) {
  auto r = svc_->call("POST", "/api/v1/auth/login", nullptr, "email=a&password=b",
                      {{"content-type", "application/x-www-form-urlencoded"}});
  expect_problem(r, 415, "unsupported_media_type");
}

TEST_F(api_errors, malformed_target_is_400) {
  expect_problem(svc_->call("GET", "/api/v1/spaces/%zz", member_), 400, "malformed_target");
  expect_problem(svc_->call("GET", "/api/v1/spaces/a%2Fb", member_), 400, "malformed_target");
}

TEST_F(api_errors, unauthenticated_forbidden_and_missing_resources) {
  expect_problem(svc_->call("GET", "/api/v1/bookings"), 401, "unauthenticated");
  expect_problem(svc_->call("GET", "/api/v1/users", member_), 403, "forbidden");
  expect_problem(svc_->call("GET", "/api/v1/spaces/no-such-space", member_), 404, "not_found");
  expect_problem(svc_->call("GET", "/api/v1/bookings/no-such-booking", member_), 404, "not_found");
}

TEST_F(api_errors, double_booking_is_409_booking_conflict) {
  auto first = svc_->call("POST", "/api/v1/bookings", member_,
                          booking_body(hub_->room_id, utc_at(4, 9), utc_at(4, 11)));
  ASSERT_EQ(first.status, 201) << first.raw.body;
  auto second = svc_->call("POST", "/api/v1/bookings", admin_,
                           booking_body(hub_->room_id, utc_at(4, 10), utc_at(4, 12)));
  expect_problem(second, 409, "booking_conflict");
}

TEST_F(api_errors, capacity_cut_below_future_bookings_is_409_listing_them) {
  auto booked = svc_->call("POST", "/api/v1/bookings", member_,
                           booking_body(hub_->pool_id, utc_at(5, 9), utc_at(5, 10), 4));
  ASSERT_EQ(booked.status, 201) << booked.raw.body;
  auto r = svc_->call("PATCH", "/api/v1/spaces/" + hub_->pool_id, admin_, R"({"capacity": 2})");
  expect_problem(r, 409, "capacity_conflict");
  ASSERT_TRUE(r.json.as_object().contains("conflicts")) << r.raw.body;
  bool listed = false;
  for (const auto& c : r.json.at("conflicts").as_array())
    listed |= c.at("booking_id").as_string() == booked.json.at("id").as_string();
  EXPECT_TRUE(listed) << r.raw.body;
  // Members learn nothing personal from it: no user ids or titles.
  EXPECT_EQ(r.raw.body.find(member_->user_id), std::string::npos);
  auto ok = svc_->call("PATCH", "/api/v1/spaces/" + hub_->pool_id, admin_, R"({"capacity": 6})");
  EXPECT_EQ(ok.status, 200) << ok.raw.body;
}

TEST_F(api_errors, responses_carry_security_headers) {
  auto r = svc_->call("GET", "/api/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  EXPECT_NE(r.header("strict-transport-security").find("max-age="), std::string::npos);
}

TEST_F(api_errors, the_service_survived_all_of_it) {
  EXPECT_TRUE(svc_->process().running());
  EXPECT_EQ(svc_->call("GET", "/api/v1/health").status, 200);
}

}  // namespace
}  // namespace hubgate::test
