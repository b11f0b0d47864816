// Resolving a request's credentials with a clock the test moves: bearer tokens end at their
// expiry and sessions after an idle spell, whether the identity cache holds them or not.
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
  authenticator authenticator_{users_, store_, cache_, {5min, 8h}, clock_};
  std::optional<principal> as_session(const std::string& token,
                                      auth_lookup lookup = auth_lookup::with_store) {
    return authenticator_.authenticate(with_cookie(token), lookup).who;
  }
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

TEST_F(authenticator_test, a_session_unused_for_the_idle_timeout_ends_before_its_expiry) {
  ASSERT_TRUE(store_.insert_session("s1", {"u1", "csrf", t0, t0 + 7 * 24h, t0}));
  ASSERT_TRUE(as_session("s1"));
  now_ = t0 + 8h - 1s;
  ASSERT_TRUE(as_session("s1"));  // used just in time: touched
  EXPECT_EQ(store_.sessions.at("s1").last_seen, t0 + 8h - 1s);
  now_ = t0 + 16h - 2s;
  ASSERT_TRUE(as_session("s1"));
  now_ = t0 + 24h - 2s;                                      // eight hours unused
  EXPECT_FALSE(as_session("s1", auth_lookup::memory_only));  // the cached entry says so too
  EXPECT_FALSE(as_session("s1"));
  cache_.forget_user("u1");
  EXPECT_FALSE(as_session("s1"));                                // and the store's record
  EXPECT_EQ(store_.sessions.at("s1").last_seen, t0 + 16h - 2s);  // not revived by a touch
}

TEST_F(authenticator_test, a_session_in_use_stays_whatever_the_cache_held) {
  ASSERT_TRUE(store_.insert_session("s1", {"u1", "csrf", t0, t0 + 7 * 24h, t0}));
  // Used every four minutes for a day: each touch the store has is also what the cache says.
  for (auto at = t0; at < t0 + 24h; at += 4min) {
    now_ = at;
    ASSERT_TRUE(as_session("s1")) << (at - t0).count();
    EXPECT_GE(store_.sessions.at("s1").last_seen + 5min, at);
  }
  // A lookup that read the store before the latest touch cannot move the cache's last_seen
  // back and so make the session look idle sooner.
  auto stale = cached_identity{};
  stale.who.user.id = "u1";
  stale.who.kind = auth_kind::session_cookie;
  stale.expires_at = t0 + 7 * 24h;
  stale.last_seen = t0;
  cache_.put(auth_cache::key_of("s1"), stale, cache_.generation());
  EXPECT_GE(cache_.find(auth_cache::key_of("s1"))->last_seen, t0 + 23h);
}

TEST_F(authenticator_test, a_short_idle_timeout_shortens_the_touch_interval) {
  authenticator strict{users_, store_, cache_, {5min, 2min}, clock_};
  ASSERT_TRUE(store_.insert_session("s2", {"u1", "csrf", t0, t0 + 24h, t0}));
  // Used every minute: with touches only every five minutes it would look idle after two.
  for (auto at = t0; at < t0 + 30min; at += 1min) {
    now_ = at;
    EXPECT_TRUE(strict.authenticate(with_cookie("s2")).who) << (at - t0).count();
  }
}

}  // namespace
}  // namespace hubgate::auth
