#include "store_fixture.hpp"

namespace hubgate::store {
namespace {

using namespace testing;
using user_repository_test = store_fixture;

TEST_F(user_repository_test, users_round_trip_and_emails_are_unique_ignoring_case) {
  domain::user u;
  u.email = "Ada@Hub.example";
  u.display_name = "Ada";
  u.role = domain::role::admin;
  u.group_ids = {"researchers", "administration"};
  u.language = "de";
  u.created_at = now;
  auto made = db->users().insert_user(u, "scrypt$abc");
  ASSERT_TRUE(made);
  EXPECT_EQ(made->id.rfind("usr_", 0), 0u);
  EXPECT_EQ(*db->users().get_user(made->id), *made);
  EXPECT_EQ(db->users().find_user_by_email("ada@hub.example")->id, made->id);
  u.email = "ADA@hub.EXAMPLE";
  EXPECT_TRUE(db->users().insert_user(u, "x").error().is(domain::errc::email_taken));
  EXPECT_EQ(*db->users().count_users(), 65u);
}

TEST_F(user_repository_test, update_changes_fields_but_not_to_a_taken_email) {
  auto u = *db->users().get_user("u1");
  u.display_name = "Renamed";
  u.active = false;
  ASSERT_TRUE(db->users().update_user(u));
  auto back = *db->users().get_user("u1");
  EXPECT_EQ(back.display_name, "Renamed");
  EXPECT_FALSE(back.active);
  u.email = "U2@hub.example";
  EXPECT_TRUE(db->users().update_user(u).error().is(domain::errc::email_taken));
  domain::user ghost = u;
  ghost.id = "usr_ghost";
  ghost.email = "ghost@hub.example";
  EXPECT_TRUE(db->users().update_user(ghost).error().is(domain::errc::not_found));
}

TEST_F(user_repository_test, credentials_are_unique_per_card) {
  domain::credential c;
  c.user_id = "u1";
  c.kind = domain::credential_kind::desfire;
  c.card_id = "04A1B2C3D4E5F6";
  c.label = "Blue card";
  c.legacy = false;
  c.expires_at = utc(2028, 1, 1);
  c.created_at = now;
  auto made = db->users().insert_credential(c);
  ASSERT_TRUE(made);
  EXPECT_EQ(*db->users().get_credential(made->id), *made);
  EXPECT_EQ(db->users().find_credential_by_card("04A1B2C3D4E5F6")->id, made->id);
  c.user_id = "u2";
  EXPECT_TRUE(db->users().insert_credential(c).error().is(domain::errc::card_taken));
  auto revoked = *made;
  revoked.status = domain::credential_status::revoked;
  ASSERT_TRUE(db->users().update_credential(revoked));
  EXPECT_EQ(db->users().list_credentials("u1")->at(0).status, domain::credential_status::revoked);
  EXPECT_TRUE(db->users().list_credentials("u2")->empty());
}

}  // namespace
}  // namespace hubgate::store
