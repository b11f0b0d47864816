#include "protocol/backoff/backoff.hpp"

#include <algorithm>

namespace hubgate {

backoff::backoff(std::chrono::milliseconds min, std::chrono::milliseconds max,
                 std::optional<std::uint64_t> jitter_seed)
    : min_(std::max(min, std::chrono::milliseconds(1))),
      max_(std::max(min_, max)),
      ceiling_(min_),
      jitter_(jitter_seed.has_value()),
      state_(jitter_seed.value_or(0) | 1) {}

std::chrono::milliseconds backoff::next() {
  auto delay = ceiling_;
  if (jitter_) {
    const auto span = static_cast<std::uint64_t>((ceiling_ - min_).count());
    delay = min_ + std::chrono::milliseconds(span == 0 ? 0 : random() % (span + 1));
  }
  ceiling_ = std::min(max_, ceiling_ * 2);
  return delay;
}

// xorshift64*: jitter only needs to spread boards apart, not to be unpredictable.
std::uint64_t backoff::random() {
  state_ ^= state_ >> 12;
  state_ ^= state_ << 25;
  state_ ^= state_ >> 27;
  return state_ * 2685821657736338717ULL;
}

}  // namespace hubgate
