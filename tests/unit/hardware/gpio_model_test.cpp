#include "hardware/sim/gpio_model.hpp"

#include <gtest/gtest.h>

namespace hubgate::sim {
namespace {

using namespace std::chrono_literals;

TEST(gpio_model, records_changes_with_milliseconds_since_start) {
  const auto t0 = gpio_model::clock::time_point{} + 1h;
  gpio_model gpio(t0);
  std::vector<gpio_event> seen;
  gpio.on_change([&seen](const gpio_event& e) { seen.push_back(e); });
  gpio.set(gpio_line::relay, true, t0 + 10ms);
  gpio.set(gpio_line::relay, true, t0 + 11ms);  // no change, not recorded
  gpio.set(gpio_line::door, true, t0 + 250ms);
  gpio.set(gpio_line::door, false, t0 + 900ms);
  gpio.set(gpio_line::relay, false, t0 + 3010ms);
  const std::vector<gpio_event> expected{{10, gpio_line::relay, true},
                                         {250, gpio_line::door, true},
                                         {900, gpio_line::door, false},
                                         {3010, gpio_line::relay, false}};
  EXPECT_EQ(gpio.timeline(), expected);
  EXPECT_EQ(seen, expected);
  EXPECT_FALSE(gpio.get(gpio_line::relay));
  EXPECT_EQ(format_event(expected[1]), "250 door open");
  EXPECT_EQ(format_event(expected[3]), "3010 relay off");
  EXPECT_EQ(format_event({5, gpio_line::button, true}), "5 button pressed");
}

}  // namespace
}  // namespace hubgate::sim
