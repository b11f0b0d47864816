#include "hardware/sim/gpio_model.hpp"

#include <fmt/format.h>

namespace hubgate::sim {

std::string line_name(gpio_line line) {
  switch (line) {
    case gpio_line::relay:
      return "relay";
    case gpio_line::door:
      return "door";
    case gpio_line::button:
      return "button";
  }
  return "?";
}

std::string state_name(gpio_line line, bool active) {
  switch (line) {
    case gpio_line::relay:
      return active ? "on" : "off";
    case gpio_line::door:
      return active ? "open" : "closed";
    case gpio_line::button:
      return active ? "pressed" : "released";
  }
  return "?";
}

std::string format_event(const gpio_event& event) {
  return fmt::format("{} {} {}", event.ms_since_start, line_name(event.line),
                     state_name(event.line, event.active));
}

bool gpio_model::get(gpio_line line) const {
  switch (line) {
    case gpio_line::relay:
      return relay_;
    case gpio_line::door:
      return door_open_;
    case gpio_line::button:
      return button_pressed_;
  }
  return false;
}

void gpio_model::set(gpio_line line, bool active, clock::time_point now) {
  bool& state = line == gpio_line::relay  ? relay_
                : line == gpio_line::door ? door_open_
                                          : button_pressed_;
  if (state == active) return;
  state = active;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - start_).count();
  timeline_.push_back(gpio_event{ms, line, active});
  if (listener_) listener_(timeline_.back());
}

}  // namespace hubgate::sim
