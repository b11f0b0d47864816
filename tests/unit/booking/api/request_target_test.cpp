#include "booking/api/request_target.hpp"

#include <gtest/gtest.h>

namespace hubgate::api {
namespace {

TEST(api_request_target, decodes_path_and_query) {
  auto t =
      parse_request_target("/api/v1/spaces/a%20b?kind=desk&from=2027-03-28T09%3A00%3A00%2B02%3A00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->segments, (std::vector<std::string>{"api", "v1", "spaces", "a b"}));
  EXPECT_EQ(t->param("kind"), "desk");
  EXPECT_EQ(t->param("from"), "2027-03-28T09:00:00+02:00");
  EXPECT_FALSE(t->param("seats"));
}

TEST(api_request_target, repeated_parameter_keeps_all_and_param_returns_last) {
  auto t = parse_request_target("/x?feature=a&feature=b");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->query.size(), 2u);
  EXPECT_EQ(t->param("feature"), "b");
}

TEST(api_request_target, trailing_slash_is_ignored) {
  auto t = parse_request_target("/api/v1/sites/");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->segments.size(), 3u);
}

TEST(api_request_target, rejects_malformed_targets) {
  EXPECT_FALSE(parse_request_target(""));
  EXPECT_FALSE(parse_request_target("api/v1"));
  EXPECT_FALSE(parse_request_target("http://example.org/api"));
  EXPECT_FALSE(parse_request_target("/api/%zz"));
  EXPECT_FALSE(parse_request_target("/api/a%2Fb"));  // encoded slash
  EXPECT_FALSE(parse_request_target("/api/a%00b"));  // NUL
  EXPECT_FALSE(parse_request_target("/api/../etc"));
  EXPECT_FALSE(parse_request_target("/api/x y"));
  EXPECT_FALSE(parse_request_target("/x?a=%G1"));
}

}  // namespace
}  // namespace hubgate::api
