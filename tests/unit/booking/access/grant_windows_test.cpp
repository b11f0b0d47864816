// The window helpers: horizon rounding, local days across DST, merging and clipping.
#include "booking/access/grant_windows.hpp"

#include <gtest/gtest.h>

#include "sample_hub.hpp"

namespace hubgate::access::test {
namespace {

TEST(grant_windows, horizon_rounds_outwards_to_the_step) {
  derivation_options opt;
  auto h = make_horizon(opt, utc(2027, 6, 7, 8, 20));
  EXPECT_EQ(h.begin, utc(2027, 6, 7, 8));
  EXPECT_EQ(h.end, utc(2027, 6, 21, 9));
  opt.horizon_step = seconds{0};
  h = make_horizon(opt, utc(2027, 6, 7, 8, 20));
  EXPECT_EQ(h.begin, utc(2027, 6, 7, 8, 20));
  EXPECT_EQ(h.end, utc(2027, 6, 21, 8, 20));
}

TEST(grant_windows, local_days_window_spans_every_day_touched) {
  auto w = local_days_window(berlin(), {berlin_time(2027, 6, 8, 22), berlin_time(2027, 6, 9, 2)});
  EXPECT_EQ(w, (time_range{berlin_time(2027, 6, 8), berlin_time(2027, 6, 10)}));
  // Ending exactly at midnight does not pull in the next day.
  w = local_days_window(berlin(), {berlin_time(2027, 6, 8, 20), berlin_time(2027, 6, 9)});
  EXPECT_EQ(w, (time_range{berlin_time(2027, 6, 8), berlin_time(2027, 6, 9)}));
  w = local_days_window(berlin(), {utc(2027, 3, 28, 1), utc(2027, 3, 28, 2)});
  EXPECT_EQ(w.length(), hours{23});
  w = local_days_window(berlin(), {utc(2027, 10, 31, 0, 30), utc(2027, 10, 31, 1, 30)});
  EXPECT_EQ(w.length(), hours{25});
}

TEST(grant_windows, normalize_clips_drops_sorts_and_merges) {
  auto t = [](int h) { return utc(2027, 6, 7, h); };
  std::vector<time_range> ws{{t(10), t(12)}, {t(1), t(3)},   {t(11), t(13)}, {t(13), t(14)},
                             {t(5), t(5)},   {t(20), t(30)}, {t(16), t(17)}};
  normalize_windows(ws, t(3), t(22));
  EXPECT_EQ(ws, (std::vector<time_range>{{t(10), t(14)}, {t(16), t(17)}, {t(20), t(22)}}));
}

TEST(grant_windows, standing_windows_follow_local_wall_time_into_dst_gap) {
  domain::weekly_hours h;
  h.days[6].push_back({hours{2} + minutes{30}, hours{4}});  // Sunday 02:30, inside the spring gap
  derivation_options opt;
  opt.horizon = days{3};
  auto ws = standing_windows(berlin(), h, make_horizon(opt, utc(2027, 3, 27)));
  ASSERT_EQ(ws.size(), 1u);
  EXPECT_EQ(ws[0], (time_range{utc(2027, 3, 28, 1), utc(2027, 3, 28, 2)}));  // 03:00-04:00 CEST
}

}  // namespace
}  // namespace hubgate::access::test
