#include "booking/auth/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace hubgate::auth {
namespace {

using namespace std::chrono_literals;

TEST(auth_rate_limiter, blocks_after_the_limit_within_the_window) {
  rate_limiter limiter(5, 15min);
  const auto t0 = rate_limiter::clock::time_point{} + 1h;
  for (int i = 0; i < 4; ++i) {
    limiter.record_failure("anna", t0 + i * 1s);
    EXPECT_FALSE(limiter.blocked_for("anna", t0 + i * 1s));
  }
  limiter.record_failure("anna", t0 + 4s);
  auto blocked = limiter.blocked_for("anna", t0 + 5s);
  ASSERT_TRUE(blocked);
  EXPECT_EQ(*blocked, 15min - 5s);  // until the first failure leaves the window
  EXPECT_FALSE(limiter.blocked_for("bert", t0 + 5s));
}

TEST(auth_rate_limiter, window_expiry_unblocks) {
  rate_limiter limiter(2, 1min);
  const auto t0 = rate_limiter::clock::time_point{} + 1h;
  limiter.record_failure("k", t0);
  limiter.record_failure("k", t0 + 10s);
  EXPECT_TRUE(limiter.blocked_for("k", t0 + 30s));
  EXPECT_FALSE(limiter.blocked_for("k", t0 + 61s));  // one failure left in the window
  limiter.record_failure("k", t0 + 62s);
  EXPECT_TRUE(limiter.blocked_for("k", t0 + 63s));
}

TEST(auth_rate_limiter, reset_clears_a_key) {
  rate_limiter limiter(1, 1min);
  const auto t0 = rate_limiter::clock::time_point{} + 1h;
  limiter.record_failure("k", t0);
  EXPECT_TRUE(limiter.blocked_for("k", t0));
  limiter.reset("k");
  EXPECT_FALSE(limiter.blocked_for("k", t0));
}

TEST(auth_rate_limiter, keys_whose_failures_left_the_window_are_swept) {
  rate_limiter limiter(5, 15min);
  const auto t0 = rate_limiter::clock::time_point{} + 1h;
  for (int i = 0; i < 1000; ++i) limiter.record_failure("guess" + std::to_string(i), t0);
  EXPECT_EQ(limiter.tracked_keys(), 1000u);
  limiter.record_failure("late", t0 + 15min + 1s);
  EXPECT_EQ(limiter.tracked_keys(), 1u);
}

}  // namespace
}  // namespace hubgate::auth
