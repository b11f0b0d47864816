#include <gtest/gtest.h>

#include "booking/auth/authenticator.hpp"
#include "booking/auth/csrf.hpp"
#include "booking/auth/secret_token.hpp"

namespace hubgate::auth {
namespace {

TEST(auth_csrf, cookie_writes_need_the_matching_token) {
  EXPECT_FALSE(csrf_ok("POST", auth_kind::session_cookie, "", "tok"));
  EXPECT_FALSE(csrf_ok("POST", auth_kind::session_cookie, "other", "tok"));
  EXPECT_FALSE(csrf_ok("DELETE", auth_kind::session_cookie, "to", "tok"));
  EXPECT_TRUE(csrf_ok("POST", auth_kind::session_cookie, "tok", "tok"));
  EXPECT_TRUE(csrf_ok("PATCH", auth_kind::session_cookie, "tok", "tok"));
}

TEST(auth_csrf, safe_methods_and_bearer_tokens_need_none) {
  EXPECT_TRUE(csrf_ok("GET", auth_kind::session_cookie, "", "tok"));
  EXPECT_TRUE(csrf_ok("HEAD", auth_kind::session_cookie, "", "tok"));
  EXPECT_TRUE(csrf_ok("POST", auth_kind::bearer_token, "", ""));
  EXPECT_FALSE(csrf_ok("POST", auth_kind::session_cookie, "", ""));  // no token on either side
}

TEST(auth_cookies, finds_the_session_cookie_among_others) {
  EXPECT_EQ(cookie_value("a=1; hubgate_session=xyz; b=2", "hubgate_session"), "xyz");
  EXPECT_EQ(cookie_value("hubgate_session=abc", "hubgate_session"), "abc");
  EXPECT_EQ(cookie_value("xhubgate_session=abc", "hubgate_session"), "");
  EXPECT_EQ(cookie_value("", "hubgate_session"), "");
  EXPECT_EQ(cookie_value(";;=;", "hubgate_session"), "");
}

TEST(auth_cookies, session_cookie_has_the_protective_attributes) {
  auto c = session_cookie("tok", std::chrono::hours{1});
  EXPECT_EQ(c.rfind("hubgate_session=tok;", 0), 0u);
  for (const char* attr : {"Secure", "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=3600"})
    EXPECT_NE(c.find(attr), std::string::npos) << attr;
}

TEST(auth_bearer, parses_only_the_bearer_scheme) {
  EXPECT_EQ(bearer_token("Bearer abc"), "abc");
  EXPECT_EQ(bearer_token("bearer  abc "), "abc");
  EXPECT_FALSE(bearer_token("Basic abc"));
  EXPECT_FALSE(bearer_token("Bearer "));
  EXPECT_FALSE(bearer_token("Bearer"));
}

TEST(auth_secret_token, random_tokens_are_long_urlsafe_and_distinct) {
  auto a = random_token(32), b = random_token(32);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_of("+/="), std::string::npos);
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(constant_time_equal("x", "x"));
  EXPECT_FALSE(constant_time_equal("x", "xx"));
}

}  // namespace
}  // namespace hubgate::auth
