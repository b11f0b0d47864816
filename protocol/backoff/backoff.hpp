// How long to wait before retrying something lost (a reader, a link, the twin's socket):
// exponential from a minimum to a cap, optionally with "full jitter" so that a fleet of
// boards that lost the service together does not come back in step.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>

namespace hubgate {

class backoff {
 public:
  // Without a seed every delay is the ceiling itself (min, 2 min, 4 min ... max). With one,
  // each delay is uniform in [min, ceiling]. A max below the min is the min; a minimum of
  // zero counts as 1 ms, since zero would never grow.
  backoff(std::chrono::milliseconds min, std::chrono::milliseconds max,
          std::optional<std::uint64_t> jitter_seed = std::nullopt);

  // The delay before the coming attempt; the ceiling doubles for the one after it.
  std::chrono::milliseconds next();
  // After an attempt that worked: the next failure waits about min again.
  void reset() { ceiling_ = min_; }

 private:
  std::uint64_t random();

  std::chrono::milliseconds min_;
  std::chrono::milliseconds max_;
  std::chrono::milliseconds ceiling_;
  bool jitter_;
  std::uint64_t state_;
};

}  // namespace hubgate
