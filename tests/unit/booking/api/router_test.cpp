#include "booking/api/router.hpp"

#include <gtest/gtest.h>

namespace hubgate::api {
namespace {

http::http_response tagged(std::string tag) {
  http::http_response r;
  r.body = std::move(tag);
  return r;
}

router make_router() {
  return router({
      {"GET",
       "/api/v1/users/{id}",
       privilege::authenticated,
       [](call&) { return tagged("get_user"); },
       {}},
      {"PATCH",
       "/api/v1/users/{id}",
       privilege::admin,
       [](call&) { return tagged("patch_user"); },
       {}},
      {"GET", "/api/v1/users/me", privilege::authenticated, [](call&) { return tagged("me"); }, {}},
      {"POST",
       "/api/v1/bookings/{id}/cancel",
       privilege::authenticated,
       [](call&) { return tagged("cancel"); },
       {}},
      {"GET", "/api/v1/health", privilege::anonymous, [](call&) { return tagged("health"); }, {}},
  });
}

std::vector<std::string> segs(std::initializer_list<const char*> s) {
  return {s.begin(), s.end()};
}

TEST(api_router, matches_a_parameter_and_extracts_it) {
  auto r = make_router();
  auto found = r.find("POST", segs({"api", "v1", "bookings", "b 42", "cancel"}));
  auto* m = std::get_if<route_match>(&found);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->matched->pattern, "/api/v1/bookings/{id}/cancel");
  ASSERT_EQ(m->params.size(), 1u);
  EXPECT_EQ(m->params[0].first, "id");
  EXPECT_EQ(m->params[0].second, "b 42");
}

TEST(api_router, literal_segment_wins_over_parameter) {
  auto r = make_router();
  auto found = r.find("GET", segs({"api", "v1", "users", "me"}));
  auto* m = std::get_if<route_match>(&found);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->matched->pattern, "/api/v1/users/me");
  found = r.find("GET", segs({"api", "v1", "users", "u1"}));
  m = std::get_if<route_match>(&found);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->matched->pattern, "/api/v1/users/{id}");
}

TEST(api_router, unknown_path_is_not_found) {
  auto r = make_router();
  EXPECT_TRUE(std::holds_alternative<route_not_found>(r.find("GET", segs({"api", "v1", "nope"}))));
  EXPECT_TRUE(std::holds_alternative<route_not_found>(
      r.find("GET", segs({"api", "v1", "bookings", "x", "cancel", "more"}))));
  EXPECT_TRUE(std::holds_alternative<route_not_found>(r.find("GET", segs({"api", "v1", "users"}))));
}

TEST(api_router, wrong_method_lists_the_allowed_ones) {
  auto r = make_router();
  auto found = r.find("DELETE", segs({"api", "v1", "users", "u1"}));
  auto* m = std::get_if<route_method_not_allowed>(&found);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->allowed, (std::vector<std::string>{"GET", "HEAD", "PATCH"}));
  found = r.find("GET", segs({"api", "v1", "bookings", "b1", "cancel"}));
  m = std::get_if<route_method_not_allowed>(&found);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->allowed, (std::vector<std::string>{"POST"}));
}

TEST(api_router, head_is_served_by_get_routes) {
  auto r = make_router();
  auto found = r.find("HEAD", segs({"api", "v1", "health"}));
  auto* m = std::get_if<route_match>(&found);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->matched->pattern, "/api/v1/health");
}

TEST(api_router, empty_parameter_segment_does_not_match) {
  auto r = make_router();
  EXPECT_TRUE(std::holds_alternative<route_not_found>(
      r.find("POST", segs({"api", "v1", "bookings", "", "cancel"}))));
}

}  // namespace
}  // namespace hubgate::api
