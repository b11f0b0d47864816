// Enrolment tokens: 43 base64url characters, unique, hashed for the store; malformed tokens
// hash to nothing so they never reach a lookup.
#include "booking/controllers/enrollment_token.hpp"

#include <gtest/gtest.h>

#include <set>

namespace hubgate::controllers {
namespace {

TEST(enrollment_token, is_base64url_of_32_bytes_and_unique) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto t = make_enrollment_token();
    ASSERT_EQ(t.size(), 43u);
    EXPECT_EQ(
        t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    EXPECT_TRUE(seen.insert(t).second);
  }
}

TEST(enrollment_token, hash_is_stable_hex_and_differs_per_token) {
  auto a = make_enrollment_token(), b = make_enrollment_token();
  EXPECT_EQ(enrollment_token_hash(a), enrollment_token_hash(a));
  EXPECT_NE(enrollment_token_hash(a), enrollment_token_hash(b));
  EXPECT_EQ(enrollment_token_hash(a).size(), 64u);
  EXPECT_NE(enrollment_token_hash(a), a);
}

TEST(enrollment_token, malformed_tokens_hash_to_nothing) {
  EXPECT_EQ(enrollment_token_hash(""), "");
  EXPECT_EQ(enrollment_token_hash(std::string(43, '=')), "");
  EXPECT_EQ(enrollment_token_hash(std::string(44, 'a')), "");
  EXPECT_EQ(enrollment_token_hash(std::string(42, 'a') + "/"), "");
  EXPECT_EQ(enrollment_token_hash(std::string(43, 'a')).size(), 64u);
}

}  // namespace
}  // namespace hubgate::controllers
