// The time the door loop runs on, handed in so tests can drive it: a monotonic clock for
// timers (unlock pulses, held-open) and the wall clock for decisions and event timestamps.
#pragma once
#include <chrono>

namespace hubgate::door {

class clock {
 public:
  virtual ~clock() = default;
  virtual std::chrono::steady_clock::time_point steady_now() const = 0;
  virtual std::chrono::system_clock::time_point system_now() const = 0;
};

class real_clock final : public clock {
 public:
  std::chrono::steady_clock::time_point steady_now() const override {
    return std::chrono::steady_clock::now();
  }
  std::chrono::system_clock::time_point system_now() const override {
    return std::chrono::system_clock::now();
  }
};

}  // namespace hubgate::door
