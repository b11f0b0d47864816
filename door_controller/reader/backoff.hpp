// Exponential backoff between attempts to reopen a lost reader (or reconnect an I/O link):
// doubles from a minimum up to a cap, back to the minimum after a success.
#pragma once
#include <algorithm>
#include <chrono>

namespace hubgate::door {

class backoff {
public:
  backoff(std::chrono::milliseconds min, std::chrono::milliseconds max)
      : min_(min), max_(std::max(min, max)), next_(min) {}

  // The delay to wait before the coming attempt; the one after it is twice as long.
  std::chrono::milliseconds next() {
    const auto now = next_;
    next_ = std::min(max_, next_ * 2);
    return now;
  }
  void reset() { next_ = min_; }

private:
  std::chrono::milliseconds min_;
  std::chrono::milliseconds max_;
  std::chrono::milliseconds next_;
};

}  // namespace hubgate::door
