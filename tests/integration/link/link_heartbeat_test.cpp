// The heartbeat of the live link: an idle link (no message in either direction, only pings
// and pongs) stays up across many heartbeat periods, and a board that falls silent is still
// dropped by the service. Short periods keep the tests quick: the service pings every second
// and drops a peer silent for 3 s; the rig's boards ping every second, dead after 3 s.
#include <gtest/gtest.h>

#include <csignal>

#include "hubgate/test/net_util.hpp"
#include "link_fixture.hpp"

namespace hubgate::test {
namespace {

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

class link_heartbeat : public link_test {
 protected:
  std::vector<std::string> service_args() override { return {"--heartbeat-seconds", "1"}; }

  std::size_t service_events(const std::string& event) {
    return count_of(rig_.service_log(), "\"event\":\"" + event + "\"");
  }
};

TEST_F(link_heartbeat, an_idle_link_stays_up_across_several_heartbeat_periods) {
  board& lab = enrolled_board("lab", {"Lab door"});
  // Six pings from the service (one a second) span twice its dead_after; six pongs answer the
  // board's own pings. Nothing else crosses the link after the snapshot and its ack.
  const auto pings = [&] { return lab.log_count("\"frame\":\"ping\""); };
  const auto pongs = [&] { return lab.log_count("\"frame\":\"pong\""); };
  ASSERT_TRUE(wait_until([&] { return pings() >= 6 && pongs() >= 6; }, std::chrono::seconds(60)))
      << lab.door_log();
  EXPECT_TRUE(lab.link_is_up()) << lab.door_log();
  EXPECT_EQ(lab.log_count("\"event\":\"link_up\""), 1u) << lab.door_log();
  EXPECT_EQ(lab.log_count("\"event\":\"link_down\""), 0u) << lab.door_log();
  EXPECT_EQ(service_events("controller_connected"), 1u) << rig_.service_log();
  EXPECT_EQ(service_events("controller_disconnected"), 0u) << rig_.service_log();
  EXPECT_EQ(service_events("websocket_peer_silent"), 0u) << rig_.service_log();
}

TEST_F(link_heartbeat, a_silent_board_is_dropped_by_the_service_and_comes_back) {
  board& lab = enrolled_board("lab", {"Lab door"});
  // SIGSTOP keeps the board's TCP connection open but silent: not even a pong.
  lab.signal_door(SIGSTOP);
  const bool dropped = wait_until([&] { return service_events("websocket_peer_silent") > 0; },
                                  std::chrono::seconds(30));
  lab.signal_door(SIGCONT);
  ASSERT_TRUE(dropped) << rig_.service_log();
  EXPECT_TRUE(wait_until([&] { return service_events("controller_disconnected") > 0; },
                         std::chrono::seconds(30)))
      << rig_.service_log();
  EXPECT_TRUE(wait_until([&] { return lab.log_count("\"event\":\"link_up\"") >= 2; },
                         std::chrono::seconds(60)))
      << lab.door_log();
  EXPECT_TRUE(lab.wait_link_up()) << lab.door_log();
}

}  // namespace
}  // namespace hubgate::test
