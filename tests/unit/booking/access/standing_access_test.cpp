// Rule (b): a group's standing grant, a weekly schedule in the site's zone, becomes UTC
// windows over the horizon; local 07:00 stays 07:00 local across a DST change.
#include <gtest/gtest.h>

#include "sample_hub.hpp"

namespace hubgate::access::test {
namespace {

using protocol::grant_source;

TEST(standing_access, weekday_schedule_keeps_local_hours_across_spring_dst_change) {
  auto s = sample_hub();
  derivation_options opt;
  opt.horizon = days{7};
  // Thursday 25 March 2027, 00:00 in Berlin; DST starts on Sunday the 28th.
  auto lists = derive_ok(s, berlin_time(2027, 3, 25), opt);
  const auto* e =
      find_entry(lists, "ctrl-front", card(s, staff_card), "entrance", grant_source::standing);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->windows, (std::vector<protocol::window>{
                            win(utc(2027, 3, 25, 6), utc(2027, 3, 25, 18)),  // Thu, CET
                            win(utc(2027, 3, 26, 6), utc(2027, 3, 26, 18)),  // Fri
                            win(utc(2027, 3, 29, 5), utc(2027, 3, 29, 17)),  // Mon, CEST
                            win(utc(2027, 3, 30, 5), utc(2027, 3, 30, 17)),
                            win(utc(2027, 3, 31, 5), utc(2027, 3, 31, 17))}));
  for (const auto& w : e->windows) {
    auto from = berlin()->to_local(sys_seconds{seconds{w.from}});
    auto to = berlin()->to_local(sys_seconds{seconds{w.to}});
    EXPECT_EQ(from - floor<days>(from), hours{7});
    EXPECT_EQ(to - floor<days>(to), hours{19});
  }
}

TEST(standing_access, weekday_schedule_across_autumn_dst_change) {
  auto s = sample_hub();
  derivation_options opt;
  opt.horizon = days{5};
  auto lists = derive_ok(s, berlin_time(2027, 10, 29), opt);  // Friday; DST ends Sunday 31st
  const auto* e =
      find_entry(lists, "ctrl-lab", card(s, staff_card), "lab-door", grant_source::standing);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->windows, (std::vector<protocol::window>{
                            win(utc(2027, 10, 29, 5), utc(2027, 10, 29, 17)),  // Fri, CEST
                            win(utc(2027, 11, 1, 6), utc(2027, 11, 1, 18)),    // Mon, CET
                            win(utc(2027, 11, 2, 6), utc(2027, 11, 2, 18))}));
}

TEST(standing_access, only_members_of_the_group_get_it_and_boardless_doors_are_skipped) {
  auto s = sample_hub();
  auto lists = derive_ok(s, utc(2027, 6, 7, 8));
  EXPECT_TRUE(entries_of(lists, card(s, member_card)).empty());
  auto staff = entries_of(lists, card(s, staff_card));
  ASSERT_EQ(staff.size(), 2u);  // entrance and lab door; room 2's door has no board
  for (const auto& e : staff) EXPECT_EQ(e.source, grant_source::standing);
}

TEST(standing_access, running_period_is_kept_and_merged_with_nothing_else) {
  auto s = sample_hub();
  derivation_options opt;
  opt.horizon = days{1};
  // Monday 12:00 Berlin: today's 07:00-19:00 has begun; the horizon ends Tuesday 12:00.
  auto lists = derive_ok(s, berlin_time(2027, 6, 7, 12), opt);
  const auto* e =
      find_entry(lists, "ctrl-front", card(s, staff_card), "entrance", grant_source::standing);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->windows.size(), 2u);
  EXPECT_LE(e->windows[0].from, win(berlin_time(2027, 6, 7, 12), berlin_time(2027, 6, 7, 12)).from);
  EXPECT_EQ(e->windows[0].to, win(berlin_time(2027, 6, 7, 19), berlin_time(2027, 6, 7, 19)).to);
  EXPECT_EQ(e->windows[1], win(berlin_time(2027, 6, 8, 7), berlin_time(2027, 6, 8, 12)));
}

TEST(standing_access, booking_and_standing_grants_stay_separate_entries) {
  auto s = sample_hub();
  s.bookings.push_back(
      make_booking("b1", "lab", "u-staff", utc(2027, 6, 8, 10), utc(2027, 6, 8, 12)));
  auto lists = derive_ok(s, utc(2027, 6, 7, 8));
  auto c = card(s, staff_card);
  EXPECT_NE(find_entry(lists, "ctrl-lab", c, "lab-door", grant_source::booking), nullptr);
  EXPECT_NE(find_entry(lists, "ctrl-lab", c, "lab-door", grant_source::standing), nullptr);
}

}  // namespace
}  // namespace hubgate::access::test
