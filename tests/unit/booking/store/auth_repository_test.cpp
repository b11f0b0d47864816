#include <sqlite3.h>

#include "store_fixture.hpp"

namespace hubgate::store {
namespace {

using namespace testing;
using auth_repository_test = store_fixture;

// Whether `needle` appears anywhere in the database file or its WAL.
bool file_contains(const std::filesystem::path& dir, const std::string& needle) {
  for (const char* name : {"hubgate.db", "hubgate.db-wal"}) {
    std::FILE* f = std::fopen((dir / name).c_str(), "rb");
    if (!f) continue;
    std::string data;
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) data.append(buf, n);
    std::fclose(f);
    if (data.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST_F(auth_repository_test, login_record_carries_the_hash) {
  auto login = db->auth().find_login("U1@hub.example");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->account.id, "u1");
  EXPECT_EQ(login->password_hash, "scrypt$hash");
  ASSERT_TRUE(db->auth().set_password_hash("u1", "scrypt$new"));
  EXPECT_EQ(db->auth().find_login("u1@hub.example")->password_hash, "scrypt$new");
  EXPECT_TRUE(db->auth().find_login("nobody@hub.example").error().is(domain::errc::not_found));
}

TEST_F(auth_repository_test, sessions_are_found_by_token_until_they_expire) {
  const std::string token = "session-token-4f1c9a7e2b";
  domain::session_record s{"u1", "csrf-123", now, now + 1h, now};
  ASSERT_TRUE(db->auth().insert_session(token, s));
  auto found = db->auth().find_session(token, now + 30min);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user_id, "u1");
  EXPECT_EQ(found->csrf_token, "csrf-123");
  ASSERT_TRUE(db->auth().touch_session(token, now + 31min));
  EXPECT_EQ(db->auth().find_session(token, now + 32min)->last_seen, now + 31min);
  EXPECT_TRUE(db->auth().find_session(token, now + 1h).error().is(domain::errc::not_found));
  EXPECT_TRUE(db->auth().find_session("other", now).error().is(domain::errc::not_found));
  EXPECT_FALSE(file_contains(dir.path(), token));
  EXPECT_EQ(*db->auth().delete_expired_sessions(now + 2h), 1u);
}

TEST_F(auth_repository_test, sessions_and_tokens_survive_a_restart) {
  ASSERT_TRUE(db->auth().insert_session("kept-session", {"u1", "c", now, now + 1h, now}));
  ASSERT_TRUE(db->auth().insert_api_token("kept-token", {"", "cron", "u2", now, {}, false}));
  reopen();
  EXPECT_EQ(db->auth().find_session("kept-session", now)->user_id, "u1");
  EXPECT_EQ(db->auth().find_api_token("kept-token")->user_id, "u2");
}

TEST_F(auth_repository_test, logout_deletes_the_session) {
  ASSERT_TRUE(db->auth().insert_session("tok", {"u1", "c", now, now + 1h, now}));
  ASSERT_TRUE(db->auth().delete_session("tok"));
  EXPECT_TRUE(db->auth().find_session("tok", now).error().is(domain::errc::not_found));
}

TEST_F(auth_repository_test, api_tokens_by_hash_until_revoked) {
  const std::string token = "hg_api_7d3f0e55aa01";
  domain::api_token_record t{"", "ci", "u1", now, std::nullopt, false, now + 90 * 24h};
  auto made = db->auth().insert_api_token(token, t);
  ASSERT_TRUE(made);
  EXPECT_EQ(db->auth().insert_api_token("another", t).error().is(domain::errc::name_taken), true);
  auto found = db->auth().find_api_token(token);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, made->id);
  EXPECT_EQ(found->expires_at, now + 90 * 24h);
  ASSERT_TRUE(db->auth().touch_api_token(made->id, now + 1h));
  EXPECT_EQ(db->auth().list_api_tokens("u1")->at(0).last_used, now + 1h);
  // Found after its expiry too: the authenticator refuses it with its own code.
  EXPECT_TRUE(db->auth().find_api_token(token));
  ASSERT_TRUE(db->auth().revoke_api_token(made->id));
  EXPECT_TRUE(db->auth().find_api_token(token).error().is(domain::errc::not_found));
  EXPECT_FALSE(file_contains(dir.path(), token));
}

}  // namespace
}  // namespace hubgate::store
