// The authentication cache: hits within the lifetime, immediate forgetting on logout,
// revocation and user change, and no resurrection by a lookup that raced with a change.
#include "booking/auth/auth_cache.hpp"

#include <gtest/gtest.h>

namespace hubgate::auth {
namespace {

cached_identity identity(std::string user_id, std::string token_id = {}) {
  cached_identity id;
  id.who.user.id = user_id;
  id.who.actor.user_id = std::move(user_id);
  id.who.kind = token_id.empty() ? auth_kind::session_cookie : auth_kind::bearer_token;
  id.who.api_token_id = std::move(token_id);
  id.who.session_token = "clear-session-token";
  return id;
}

TEST(auth_cache, keys_are_digests_not_tokens) {
  const auto key = auth_cache::key_of("secret");
  EXPECT_EQ(key.size(), 64u);
  EXPECT_EQ(key.find("secret"), std::string::npos);
  EXPECT_EQ(key, auth_cache::key_of("secret"));
  EXPECT_NE(key, auth_cache::key_of("secret2"));
}

TEST(auth_cache, remembers_without_the_clear_token) {
  auth_cache cache;
  const auto key = auth_cache::key_of("t1");
  cache.put(key, identity("u1"), cache.generation());
  auto hit = cache.find(key);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->who.user.id, "u1");
  EXPECT_TRUE(hit->who.session_token.empty());
  EXPECT_FALSE(cache.find(auth_cache::key_of("t2")));
}

TEST(auth_cache, entries_expire) {
  auth_cache cache(std::chrono::seconds{0});
  const auto key = auth_cache::key_of("t1");
  cache.put(key, identity("u1"), cache.generation());
  EXPECT_FALSE(cache.find(key));
}

TEST(auth_cache, logout_revocation_and_user_change_are_forgotten_at_once) {
  auth_cache cache;
  const auto session = auth_cache::key_of("s1");
  const auto token = auth_cache::key_of("b1");
  const auto other = auth_cache::key_of("b2");
  cache.put(session, identity("u1"), cache.generation());
  cache.put(token, identity("u2", "tok_a"), cache.generation());
  cache.put(other, identity("u3", "tok_b"), cache.generation());

  cache.forget_token("s1");
  EXPECT_FALSE(cache.find(session));
  cache.forget_api_token_id("tok_a");
  EXPECT_FALSE(cache.find(token));
  EXPECT_TRUE(cache.find(other));
  cache.forget_user("u3");
  EXPECT_FALSE(cache.find(other));
}

TEST(auth_cache, a_lookup_that_raced_with_a_change_is_not_kept) {
  auth_cache cache;
  const auto key = auth_cache::key_of("b1");
  const auto before = cache.generation();           // the store read starts here...
  cache.forget_api_token_id("tok_a");               // ...a revocation commits meanwhile...
  cache.put(key, identity("u1", "tok_a"), before);  // ...and its stale result arrives
  EXPECT_FALSE(cache.find(key));
}

TEST(auth_cache, note_seen_updates_the_entry) {
  auth_cache cache;
  const auto key = auth_cache::key_of("s1");
  cache.put(key, identity("u1"), cache.generation());
  const std::chrono::sys_seconds at{std::chrono::seconds{1'800'000'000}};
  cache.note_seen(key, at);
  EXPECT_EQ(cache.find(key)->last_seen, at);
}

TEST(auth_cache, stays_bounded) {
  auth_cache cache(std::chrono::minutes{1}, 3);
  for (int i = 0; i < 10; ++i)
    cache.put(auth_cache::key_of(std::to_string(i)), identity("u"), cache.generation());
  int found = 0;
  for (int i = 0; i < 10; ++i) found += cache.find(auth_cache::key_of(std::to_string(i))) ? 1 : 0;
  EXPECT_LE(found, 3);
  EXPECT_TRUE(cache.find(auth_cache::key_of("9")));
}

}  // namespace
}  // namespace hubgate::auth
