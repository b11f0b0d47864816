#include "booking/domain/availability.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "test_time.hpp"

namespace hubgate::domain {
namespace {

using namespace testing;

const auto t8 = utc(2027, 5, 3, 8);
const auto t9 = utc(2027, 5, 3, 9);
const auto t10 = utc(2027, 5, 3, 10);
const auto t11 = utc(2027, 5, 3, 11);
const auto t12 = utc(2027, 5, 3, 12);

TEST(free_segments, shared_space_changes_at_boundaries_and_merges_equal_neighbours) {
  auto s = make_space(booking_mode::shared, 10);
  std::vector<booking> b{make_booking("a", t9, t10, 3), make_booking("b", t10, t11, 3),
                         make_booking("c", t10, t12, 2),
                         make_booking("x", t8, t12, 9, booking_status::cancelled)};
  auto segs = free_segments(s, b, {t8, t12});
  std::vector<free_segment> want{{t8, t9, 10}, {t9, t10, 7}, {t10, t11, 5}, {t11, t12, 8}};
  EXPECT_EQ(segs, want);
  EXPECT_EQ(free_seats(s, b, {t9, t12}), 5);
  EXPECT_TRUE(is_free(s, b, {t9, t12}, 5));
  EXPECT_FALSE(is_free(s, b, {t9, t12}, 6));
}

TEST(free_segments, equal_values_on_both_sides_of_a_boundary_merge) {
  auto s = make_space(booking_mode::shared, 10);
  std::vector<booking> b{make_booking("a", t9, t10, 3), make_booking("b", t10, t11, 3)};
  std::vector<free_segment> want{{t8, t9, 10}, {t9, t11, 7}, {t11, t12, 10}};
  EXPECT_EQ(free_segments(s, b, {t8, t12}), want);
}

TEST(free_segments, exclusive_space_is_all_or_nothing_including_buffer) {
  auto s = make_space(booking_mode::exclusive, 6, 30min);
  std::vector<booking> b{make_booking("a", t10, t11, 1)};
  std::vector<free_segment> want{
      {t8, t10 - 30min, 6}, {t10 - 30min, t11 + 30min, 0}, {t11 + 30min, t12, 6}};
  EXPECT_EQ(free_segments(s, b, {t8, t12}), want);
  EXPECT_FALSE(is_free(s, b, {t11, t12}, 1));
  EXPECT_TRUE(is_free(s, b, {t11 + 30min, t12}, 6));
  EXPECT_FALSE(is_free(s, b, {t11 + 30min, t12}, 7));
}

// free_seats answers the common cases without the timeline: it must always equal the lowest
// free count of the timeline, whatever the bookings, statuses, buffer and window.
TEST(free_seats, equals_the_lowest_value_of_the_timeline) {
  std::mt19937 rng(7);
  auto at = [&](int quarter) { return t8 + std::chrono::minutes(15 * quarter); };
  for (int round = 0; round < 2000; ++round) {
    const bool exclusive = rng() % 2 == 0;
    auto s = make_space(exclusive ? booking_mode::exclusive : booking_mode::shared,
                        1 + static_cast<int>(rng() % 6), std::chrono::minutes(15 * (rng() % 3)));
    std::vector<booking> b;
    for (int n = static_cast<int>(rng() % 4); n > 0; --n) {
      const int from = static_cast<int>(rng() % 16);
      b.push_back(make_booking("b", at(from), at(from + 1 + static_cast<int>(rng() % 6)),
                               1 + static_cast<int>(rng() % 3)));
      if (rng() % 5 == 0) b.back().status = booking_status::cancelled;
    }
    const int from = static_cast<int>(rng() % 16);
    const time_range window{at(from), at(from + static_cast<int>(rng() % 6))};
    const auto segs = free_segments(s, b, window);
    const int lowest =
        segs.empty() ? 0 : std::min_element(segs.begin(), segs.end(), [](auto& x, auto& y) {
                             return x.free < y.free;
                           })->free;
    ASSERT_EQ(free_seats(s, b, window), lowest) << "round " << round;
  }
}

TEST(free_segments, closed_times_show_no_free_seats) {
  std::vector<free_segment> segs{{t8, t12, 4}};
  std::vector<time_range> open{{t9, t10}, {t11, t12}};
  std::vector<free_segment> want{{t8, t9, 0}, {t9, t10, 4}, {t10, t11, 0}, {t11, t12, 4}};
  EXPECT_EQ(mask_closed(segs, open), want);
}

}  // namespace
}  // namespace hubgate::domain
