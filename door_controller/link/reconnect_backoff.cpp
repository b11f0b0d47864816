#include "door_controller/link/reconnect_backoff.hpp"

#include <algorithm>

namespace hubgate::door {

reconnect_backoff::reconnect_backoff(std::chrono::milliseconds min, std::chrono::milliseconds max,
                                     std::uint64_t seed)
    : min_(std::max(min, std::chrono::milliseconds(1))),
      max_(std::max(min_, max)),
      ceiling_(min_),
      state_(seed | 1) {}

std::chrono::milliseconds reconnect_backoff::next() {
  const auto span = static_cast<std::uint64_t>((ceiling_ - min_).count());
  const auto delay = min_ + std::chrono::milliseconds(span == 0 ? 0 : random() % (span + 1));
  ceiling_ = std::min(max_, ceiling_ * 2);
  return delay;
}

// xorshift64*: jitter only needs to spread boards apart, not to be unpredictable.
std::uint64_t reconnect_backoff::random() {
  state_ ^= state_ >> 12;
  state_ ^= state_ << 25;
  state_ ^= state_ >> 27;
  return state_ * 2685821657736338717ULL;
}

}  // namespace hubgate::door
