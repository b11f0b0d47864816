// Rule (a): a confirmed or checked-in booking opens the doors behind its space, with grace.
#include <gtest/gtest.h>

#include "sample_hub.hpp"

namespace hubgate::access::test {
namespace {

using domain::booking_status;
using protocol::grant_source;

const sys_seconds now = utc(2027, 6, 7, 8);  // Monday, 10:00 in Berlin

TEST(booking_access, lab_booking_opens_lab_door_and_entrance_with_grace) {
  auto s = sample_hub();
  s.bookings.push_back(
      make_booking("b1", "lab", "u-member", utc(2027, 6, 8, 10), utc(2027, 6, 8, 12)));
  auto lists = derive_ok(s, now);
  auto c = card(s, member_card);

  const auto* lab = find_entry(lists, "ctrl-lab", c, "lab-door", grant_source::booking);
  ASSERT_NE(lab, nullptr);
  EXPECT_EQ(lab->windows,
            std::vector<protocol::window>{win(utc(2027, 6, 8, 9, 45), utc(2027, 6, 8, 12, 15))});
  const auto* entrance = find_entry(lists, "ctrl-front", c, "entrance", grant_source::booking);
  ASSERT_NE(entrance, nullptr);
  EXPECT_EQ(entrance->windows, lab->windows);
  EXPECT_EQ(entries_of(lists, c).size(), 2u) << "no other door opens for it";
}

TEST(booking_access, each_board_s_list_carries_the_times_of_its_own_doors) {
  auto s = sample_hub();
  for (auto& d : s.doors) {
    if (d.id == "room1-door") d.unlock_time = std::chrono::milliseconds{1500};
    if (d.id == "lab-door") d.held_open_alarm = std::chrono::minutes{2};
  }
  auto lists = derive_ok(s, now);
  EXPECT_EQ(lists.at("ctrl-front").doors,
            (std::vector<protocol::door_settings>{{"entrance", 5000, 30000}}));
  EXPECT_EQ(lists.at("ctrl-lab").doors,
            (std::vector<protocol::door_settings>{{"lab-door", 5000, 120000},
                                                  {"room1-door", 1500, 30000}}));
}

TEST(booking_access, door_of_another_space_stays_closed) {
  auto s = sample_hub();
  s.bookings.push_back(
      make_booking("b1", "lab", "u-member", utc(2027, 6, 8, 10), utc(2027, 6, 8, 12)));
  auto lists = derive_ok(s, now);
  auto c = card(s, member_card);
  EXPECT_EQ(find_entry(lists, "ctrl-lab", c, "room1-door", grant_source::booking), nullptr);
  for (const auto& e : lists.at("ctrl-lab").entries) {
    if (e.card == c) {
      EXPECT_EQ(e.door_id, "lab-door");
    }
  }
}

TEST(booking_access, grace_is_configurable) {
  auto s = sample_hub();
  s.bookings.push_back(
      make_booking("b1", "room-1", "u-member", utc(2027, 6, 8, 10), utc(2027, 6, 8, 12)));
  derivation_options opt;
  opt.early_grace = seconds{5};
  opt.late_grace = minutes{30};
  auto lists = derive_ok(s, now, opt);
  const auto* e =
      find_entry(lists, "ctrl-lab", card(s, member_card), "room1-door", grant_source::booking);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->windows, std::vector<protocol::window>{
                            win(utc(2027, 6, 8, 10) - seconds{5}, utc(2027, 6, 8, 12, 30))});
}

TEST(booking_access, checked_in_opens_but_pending_released_cancelled_completed_do_not) {
  for (auto status : {booking_status::pending, booking_status::released, booking_status::cancelled,
                      booking_status::completed, booking_status::checked_in}) {
    auto s = sample_hub();
    s.bookings.push_back(
        make_booking("b1", "lab", "u-member", utc(2027, 6, 7, 7), utc(2027, 6, 7, 12), status));
    auto lists = derive_ok(s, now);
    auto n = entries_of(lists, card(s, member_card)).size();
    EXPECT_EQ(n, status == booking_status::checked_in ? 2u : 0u) << domain::to_string(status);
  }
}

TEST(booking_access, overlapping_and_touching_windows_merge_and_stay_sorted) {
  auto s = sample_hub();
  // With 15 min grace: [09:45, 11:15) and [11:00, 12:15) overlap; [14:45, 15:25) is apart.
  s.bookings.push_back(
      make_booking("b3", "lab", "u-member", utc(2027, 6, 8, 15), utc(2027, 6, 8, 15, 10)));
  s.bookings.push_back(
      make_booking("b2", "lab", "u-member", utc(2027, 6, 8, 11, 15), utc(2027, 6, 8, 12)));
  s.bookings.push_back(
      make_booking("b1", "lab", "u-member", utc(2027, 6, 8, 10), utc(2027, 6, 8, 11)));
  // Touching at 17:15: [16:15, 17:15) and [17:15, 18:15).
  s.bookings.push_back(
      make_booking("b5", "lab", "u-member", utc(2027, 6, 8, 17, 30), utc(2027, 6, 8, 18)));
  s.bookings.push_back(
      make_booking("b4", "lab", "u-member", utc(2027, 6, 8, 16, 30), utc(2027, 6, 8, 17)));
  auto lists = derive_ok(s, now);
  const auto* e =
      find_entry(lists, "ctrl-lab", card(s, member_card), "lab-door", grant_source::booking);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->windows,
            (std::vector<protocol::window>{win(utc(2027, 6, 8, 9, 45), utc(2027, 6, 8, 12, 15)),
                                           win(utc(2027, 6, 8, 14, 45), utc(2027, 6, 8, 15, 25)),
                                           win(utc(2027, 6, 8, 16, 15), utc(2027, 6, 8, 18, 15))}));
}

TEST(booking_access, past_windows_are_dropped_and_running_ones_kept_whole) {
  auto s = sample_hub();
  s.bookings.push_back(
      make_booking("old", "lab", "u-member", utc(2027, 6, 7, 5), utc(2027, 6, 7, 7)));
  s.bookings.push_back(
      make_booking("ends-at-now", "lab", "u-member", utc(2027, 6, 7, 6), utc(2027, 6, 7, 7, 45)));
  s.bookings.push_back(
      make_booking("running", "room-1", "u-member", utc(2027, 6, 7, 7), utc(2027, 6, 7, 9)));
  auto lists = derive_ok(s, now);
  auto c = card(s, member_card);
  EXPECT_EQ(find_entry(lists, "ctrl-lab", c, "lab-door", grant_source::booking), nullptr);
  const auto* e = find_entry(lists, "ctrl-lab", c, "room1-door", grant_source::booking);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->windows,
            std::vector<protocol::window>{win(utc(2027, 6, 7, 6, 45), utc(2027, 6, 7, 9, 15))});
}

TEST(booking_access, beyond_the_horizon_is_clipped_or_left_out) {
  auto s = sample_hub();
  derivation_options opt;
  opt.horizon = days{2};
  s.bookings.push_back(
      make_booking("straddles", "lab", "u-member", utc(2027, 6, 9, 7), utc(2027, 6, 9, 10)));
  s.bookings.push_back(
      make_booking("far", "room-1", "u-member", utc(2027, 6, 12, 7), utc(2027, 6, 12, 10)));
  auto lists = derive_ok(s, now, opt);
  auto c = card(s, member_card);
  const auto* e = find_entry(lists, "ctrl-lab", c, "lab-door", grant_source::booking);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->windows,
            std::vector<protocol::window>{win(utc(2027, 6, 9, 6, 45), utc(2027, 6, 9, 8))});
  EXPECT_EQ(find_entry(lists, "ctrl-lab", c, "room1-door", grant_source::booking), nullptr);
}

TEST(booking_access, booking_of_a_space_without_a_board_opens_only_the_entrance) {
  auto s = sample_hub();
  s.bookings.push_back(
      make_booking("b1", "room-2", "u-member", utc(2027, 6, 8, 10), utc(2027, 6, 8, 12)));
  auto lists = derive_ok(s, now);
  auto entries = entries_of(lists, card(s, member_card));
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].door_id, "entrance");
  for (const auto& [id, list] : lists)
    for (const auto& e : list.entries) EXPECT_NE(e.door_id, "room2-door");
}

TEST(booking_access, desk_booking_opens_the_entrance_for_its_local_day) {
  auto s = sample_hub();
  s.bookings.push_back(make_booking("b1", "desk-1", "u-member", berlin_time(2027, 6, 8, 10),
                                    berlin_time(2027, 6, 8, 12)));
  auto lists = derive_ok(s, now);
  const auto* e =
      find_entry(lists, "ctrl-front", card(s, member_card), "entrance", grant_source::booking);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->windows,
            std::vector<protocol::window>{win(berlin_time(2027, 6, 8), berlin_time(2027, 6, 9))});
}

TEST(booking_access, desk_day_is_23_hours_when_dst_starts_and_25_when_it_ends) {
  auto s = sample_hub();
  s.bookings.push_back(make_booking("spring", "desk-1", "u-member", berlin_time(2027, 3, 28, 10),
                                    berlin_time(2027, 3, 28, 12)));
  s.bookings.push_back(make_booking("autumn", "desk-1", "u-member", berlin_time(2027, 10, 31, 10),
                                    berlin_time(2027, 10, 31, 12)));
  derivation_options opt;
  opt.horizon = days{250};
  auto lists = derive_ok(s, utc(2027, 3, 1), opt);
  const auto* e =
      find_entry(lists, "ctrl-front", card(s, member_card), "entrance", grant_source::booking);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->windows.size(), 2u);
  // Local midnight to local midnight: 23:00Z (CET) to 22:00Z (CEST) in spring...
  EXPECT_EQ(e->windows[0], win(utc(2027, 3, 27, 23), utc(2027, 3, 28, 22)));
  EXPECT_EQ(e->windows[0].to - e->windows[0].from, 23 * 3600);
  // ...22:00Z (CEST) to 23:00Z (CET) in autumn.
  EXPECT_EQ(e->windows[1], win(utc(2027, 10, 30, 22), utc(2027, 10, 31, 23)));
  EXPECT_EQ(e->windows[1].to - e->windows[1].from, 25 * 3600);
}

TEST(booking_access, desk_day_widens_by_grace_across_midnight) {
  auto s = sample_hub();
  s.bookings.push_back(make_booking("b1", "desk-1", "u-member", berlin_time(2027, 6, 8, 0),
                                    berlin_time(2027, 6, 8, 8)));
  auto lists = derive_ok(s, now);
  const auto* e =
      find_entry(lists, "ctrl-front", card(s, member_card), "entrance", grant_source::booking);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->windows, std::vector<protocol::window>{
                            win(berlin_time(2027, 6, 7, 23, 45), berlin_time(2027, 6, 9))});
}

TEST(booking_access, desk_behind_its_own_door_gets_grace_there_and_the_day_at_the_entrance) {
  auto s = sample_hub();
  s.doors.push_back({.id = "office-door",
                     .site_id = "s1",
                     .name = "Quiet office",
                     .space_ids = {"desk-1"},
                     .controller_id = "ctrl-lab"});
  s.bookings.push_back(make_booking("b1", "desk-1", "u-member", berlin_time(2027, 6, 8, 10),
                                    berlin_time(2027, 6, 8, 12)));
  auto lists = derive_ok(s, now);
  auto c = card(s, member_card);
  const auto* office = find_entry(lists, "ctrl-lab", c, "office-door", grant_source::booking);
  ASSERT_NE(office, nullptr);
  EXPECT_EQ(office->windows, std::vector<protocol::window>{win(berlin_time(2027, 6, 8, 9, 45),
                                                               berlin_time(2027, 6, 8, 12, 15))});
  const auto* entrance = find_entry(lists, "ctrl-front", c, "entrance", grant_source::booking);
  ASSERT_NE(entrance, nullptr);
  EXPECT_EQ(entrance->windows,
            std::vector<protocol::window>{win(berlin_time(2027, 6, 8), berlin_time(2027, 6, 9))});
}

TEST(booking_access, bookings_of_unknown_users_or_spaces_open_nothing) {
  auto s = sample_hub();
  s.bookings.push_back(
      make_booking("b1", "nowhere", "u-member", utc(2027, 6, 8, 10), utc(2027, 6, 8, 12)));
  s.bookings.push_back(
      make_booking("b2", "lab", "u-ghost", utc(2027, 6, 8, 10), utc(2027, 6, 8, 12)));
  auto lists = derive_ok(s, now);
  EXPECT_TRUE(entries_of(lists, card(s, member_card)).empty());
  for (const auto& [id, list] : lists)
    for (const auto& e : list.entries) EXPECT_NE(e.source, grant_source::booking);
}

}  // namespace
}  // namespace hubgate::access::test
