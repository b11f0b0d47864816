// Debouncing of the reader adapter, as pure logic.
#include "door_controller/reader/tap_debouncer.hpp"

#include <gtest/gtest.h>

namespace hubgate::door {
namespace {

using namespace std::chrono_literals;
const tap_debouncer::uid card_a{1, 2, 3, 4};
const tap_debouncer::uid card_b{5, 6, 7, 8};

TEST(tap_debouncer, a_held_card_is_one_tap) {
  tap_debouncer d(100ms, 0ms);
  std::chrono::steady_clock::time_point t{};
  int taps = 0;
  for (int i = 0; i < 200; ++i, t += 20ms)
    if (d.observe(card_a, t)) ++taps;
  EXPECT_EQ(taps, 1);
}

TEST(tap_debouncer, a_short_gap_is_the_same_tap_a_long_one_is_a_new_tap) {
  tap_debouncer d(100ms, 0ms);
  std::chrono::steady_clock::time_point t{};
  EXPECT_TRUE(d.observe(card_a, t));
  EXPECT_FALSE(d.observe(std::nullopt, t + 50ms));
  EXPECT_FALSE(d.observe(card_a, t + 90ms));
  EXPECT_FALSE(d.observe(std::nullopt, t + 150ms));
  EXPECT_TRUE(d.observe(card_a, t + 300ms));
}

TEST(tap_debouncer, another_card_is_a_new_tap_at_once) {
  tap_debouncer d(100ms, 0ms);
  std::chrono::steady_clock::time_point t{};
  EXPECT_TRUE(d.observe(card_a, t));
  EXPECT_EQ(d.observe(card_b, t + 20ms), card_b);
}

TEST(tap_debouncer, rearm_makes_a_held_card_tap_again) {
  tap_debouncer d(100ms, 1000ms);
  std::chrono::steady_clock::time_point t{};
  std::vector<int> taps_at_ms;
  for (int ms = 0; ms <= 2500; ms += 20)
    if (d.observe(card_a, t + std::chrono::milliseconds(ms))) taps_at_ms.push_back(ms);
  EXPECT_EQ(taps_at_ms, (std::vector{0, 1000, 2000}));
}

}  // namespace
}  // namespace hubgate::door
