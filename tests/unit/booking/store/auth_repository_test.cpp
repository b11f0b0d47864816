#include <sqlite3.h>

#include "booking/store/store_ids.hpp"
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
  ASSERT_TRUE(db->auth().set_password_hash("u1", "scrypt$new", ""));
  EXPECT_EQ(db->auth().find_login("u1@hub.example")->password_hash, "scrypt$new");
  EXPECT_TRUE(db->auth().find_login("nobody@hub.example").error().is(domain::errc::not_found));
  EXPECT_TRUE(
      db->auth().set_password_hash("nobody", "scrypt$x", "").error().is(domain::errc::not_found));
}

TEST_F(auth_repository_test, a_user_s_sessions_are_listed_by_id_and_ended_one_by_one) {
  ASSERT_TRUE(db->auth().insert_session("older", {"u1", "c", now, now + 1h, now}));
  ASSERT_TRUE(db->auth().insert_session("newer", {"u1", "c", now, now + 1h, now + 5min}));
  ASSERT_TRUE(db->auth().insert_session("expired", {"u1", "c", now, now + 1min, now}));
  ASSERT_TRUE(db->auth().insert_session("bobs", {"u2", "c", now, now + 1h, now}));
  auto listed = db->auth().list_sessions("u1", now + 2min);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, sha256_hex("newer").substr(0, 16));  // most recently seen first
  EXPECT_EQ((*listed)[0].last_seen, now + 5min);
  EXPECT_EQ((*listed)[1].id, sha256_hex("older").substr(0, 16));
  EXPECT_EQ((*listed)[1].expires_at, now + 1h);

  const auto bobs = sha256_hex("bobs").substr(0, 16);
  EXPECT_TRUE(db->auth().delete_session_by_id("u1", bobs).error().is(domain::errc::not_found));
  EXPECT_TRUE(db->auth().find_session("bobs", now));
  EXPECT_TRUE(db->auth().delete_session_by_id("u1", "").error().is(domain::errc::not_found));
  EXPECT_TRUE(db->auth()
                  .delete_session_by_id("u1", (*listed)[1].id.substr(0, 4))
                  .error()
                  .is(domain::errc::not_found));
  ASSERT_TRUE(db->auth().delete_session_by_id("u1", (*listed)[1].id));
  EXPECT_TRUE(db->auth().find_session("older", now).error().is(domain::errc::not_found));
  EXPECT_TRUE(db->auth().find_session("newer", now));
}

TEST_F(auth_repository_test, a_new_password_ends_the_user_s_other_sessions_in_the_same_write) {
  const domain::session_record mine{"u1", "c", now, now + 1h, now};
  const domain::session_record theirs{"u2", "c", now, now + 1h, now};
  for (const char* token : {"u1-here", "u1-phone", "u1-laptop"})
    ASSERT_TRUE(db->auth().insert_session(token, mine));
  ASSERT_TRUE(db->auth().insert_session("u2-here", theirs));

  auto ended = db->auth().set_password_hash("u1", "scrypt$new", "u1-here");
  ASSERT_TRUE(ended);
  EXPECT_EQ(*ended, 2u);
  EXPECT_TRUE(db->auth().find_session("u1-here", now));
  EXPECT_TRUE(db->auth().find_session("u1-phone", now).error().is(domain::errc::not_found));
  EXPECT_TRUE(db->auth().find_session("u1-laptop", now).error().is(domain::errc::not_found));
  EXPECT_TRUE(db->auth().find_session("u2-here", now));

  // Set by an admin, it keeps none.
  EXPECT_EQ(*db->auth().set_password_hash("u1", "scrypt$newer", ""), 1u);
  EXPECT_TRUE(db->auth().find_session("u1-here", now).error().is(domain::errc::not_found));
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
  EXPECT_EQ(*db->auth().delete_expired_sessions(now + 2h, now), 1u);
}

TEST_F(auth_repository_test, the_cleanup_deletes_expired_and_idle_sessions_only) {
  ASSERT_TRUE(db->auth().insert_session("expired", {"u1", "c", now, now + 1h, now + 50min}));
  ASSERT_TRUE(db->auth().insert_session("idle", {"u1", "c", now, now + 7 * 24h, now}));
  ASSERT_TRUE(db->auth().insert_session("in-use", {"u1", "c", now, now + 7 * 24h, now + 50min}));
  EXPECT_EQ(*db->auth().delete_expired_sessions(now + 1h, now + 10min), 2u);
  EXPECT_TRUE(db->auth().find_session("in-use", now + 1h));
  EXPECT_TRUE(db->auth().find_session("idle", now + 1h).error().is(domain::errc::not_found));
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
