// How long the link waits before reconnecting: exponential from a minimum to a cap, with
// "full jitter" so a fleet of boards that lost the service together does not return in step.
#pragma once
#include <chrono>
#include <cstdint>

namespace hubgate::door {

class reconnect_backoff {
 public:
  reconnect_backoff(std::chrono::milliseconds min, std::chrono::milliseconds max,
                    std::uint64_t seed);

  // The delay before the coming attempt: uniform in [min, ceiling], where the ceiling starts
  // at min and doubles per failure up to max.
  std::chrono::milliseconds next();
  // After a connection that worked: the next failure waits about min again.
  void reset() { ceiling_ = min_; }

 private:
  std::uint64_t random();

  std::chrono::milliseconds min_;
  std::chrono::milliseconds max_;
  std::chrono::milliseconds ceiling_;
  std::uint64_t state_;
};

}  // namespace hubgate::door
