// What a board may report: events for its own doors, dated no earlier than it exists.
#include "booking/controllers/board_events.hpp"

#include <gtest/gtest.h>

namespace hubgate::controllers {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_seconds;

constexpr sys_seconds enrolled{std::chrono::sys_days{std::chrono::year{2027} / 3 / 1}};

protocol::access_event at_door(std::string door, sys_seconds at, std::string id) {
  protocol::access_event e;
  e.id = std::move(id);
  e.door_id = std::move(door);
  e.at = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
  return e;
}

TEST(board_events, an_event_for_a_door_of_another_controller_is_refused) {
  const std::set<std::string, std::less<>> own{"door-a", "door-b"};
  auto s =
      screen_events({at_door("door-a", enrolled + 1h, "1"), at_door("door-x", enrolled + 1h, "2"),
                     at_door("door-b", enrolled + 2h, "3")},
                    own, enrolled);
  ASSERT_EQ(s.accepted.size(), 2u);
  EXPECT_EQ(s.accepted[0].id, "1");
  EXPECT_EQ(s.accepted[1].id, "3");
  ASSERT_EQ(s.refused.size(), 1u);
  EXPECT_EQ(s.refused[0].event.id, "2");
  EXPECT_EQ(s.refused[0].why, event_refusal::foreign_door);
}

TEST(board_events, an_event_dated_before_the_floor_is_refused) {
  const std::set<std::string, std::less<>> own{"door-a"};
  auto s =
      screen_events({at_door("door-a", enrolled - 1s, "old"), at_door("door-a", enrolled, "edge")},
                    own, enrolled);
  ASSERT_EQ(s.accepted.size(), 1u);
  EXPECT_EQ(s.accepted[0].id, "edge");
  ASSERT_EQ(s.refused.size(), 1u);
  EXPECT_EQ(s.refused[0].why, event_refusal::before_enrolment);
}

TEST(board_events, a_board_without_doors_reports_nothing) {
  auto s = screen_events({at_door("door-a", enrolled + 1h, "1")}, {}, enrolled);
  EXPECT_TRUE(s.accepted.empty());
  EXPECT_EQ(s.refused.size(), 1u);
}

TEST(board_events, the_floor_is_enrolment_less_the_clock_tolerance) {
  EXPECT_EQ(earliest_event_time(enrolled, enrolled - 24h, 1h), enrolled - 1h);
  EXPECT_EQ(earliest_event_time(std::nullopt, enrolled - 24h, 1h), enrolled - 25h)
      << "not enrolled yet: its creation";
}

TEST(board_events, a_tap_time_is_never_later_than_now) {
  EXPECT_EQ(tap_time(at_door("d", enrolled + 5min, "1"), enrolled), enrolled);
  EXPECT_EQ(tap_time(at_door("d", enrolled - 5min, "1"), enrolled), enrolled - 5min);
}

}  // namespace
}  // namespace hubgate::controllers
