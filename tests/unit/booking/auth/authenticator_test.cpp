// Resolving a request's credentials with a clock the test moves: bearer tokens end at their
// expiry, whether the identity cache holds them or not.
#include "booking/auth/authenticator.hpp"

#include <gtest/gtest.h>

#include "memory_auth_store.hpp"

namespace hubgate::auth {
namespace {

using namespace std::chrono_literals;

const std::chrono::sys_seconds t0{std::chrono::hours{24 * 365 * 57}};

class authenticator_test : public ::testing::Test {
 protected:
  void SetUp() override {
    domain::user anna;
    anna.id = "u1";
    anna.email = "anna@hub.example";
    users_.users["u1"] = anna;
  }
  static http::http_request with_bearer(const std::string& token) {
    http::http_request r;
    r.method = "GET";
    r.headers.emplace_back("authorization", "Bearer " + token);
    return r;
  }
  static http::http_request with_cookie(const std::string& token) {
    http::http_request r;
    r.method = "GET";
    r.headers.emplace_back("cookie", std::string(session_cookie_name) + "=" + token);
    return r;
  }
  authentication as_bearer(const std::string& token, auth_lookup lookup = auth_lookup::with_store) {
    return authenticator_.authenticate(with_bearer(token), lookup);
  }

  testing::memory_users users_;
  testing::memory_auth store_;
  // Long enough that a second lookup in a test is always a hit.
  auth_cache cache_{std::chrono::hours{1}};
  std::chrono::sys_seconds now_ = t0;
  authenticator::clock_fn clock_ = [this] { return now_; };
  authenticator authenticator_{users_, store_, cache_, std::chrono::minutes{5}, clock_};
};

TEST_F(authenticator_test, a_bearer_token_works_until_it_expires_then_says_so) {
  ASSERT_TRUE(store_.insert_api_token("tok-a", {"", "ci", "u1", t0, {}, false, t0 + 24h}));
  auto first = as_bearer("tok-a");
  ASSERT_TRUE(first.who);
  EXPECT_EQ(first.who->user.id, "u1");
  now_ = t0 + 2min;
  EXPECT_TRUE(as_bearer("tok-a", auth_lookup::memory_only).who);  // from the cache
  now_ = t0 + 24h - 1s;
  EXPECT_TRUE(as_bearer("tok-a").who);

  now_ = t0 + 24h;
  for (auto lookup : {auth_lookup::memory_only, auth_lookup::with_store}) {
    auto expired = as_bearer("tok-a", lookup);
    EXPECT_FALSE(expired.who);
    EXPECT_FALSE(expired.needs_store);
    ASSERT_TRUE(expired.refused);
    EXPECT_EQ(expired.refused_code, "token_expired");
  }
  cache_.forget_user("u1");  // and when the store is asked afresh
  auto from_store = as_bearer("tok-a");
  EXPECT_FALSE(from_store.who);
  EXPECT_EQ(from_store.refused_code, "token_expired");
}

TEST_F(authenticator_test, an_unknown_token_is_refused_without_a_special_code) {
  auto r = as_bearer("nope");
  EXPECT_FALSE(r.who);
  ASSERT_TRUE(r.refused);
  EXPECT_TRUE(r.refused_code.empty());  // the plain "unauthenticated"
}

}  // namespace
}  // namespace hubgate::auth
