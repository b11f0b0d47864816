#include "booking/static/http_negotiation.hpp"

#include <gtest/gtest.h>

namespace hubgate::web {
namespace {

TEST(accepts_encoding, listed_coding_is_accepted) {
  EXPECT_TRUE(accepts_encoding("gzip, deflate, br", "gzip"));
  EXPECT_TRUE(accepts_encoding("br;q=1.0, GZIP;q=0.5", "gzip"));
}

TEST(accepts_encoding, absent_or_empty_header_refuses) {
  EXPECT_FALSE(accepts_encoding("", "gzip"));
  EXPECT_FALSE(accepts_encoding("br, deflate", "gzip"));
  EXPECT_FALSE(accepts_encoding("identity", "gzip"));
}

TEST(accepts_encoding, q_zero_refuses_even_with_star) {
  EXPECT_FALSE(accepts_encoding("gzip;q=0", "gzip"));
  EXPECT_FALSE(accepts_encoding("*, gzip;q=0.000", "gzip"));
  EXPECT_FALSE(accepts_encoding("gzip; q=0", "gzip"));
}

TEST(accepts_encoding, star_accepts_unless_zero) {
  EXPECT_TRUE(accepts_encoding("*", "gzip"));
  EXPECT_FALSE(accepts_encoding("*;q=0", "gzip"));
}

TEST(accepts_encoding, malformed_q_refuses) {
  EXPECT_FALSE(accepts_encoding("gzip;q=abc", "gzip"));
  EXPECT_FALSE(accepts_encoding("gzip;q=2", "gzip"));
  EXPECT_FALSE(accepts_encoding("gzip;q=0.12345", "gzip"));
}

TEST(etag_matches, exact_and_listed_tags_match) {
  EXPECT_TRUE(etag_matches("\"abc\"", "\"abc\""));
  EXPECT_TRUE(etag_matches("\"x\", \"abc\"", "\"abc\""));
  EXPECT_TRUE(etag_matches("*", "\"abc\""));
}

TEST(etag_matches, weak_form_matches_for_if_none_match) {
  EXPECT_TRUE(etag_matches("W/\"abc\"", "\"abc\""));
}

TEST(etag_matches, other_tags_do_not_match) {
  EXPECT_FALSE(etag_matches("\"abd\"", "\"abc\""));
  EXPECT_FALSE(etag_matches("abc", "\"abc\""));
  EXPECT_FALSE(etag_matches("", "\"abc\""));
}

}  // namespace
}  // namespace hubgate::web
