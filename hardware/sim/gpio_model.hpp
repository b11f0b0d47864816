// Simulated door I/O of the reference board: the lock relay (output), the reed switch on the
// door (input) and the exit button (input), with a timeline of every change for tests.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace hubgate::sim {

enum class gpio_line { relay, door, button };

struct gpio_event {
  std::int64_t ms_since_start = 0;
  gpio_line line = gpio_line::relay;
  bool active = false;  // relay on, door open, button pressed
  bool operator==(const gpio_event&) const = default;
};

// "relay on", "door open", "button pressed" and their opposites, as the control protocol
// spells them.
std::string line_name(gpio_line line);
std::string state_name(gpio_line line, bool active);
// `<ms> <line> <state>`, one timeline line of the `gpio` control command.
std::string format_event(const gpio_event& event);

class gpio_model {
 public:
  using clock = std::chrono::steady_clock;
  using listener = std::function<void(const gpio_event&)>;

  explicit gpio_model(clock::time_point start) : start_(start) {}

  // Each setter records a timeline entry and notifies the listener only on a real change.
  void set(gpio_line line, bool active, clock::time_point now);
  bool get(gpio_line line) const;
  const std::vector<gpio_event>& timeline() const { return timeline_; }
  void on_change(listener l) { listener_ = std::move(l); }

 private:
  clock::time_point start_;
  bool relay_ = false;
  bool door_open_ = false;
  bool button_pressed_ = false;
  std::vector<gpio_event> timeline_;
  listener listener_;
};

}  // namespace hubgate::sim
