#include "booking/net/http_conventions.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <set>

namespace {

using namespace hubgate::net;

TEST(net_request_id, accepts_short_tokens_only) {
  EXPECT_TRUE(is_sane_request_id("abc-123_X.9"));
  EXPECT_TRUE(is_sane_request_id(std::string(64, 'a')));
  EXPECT_FALSE(is_sane_request_id(std::string(65, 'a')));
  EXPECT_FALSE(is_sane_request_id(""));
  EXPECT_FALSE(is_sane_request_id("has space"));
  EXPECT_FALSE(is_sane_request_id("quote\""));
  EXPECT_FALSE(is_sane_request_id("new\nline"));
  EXPECT_FALSE(is_sane_request_id("ümlaut"));
}

TEST(net_request_id, made_ids_are_sane_and_distinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto id = make_request_id();
    EXPECT_EQ(id.size(), 16u);
    EXPECT_TRUE(is_sane_request_id(id));
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(net_http_date, formats_imf_fixdate) {
  // 784111777 s after the epoch is the RFC 9110 example date.
  const auto when = std::chrono::system_clock::time_point(std::chrono::seconds(784111777));
  EXPECT_EQ(http_date(when), "Sun, 06 Nov 1994 08:49:37 GMT");
}

TEST(net_problem, has_the_rfc9457_members_and_a_stable_code) {
  const auto r = problem_response(413, "payload_too_large", "Payload Too Large", "at most 1 MiB");
  EXPECT_EQ(r.status, 413);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].second, "application/problem+json");
  boost::system::error_code ec;
  auto body = boost::json::parse(r.body, ec);
  ASSERT_FALSE(ec);
  EXPECT_EQ(body.at("code").as_string(), "payload_too_large");
  EXPECT_EQ(body.at("status").as_int64(), 413);
  EXPECT_EQ(body.at("title").as_string(), "Payload Too Large");
  EXPECT_EQ(body.at("detail").as_string(), "at most 1 MiB");
}

TEST(net_path_of, drops_the_query) {
  EXPECT_EQ(path_of("/a/b?token=x"), "/a/b");
  EXPECT_EQ(path_of("/a/b"), "/a/b");
  EXPECT_EQ(path_of("?x"), "");
}

TEST(net_loggable_path, hides_calendar_feed_tokens) {
  EXPECT_EQ(loggable_path("/api/v1/calendar/SECRET-token_1.ics?x=1"),
            "/api/v1/calendar/{token}.ics");
  EXPECT_EQ(loggable_path("/api/v1/calendar/feed"), "/api/v1/calendar/feed");
  EXPECT_EQ(loggable_path("/api/v1/bookings?from=x"), "/api/v1/bookings");
}

}  // namespace
