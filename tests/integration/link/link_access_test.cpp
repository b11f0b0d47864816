// Bookings, cancellations and revocations made through the API reach the right door.
#include <gtest/gtest.h>

#include "hubgate/test/net_util.hpp"
#include "link_fixture.hpp"

namespace hubgate::test {
namespace {

using link_access = link_test;

TEST_F(link_access, booking_opens_its_door_and_cancellation_closes_it) {
  board& lab = enrolled_board("lab", {"Lab door"});
  const session jonas = rig_.login(jonas_email);
  EXPECT_TRUE(lab.tap_until(jonas_card, false)) << lab.door_log();
  const auto booking = rig_.book(jonas, rig_.space_id("Innovation Lab"), 120, 60);
  ASSERT_FALSE(booking.empty());
  EXPECT_TRUE(lab.tap_until(jonas_card, true)) << lab.door_log();

  auto cancel = rig_.call("POST", "/api/v1/bookings/" + booking + "/cancel", &jonas);
  EXPECT_EQ(cancel.status, 200) << cancel.body;
  EXPECT_TRUE(lab.tap_until(jonas_card, false)) << lab.door_log();
}

// The card `./dev run` suggests: the administrator's demo card opens both demo doors at once,
// at any hour (the demo seed enrols it; admins may open every door).
TEST_F(link_access, the_administrators_demo_card_opens_the_demo_doors) {
  board& entrance = enrolled_board("entrance", {"Main entrance"});
  board& lab = enrolled_board("lab", {"Lab door"});
  EXPECT_TRUE(entrance.tap_until(admin_demo_card, true)) << entrance.door_log();
  EXPECT_TRUE(lab.tap_until(admin_demo_card, true)) << lab.door_log();
  EXPECT_EQ(entrance.tap_once(anna_card), std::optional<bool>(false)) << "no booking, no grant";
}

TEST_F(link_access, a_revoked_card_is_denied) {
  board& lab = enrolled_board("lab", {"Lab door"});
  const session jonas = rig_.login(jonas_email);
  ASSERT_FALSE(rig_.book(jonas, rig_.space_id("Innovation Lab"), 120, 60).empty());
  ASSERT_TRUE(lab.tap_until(jonas_card, true)) << lab.door_log();

  // The front desk finds the card by its UID: the API never shows the UID itself.
  auto found = rig_.call("POST", "/api/v1/credentials/lookup", &rig_.admin(),
                         R"({"card_id":")" + std::string(jonas_card) + "\"}");
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.json.at("user_id").as_string(), jonas.user_id);
  const std::string card_id(found.json.at("id").as_string());
  auto revoke = rig_.call("POST", "/api/v1/credentials/" + card_id + "/revoke", &rig_.admin());
  EXPECT_EQ(revoke.status, 200) << revoke.body;
  EXPECT_TRUE(lab.tap_until(jonas_card, false)) << lab.door_log();
}

TEST_F(link_access, the_door_of_another_space_stays_denied) {
  board& lab = enrolled_board("lab", {"Lab door"});
  board& training = enrolled_board("training", {"Training room 1 door"});
  const session jonas = rig_.login(jonas_email);
  ASSERT_FALSE(rig_.book(jonas, rig_.space_id("Innovation Lab"), 120, 60).empty());
  ASSERT_TRUE(lab.tap_until(jonas_card, true)) << lab.door_log();
  // The lab board has the booking, so the training board has had its chance to get it too.
  EXPECT_EQ(training.tap_once(jonas_card), std::optional<bool>(false)) << training.door_log();
}

TEST_F(link_access, the_entrance_opens_for_a_desk_day_and_checks_in_desks_only) {
  board& entrance = enrolled_board("entrance", {"Main entrance"});
  const session anna = rig_.login(anna_email);
  const session jonas = rig_.login(jonas_email);
  const auto desk = rig_.book(anna, rig_.space_of_kind("desk"), 120, 60);
  const auto lab = rig_.book(jonas, rig_.space_id("Innovation Lab"), 120, 60);
  ASSERT_FALSE(desk.empty());
  ASSERT_FALSE(lab.empty());

  EXPECT_TRUE(entrance.tap_until(anna_card, true)) << entrance.door_log();
  EXPECT_TRUE(wait_until([&] { return rig_.booking_status(desk) == "checked_in"; },
                         std::chrono::seconds(30)));

  // Jonas's tap at the entrance reaches the service, yet his lab booking stays unchecked.
  const auto before = rig_.access_events("controller=" + entrance.controller_id).size();
  entrance.tap_once(jonas_card);
  EXPECT_TRUE(wait_until(
      [&] { return rig_.access_events("controller=" + entrance.controller_id).size() > before; },
      std::chrono::seconds(30)));
  EXPECT_EQ(rig_.booking_status(lab), "confirmed");
}

}  // namespace
}  // namespace hubgate::test
