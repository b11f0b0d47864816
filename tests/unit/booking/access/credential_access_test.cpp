// Which cards get windows, which are refused, and rule (c): admins open every door.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>

#include "protocol/access_list_json.hpp"
#include "sample_hub.hpp"

namespace hubgate::access::test {
namespace {

using domain::credential_status;
using protocol::grant_source;

const sys_seconds now = utc(2027, 6, 7, 8);

domain::credential& credential_of(hub_state& s, std::string_view id) {
  return *std::find_if(s.credentials.begin(), s.credentials.end(),
                       [&](const domain::credential& c) { return c.id == id; });
}

bool revoked_everywhere(const access_lists& lists, const protocol::pseudonym& p) {
  return std::all_of(lists.begin(), lists.end(), [&](const auto& kv) {
    const auto& r = kv.second.revoked;
    return std::find(r.begin(), r.end(), p) != r.end();
  });
}

TEST(credential_access, expiry_clips_windows) {
  auto s = sample_hub();
  s.bookings.push_back(
      make_booking("b1", "lab", "u-member", utc(2027, 6, 8, 10), utc(2027, 6, 8, 12)));
  s.bookings.push_back(
      make_booking("b2", "lab", "u-member", utc(2027, 6, 9, 10), utc(2027, 6, 9, 12)));
  credential_of(s, "c-member").expires_at = utc(2027, 6, 8, 11);
  auto lists = derive_ok(s, now);
  const auto* e =
      find_entry(lists, "ctrl-lab", card(s, member_card), "lab-door", grant_source::booking);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->windows,
            std::vector<protocol::window>{win(utc(2027, 6, 8, 9, 45), utc(2027, 6, 8, 11))});
}

TEST(credential_access, expired_card_gets_nothing_and_is_not_revoked) {
  auto s = sample_hub();
  s.bookings.push_back(
      make_booking("b1", "lab", "u-member", utc(2027, 6, 8, 10), utc(2027, 6, 8, 12)));
  credential_of(s, "c-member").expires_at = now;
  auto lists = derive_ok(s, now);
  auto c = card(s, member_card);
  EXPECT_TRUE(entries_of(lists, c).empty());
  for (const auto& [id, list] : lists) EXPECT_TRUE(list.revoked.empty());
}

TEST(credential_access, suspended_lost_and_revoked_cards_are_refused_on_every_board) {
  for (auto status :
       {credential_status::suspended, credential_status::lost, credential_status::revoked}) {
    auto s = sample_hub();
    s.bookings.push_back(
        make_booking("b1", "lab", "u-member", utc(2027, 6, 8, 10), utc(2027, 6, 8, 12)));
    credential_of(s, "c-member").status = status;
    auto lists = derive_ok(s, now);
    auto c = card(s, member_card);
    EXPECT_TRUE(entries_of(lists, c).empty()) << domain::to_string(status);
    EXPECT_TRUE(revoked_everywhere(lists, c)) << domain::to_string(status);
    EXPECT_FALSE(revoked_everywhere(lists, card(s, staff_card)));
    for (const auto& [id, list] : lists) EXPECT_EQ(list.revoked.size(), 1u);
  }
}

TEST(credential_access, a_users_other_active_card_still_opens) {
  auto s = sample_hub();
  s.bookings.push_back(
      make_booking("b1", "lab", "u-member", utc(2027, 6, 8, 10), utc(2027, 6, 8, 12)));
  credential_of(s, "c-member").status = credential_status::lost;
  s.credentials.push_back({.id = "c-member-2", .user_id = "u-member", .card_id = "04CAFE01"});
  auto lists = derive_ok(s, now);
  EXPECT_EQ(entries_of(lists, card(s, "04CAFE01")).size(), 2u);
  EXPECT_TRUE(entries_of(lists, card(s, member_card)).empty());
}

TEST(credential_access, inactive_users_get_nothing_and_their_cards_are_refused) {
  auto s = sample_hub();
  s.bookings.push_back(
      make_booking("b1", "lab", "u-staff", utc(2027, 6, 8, 10), utc(2027, 6, 8, 12)));
  for (auto& u : s.users) u.active = false;
  auto lists = derive_ok(s, now);
  for (const auto& [id, list] : lists) {
    EXPECT_TRUE(list.entries.empty()) << id;
    EXPECT_EQ(list.revoked.size(), 3u) << id;
  }
}

TEST(credential_access, admin_opens_every_door_with_a_board_over_the_horizon) {
  auto s = sample_hub();
  auto lists = derive_ok(s, now);
  auto c = card(s, admin_card);
  auto entries = entries_of(lists, c);
  ASSERT_EQ(entries.size(), 3u);
  for (const auto& e : entries) {
    EXPECT_EQ(e.source, grant_source::admin);
    EXPECT_EQ(e.windows, std::vector<protocol::window>{win(now, now + days{14})});
  }
  EXPECT_NE(find_entry(lists, "ctrl-front", c, "entrance", grant_source::admin), nullptr);
  EXPECT_NE(find_entry(lists, "ctrl-lab", c, "lab-door", grant_source::admin), nullptr);
  EXPECT_NE(find_entry(lists, "ctrl-lab", c, "room1-door", grant_source::admin), nullptr);
}

TEST(credential_access, every_board_gets_a_list_and_boardless_doors_get_none) {
  auto s = sample_hub();
  auto lists = derive_ok(s, now);
  std::vector<std::string> ids;
  for (const auto& [id, list] : lists) ids.push_back(id);
  EXPECT_EQ(ids, (std::vector<std::string>{"ctrl-front", "ctrl-lab"}));
}

TEST(credential_access, lists_hold_no_names_emails_or_card_identifiers) {
  auto s = sample_hub();
  s.bookings.push_back(
      make_booking("b1", "lab", "u-member", utc(2027, 6, 8, 10), utc(2027, 6, 8, 12)));
  credential_of(s, "c-staff").status = credential_status::revoked;
  auto lists = derive_ok(s, now);
  for (const auto& [id, list] : lists) {
    ASSERT_FALSE(list.entries.empty());
    auto text = boost::json::serialize(protocol::to_json(list));
    for (std::string_view secret : {"mia@example.org", "Mia", "Sam", "Ada", "u-member", "c-member",
                                    "04a1b2c3", "04A1B2C3", "04d4e5f6", "04D4E5F6"})
      EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << id;
  }
}

TEST(credential_access, pseudonyms_depend_on_the_site_key) {
  auto s = sample_hub();
  auto before = card(s, admin_card);
  s.list_keys["s1"][0] ^= 0xff;
  auto lists = derive_ok(s, now);
  EXPECT_TRUE(entries_of(lists, before).empty());
  EXPECT_EQ(entries_of(lists, card(s, admin_card)).size(), 3u);
}

TEST(credential_access, unknown_zone_or_missing_key_is_an_error) {
  auto s = sample_hub();
  s.sites[0].time_zone = "Mars/Olympus_Mons";
  auto r = derive_access_lists(s, {}, now);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error(), make_error_code(errc::unknown_time_zone));

  s = sample_hub();
  s.list_keys.clear();
  r = derive_access_lists(s, {}, now);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error(), make_error_code(errc::missing_list_key));
}

TEST(credential_access, malformed_card_ids_are_left_out) {
  auto s = sample_hub();
  credential_of(s, "c-admin").card_id = "XYZ";
  auto lists = derive_ok(s, now);
  for (const auto& [id, list] : lists)
    for (const auto& e : list.entries) EXPECT_NE(e.source, grant_source::admin);
}

}  // namespace
}  // namespace hubgate::access::test
