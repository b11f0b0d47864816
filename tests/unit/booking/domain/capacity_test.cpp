#include "booking/domain/capacity.hpp"

#include <gtest/gtest.h>

#include "test_time.hpp"

namespace hubgate::domain {
namespace {

using namespace testing;

const auto t9 = utc(2027, 5, 3, 9);
const auto t10 = utc(2027, 5, 3, 10);
const auto t11 = utc(2027, 5, 3, 11);
const auto t12 = utc(2027, 5, 3, 12);

TEST(capacity_exclusive, seats_up_to_capacity_fit_an_empty_space) {
  auto s = make_space(booking_mode::exclusive, 6);
  EXPECT_TRUE(check_capacity(s, {}, make_booking("new", t9, t10, 6)));
  auto r = check_capacity(s, {}, make_booking("new", t9, t10, 7));
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().is(errc::seats_exceed_capacity));
}

TEST(capacity_exclusive, any_overlap_conflicts_and_is_listed) {
  auto s = make_space(booking_mode::exclusive, 6);
  std::vector<booking> existing{make_booking("a", t9, t10, 1)};
  auto r = check_capacity(s, existing, make_booking("new", utc(2027, 5, 3, 9, 59), t11, 1));
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().is(errc::booking_conflict));
  ASSERT_EQ(r.error().conflicts.size(), 1u);
  EXPECT_EQ(r.error().conflicts[0].booking_id, "a");
}

TEST(capacity_exclusive, touching_bookings_do_not_overlap) {
  auto s = make_space(booking_mode::exclusive, 6);
  std::vector<booking> existing{make_booking("a", t9, t10)};
  EXPECT_TRUE(check_capacity(s, existing, make_booking("new", t10, t11)));
}

TEST(capacity_exclusive, inactive_bookings_and_the_candidate_itself_are_ignored) {
  auto s = make_space(booking_mode::exclusive, 6);
  std::vector<booking> existing{make_booking("a", t9, t10, 1, booking_status::cancelled),
                                make_booking("b", t9, t10, 1, booking_status::released),
                                make_booking("new", t9, t10, 1)};
  EXPECT_TRUE(check_capacity(s, existing, make_booking("new", t9, t10)));
}

TEST(capacity_exclusive, pending_bookings_hold_the_space) {
  auto s = make_space(booking_mode::exclusive, 6);
  std::vector<booking> existing{make_booking("a", t9, t10, 1, booking_status::pending)};
  EXPECT_TRUE(
      check_capacity(s, existing, make_booking("new", t9, t10)).error().is(errc::booking_conflict));
}

TEST(capacity_exclusive, buffer_keeps_a_gap_to_neighbours) {
  auto s = make_space(booking_mode::exclusive, 6, 15min);
  std::vector<booking> existing{make_booking("a", t9, t10)};
  auto close = check_capacity(s, existing, make_booking("new", t10 + 10min, t11));
  ASSERT_FALSE(close);
  EXPECT_TRUE(close.error().is(errc::buffer_conflict));
  auto before = check_capacity(s, existing, make_booking("new", t9 - 1h, t9 - 5min));
  EXPECT_TRUE(before.error().is(errc::buffer_conflict));
  EXPECT_TRUE(check_capacity(s, existing, make_booking("new", t10 + 15min, t11)));
  EXPECT_TRUE(check_capacity(s, existing, make_booking("new", t9 - 1h, t9 - 15min)));
}

TEST(capacity_exclusive, window_widens_by_the_buffer) {
  auto s = make_space(booking_mode::exclusive, 6, 15min);
  auto w = capacity_window(s, {t9, t10});
  EXPECT_EQ(w.from, t9 - 15min);
  EXPECT_EQ(w.to, t10 + 15min);
  auto shared = make_space(booking_mode::shared, 6, 15min);
  EXPECT_EQ(capacity_window(shared, {t9, t10}), (time_range{t9, t10}));
}

TEST(capacity_shared, seats_sum_to_capacity_at_every_instant) {
  auto s = make_space(booking_mode::shared, 10);
  std::vector<booking> existing{make_booking("a", t9, t11, 4), make_booking("b", t10, t12, 5)};
  EXPECT_TRUE(check_capacity(s, existing, make_booking("new", t9, t12, 1)));   // peak 9 + 1
  EXPECT_TRUE(check_capacity(s, existing, make_booking("new", t11, t12, 5)));  // 5 + 5
  EXPECT_TRUE(check_capacity(s, existing, make_booking("new", t9, t10, 6)));   // 4 + 6
  auto r = check_capacity(s, existing, make_booking("new", t10, t11, 2));      // 9 + 2
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().is(errc::booking_conflict));
  EXPECT_EQ(r.error().conflicts.size(), 2u);
}

TEST(capacity_shared, a_full_pool_refuses_one_more_seat) {
  auto s = make_space(booking_mode::shared, 3);
  std::vector<booking> existing{make_booking("a", t9, t10, 1), make_booking("b", t9, t10, 1),
                                make_booking("c", t9, t10, 1, booking_status::pending)};
  EXPECT_TRUE(check_capacity(s, existing, make_booking("new", t9, t10, 1))
                  .error()
                  .is(errc::booking_conflict));
  existing[2].status = booking_status::cancelled;
  EXPECT_TRUE(check_capacity(s, existing, make_booking("new", t9, t10, 1)));
}

TEST(capacity_shared, boundaries_are_half_open) {
  auto s = make_space(booking_mode::shared, 2);
  std::vector<booking> existing{make_booking("a", t9, t10, 2), make_booking("b", t11, t12, 2)};
  EXPECT_TRUE(check_capacity(s, existing, make_booking("new", t10, t11, 2)));
}

TEST(peak, counts_the_highest_simultaneous_use) {
  std::vector<booking> b{make_booking("a", t9, t11, 4), make_booking("b", t10, t12, 5),
                         make_booking("c", t11, t12, 3)};
  EXPECT_EQ(peak_seats(b, {t9, t12}), 9);
  EXPECT_EQ(peak_seats(b, {t11, t12}), 8);
  EXPECT_EQ(peak_seats(b, {t9, t10}), 4);
}

TEST(capacity_cut, below_the_peak_of_future_bookings_is_refused_with_them) {
  const auto now = utc(2027, 5, 3, 8);
  auto s = make_space(booking_mode::shared, 10);
  std::vector<booking> b{make_booking("a", t9, t11, 4), make_booking("b", t10, t12, 5),
                         make_booking("past", utc(2027, 5, 2, 9), utc(2027, 5, 2, 10), 10),
                         make_booking("gone", t9, t12, 10, booking_status::cancelled)};
  s.capacity = 9;
  EXPECT_TRUE(check_capacity_cut(s, b, now));
  s.capacity = 8;
  auto r = check_capacity_cut(s, b, now);
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().is(errc::capacity_exceeded_by_bookings));
  ASSERT_EQ(r.error().conflicts.size(), 2u);
  EXPECT_EQ(r.error().conflicts[0].booking_id, "a");
  EXPECT_EQ(r.error().conflicts[0].seats, 4);
  EXPECT_EQ(r.error().conflicts[0].start, t9);
  EXPECT_EQ(r.error().conflicts[1].booking_id, "b");
}

TEST(capacity_cut, exclusive_lists_bookings_with_more_seats) {
  auto s = make_space(booking_mode::exclusive, 8);
  std::vector<booking> b{make_booking("a", t9, t10, 6), make_booking("b", t10, t11, 4)};
  s.capacity = 5;
  auto r = check_capacity_cut(s, b, utc(2027, 5, 3, 8));
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().conflicts.size(), 1u);
  EXPECT_EQ(r.error().conflicts[0].booking_id, "a");
}

TEST(capacity_cut, switching_to_exclusive_lists_overlapping_bookings) {
  auto s = make_space(booking_mode::shared, 8);
  std::vector<booking> b{make_booking("a", t9, t11, 1), make_booking("b", t10, t12, 1),
                         make_booking("c", t12, t12 + 1h, 1)};
  s.mode = booking_mode::exclusive;
  auto r = check_capacity_cut(s, b, utc(2027, 5, 3, 8));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().conflicts.size(), 2u);
}

}  // namespace
}  // namespace hubgate::domain
