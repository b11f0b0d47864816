#include "protocol/backoff/backoff.hpp"

#include <gtest/gtest.h>

#include <set>

namespace hubgate {
namespace {

using std::chrono::milliseconds;
using namespace std::chrono_literals;

TEST(backoff, doubles_up_to_the_cap_and_resets) {
  backoff b(100ms, 350ms);
  EXPECT_EQ(b.next(), 100ms);
  EXPECT_EQ(b.next(), 200ms);
  EXPECT_EQ(b.next(), 350ms);
  EXPECT_EQ(b.next(), 350ms);
  b.reset();
  EXPECT_EQ(b.next(), 100ms);
}

TEST(reconnect_backoff, stays_between_min_and_a_doubling_ceiling) {
  backoff b(milliseconds(100), milliseconds(1000), 42);
  milliseconds ceiling(100);
  for (int i = 0; i < 20; ++i) {
    const auto d = b.next();
    EXPECT_GE(d, milliseconds(100));
    EXPECT_LE(d, ceiling);
    ceiling = std::min(milliseconds(1000), ceiling * 2);
  }
}

TEST(reconnect_backoff, jitter_spreads_boards_apart) {
  std::set<long> delays;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    backoff b(milliseconds(100), milliseconds(10'000), seed * 7919);
    for (int i = 0; i < 6; ++i) b.next();
    delays.insert(b.next().count());
  }
  EXPECT_GT(delays.size(), 10u);
}

TEST(reconnect_backoff, reset_returns_to_the_minimum) {
  backoff b(milliseconds(50), milliseconds(5000), 3);
  for (int i = 0; i < 10; ++i) b.next();
  b.reset();
  EXPECT_EQ(b.next(), milliseconds(50));
}

TEST(reconnect_backoff, a_max_below_the_min_is_the_min) {
  backoff b(milliseconds(200), milliseconds(10), 9);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(b.next(), milliseconds(200));
}

}  // namespace
}  // namespace hubgate
