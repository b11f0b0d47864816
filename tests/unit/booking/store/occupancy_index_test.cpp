// The in-memory occupancy index behind availability reads: what it keeps, what a status change
// does to it, and that a batch answers each space in the order asked.
#include "booking/store/occupancy_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "store_fixture.hpp"

namespace hubgate::store {
namespace {

using domain::booking_status;
using testing::store_fixture;
using testing::utc;
using ranges = std::vector<domain::time_range>;

// A booking as the index sees it: the fixture's, with an id and a status.
domain::booking slot(std::string id, std::string space, domain::sys_seconds from,
                     domain::sys_seconds to, int seats = 1,
                     booking_status status = booking_status::confirmed) {
  auto b = store_fixture::make_booking(std::move(space), "u1", from, to, seats);
  b.id = std::move(id);
  b.status = status;
  return b;
}

std::vector<domain::time_range> intervals(const domain::slot_batch& batch, std::size_t i) {
  std::vector<domain::time_range> out;
  for (const auto& b : batch.of(i)) out.push_back(b.interval());
  return out;
}

// The statuses of the slots of `space` on 2027-05-03, sorted.
std::vector<booking_status> statuses_on_the_day(const occupancy_index& index, const char* space) {
  const domain::space_window day[] = {{space, {utc(2027, 5, 3, 0), utc(2027, 5, 4, 0)}}};
  std::vector<booking_status> out;
  const auto batch = index.collect(day);
  for (const auto& b : batch.of(0)) out.push_back(b.status);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(occupancy_index, answers_each_space_in_the_order_asked_with_overlapping_slots_only) {
  occupancy_index index;
  index.apply(slot("a", "room", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)));
  index.apply(slot("b", "room", utc(2027, 5, 3, 10), utc(2027, 5, 3, 11)));
  index.apply(slot("c", "pool", utc(2027, 5, 3, 8), utc(2027, 5, 3, 18), 3));
  const domain::space_window windows[] = {{"pool", {utc(2027, 5, 3, 10), utc(2027, 5, 3, 11)}},
                                          {"nowhere", {utc(2027, 5, 3, 0), utc(2027, 5, 4, 0)}},
                                          {"room", {utc(2027, 5, 3, 10), utc(2027, 5, 3, 12)}}};
  auto batch = index.collect(windows);
  ASSERT_EQ(batch.ends.size(), 3u);
  EXPECT_EQ(intervals(batch, 0),
            (ranges{domain::time_range{utc(2027, 5, 3, 8), utc(2027, 5, 3, 18)}}));
  EXPECT_EQ(batch.of(0)[0].seats, 3);
  EXPECT_TRUE(batch.of(1).empty());
  // `a` ends where the window starts: it does not overlap.
  EXPECT_EQ(intervals(batch, 2),
            (ranges{domain::time_range{utc(2027, 5, 3, 10), utc(2027, 5, 3, 11)}}));
}

TEST(occupancy_index, a_status_change_replaces_the_slot_and_an_inactive_one_leaves) {
  occupancy_index index;
  index.apply(
      slot("a", "room", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10), 1, booking_status::pending));
  index.apply(
      slot("a", "room", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10), 1, booking_status::confirmed));
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(statuses_on_the_day(index, "room"),
            std::vector<booking_status>{booking_status::confirmed});
  index.apply(
      slot("a", "room", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10), 1, booking_status::cancelled));
  EXPECT_EQ(index.size(), 0u);
  EXPECT_TRUE(statuses_on_the_day(index, "room").empty());
}

TEST(occupancy_index, a_change_finds_its_booking_among_others_starting_at_the_same_time) {
  occupancy_index index;
  for (const char* id : {"p", "q", "r"})
    index.apply(slot(id, "pool", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10), 2));
  index.apply(
      slot("q", "pool", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10), 2, booking_status::cancelled));
  index.apply(
      slot("r", "pool", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10), 2, booking_status::checked_in));
  EXPECT_EQ(index.size(), 2u);
  std::vector<booking_status> expected{booking_status::confirmed, booking_status::checked_in};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(statuses_on_the_day(index, "pool"), expected);
}

TEST(occupancy_index, a_long_slot_is_found_from_inside_it) {
  occupancy_index index;
  index.apply(slot("short", "pool", utc(2027, 6, 1, 9), utc(2027, 6, 1, 10)));
  index.apply(slot("retreat", "pool", utc(2027, 6, 1, 0), utc(2027, 9, 1, 0)));
  const domain::space_window late[] = {{"pool", {utc(2027, 8, 30, 9), utc(2027, 8, 30, 10)}}};
  EXPECT_EQ(intervals(index.collect(late), 0),
            (ranges{domain::time_range{utc(2027, 6, 1, 0), utc(2027, 9, 1, 0)}}));
}

TEST(occupancy_index, replace_moves_an_edited_booking_to_its_new_start_and_space) {
  occupancy_index index;
  const auto before = slot("a", "room", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10));
  index.apply(before);
  index.apply(slot("b", "room", utc(2027, 5, 3, 9), utc(2027, 5, 3, 9, 30)));
  auto after = slot("a", "pool", utc(2027, 5, 3, 14), utc(2027, 5, 3, 16), 2);
  index.replace(before, after);
  EXPECT_EQ(index.size(), 2u);
  const domain::space_window windows[] = {{"room", {utc(2027, 5, 3, 0), utc(2027, 5, 4, 0)}},
                                          {"pool", {utc(2027, 5, 3, 0), utc(2027, 5, 4, 0)}}};
  const auto batch = index.collect(windows);
  EXPECT_EQ(intervals(batch, 0), (ranges{{utc(2027, 5, 3, 9), utc(2027, 5, 3, 9, 30)}}));
  EXPECT_EQ(intervals(batch, 1), (ranges{{utc(2027, 5, 3, 14), utc(2027, 5, 3, 16)}}));
  after.status = booking_status::cancelled;
  index.replace(after, after);
  EXPECT_EQ(index.size(), 1u);
}

}  // namespace
}  // namespace hubgate::store
