// Enrolling and looking up cards: every card is read by its UID, so every card is legacy, and
// only an admin may find whose card a found card is.
#include <gtest/gtest.h>

#include "booking/domain/user_service.hpp"
#include "fake_repositories.hpp"
#include "test_time.hpp"

namespace hubgate::domain::testing {
namespace {

class user_service_cards : public ::testing::Test {
 protected:
  fake_catalog catalog;
  fake_users users;
  user_service service{users, catalog};
  actor admin{"admin", role::admin, {}};
  actor member{"member", role::member, {}};
  const sys_seconds now = utc(2027, 3, 1, 8);

  void SetUp() override {
    for (const auto& who : {admin, member}) {
      user u;
      u.id = who.user_id;
      u.email = who.user_id + "@hub.example";
      u.role = who.role;
      users.rows[u.id] = u;
    }
  }

  outcome<credential> enrol(credential_kind kind, std::string card_id) {
    credential c;
    c.user_id = member.user_id;
    c.kind = kind;
    c.card_id = std::move(card_id);
    return service.enrol_credential(admin, std::move(c), now);
  }
};

TEST_F(user_service_cards, a_desfire_card_read_by_its_uid_is_legacy_like_a_uid_card) {
  auto desfire = enrol(credential_kind::desfire, "04:a1:b2:c3:d4:e5:f6");
  auto uid = enrol(credential_kind::uid, "04A1B2C3D4E5F7");
  ASSERT_TRUE(desfire && uid);
  EXPECT_TRUE(desfire->legacy);
  EXPECT_TRUE(uid->legacy);
}

TEST_F(user_service_cards, an_admin_finds_a_card_by_its_uid_in_any_spelling) {
  auto made = enrol(credential_kind::uid, "04A1B2C3D4E5F6");
  ASSERT_TRUE(made);
  auto found = service.find_credential_by_card(admin, "04 a1 b2 c3 d4 e5 f6");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, made->id);
  EXPECT_EQ(found->user_id, member.user_id);
}

TEST_F(user_service_cards, a_card_nobody_holds_is_not_enrolled) {
  auto found = service.find_credential_by_card(admin, "04C0FFEE");
  ASSERT_FALSE(found);
  EXPECT_TRUE(found.error().is(errc::card_not_enrolled));
}

TEST_F(user_service_cards, a_lookup_needs_an_admin_and_a_hex_uid) {
  ASSERT_TRUE(enrol(credential_kind::uid, "04A1B2C3D4E5F6"));
  EXPECT_TRUE(
      service.find_credential_by_card(member, "04A1B2C3D4E5F6").error().is(errc::forbidden));
  EXPECT_TRUE(service.find_credential_by_card(admin, "04-XY").error().is(errc::validation_failed));
}

TEST(card_hint, is_the_last_four_hex_digits) {
  EXPECT_EQ(card_hint_of("04A1B2C3D4E5F6"), "E5F6");
  EXPECT_EQ(card_hint_of("04C0FFEE"), "FFEE");
  EXPECT_EQ(card_hint_of("AB"), "AB");
}

}  // namespace
}  // namespace hubgate::domain::testing
