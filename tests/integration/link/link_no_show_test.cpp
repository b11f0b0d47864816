// A booking nobody taps for is released after its space's release window and its door access
// ends; a tap within the window checks it in.
#include <gtest/gtest.h>

#include "hubgate/test/net_util.hpp"
#include "link_fixture.hpp"

namespace hubgate::test {
namespace {

class link_no_show : public link_test {
 protected:
  std::vector<std::string> service_args() override { return {"--release-interval", "1"}; }

  void short_release_window(const std::string& space) {
    auto r = rig_.call("PATCH", "/api/v1/spaces/" + space, &rig_.admin(),
                       R"({"release_window_seconds":4,"check_in_required":true})");
    ASSERT_EQ(r.status, 200) << r.body;
  }
};

TEST_F(link_no_show, an_untapped_booking_is_released_and_its_access_ends) {
  board& lab = enrolled_board("lab", {"Lab door"});
  const auto space = rig_.space_id("Innovation Lab");
  short_release_window(space);
  const session jonas = rig_.login(jonas_email);
  const auto deltas = lab.log_count("\"event\":\"list_delta_applied\"");
  const auto booking = rig_.book(jonas, space, 2, 30);
  ASSERT_FALSE(booking.empty());
  // The grant reached the board (a tap now would check the booking in) ...
  EXPECT_TRUE(wait_until([&] {
    return lab.log_count("\"event\":\"list_delta_applied\"") > deltas;
  })) << lab.door_log();
  // ... and is withdrawn once nobody came.
  EXPECT_TRUE(wait_until([&] { return rig_.booking_status(booking) == "released"; },
                         std::chrono::seconds(60)));
  EXPECT_TRUE(lab.tap_until(jonas_card, false)) << lab.door_log();
}

TEST_F(link_no_show, a_tap_within_the_window_checks_the_booking_in) {
  board& lab = enrolled_board("lab", {"Lab door"});
  const auto space = rig_.space_id("Innovation Lab");
  short_release_window(space);
  const session jonas = rig_.login(jonas_email);
  // The tap comes inside the early grace, before start + window.
  const auto booking = rig_.book(jonas, space, 2, 30);
  ASSERT_FALSE(booking.empty());
  ASSERT_TRUE(lab.tap_until(jonas_card, true, std::chrono::seconds(5))) << lab.door_log();
  EXPECT_TRUE(wait_until([&] { return rig_.booking_status(booking) == "checked_in"; },
                         std::chrono::seconds(30)));
}

}  // namespace
}  // namespace hubgate::test
